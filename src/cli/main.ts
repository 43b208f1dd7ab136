/**
 * run(argv, io, env) → exit code. The one place where errors become messages and exit codes
 * (SPEC §2): 0 success, 1 domain or database error, 2 usage error, 130 cancelled.
 */
import { CommanderError } from 'commander';
import { KvzError, UsageErrors } from '../domain/errors.js';
import type { Env, Io, RunOpties } from './context.js';
import type { Runtime } from './handler.js';
import { normaliseerCommandos } from './commando-namen.js';
import { bouwProgramma } from './program.js';
import { begin, sluitOngebruikt, vroegAdres } from './vroeg.js';
import { foutregel } from './zichtbaar.js';

export type { Io, Env, RunOpties };

export async function run(argv: string[], io: Io, env: Env, opties: RunOpties = {}): Promise<number> {
  const runtime: Runtime = { io, env, opties, houder: {}, exitCode: 0 };
  try {
    const adres = vroegAdres(argv, env);
    if (adres) runtime.houder.vroeg = await begin(adres, env);
    const program = bouwProgramma(runtime, argv);
    await program.parseAsync(normaliseerCommandos(program, argv), { from: 'user' });
    return runtime.exitCode;
  } catch (e) {
    return foutNaarCode(e, io, env, runtime);
  } finally {
    const db = runtime.houder.db ?? (await runtime.houder.bezig?.catch(() => undefined));
    await db?.sluit();
    await sluitOngebruikt(runtime.houder.vroeg);
  }
}

const SQLITE_BERICHTEN: Record<string, string> = {
  SQLITE_BUSY: 'De database is bezet door een ander proces; na 5 seconden wachten is het opgegeven. Probeer het zo opnieuw.',
  SQLITE_LOCKED: 'De database is bezet door een ander proces. Probeer het zo opnieuw.',
  SQLITE_READONLY: 'De database kan niet worden beschreven (alleen-lezen bestand of map).',
  SQLITE_CANTOPEN: 'Het databasebestand kan niet worden geopend; controleer het pad en de rechten.',
  SQLITE_NOTADB: 'Het bestand is geen kvz-database of is beschadigd; kvz heeft het niet aangeraakt.',
  SQLITE_CORRUPT: 'De database is beschadigd. Herstel een back-up (kvz backup) en draai kvz check.',
  SQLITE_FULL: 'De schijf is vol; er is niets vastgelegd.',
  SQLITE_IOERR: 'Lezen of schrijven van de database mislukte; er is niets vastgelegd.',
  SQLITE_PERM: 'Geen toestemming om de database te openen.',
};

const FS_BERICHTEN: Record<string, string> = {
  EACCES: 'Geen toestemming voor dit bestand of deze map',
  EPERM: 'Geen toestemming voor dit bestand of deze map',
  EROFS: 'Het bestandssysteem is alleen-lezen',
  ENOSPC: 'De schijf is vol',
  ENOENT: 'Het bestand of de map bestaat niet',
  EISDIR: 'Dit is een map, geen bestand',
  ENOTDIR: 'Een deel van het pad is geen map',
};

/** PostgreSQL's SQLSTATE classes and node-postgres's own words for a connection that went away. */
const VERBINDING_WEG = /^(08|57P0)/;
const VERBINDING_WEG_TEKST = /Connection terminated|connection (is )?closed|ECONNRESET|EPIPE/i;

function foutNaarCode(e: unknown, io: Io, env: Env, runtime: Runtime): number {
  const debug = env.KVZ_DEBUG === '1';
  const meld = (tekst: string) => io.stderr.write(`${foutregel(tekst)}\n`);
  if (debug && e instanceof Error && !(e instanceof CommanderError)) io.stderr.write(`${e.stack ?? String(e)}\n`);

  if (e instanceof UsageErrors) {
    e.regels.forEach(meld);
    return e.exitCode;
  }
  if (e instanceof KvzError) {
    meld(e.message);
    return e.exitCode;
  }
  if (e instanceof CommanderError) {
    // Help and version were printed by commander; its own errors were printed in Dutch already.
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
    return 2;
  }
  const code = (e as { code?: unknown } | null)?.code;
  if (runtime.houder.db?.soort === 'postgres') {
    if (code === '42501') {
      // The database refused what the command tried: its rights are the last word (SPEC §7).
      const rol = runtime.houder.db.identiteit?.rol;
      meld(`Geen toegang: ${rol ? `met de rol ${rol} ` : ''}staat de database dit niet toe; er is niets vastgelegd.`);
      return 4;
    }
    const tekst = e instanceof Error ? e.message : '';
    if ((typeof code === 'string' && (VERBINDING_WEG.test(code) || code === 'ECONNRESET' || code === 'EPIPE')) || VERBINDING_WEG_TEKST.test(tekst)) {
      meld('De verbinding met PostgreSQL viel weg; wat dit commando deed, is niet vastgelegd. Probeer het opnieuw.');
      return 1;
    }
  }
  if (typeof code === 'string') {
    const sqlite = Object.keys(SQLITE_BERICHTEN).find((k) => code === k || code.startsWith(`${k}_`));
    if (sqlite) {
      meld(SQLITE_BERICHTEN[sqlite]!);
      return 1;
    }
    if (FS_BERICHTEN[code]) {
      const pad = (e as { path?: string }).path;
      meld(`${FS_BERICHTEN[code]}${pad ? `: ${pad}` : ''}.`);
      return 1;
    }
  }
  meld(`Onverwachte fout: ${e instanceof Error ? e.message : String(e)}${debug ? '' : ' (zet KVZ_DEBUG=1 voor details)'}`);
  return 1;
}
