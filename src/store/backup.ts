/**
 * `kvz backup`: a consistent copy of the live database through SQLite's online backup API, written
 * next to the target under a temporary name, checked, and only then renamed into place: the target
 * is never a half-written file. The copy is readable by its owner only, like the database.
 */
import { closeSync, existsSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DomainError } from '../domain/errors.js';
import { inTransactie, schrijfAudit, type Actor } from './audit.js';
import { APPLICATION_ID, openDatabase, verbind } from './database.js';
import type { Db } from './db.js';
import { kopieer, sqliteDoel } from './kopie.js';
import type { SqliteDb } from './sqlite.js';
import { ruimAchtergeblevenOp, tijdelijkPad } from './tijdelijk.js';

export interface Backup {
  bestand: string;
  bytes: number;
  /** The newest audit row in the copy: with its hash, `kvz check --vergelijk` can later prove the log was not rewritten. */
  laatste_audit: { id: number; hash: string } | null;
}

function zelfdeBestand(a: string, b: string): boolean {
  if (!existsSync(a) || !existsSync(b)) return false;
  const [x, y] = [statSync(a), statSync(b)];
  return x.dev === y.dev && x.ino === y.ino;
}

/**
 * Whether `doel` is the database at `dbPad` or one of its companion files (-wal, -shm, -journal):
 * writing a copy over it would destroy what it copies.
 */
export function isDeDatabase(dbPad: string | undefined, doel: string): boolean {
  return dbPad !== undefined && ['', '-wal', '-shm', '-journal'].some((deel) => zelfdeBestand(`${dbPad}${deel}`, doel) || resolve(doel) === resolve(`${dbPad}${deel}`));
}

/**
 * A file about to be replaced must not have a write-ahead log or journal beside it: a program may still
 * have it open, or it was not closed cleanly, and SQLite would replay that log into the new file.
 */
export function controleerVervangbaar(doel: string, wat: string): void {
  const naast = ['-wal', '-shm', '-journal'].filter((deel) => existsSync(`${doel}${deel}`));
  if (naast.length > 0) {
    throw new DomainError(`${doel} lijkt in gebruik: er staat ${naast.map((d) => `${doel}${d}`).join(' en ')} naast. Sluit wat het bestand gebruikt, of kies een ander bestand; ${wat}`);
  }
}

function controleerDoel(dbPad: string | undefined, doel: string, overschrijf: boolean): void {
  const map = dirname(doel);
  if (!existsSync(map)) throw new DomainError(`De map ${map} bestaat niet; maak haar eerst aan. Er is niets geschreven.`);
  if (!statSync(map).isDirectory()) throw new DomainError(`${map} is geen map. Er is niets geschreven.`);
  if (isDeDatabase(dbPad, doel)) throw new DomainError(`${doel} is de database zelf; kies een ander bestand voor de back-up.`);
  if (!existsSync(doel)) return;
  if (statSync(doel).isDirectory()) throw new DomainError(`${doel} is een map; geef de naam van het back-upbestand, bijvoorbeeld ${join(doel, 'kvz-backup.db')}.`);
  if (!overschrijf) throw new DomainError(`${doel} bestaat al; kies een andere naam of gebruik --overschrijf.`);
  controleerVervangbaar(doel, 'er is niets geschreven.');
}

function schrijfFout(e: unknown, map: string): unknown {
  const code = (e as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code?.startsWith('SQLITE_READONLY') || code?.startsWith('SQLITE_CANTOPEN')) {
    return new DomainError(`Kan de back-up niet schrijven in ${map}: geen schrijfrechten. Er is niets geschreven.`);
  }
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return new DomainError(`De schijf met ${map} is vol; er is geen back-up gemaakt.`);
  return e;
}

/** Opens the copy as kvz would and checks that it is whole and a kvz database; returns its audit head. */
function keurKopie(pad: string): Backup['laatste_audit'] {
  const kopie = verbind(pad, { fileMustExist: true });
  try {
    // A copy never mails (SPEC §7): not until someone switches mail on in it.
    kopie.prepare(`INSERT INTO instelling (sleutel, waarde) VALUES ('mail', 'uit') ON CONFLICT (sleutel) DO UPDATE SET waarde = 'uit'`).run();
    const integriteit = kopie.pragma('integrity_check', { simple: true });
    if (integriteit !== 'ok' || kopie.pragma('application_id', { simple: true }) !== APPLICATION_ID) {
      throw new DomainError(`De kopie is niet in orde (${String(integriteit)}); er is geen back-up gemaakt. Draai kvz check op de database.`);
    }
    return (kopie.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1').get() as Backup['laatste_audit'] | undefined) ?? null;
  } finally {
    kopie.close();
  }
}

export async function maakBackup(db: SqliteDb, dbPad: string, actor: Actor, doelInvoer: string, overschrijf: boolean): Promise<Backup> {
  const doel = resolve(doelInvoer);
  controleerDoel(dbPad, doel, overschrijf);
  const map = dirname(doel);
  const tmp = tijdelijkPad(doel);
  ruimAchtergeblevenOp(doel);
  try {
    // Created empty and owner-only first: SQLite keeps the mode of an existing file, and so do its journals.
    closeSync(openSync(tmp, 'wx', 0o600));
    // All pages in one step: one read transaction, so the copy is one committed state.
    await db.ruw.backup(tmp, { progress: () => 0x7fffffff });
    const laatste = keurKopie(tmp);
    const fd = openSync(tmp, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    const bytes = statSync(tmp).size;
    // The rename happens inside the audit transaction: if the audit row cannot be written, there is no backup.
    await inTransactie(db, async () => {
      await schrijfAudit(db, actor, { object: doel, resultaat: 'back-up gemaakt', details: { bytes, laatste_audit: laatste } });
      renameSync(tmp, doel);
    });
    return { bestand: realpathSync(doel), bytes, laatste_audit: laatste };
  } catch (e) {
    for (const deel of ['', '-journal', '-wal', '-shm']) rmSync(`${tmp}${deel}`, { force: true });
    throw schrijfFout(e, map);
  }
}

/**
 * `kvz backup` on PostgreSQL (beheer only): a verified SQLite copy of the whole database, as `kvz
 * kopieer` makes one, renamed into place inside the source's audit transaction.
 */
export async function maakPostgresBackup(db: Db, bronNaam: string, actor: Actor, doelInvoer: string, overschrijf: boolean): Promise<Backup> {
  const doel = resolve(doelInvoer);
  controleerDoel(undefined, doel, overschrijf);
  const map = dirname(doel);
  const tmp = tijdelijkPad(doel);
  ruimAchtergeblevenOp(doel);
  try {
    const kopie = openDatabase(tmp, { nu: actor.nu, netwerk: { toegestaan: true } });
    try {
      await kopieer(db, sqliteDoel(kopie), actor, bronNaam, { auditRegel: false });
    } finally {
      await kopie.sluit();
    }
    const laatste = keurKopie(tmp);
    const fd = openSync(tmp, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    const bytes = statSync(tmp).size;
    await inTransactie(db, async () => {
      await schrijfAudit(db, actor, { object: doel, resultaat: 'back-up gemaakt', details: { bytes, laatste_audit: laatste } });
      renameSync(tmp, doel);
    });
    return { bestand: realpathSync(doel), bytes, laatste_audit: laatste };
  } catch (e) {
    for (const deel of ['', '-journal', '-wal', '-shm']) rmSync(`${tmp}${deel}`, { force: true });
    throw schrijfFout(e, map);
  }
}
