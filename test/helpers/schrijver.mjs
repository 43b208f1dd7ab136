// One of many writers at once (test/postgres/gelijktijdig.test.ts): this process runs kvz `aantal`
// times in-process with `melding add`, and after every tenth also postpones one shared actie.
// Argument: the writer's number. Environment: KVZ_DB, PGPASSWORD, AANTAL, ACTIE.
import { run } from '../../dist/cli/main.js';

const nr = Number(process.argv[2]);
const aantal = Number(process.env.AANTAL);
const stil = { write: () => true, isTTY: false };
let fouten = '';
const io = { stdin: { isTTY: false }, stdout: stil, stderr: { write: (t) => ((fouten += t), true), isTTY: false } };
for (let i = 0; i < aantal; i++) {
  const code = await run(['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', `schrijver ${nr} melding ${i}`, '--ontvangen', '2027-03-16 09:00'], io, process.env);
  if (code !== 0) throw new Error(`melding add gaf ${code}: ${fouten}`);
  if (i % 10 === 9) {
    // Every writer pushes the deadline to a date of its own: whichever lands, history and counter must agree.
    const dag = String(1 + ((nr * 7 + i) % 28)).padStart(2, '0');
    const code2 = await run(['actie', 'update', process.env.ACTIE, '--deadline', `2027-0${4 + (i % 5)}-${dag}`], io, process.env);
    if (code2 !== 0) throw new Error(`actie update gaf ${code2}: ${fouten}`);
  }
}
