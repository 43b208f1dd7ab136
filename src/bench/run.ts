/**
 * `npm run bench [-- --klein] [-- --runs N] [-- --herhaal N]`: measures kvz against the budgets of
 * SPEC §6 on a region-scale data set, each command beside its baseline in the same run (medians of
 * several runs, interleaved so that a busy machine hurts both alike), and ends with one line per
 * budget. With --herhaal N the whole bench runs N times and each budget is judged on its worst run:
 * a budget met by one lucky run is not met. Exit 1 when a budget is missed.
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { genereer, REGIO, verkleind, type Omvang } from './genereer.js';
import { importBestand } from './import-csv.js';
import { gelijktijdig, pgOmgeving } from './postgres.js';
import { naarSchijf } from './schijf.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'kvz.cjs');
const NU = '2027-03-16T10:00:00.000Z';
/** Bump when the generator changes, so a cached data set is rebuilt. */
const GENERATOR_VERSIE = 7;

interface Opties {
  klein: boolean;
  runs: number;
  /** How often the whole bench runs; each budget is judged on the worst. */
  herhaal: number;
  map: string;
}

function leesOpties(argv: string[]): Opties {
  const klein = argv.includes('--klein');
  const i = argv.indexOf('--runs');
  const runs = i >= 0 ? Number(argv[i + 1]) : klein ? 3 : 7;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs verwacht een heel getal vanaf 1');
  const h = argv.indexOf('--herhaal');
  const herhaal = h >= 0 ? Number(argv[h + 1]) : 1;
  if (!Number.isInteger(herhaal) || herhaal < 1) throw new Error('--herhaal verwacht een heel getal vanaf 1');
  const m = argv.indexOf('--map');
  return { klein, runs, herhaal, map: m >= 0 ? argv[m + 1]! : join(ROOT, '.bench') };
}

function mediaan(waarden: number[]): number {
  const s = [...waarden].sort((a, b) => a - b);
  const midden = Math.floor(s.length / 2);
  return s.length % 2 ? s[midden]! : (s[midden - 1]! + s[midden]!) / 2;
}

interface Uitkomst {
  ms: number;
  stdout: string;
}

/** Runs a command once and returns its wall time; fails loudly if it fails. */
function tijd(cmd: string, args: string[], env: Record<string, string> = {}): Uitkomst {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} faalde (exit ${r.status}):\n${r.stderr}`);
  return { ms, stdout: r.stdout };
}

/** Peak resident memory of a child process in MB (Linux ru_maxrss is in KB). */
function piekGeheugen(cmd: string, args: string[], env: Record<string, string>): number {
  const py = 'import resource,subprocess,sys; r=subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); sys.exit(r.returncode or 0) if r.returncode else print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)';
  const r = spawnSync('python3', ['-c', py, cmd, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`geheugenmeting van ${cmd} faalde:\n${r.stderr}`);
  return Number(r.stdout.trim()) / 1024;
}

/** A budget: lower is better, `grens` is the most allowed. */
interface Budget {
  naam: string;
  gemeten: number;
  grens: number;
  eenheid: string;
}

interface Meting {
  naam: string;
  ms: number;
  basis?: { naam: string; ms: number };
  /** Shown instead of a time (peak memory). */
  waarde?: string;
}

/** Measures `meet` and `basis` alternately, `runs` times each, and keeps the medians. */
function vergelijk(runs: number, meet: () => number, basis: () => number): { ms: number; basis: number } {
  const a: number[] = [];
  const b: number[] = [];
  meet();
  basis(); // warm the file cache for both
  for (let i = 0; i < runs; i++) {
    b.push(basis());
    a.push(meet());
  }
  return { ms: mediaan(a), basis: mediaan(b) };
}

function dataset(o: Opties, omvang: Omvang): string {
  mkdirSync(o.map, { recursive: true });
  const naam = o.klein ? 'klein' : 'regio';
  const pad = join(o.map, `${naam}.db`);
  const merk = join(o.map, `${naam}.json`);
  const gewenst = JSON.stringify({ GENERATOR_VERSIE, omvang, NU });
  if (existsSync(pad) && existsSync(merk) && readFileSync(merk, 'utf8') === gewenst) return pad;
  for (const f of [pad, `${pad}-wal`, `${pad}-shm`, merk]) rmSync(f, { force: true });
  process.stderr.write(`Testgegevens maken: ${omvang.meldingen} meldingen, ${omvang.zaken} zaken, ${omvang.acties} acties…\n`);
  const start = Date.now();
  genereer(pad, omvang, new Date(NU));
  writeFileSync(merk, gewenst);
  process.stderr.write(`  klaar in ${((Date.now() - start) / 1000).toFixed(1)} s (${(statSync(pad).size / 1e6).toFixed(0)} MB)\n`);
  return pad;
}

/**
 * A fresh copy of the data set to measure on: the bench's own `melding add` runs write into it, and
 * in the data set itself those meldingen piled up from one bench to the next (#17). Every run of the
 * bench, and every repetition, starts from the same data.
 */
function werkkopie(pad: string): string {
  const kopie = pad.replace(/\.db$/, '-werk.db');
  verseKopie(pad, kopie);
  naarSchijf();
  return kopie;
}

/** `kopie` made anew from `bron`, without the log and index files of an earlier copy. */
function verseKopie(bron: string, kopie: string): void {
  for (const f of [kopie, `${kopie}-wal`, `${kopie}-shm`]) rmSync(f, { force: true });
  copyFileSync(bron, kopie);
}

const MATRIX_SQL = `SELECT z.nummer, z.titel, z.soort, z.kern, a.nummer, a.omschrijving, a.partner, a.deadline, a.status,
  CASE WHEN a.status IN ('open','loopt') AND a.deadline < '2027-03-16' THEN 'ja' ELSE 'nee' END, a.keer_uitgesteld,
  a.gewijzigd_op, o.soort || ' ' || o.datum
  FROM actie a JOIN zaak z ON z.id = a.zaak_id LEFT JOIN overleg o ON o.id = a.overleg_id
  WHERE z.vertrouwelijk = 0 ORDER BY z.nummer, a.deadline`;

async function main(): Promise<number> {
  const o = leesOpties(process.argv.slice(2));
  const omvang = o.klein ? verkleind(REGIO, 20) : REGIO;
  const db = dataset(o, omvang);
  const herhalingen: { metingen: Meting[]; budgetten: Budget[] }[] = [];
  for (let i = 1; i <= o.herhaal; i++) {
    if (o.herhaal > 1) process.stderr.write(`Herhaling ${i} van ${o.herhaal}…\n`);
    herhalingen.push(await meetAlles(o, db));
  }
  // Each budget on its worst run (the same budgets in every run, in the same order).
  const slechtste = herhalingen[0]!.budgetten.map((b) => ({
    ...b,
    gemeten: Math.max(...herhalingen.map((h) => h.budgetten.find((x) => x.naam === b.naam)?.gemeten ?? Number.POSITIVE_INFINITY)),
  }));
  druk(o, omvang, herhalingen.at(-1)!.metingen, slechtste, herhalingen.map((h) => h.budgetten));
  return slechtste.every((b) => b.gemeten <= b.grens) ? 0 : 1;
}

async function meetAlles(o: Opties, bron: string): Promise<{ metingen: Meting[]; budgetten: Budget[] }> {
  const db = werkkopie(bron);
  const env = { KVZ_DB: db, KVZ_NU: NU, KVZ_GEBRUIKER: 'bench', NO_COLOR: '1' };
  const kvz = (...args: string[]) => () => tijd(process.execPath, [BIN, ...args], env).ms;
  const node0 = () => tijd(process.execPath, ['-e', '0']).ms;
  const metingen: Meting[] = [];
  const budgetten: Budget[] = [];
  const ratio = (naam: string, meet: () => number, basis: () => number, basisNaam: string, grens: number) => {
    const r = vergelijk(o.runs, meet, basis);
    metingen.push({ naam, ms: r.ms, basis: { naam: basisNaam, ms: r.basis } });
    budgetten.push({ naam, gemeten: r.ms / r.basis, grens, eenheid: '×' });
  };

  ratio('kvz --version', kvz('--version'), node0, 'node -e 0', 1.5);
  const add = [
    'melding', 'add', '--categorie', 'treiteren', '--kern', 'Obdam', '--omschrijving', 'Bench: scheldpartij bij de nieuwe bewoners',
    '--adres', 'Dorpsstraat 12', '--ontvangen', '16-03-2027 09:30', '--kanaal', 'balie', '--melder-naam', 'Bench Melder',
    '--melder-telefoon', '0612345678', '--melder-email', 'bench@example.nl', '--terugkoppeling', '--vergunninghouder',
    '--doorzetten', 'politie,jongerenwerk',
  ];
  ratio('kvz melding add', kvz(...add), node0, 'node -e 0', 2);
  for (const soort of ['gio', 'politie']) ratio(`kvz agenda ${soort}`, kvz('agenda', soort), node0, 'node -e 0', 3);
  ratio('kvz status', kvz('status'), node0, 'node -e 0', 3);
  // The data against the audit log (SPEC §10): every object's state recomputed, against SQLite's own check.
  ratio('kvz check', kvz('check'), () => tijd('sqlite3', [db, 'PRAGMA integrity_check']).ms, 'sqlite3 integrity_check', 4);

  // Export: 200,000 matrix rows against sqlite3 -csv selecting the same columns.
  const uit = join(o.map, 'matrix.csv');
  {
    ratio('kvz export matrix --status alle', kvz('export', 'matrix', '--status', 'alle', '--output', uit), () => tijd('sqlite3', ['-csv', db, MATRIX_SQL]).ms, 'sqlite3 -csv', 3);
    const mb = piekGeheugen(process.execPath, [BIN, 'export', 'matrix', '--status', 'alle', '--output', uit], env);
    metingen.push({ naam: 'kvz export matrix: piekgeheugen', ms: NaN, waarde: `${mb.toFixed(0)} MB` });
    budgetten.push({ naam: 'export matrix piekgeheugen', gemeten: mb, grens: 150, eenheid: ' MB' });
  }

  // The same matrix as an Excel workbook (SPEC §9): exceljs' streaming writer.
  {
    const xlsx = join(o.map, 'matrix.xlsx');
    const args = ['export', 'matrix', '--status', 'alle', '--output', xlsx];
    ratio('kvz export matrix --formaat xlsx', kvz(...args), () => tijd('sqlite3', ['-csv', db, MATRIX_SQL]).ms, 'sqlite3 -csv', 15);
    const mb = piekGeheugen(process.execPath, [BIN, ...args], env);
    metingen.push({ naam: 'kvz export matrix --formaat xlsx: piekgeheugen', ms: NaN, waarde: `${mb.toFixed(0)} MB` });
    budgetten.push({ naam: 'export matrix xlsx piekgeheugen', gemeten: mb, grens: 300, eenheid: ' MB' });
  }

  // SPEC §6: a melding add whose forwarding goes out by mail, to an SMTP server on this machine, is a
  // line of its own. The partner gets an address first (on this run's copy of the data).
  await metMailserver(async (poort, ontvangen) => {
    tijd(process.execPath, [BIN, 'partner', 'update', 'politie', '--email', 'meldingen@politie.example'], env);
    const mailEnv = { ...env, KVZ_SMTP: `smtp://127.0.0.1:${poort}`, KVZ_AFZENDER: 'integraleveiligheid@koggenland.example' };
    const metMail = [...add.slice(0, add.indexOf('--doorzetten')), '--doorzetten', 'politie'];
    let runs = 0;
    const meet = () => {
      runs++;
      return tijd(process.execPath, [BIN, ...metMail], mailEnv).ms;
    };
    ratio('kvz melding add --doorzetten politie (mail)', meet, node0, 'node -e 0', 2.5);
    // A run whose mail did not go out (it would wait, with a warning) measured something else.
    const n = await ontvangen();
    if (n !== runs) throw new Error(`de mailserver ontving ${n} van de ${runs} doorzettingen`);
  });

  // Import: a fresh database each run, so every run does the same work.
  const rijen = o.klein ? 5_000 : 100_000;
  const csv = join(o.map, `import-${rijen}.csv`);
  if (!existsSync(csv)) writeFileSync(csv, importBestand(rijen, new Date(NU)));
  const leeg = join(o.map, 'leeg.db');
  const importDb = join(o.map, 'import.db');
  rmSync(leeg, { force: true });
  tijd(process.execPath, [BIN, 'init'], { ...env, KVZ_DB: leeg });
  const importRuns: number[] = [];
  for (let i = 0; i < Math.max(3, Math.ceil(o.runs / 2)); i++) {
    verseKopie(leeg, importDb);
    importRuns.push(tijd(process.execPath, [BIN, 'import', 'meldingen', csv], { ...env, KVZ_DB: importDb }).ms);
  }
  const importMs = mediaan(importRuns);
  metingen.push({ naam: `kvz import meldingen (${rijen} regels, ${Math.round(rijen / (importMs / 1000))} regels/s)`, ms: importMs });
  // SPEC §6: ≥ 30,000 rows/s must be reached (50,000 is the aim), stated as a time so that "TE HOOG" keeps its meaning.
  budgetten.push({ naam: `import meldingen (${rijen} regels, ≥ 30000 regels/s)`, gemeten: importMs, grens: (rijen / 30_000) * 1000, eenheid: ' ms' });

  await postgresBudgetten(o, bron, add, metingen, budgetten, ratio, node0);
  return { metingen, budgetten };
}

/** Runs `werk` with an SMTP server on 127.0.0.1 in a worker thread (smtp-werker.ts); `ontvangen` counts what reached it. */
async function metMailserver(werk: (poort: number, ontvangen: () => Promise<number>) => Promise<void>): Promise<void> {
  const werker = new Worker(new URL('./smtp-werker.js', import.meta.url));
  // The worker's next message (or its failure).
  const antwoord = async () => ((await once(werker, 'message')) as [{ poort?: number; ontvangen?: number }])[0];
  try {
    const { poort } = await antwoord();
    await werk(poort!, async () => {
      const a = antwoord();
      werker.postMessage('tel');
      return (await a).ontvangen!;
    });
  } finally {
    await werker.terminate();
  }
}

const MATRIX_SQL_PG = MATRIX_SQL.replace(/\s+/g, ' ');

/** The PostgreSQL budgets of SPEC §6, against a local cluster with the same data (when PostgreSQL is installed). */
async function postgresBudgetten(
  o: Opties,
  db: string,
  add: string[],
  metingen: Meting[],
  budgetten: Budget[],
  ratio: (naam: string, meet: () => number, basis: () => number, basisNaam: string, grens: number) => void,
  node0: () => number,
): Promise<void> {
  const pg = await pgOmgeving(o.map, db, process.execPath, BIN, NU, o.klein);
  if (!pg) {
    console.error('PostgreSQL is hier niet geïnstalleerd: de PostgreSQL-budgetten zijn niet gemeten.');
    return;
  }
  try {
    // As the people who use them: the front desk adds, IV prepares the meetings and exports.
    const als = (env: Record<string, string>) => (...args: string[]) => () => tijd(process.execPath, [BIN, ...args], env).ms;
    const [balie, kvz] = [als(pg.balie), als(pg.iv)];
    ratio('postgres: kvz melding add (balie)', balie(...add), node0, 'node -e 0', 2.5);
    ratio('postgres: kvz agenda gio (iv)', kvz('agenda', 'gio'), node0, 'node -e 0', 4);
    ratio('postgres: kvz status (iv)', kvz('status'), node0, 'node -e 0', 4);
    ratio('postgres: kvz status (balie)', balie('status'), node0, 'node -e 0', 4);
    const uit = join(o.map, 'matrix-pg.csv');
    const psql = ['-X', '-q', '-h', '127.0.0.1', '-p', String(pg.cluster.port), '-U', 'bench_iv', '-d', 'kvz', '-c', `\\copy (${MATRIX_SQL_PG}) TO STDOUT CSV`];
    ratio('postgres: kvz export matrix --status alle (iv)', kvz('export', 'matrix', '--status', 'alle', '--output', uit), () => tijd('psql', psql, pg.iv).ms, 'psql copy', 3);
    // 20 clients at once; --klein keeps the run short with 5 meldingen each instead of 50.
    const per = o.klein ? 5 : 50;
    const g = await gelijktijdig(process.execPath, join(ROOT, 'dist', 'bench', 'schrijver.js'), BIN, pg, 20, per);
    const fouten = g.verwacht - g.geland + (g.uniek ? 0 : 1) + (g.keten ? 0 : 1);
    metingen.push({ naam: `postgres: 20 × ${per} meldingen tegelijk (${g.geland} van ${g.verwacht}, ${Math.round(g.geland / (g.ms / 1000))} meldingen/s)`, ms: g.ms });
    budgetten.push({ naam: `postgres: 20 × ${per} meldingen tegelijk, nummers uniek, keten klopt`, gemeten: fouten, grens: 0, eenheid: ' fout' });
  } finally {
    pg.cluster.stop();
  }
}

function druk(o: Opties, omvang: Omvang, metingen: Meting[], budgetten: Budget[], perHerhaling: Budget[][]): void {
  const ms = (x: number) => (Number.isNaN(x) ? '' : `${x.toFixed(0)} ms`);
  const herhaald = o.herhaal > 1 ? `; ${o.herhaal} herhalingen, elk budget op de slechtste (metingen hieronder: de laatste)` : '';
  console.log(`kvz bench${o.klein ? ' (klein: 1/20)' : ''} — ${omvang.meldingen} meldingen, ${omvang.zaken} zaken, ${omvang.acties} acties; mediaan van ${o.runs} runs${herhaald}`);
  console.log('');
  const kop = ['meting', 'kvz', 'basis', 'basis (ms)'];
  const rijen = metingen.map((m) => [m.naam, m.waarde ?? ms(m.ms), m.basis?.naam ?? '', m.basis ? ms(m.basis.ms) : '']);
  const breedte = kop.map((k, i) => Math.max(k.length, ...rijen.map((r) => r[i]!.length)));
  for (const r of [kop, ...rijen]) console.log(r.map((c, i) => c.padEnd(breedte[i]!)).join('  ').trimEnd());
  console.log('');
  for (const b of budgetten) {
    const ok = b.gemeten <= b.grens;
    const getal = (x: number) => (b.eenheid === '×' ? x.toFixed(2) : x.toFixed(0));
    if (perHerhaling.length > 1) {
      const waarden = perHerhaling.map((h) => h.find((x) => x.naam === b.naam)?.gemeten ?? Number.NaN);
      console.log(`  per herhaling: ${waarden.map((w) => `${getal(w)}${b.eenheid}`).join(', ')}`);
    }
    console.log(`budget ${b.naam}: ${getal(b.gemeten)}${b.eenheid} (grens ${getal(b.grens)}${b.eenheid}) ${ok ? 'ok' : 'TE HOOG'}`);
  }
}

// No top-level await: the build turns every file into CommonJS (src/bundel.mjs).
void main().then((code) => {
  process.exitCode = code;
});
