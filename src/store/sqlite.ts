/**
 * The SQLite driver behind the Db surface: better-sqlite3 is synchronous, so every call is done when
 * its promise is made; statements are prepared once per SQL text and kept for the connection.
 */
import type Database from 'better-sqlite3';
import type { Db, Dialect, Params } from './db.js';
import { NIEUW_ZOUT, openWijzigingen, volgWijzigingen } from './toestand.js';

type Statement = Database.Statement<unknown[], unknown>;
type Modus = 'object' | 'waarde' | 'rauw' | 'voer';

export const SQLITE_DIALECT: Dialect = {
  openbaar: (metZaak) =>
    metZaak
      ? 'm.vertrouwelijk = 0 AND coalesce(z.vertrouwelijk, 0) = 0'
      : 'm.vertrouwelijk = 0 AND (m.zaak_id IS NULL OR m.zaak_id NOT IN (SELECT id FROM zaak WHERE vertrouwelijk = 1))',
  actieOpenbaar: () => 'a.zaak_id NOT IN (SELECT id FROM zaak WHERE vertrouwelijk = 1)',
  inLijst: (kolom, param) => `${kolom} IN (SELECT value FROM json_each(${param}))`,
  // SQLite without statistics would otherwise walk an index of every overdue actie once per zaak.
  zonderIndex: (expr) => `+${expr}`,
  doorgezetNaar: (scheiding) =>
    `(SELECT group_concat(partner, '${scheiding}') FROM (SELECT partner FROM doorzetting d
       WHERE d.melding_id = m.id AND d.op IS NOT NULL ORDER BY d.op, d.partner))`,
  kleinste: (a, b) => `min(${a}, ${b})`,
  grootste: (a, b) => `max(${a}, ${b})`,
  // Inside BEGIN IMMEDIATE nobody else can take it; it is what SQLite's rowid would be.
  volgendId: (tabel) => `SELECT coalesce(max(id), 0) + 1 FROM ${tabel}`,
  nieuwZout: () => NIEUW_ZOUT,
};

/** Rows per batch of `stroom`: enough that the per-batch await costs nothing, few enough to stay flat. */
const BATCH = 500;

export class SqliteDb implements Db {
  readonly soort = 'sqlite';
  readonly d = SQLITE_DIALECT;
  private readonly statements = new Map<string, Statement>();
  private diepte = 0;

  constructor(readonly ruw: Database.Database) {}

  get inTransactie(): boolean {
    return this.diepte > 0;
  }

  /** The statement for `sql` in one mode, prepared on first use. */
  private stmt(sql: string, modus: Modus): Statement {
    const sleutel = `${modus}\0${sql}`;
    let s = this.statements.get(sleutel);
    if (!s) {
      s = this.ruw.prepare(sql);
      if (modus === 'waarde') s.pluck();
      else if (modus === 'rauw') s.raw();
      this.statements.set(sleutel, s);
    }
    return s;
  }

  async alle<T>(sql: string, p?: Params): Promise<T[]> {
    return bind(this.stmt(sql, 'object'), p, (s, a) => s.all(...a)) as T[];
  }

  async een<T>(sql: string, p?: Params): Promise<T | undefined> {
    return bind(this.stmt(sql, 'object'), p, (s, a) => s.get(...a)) as T | undefined;
  }

  async waarde<T>(sql: string, p?: Params): Promise<T | undefined> {
    return bind(this.stmt(sql, 'waarde'), p, (s, a) => s.get(...a)) as T | undefined;
  }

  async kolom<T>(sql: string, p?: Params): Promise<T[]> {
    return bind(this.stmt(sql, 'waarde'), p, (s, a) => s.all(...a)) as T[];
  }

  async rauw<T extends readonly unknown[]>(sql: string, p?: Params): Promise<T[]> {
    return bind(this.stmt(sql, 'rauw'), p, (s, a) => s.all(...a)) as T[];
  }

  async voer(sql: string, p?: Params): Promise<number> {
    return bind(this.stmt(sql, 'voer'), p, (s, a) => s.run(...a)).changes;
  }

  async *stroom<T extends readonly unknown[]>(sql: string, p?: Params): AsyncIterable<T[]> {
    const rijen = bind(this.stmt(sql, 'rauw'), p, (s, a) => s.iterate(...a)) as IterableIterator<T>;
    let batch: T[] = [];
    try {
      for (const rij of rijen) {
        batch.push(rij);
        if (batch.length === BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } finally {
      rijen.return?.();
    }
  }

  async transactie<T>(werk: () => Promise<T>): Promise<T> {
    const naam = `kvz_${this.diepte}`;
    // Notes which objects the transaction changes, for the states its audit row records (SPEC §10).
    if (this.diepte === 0) volgWijzigingen(this.ruw);
    this.ruw.exec(this.diepte === 0 ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${naam}`);
    this.diepte++;
    try {
      const uitkomst = await werk();
      if (this.diepte === 1) {
        const open = openWijzigingen(this.ruw);
        if (open > 0) throw new Error(`${open} gewijzigde objecten zonder auditregel in deze transactie (elke wijziging hoort een auditregel te schrijven)`);
      }
      this.ruw.exec(this.diepte === 1 ? 'COMMIT' : `RELEASE ${naam}`);
      return uitkomst;
    } catch (e) {
      if (this.ruw.inTransaction) this.ruw.exec(this.diepte === 1 ? 'ROLLBACK' : `ROLLBACK TO ${naam}; RELEASE ${naam}`);
      throw e;
    } finally {
      this.diepte--;
    }
  }

  async momentopname<T>(werk: () => Promise<T>): Promise<T> {
    if (this.diepte > 0) return werk();
    // A deferred transaction: its first read fixes the snapshot the rest see.
    this.ruw.exec('BEGIN');
    this.diepte++;
    try {
      return await werk();
    } finally {
      this.diepte--;
      if (this.ruw.inTransaction) this.ruw.exec('COMMIT');
    }
  }

  async sluit(): Promise<void> {
    if (this.ruw.open) this.ruw.close();
  }
}

function bind<R>(s: Statement, p: Params | undefined, doe: (s: Statement, args: unknown[]) => R): R {
  if (p === undefined) return doe(s, []);
  return doe(s, Array.isArray(p) ? (p as unknown[]) : [p]);
}
