/**
 * Which store the command suites run on (SPEC §7: the same tests on both). `npm test` runs them on a
 * file and, in a second project (KVZ_TEST_OPSLAG=postgres), on the throwaway PostgreSQL cluster: a
 * "new database" there is a fresh clone of a database made by kvz init, signed in as the beheer login
 * `test` — the name the file runs use for KVZ_GEBRUIKER, so the same output is expected on both.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { describe, inject, it } from 'vitest';
import { standaardCadans } from '../../src/domain/cadans.js';
import { dagVan } from '../../src/domain/tijd.js';

export const OP_POSTGRES = process.env.KVZ_TEST_OPSLAG === 'postgres';
const PG = OP_POSTGRES ? inject('postgres') : null;
if (OP_POSTGRES && !PG) throw new Error(`De PostgreSQL-run van de commandotests kan niet zonder PostgreSQL: ${inject('postgresWaarom')}`);

/**
 * A test about the file itself (its bytes, its mode, SQLite's own tools, --gebruiker): it belongs to
 * the file store and is defined only in the file run.
 */
/** A group of tests about the file itself (see alleenBestand). */
export const beschrijfBestand: typeof describe = (OP_POSTGRES ? () => undefined : describe) as unknown as typeof describe;

const nietHier = Object.assign(() => undefined, { each: () => () => undefined, skipIf: () => () => undefined });
export const alleenBestand: typeof it = (OP_POSTGRES ? nietHier : it) as unknown as typeof it;

function psqlSync(sql: string, db: string): string {
  const r = spawnSync('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(PG!.port), '-U', PG!.superuser, '-d', db, '-c', sql], {
    env: { PATH: process.env.PATH ?? '', PGPASSWORD: PG!.wachtwoord },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`psql faalde op ${db}: ${sql.slice(0, 200)}\n${r.stderr}`);
  return r.stdout;
}

let teller = 0;
/** Databases handed out but not made yet: made on first use, with the clock of that first command. */
const teMaken = new Map<string, string>();
/** Logins made for a user name a test acts as (KVZ_GEBRUIKER on a file). */
const logins = new Set<string>();
/** The databases this harness hands out (others, of test/postgres, are made there). */
const vanHarnas = new Set<string>();

/** Whether `db` is a database this harness handed out (the command suites' PostgreSQL run). */
export function isHarnasDb(db: string | undefined): db is string {
  return db !== undefined && /^postgres(ql)?:/.test(db) && vanHarnas.has(new URL(db).pathname.slice(1));
}

export function nieuwePgDb(): string {
  const naam = `kvz_c${process.pid}_${++teller}`;
  const url = `postgres://${PG!.test.login}@127.0.0.1:${PG!.port}/${naam}`;
  teMaken.set(url, naam);
  vanHarnas.add(naam);
  return url;
}

export function isPgUrl(db: string | undefined): db is string {
  return db !== undefined && /^postgres(ql)?:/.test(db);
}

/**
 * Makes the database behind `url` if it was not made yet, as a new file would be made by its first
 * command at `nu`: its own identity, and the default cadence counted from that day.
 */
export function zorgVoorPgDb(url: string, nu: Date, eersteCommando?: string): void {
  const naam = teMaken.get(url);
  if (naam === undefined) return;
  teMaken.delete(url);
  if (eersteCommando === 'init') {
    // As on a file, where kvz init makes the database: an empty one for IT's login to run it on.
    psqlSync(`CREATE DATABASE ${naam} OWNER ${PG!.test.login}`, 'postgres');
    return;
  }
  psqlSync(`CREATE DATABASE ${naam} TEMPLATE ${PG!.sjabloon}`, 'postgres');
  const cadans = standaardCadans(dagVan(nu))
    .map((c) => `('${c.soort}', '${c.start}', ${c.interval_weken}, '${c.tijd}', '${c.locatie}')`)
    .join(', ');
  psqlSync(
    `SET search_path = kvz; UPDATE instelling SET waarde = '${randomUUID()}' WHERE sleutel = 'database_id';
     DELETE FROM cadans; INSERT INTO cadans (soort, start, interval_weken, tijd, locatie) VALUES ${cadans};`,
    naam,
  );
}

export function pgWachtwoord(): string {
  return PG!.test.wachtwoord;
}

/** A value as a SQL literal, for the test's own reads. */
function letterlijk(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  return `'${String(v).replace(/'/g, "''")}'`;
}

/** What the database holds, read as the cluster's superuser (as one reads a file directly): rows as objects. */
export function leesPg<T>(url: string, sql: string, params: unknown[]): T[] {
  const naam = new URL(url).pathname.slice(1);
  let i = 0;
  const ingevuld = sql.replace(/\?/g, () => letterlijk(params[i++]));
  const uit = psqlSync(`SET search_path = kvz; SELECT coalesce(json_agg(t), '[]') FROM (${ingevuld}) t`, naam).trim();
  return JSON.parse(uit) as T[];
}

/** A statement as the superuser (to set up what a test needs, as it would with the file). */
export function voerPg(url: string, sql: string): void {
  psqlSync(`SET search_path = kvz; ${sql}`, new URL(url).pathname.slice(1));
}

/**
 * Acting as a user: on a file the name kvz records (KVZ_GEBRUIKER), on PostgreSQL the login. A login
 * of that name (beheer, the test password) is made once, so both stores record the same name.
 */
export function alsLogin(url: string, naam: string): string {
  if (!logins.has(naam)) {
    psqlSync(
      `DO $$ BEGIN CREATE ROLE "${naam}" LOGIN PASSWORD '${PG!.test.wachtwoord}'; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
       GRANT ${PG!.sjabloon}_beheer TO "${naam}";`,
      'postgres',
    );
    logins.add(naam);
  }
  const u = new URL(url);
  u.username = naam;
  return u.toString();
}

/** Whether a name can stand for a login in these tests (other values are left for kvz to refuse). */
export function kanLoginZijn(naam: string | undefined): naam is string {
  return naam !== undefined && /^[a-z][a-z0-9._-]{0,40}$/.test(naam);
}

/** A copy of a made database under a new name (as copying a file): a clone. */
export function kloonPgDb(bron: string): string {
  const doel = nieuwePgDb();
  const naam = teMaken.get(doel)!;
  teMaken.delete(doel);
  psqlSync(`CREATE DATABASE ${naam} TEMPLATE ${new URL(bron).pathname.slice(1)}`, 'postgres');
  return doel;
}
