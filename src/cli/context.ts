/**
 * What a command handler gets: the streams, the clock, the user, whether it may prompt, and the
 * database (opened on first use, so `--help` and usage errors never touch a file).
 */
import { userInfo } from 'node:os';
import { dbLocatie, type DbLocatie } from '../store/locatie.js';
import type { Db } from '../store/db.js';
import type { Actor } from '../store/audit.js';
import { UsageError } from '../domain/errors.js';
import { isPostgresAdres, toonbaarAdres } from '../store/adres.js';
import type { Rol } from '../store/rollen.js';
import type { VroegeVerbinding } from './vroeg.js';
import { optioneleTekst } from '../domain/tekst.js';
import { leesPad } from './invoer.js';
import { inquirerPrompter, type Prompter } from './prompts.js';

export interface Uitvoer {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: Uitvoer;
  stderr: Uitvoer;
}

export type Env = Record<string, string | undefined>;

export interface GlobaleOpties {
  db?: string;
  gebruiker?: string;
  color?: boolean;
  input?: boolean;
}

/** Test seams: a fixed clock and a scripted prompter. */
export interface RunOpties {
  nu?: () => Date;
  prompter?: Prompter;
  /** The mount table instead of /proc/self/mountinfo (to test the refusal of network drives). */
  mountinfo?: string;
}

export interface Context {
  io: Io;
  env: Env;
  nu: Date;
  gebruiker: string;
  kleur: boolean;
  kanVragen: boolean;
  vraag: Prompter;
  /** Where the database is, as it may be shown (a PostgreSQL address without its password). */
  dbPad(): string;
  /** The address exactly as given, password and all: only for connecting (kvz init, kvz kopieer), never to show. */
  dbAdres(): string;
  /** A SQLite file ('bestand') or a shared PostgreSQL database. */
  opslag: 'bestand' | 'postgres';
  /** Where the path came from: --db ('optie'), KVZ_DB or the default location. */
  dbBron(): DbLocatie['bron'];
  /** The database, opened on first use. */
  db(): Promise<Db>;
  actor(commando: string): Actor;
  /**
   * The user's role on PostgreSQL (SPEC §7), known once the database is open; undefined on a file,
   * which has one user with every right.
   */
  rol(): Rol | undefined;
}

/** Holds the connection of one run, so that run() can close it whatever happens. */
export interface DbHouder {
  db?: Db;
  /** The opening under way: two callers at once share it instead of opening twice. */
  bezig?: Promise<Db>;
  /** A connection started before the command line was parsed (vroeg.ts), until a command takes it. */
  vroeg?: VroegeVerbinding;
}

/**
 * The commands that may create a missing database file (SPEC §4.6): init, demo, import and the
 * add/open commands. Anything else on a path without a database says so: a mistyped --db must not
 * leave an empty database (and its folder) behind that answers "Geen meldingen gevonden".
 */
export function maaktDatabase(commando: string, opties: Record<string, unknown> = {}): boolean {
  // A trial import writes nothing, and an actie needs a zaak that a new database cannot have.
  if (opties.proef === true || commando === 'actie add') return false;
  return commando === 'init' || commando === 'demo' || commando.startsWith('import') || /(^| )(add|open)$/.test(commando);
}

function osGebruiker(): string {
  try {
    return userInfo().username;
  } catch {
    return 'onbekend';
  }
}

function klokVan(env: Env, opties: RunOpties): Date {
  if (opties.nu) return opties.nu();
  // For spawned tests and the bench only: a fixed "now".
  if (env.KVZ_NU) {
    const d = new Date(env.KVZ_NU);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return new Date();
}

/** The name recorded in the audit log: printable text, no escape sequences, not absurdly long. */
function leesGebruiker(optie: string | undefined, uitEnv: string | undefined): string | undefined {
  if (optie !== undefined) {
    const naam = optioneleTekst(optie, '--gebruiker', { max: 100 });
    if (naam === undefined) throw new UsageError('--gebruiker mag niet leeg zijn; laat de optie weg om de naam van de OS-gebruiker te gebruiken.');
    return naam;
  }
  return optioneleTekst(uitEnv, 'KVZ_GEBRUIKER', { max: 100 });
}

export function maakContext(
  io: Io,
  env: Env,
  globaal: GlobaleOpties,
  opties: RunOpties,
  houder: DbHouder,
  commando = '',
  commandoOpties: Record<string, unknown> = {},
): Context {
  const nu = klokVan(env, opties);
  const { pad, bron } = dbLocatie(globaal.db === undefined ? undefined : leesPad(globaal.db, '--db'), env);
  const opslag = isPostgresAdres(pad) ? 'postgres' : 'bestand';
  if (opslag === 'postgres' && (globaal.gebruiker !== undefined || env.KVZ_GEBRUIKER)) {
    // On PostgreSQL the database itself records who did what: the login.
    throw new UsageError(
      `${globaal.gebruiker !== undefined ? '--gebruiker' : 'KVZ_GEBRUIKER'} geldt alleen voor een databasebestand; op PostgreSQL legt de database zelf de login vast. Laat ${globaal.gebruiker !== undefined ? 'de optie' : 'de variabele'} weg.`,
    );
  }
  const gebruiker = opslag === 'postgres' ? osGebruiker() : (leesGebruiker(globaal.gebruiker, env.KVZ_GEBRUIKER) ?? osGebruiker());
  const kleur = globaal.color !== false && !('NO_COLOR' in env && env.NO_COLOR !== '') && io.stdout.isTTY === true && env.TERM !== 'dumb';
  const kanVragen = globaal.input !== false && io.stdin.isTTY === true && io.stdout.isTTY === true;
  const vraag = opties.prompter ?? inquirerPrompter(io);
  return {
    io,
    env,
    nu,
    // On PostgreSQL the login, once connected: the name the database records too.
    get gebruiker() {
      return houder.db?.identiteit?.login ?? gebruiker;
    },
    kleur,
    kanVragen,
    vraag,
    dbPad: () => toonbaarAdres(pad),
    dbAdres: () => pad,
    dbBron: () => bron,
    opslag,
    async db() {
      // Opened on first use: a usage error found before that creates no file.
      if (houder.db) return houder.db;
      houder.bezig ??= (async (): Promise<Db> => {
        if (opslag === 'postgres') {
          const vroeg = houder.vroeg?.adres === pad ? houder.vroeg : undefined;
          if (vroeg) {
            houder.vroeg = undefined;
            return vroeg.db;
          }
          // Loaded only here: the front desk's file needs no PostgreSQL driver.
          const { openPostgres } = await import('../store/postgres-open.js');
          return openPostgres(pad, env);
        }
        // Loaded only here too: a shared database needs no SQLite driver.
        const { openDatabase } = await import('../store/database.js');
        return openDatabase(pad, { nu, netwerk: { mountinfo: opties.mountinfo }, maakAan: maaktDatabase(commando, commandoOpties), bron });
      })();
      houder.db = await houder.bezig;
      return houder.db;
    },
    actor: (commando) => ({ gebruiker: houder.db?.identiteit?.login ?? gebruiker, nu, commando }),
    rol: () => houder.db?.identiteit?.rol,
  };
}
