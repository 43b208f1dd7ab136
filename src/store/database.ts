/**
 * Opening the one SQLite file that holds kvz's state: where it lives, creating it from schema.sql,
 * recognising (and refusing, untouched) files that are not kvz databases or come from a newer kvz,
 * and migrating older ones forward in one transaction.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, readFileSync, statSync, chmodSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { shellWoord } from '../domain/shell.js';
import { DomainError } from '../domain/errors.js';
import { standaardCadans } from '../domain/cadans.js';
import { dagVan } from '../domain/tijd.js';
import { MIGRATIES, type Migratie } from './migrations.js';
import type { Db } from './db.js';
import { isPostgresAdres } from './adres.js';
import { netwerkschijf } from './netwerk.js';
import { SqliteDb } from './sqlite.js';
import { SCHEMA_VERSIE } from './locatie.js';
import { nodeCrypto } from './crypto-lui.js';

export type { Db } from './db.js';
/** A raw better-sqlite3 connection: only the SQLite-specific parts of kvz (backup, check, the bench) use one. */
export type SqliteBestand = Database.Database;

/** 'KVZ1': marks a file as a kvz database (PRAGMA application_id). */
export const APPLICATION_ID = 0x4b565a31;
export { SCHEMA_VERSIE, dbLocatie, dataMap, type DbLocatie } from './locatie.js';

const SCHEMA_PAD = new URL('../../schema.sql', import.meta.url);

/** schema.sql: what a new database gets, and what kvz check holds the triggers against. */
export function schemaTekst(): string {
  return readFileSync(SCHEMA_PAD, 'utf8');
}

let addon: string | undefined | null = null;

/**
 * The compiled SQLite addon, found directly: better-sqlite3 otherwise searches for it with the
 * `bindings` package on every start, which costs ~5 ms of kvz's start-up budget.
 */
function sqliteAddon(): string | undefined {
  if (addon !== null) return addon;
  try {
    const pakket = createRequire(import.meta.url).resolve('better-sqlite3/package.json');
    const pad = join(dirname(pakket), 'build', 'Release', 'better_sqlite3.node');
    addon = existsSync(pad) ? pad : undefined;
  } catch {
    addon = undefined;
  }
  return addon;
}

/** A connection to a SQLite file: every connection kvz makes goes through here. */
export function verbind(pad: string, opties: Database.Options = {}): SqliteBestand {
  const nativeBinding = sqliteAddon();
  return new Database(pad, nativeBinding ? { ...opties, nativeBinding } : opties);
}

export interface OpenOpties {
  /** The moment of opening, used when the database is created (cadence start dates). */
  nu: Date;
  /** Forward migrations; tests pass their own. */
  migraties?: readonly Migratie[];
  versie?: number;
  /**
   * Whether the file may be on a network drive: only for copies (backup, kopieer), never for a
   * database kvz works in. `mountinfo` replaces the mount table (tests).
   */
  netwerk?: { toegestaan?: boolean; mountinfo?: string | undefined };
  /**
   * Whether a missing file is made (SPEC §4.6): only init, demo, import and the add/open commands
   * may; anything else finds no database there and says so, creating no file or folder. Default: may.
   */
  maakAan?: boolean;
  /** Where the path came from, for the message when there is no database. */
  bron?: string;
}

/** A database where none is: exit 1, how to make one, nothing created. */
export function geenDatabase(pad: string, bron: string): DomainError {
  if (bron === 'standaard') return new DomainError(`Er is nog geen kvz-database (${pad}). Maak er een met kvz init, of probeer kvz eerst met kvz demo.`);
  const waar = bron === 'KVZ_DB' ? 'KVZ_DB' : '--db';
  return new DomainError(
    `Er is geen kvz-database in '${pad}'. Controleer het pad bij ${waar}, of maak er een met kvz init${bron === 'KVZ_DB' ? '' : ` --db ${shellWoord(pad)}`}.`,
  );
}


const SQLITE_KOP = Buffer.from('SQLite format 3\0', 'latin1');

function isSqliteBestand(pad: string): boolean {
  const fd = openSync(pad, 'r');
  try {
    const kop = Buffer.alloc(16);
    return readSync(fd, kop, 0, 16, 0) === 16 && kop.equals(SQLITE_KOP);
  } finally {
    closeSync(fd);
  }
}

function geenKvz(pad: string, waarom: string): DomainError {
  return new DomainError(`'${pad}' is geen kvz-database (${waarom}); kvz heeft het bestand niet aangeraakt. Kies een ander bestand met --db.`);
}

/**
 * Opens (and if needed creates) the database at `pad`. A file that is not a kvz database, or that
 * a newer kvz wrote, is refused before anything is written to it.
 */
export function openDatabase(pad: string, opties: OpenOpties): SqliteDb {
  const versie = opties.versie ?? SCHEMA_VERSIE;
  // A PostgreSQL address is never a file name: it would become a folder called 'postgres:'.
  if (isPostgresAdres(pad)) throw new Error(`openDatabase kreeg een PostgreSQL-adres; open het met openPostgres`);
  if (!opties.netwerk?.toegestaan) {
    const schijf = netwerkschijf(resolve(pad), opties.netwerk?.mountinfo);
    if (schijf) {
      throw new DomainError(
        `'${pad}' staat op een netwerkschijf (${schijf.soort}, ${schijf.bron}); daar kan een databasebestand door twee mensen tegelijk beschadigd raken en kvz gebruikt het niet. ` +
          'Werk met het hele team in PostgreSQL (kvz kopieer --naar postgres://…, zie de README: Met het hele team), of zet het bestand op een lokale schijf.',
      );
    }
  }
  const bestaat = existsSync(pad);
  if (bestaat && statSync(pad).isDirectory()) throw new DomainError(`'${pad}' is een map, geen databasebestand.`);
  const leeg = !bestaat || statSync(pad).size === 0;
  if (!leeg && !isSqliteBestand(pad)) throw geenKvz(pad, 'het is geen SQLite-bestand');
  if (!bestaat && opties.maakAan === false) throw geenDatabase(pad, opties.bron ?? 'optie');
  if (!bestaat) maakBestand(pad);

  const db = verbind(pad);
  try {
    db.pragma('busy_timeout = 5000');
    const herkenning = leesHerkenning(db);
    if (herkenning === 'vreemd') throw geenKvz(pad, 'het is een SQLite-bestand van een ander programma');
    if (herkenning === 'nieuw') {
      db.pragma('journal_mode = WAL');
    } else if (herkenning.versie > versie) {
      throw new DomainError(
        `'${pad}' is gemaakt door een nieuwere kvz (schemaversie ${herkenning.versie}; deze kvz kent tot en met ${versie}). Werk kvz bij; het bestand is niet aangeraakt.`,
      );
    }
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // Erased or changed melder data is overwritten in the file, not left in free space (AVG, kvz opschonen).
    db.pragma('secure_delete = ON');
    if (herkenning === 'nieuw' || herkenning.versie < versie) {
      bijwerken(db, versie, opties.migraties ?? MIGRATIES, opties.nu);
    }
    return new SqliteDb(db);
  } catch (e) {
    db.close();
    throw e;
  }
}

function maakBestand(pad: string): void {
  const map = dirname(pad);
  if (!existsSync(map)) mkdirSync(map, { recursive: true, mode: 0o700 });
  // Created readable by its owner only; SQLite gives the -wal and -shm files the same mode.
  closeSync(openSync(pad, 'a', 0o600));
  chmodSync(pad, 0o600);
}

type Herkenning = 'nieuw' | 'vreemd' | { versie: number };

function leesHerkenning(db: SqliteBestand): Herkenning {
  // One statement, so one snapshot: another process may be creating this very file, and separate
  // reads could see its marks before and its tables after it committed.
  const [appId, versie, objecten] = db
    .prepare('SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)')
    .raw()
    .get() as [number, number, number];
  if (appId === APPLICATION_ID) return { versie };
  return appId === 0 && versie === 0 && objecten === 0 ? 'nieuw' : 'vreemd';
}

/** Creates or migrates in one immediate transaction; a parallel process may have done it first. */
function bijwerken(db: SqliteBestand, doel: number, migraties: readonly Migratie[], nu: Date): void {
  db.transaction(() => {
    const herkenning = leesHerkenning(db);
    if (herkenning === 'vreemd') throw new DomainError('De database is intussen door een ander programma gewijzigd.');
    if (herkenning === 'nieuw') {
      db.exec(schemaTekst());
      zaaiCadans(db, nu);
      db.prepare(`INSERT INTO instelling (sleutel, waarde) VALUES ('database_id', ?)`).run(nodeCrypto().randomUUID());
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${doel}`);
      return;
    }
    // All the SQL first, then the hooks: a hook computes with today's code (an object's state, say),
    // which may read a column a later migration adds.
    const nodig = migraties.filter((m) => m.versie > herkenning.versie && m.versie <= doel);
    for (const m of nodig) db.exec(m.sql);
    for (const m of nodig) m.na?.(db, nu);
    db.pragma(`user_version = ${doel}`);
  }).immediate();
}

function zaaiCadans(db: SqliteBestand, nu: Date): void {
  const insert = db.prepare('INSERT INTO cadans (soort, start, interval_weken, tijd, locatie) VALUES (@soort, @start, @interval_weken, @tijd, @locatie)');
  for (const c of standaardCadans(dagVan(nu))) insert.run(c);
}
