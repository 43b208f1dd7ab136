/**
 * Runs kvz in-process on a temporary database, the way a user would run it: argv in; stdout,
 * stderr and the exit code out. The clock is fixed, TTYs can be switched on, and prompts can be
 * answered by a script. `spawnKvz` runs the real binary for the few tests that need a process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { run } from '../../src/cli/main.js';
import { openDatabase } from '../../src/store/database.js';
import type { Db } from '../../src/store/db.js';
import { alsLogin, isHarnasDb, isPgUrl, kloonPgDb, kanLoginZijn, leesPg, nieuwePgDb, OP_POSTGRES, pgWachtwoord, voerPg, zorgVoorPgDb } from './opslag.js';
import type { Keuze, Prompter } from '../../src/cli/prompts.js';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const BIN = join(ROOT, 'bin', 'kvz.cjs');

export interface Uitkomst {
  code: number;
  stdout: string;
  stderr: string;
}

const mappen: string[] = [];
afterEach(() => {
  for (const m of mappen.splice(0)) rmSync(m, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the test. */
export function tijdelijkeMap(): string {
  const map = mkdtempSync(join(tmpdir(), 'kvz-test-'));
  mappen.push(map);
  return map;
}

/**
 * A new, empty kvz database, made on first use as its first command would make it at that command's
 * "now" (its default cadence counts from that day): a file, or (PostgreSQL run) a database. Since a
 * reading command no longer makes a missing database (SPEC §4.6), the harness makes it, as
 * nieuwePgDb always did; `kvz init` and `kvz demo` as first command make it themselves.
 */
export function nieuweDb(): string {
  if (OP_POSTGRES) return nieuwePgDb();
  const pad = join(tijdelijkeMap(), 'kvz.db');
  nogTeMaken.add(pad);
  return pad;
}

const nogTeMaken = new Set<string>();

function zorgVoorBestand(pad: string | undefined, nu: Date, eersteCommando: string | undefined): void {
  if (pad === undefined || !nogTeMaken.has(pad)) return;
  nogTeMaken.delete(pad);
  if (eersteCommando === 'init' || eersteCommando === 'demo' || existsSync(pad)) return;
  openDatabase(pad, { nu }).ruw.close();
}

export type Antwoord = string | boolean | string[];

/** A prompter that answers from a script keyed by the start of the question, and remembers what it was asked. */
export class ScriptPrompter implements Prompter {
  gevraagd: string[] = [];
  keuzes: Record<string, Keuze[]> = {};
  constructor(private antwoorden: Record<string, Antwoord | Error>) {}
  private antwoord<T extends Antwoord>(message: string): T {
    this.gevraagd.push(message);
    const sleutel = Object.keys(this.antwoorden).find((k) => message.startsWith(k));
    if (sleutel === undefined) throw new Error(`Onverwachte vraag: ${message}`);
    const a = this.antwoorden[sleutel]!;
    if (a instanceof Error) throw a;
    return a as T;
  }
  async input(v: { message: string; validate?: (w: string) => true | string }): Promise<string> {
    const a = this.antwoord<string>(v.message);
    const oordeel = v.validate?.(a);
    if (oordeel !== undefined && oordeel !== true) throw new Error(`Antwoord '${a}' geweigerd: ${oordeel}`);
    return a;
  }
  async search(v: { message: string; choices: Keuze[] }): Promise<string> {
    this.keuzes[v.message] = v.choices;
    return this.antwoord<string>(v.message);
  }
  async select(v: { message: string; choices: Keuze[] }): Promise<string> {
    this.keuzes[v.message] = v.choices;
    return this.antwoord<string>(v.message);
  }
  async checkbox(v: { message: string; choices: Keuze[] }): Promise<string[]> {
    this.keuzes[v.message] = v.choices;
    return this.antwoord<string[]>(v.message);
  }
  async confirm(v: { message: string }): Promise<boolean> {
    return this.antwoord<boolean>(v.message);
  }
  async wachtwoord(v: { message: string }): Promise<string> {
    return this.antwoord<string>(v.message);
  }
}

export interface RunOpties {
  db?: string;
  /** The fixed "now": an ISO instant. */
  nu?: string;
  /** Pretend stdin and stdout are a terminal. */
  tty?: boolean;
  prompter?: Prompter;
  env?: Record<string, string>;
  /** What is piped into stdin (then it is not a terminal). */
  stdin?: string;
  /** A mount table instead of the machine's (network drives). */
  mountinfo?: string;
}

export const STANDAARD_NU = '2027-03-16T10:00:00.000Z';

export async function kvz(argv: string[], opties: RunOpties = {}): Promise<Uitkomst> {
  let args = argv;
  let stdout = '';
  let stderr = '';
  const stdin = Object.assign(new PassThrough(), { isTTY: opties.tty ?? false });
  if (opties.stdin !== undefined) stdin.end(opties.stdin);
  const io = {
    stdin,
    stdout: { write: (s: string) => ((stdout += s), true), isTTY: opties.tty ?? false, columns: 100 },
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: opties.tty ?? false },
  };
  // On PostgreSQL the login is the user; a name of one's own is refused there.
  let adres = opties.db ?? opties.env?.KVZ_DB;
  const nu = new Date(opties.nu ?? STANDAARD_NU);
  let env: Record<string, string> = { HOME: tijdelijkeMap(), ...(isPgUrl(adres) ? {} : { KVZ_GEBRUIKER: 'test' }), ...opties.env };
  if (isHarnasDb(adres)) {
    env = { KVZ_GEBRUIKER: 'test', ...env };
    zorgVoorPgDb(adres!, nu, args[0]);
    // Acting as another user: that user's login (both stores then record the same name).
    const { KVZ_GEBRUIKER: naam, ...rest } = env;
    const i = args.indexOf('--gebruiker');
    if (naam !== 'test' && kanLoginZijn(naam)) adres = alsLogin(adres!, naam);
    else if (i >= 0 && kanLoginZijn(args[i + 1])) {
      adres = alsLogin(adres!, args[i + 1]!);
      args = [...args.slice(0, i), ...args.slice(i + 2)];
    }
    env = { PGPASSWORD: pgWachtwoord(), ...rest, ...(naam !== 'test' && !kanLoginZijn(naam) ? { KVZ_GEBRUIKER: naam! } : {}) };
  }
  if (!isPgUrl(adres)) zorgVoorBestand(adres, nu, args[0]);
  if (adres) env.KVZ_DB = adres;
  const code = await run(args, io, env, {
    nu: () => nu,
    ...(opties.prompter ? { prompter: opties.prompter } : {}),
    ...(opties.mountinfo !== undefined ? { mountinfo: opties.mountinfo } : {}),
  });
  return { code, stdout, stderr };
}

/** Runs kvz and fails the test with its output unless it exits 0. */
export async function kvzOk(args: string[], opties: RunOpties = {}): Promise<Uitkomst> {
  const u = await kvz(args, opties);
  if (u.code !== 0) throw new Error(`kvz ${args.join(' ')} gaf exit ${u.code}\n${u.stderr}${u.stdout}`);
  return u;
}

/** `--json` output of a successful run. */
export async function kvzJson<T = unknown>(args: string[], opties: RunOpties = {}): Promise<T> {
  return JSON.parse((await kvzOk([...args, '--json'], opties)).stdout) as T;
}

/** Read-only access to the database after a command, to check what is (not) there. */
export function lees<T = Record<string, unknown>>(db: string, sql: string, ...params: unknown[]): T[] {
  if (isHarnasDb(db)) return leesPg<T>(db, sql, params);
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare(sql).all(...params) as T[];
  } finally {
    conn.close();
  }
}

/** A copy of a database (a file copied, or on PostgreSQL a clone), for tests that start many times from one state. */
export function kloonDb(bron: string): string {
  if (isHarnasDb(bron)) return kloonPgDb(bron);
  const doel = nieuweDb();
  copyFileSync(bron, doel);
  return doel;
}

/** A write behind kvz's back, to set up what a test needs (on PostgreSQL as the cluster's superuser). */
export function voer(db: string, sql: string, ...params: unknown[]): void {
  if (isHarnasDb(db)) {
    let i = 0;
    const lit = (v: unknown) => (v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
    voerPg(db, sql.replace(/\?/g, () => lit(params[i++])));
    return;
  }
  const conn = new Database(db);
  try {
    conn.prepare(sql).run(...params);
  } finally {
    conn.close();
  }
}

export function telRijen(db: string, tabel: string): number {
  return (lees<{ n: number }>(db, `SELECT count(*) AS n FROM ${tabel}`)[0]!).n;
}

/** The environment of a spawned kvz: on PostgreSQL the test login's password instead of a user name. */
function kindEnv(env: Record<string, string>, eersteCommando?: string): Record<string, string> {
  // The test run's time zone goes along (test/tijdzone.test.ts runs the suite under others).
  if (process.env.TZ !== undefined && env.TZ === undefined) env = { TZ: process.env.TZ, ...env };
  const db = env.KVZ_DB;
  if (isPgUrl(db) && !isHarnasDb(db)) return { PATH: process.env.PATH ?? '', HOME: tijdelijkeMap(), ...env };
  if (isHarnasDb(db)) {
    zorgVoorPgDb(db, new Date(env.KVZ_NU ?? Date.now()));
    const { KVZ_GEBRUIKER: naam, ...rest } = env;
    const adres = kanLoginZijn(naam) ? alsLogin(db, naam) : db;
    return { PATH: process.env.PATH ?? '', HOME: tijdelijkeMap(), PGPASSWORD: pgWachtwoord(), ...rest, KVZ_DB: adres, ...(naam && !kanLoginZijn(naam) ? { KVZ_GEBRUIKER: naam } : {}) };
  }
  zorgVoorBestand(db, new Date(env.KVZ_NU ?? Date.now()), eersteCommando);
  return { PATH: process.env.PATH ?? '', HOME: tijdelijkeMap(), KVZ_GEBRUIKER: 'test', ...env };
}

/** The real binary in a child process (async, so several can run at once). */
export function spawnKvz(args: string[], env: Record<string, string> = {}): Promise<Uitkomst> {
  return new Promise((resolve) => {
    const kind = spawn(process.execPath, [BIN, ...args], { env: kindEnv(env, args[0]) });
    let stdout = '';
    let stderr = '';
    kind.stdout.on('data', (d) => (stdout += d));
    kind.stderr.on('data', (d) => (stderr += d));
    kind.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The real binary, waited for; `node` are flags for Node itself. Its stdin is an empty pipe. */
export function spawnKvzSync(args: string[], env: Record<string, string> = {}, node: string[] = [], bin = BIN): Uitkomst {
  const r = spawnSync(process.execPath, [...node, bin, ...args], { env: kindEnv(env, args[0]), encoding: 'utf8', input: '' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The database as a Db, for tests of the store's use-cases themselves (either store). */
export async function openTest(db: string, nu = new Date(STANDAARD_NU)): Promise<Db> {
  if (isHarnasDb(db)) {
    zorgVoorPgDb(db, nu);
    const { openPostgres } = await import('../../src/store/postgres-open.js');
    return openPostgres(db, { PGPASSWORD: pgWachtwoord() });
  }
  return openDatabase(db, { nu });
}
