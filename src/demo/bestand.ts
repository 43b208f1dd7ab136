/**
 * Where the demo goes, and making it safely. Without --db the demo has a file of its own, demo.db
 * beside kvz.db, which it may replace (it holds only fictive data, and it is recognised by the
 * demo's audit row). An explicit --db must be new or empty: a file with anything recorded in it is
 * refused and left as it was. The demo is built in a temporary file and renamed into place when
 * complete, so a failed or killed run leaves the old file (or none), never half a year.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DomainError } from '../domain/errors.js';
import { plusDagen, dagVan, instantVan } from '../domain/tijd.js';
import { APPLICATION_ID, dataMap, openDatabase, verbind, type SqliteBestand } from '../store/database.js';
import { schrijfFout } from '../store/tijdelijk.js';
import { vulDemoJaar, type DemoJaar } from './jaar.js';

const DEMO_BESTAND = 'demo.db';

export function eigenDemoPad(env: Record<string, string | undefined>): string {
  return join(dataMap(env), DEMO_BESTAND);
}

type Inhoud = 'leeg' | 'demo' | 'anders';

/** What is at `pad`: nothing (or a kvz database in which nothing was recorded), an earlier demo, or something else. */
function inhoudVan(pad: string): Inhoud {
  if (!existsSync(pad)) return 'leeg';
  const stat = statSync(pad);
  if (!stat.isFile()) return 'anders';
  if (stat.size === 0) return 'leeg';
  // Opened read-write but only read: SQLite then removes its -wal and -shm again on closing.
  let db: SqliteBestand | undefined;
  try {
    // Through verbind: in the bundle, better-sqlite3's own search for its addon fails, and that would read as 'anders'.
    db = verbind(pad, { fileMustExist: true });
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) return 'anders';
    if (db.prepare(`SELECT 1 FROM audit WHERE commando = 'demo' LIMIT 1`).get()) return 'demo';
    const iets = db.prepare('SELECT (SELECT count(*) FROM audit) + (SELECT count(*) FROM melding) + (SELECT count(*) FROM zaak)').pluck().get();
    return iets === 0 ? 'leeg' : 'anders';
  } catch {
    return 'anders';
  } finally {
    db?.close();
  }
}

/**
 * Checks that the demo may be written to `pad` before anything is made; returns whether an earlier
 * demo will be replaced. `eigen`: the demo's own file (no --db given).
 */
export function controleerDemoDoel(pad: string, eigen: boolean): { vervangt: boolean } {
  const inhoud = inhoudVan(pad);
  if (inhoud === 'leeg') return { vervangt: false };
  if (eigen && inhoud === 'demo') return { vervangt: true };
  if (eigen) {
    throw new DomainError(
      `${pad} bestaat al en is geen demodatabase van kvz; kvz demo heeft het niet aangeraakt. Verplaats het bestand, of geef met --db een nieuw bestand op.`,
    );
  }
  throw new DomainError(
    `${pad} is niet leeg; kvz demo vult alleen een nieuw of leeg bestand en heeft het niet aangeraakt. Laat --db weg (dan gebruikt kvz demo een eigen bestand) of kies een nieuw bestand.`,
  );
}

/** Builds the demo year up to `nu` at `pad` (checked with controleerDemoDoel first). */
export async function maakDemo(pad: string, nu: Date, gebruiker: string): Promise<DemoJaar> {
  const tmp = join(dirname(pad), `.${basename(pad)}.${process.pid}.tmp`);
  const weg = (p: string) => ['', '-wal', '-shm'].forEach((s) => rmSync(`${p}${s}`, { force: true }));
  weg(tmp);
  try {
    // Created as if a year ago, so the default cadence of a fresh database starts then too.
    const db = openDatabase(tmp, { nu: instantVan(plusDagen(dagVan(nu), -366), '08:00') });
    let jaar: DemoJaar;
    try {
      // One transaction: a fraction of the time of a thousand small ones, and all or nothing.
      jaar = await db.transactie(() => vulDemoJaar(db, nu, gebruiker));
    } finally {
      await db.sluit();
    }
    // A stale -wal of the file being replaced must not be applied to the new one.
    rmSync(`${pad}-wal`, { force: true });
    rmSync(`${pad}-shm`, { force: true });
    renameSync(tmp, pad);
    return jaar;
  } catch (e) {
    weg(tmp);
    throw schrijfFout(e, pad);
  }
}
