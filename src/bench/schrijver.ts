/**
 * One of the bench's simultaneous clients on PostgreSQL: `kvz melding add` the given number of times,
 * in this process, each a connection and a transaction of its own, as desks do. Arguments: the
 * client's number and how many meldingen. The database comes from KVZ_DB.
 */
import { run } from '../cli/main.js';

const [nr, aantal] = process.argv.slice(2).map(Number);
let fouten = '';
const stil = { write: () => true, isTTY: false };
const io = { stdin: process.stdin, stdout: stil, stderr: { write: (t: string) => ((fouten += t), true), isTTY: false } };
/** The meldingen one after the other (no top-level await: the build makes every file CommonJS, src/bundel.mjs). */
async function schrijf(): Promise<void> {
  for (let i = 0; i < aantal!; i++) {
    const args = ['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', `Gelijktijdig ${nr}.${i}`, '--kanaal', 'balie'];
    const code = await run(args, io, process.env);
    if (code !== 0) {
      process.stderr.write(fouten);
      process.exit(1);
    }
  }
}

void schrijf();
