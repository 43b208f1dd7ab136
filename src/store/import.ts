/**
 * Writing an import (`kvz import meldingen`): all rows in one immediate transaction with one audit
 * row. The transaction is opened first, so that the numbers the reader gives (from the highest per
 * year, read here) cannot be taken by another writer meanwhile; rows arrive in batches and go in
 * 200 per statement — 100,000 rows must go in at 50,000 rows/s or better (SPEC §6).
 */
import type { Statement } from 'better-sqlite3';
import { DOORZETTING_KOLOMMEN, MELDING_KOLOMMEN, type ImportUitkomst, type Waarde } from '../documents/import-lezen.js';
import { schrijfAudit, type Actor } from './audit.js';
import type { Db } from './database.js';

/** What numbering needs from the database: the highest id and the highest number per year. */
export function importBasis(db: Db): { hoogsteId: number; hoogste: Record<number, number> } {
  const hoogsteId = db.prepare('SELECT coalesce(max(id), 0) FROM melding').pluck().get() as number;
  // One indexed look-up per possible year (dates are accepted from 1900 to 2199): cheaper than a
  // GROUP BY over every melding.
  const perJaar = db.prepare('SELECT max(volgnummer) FROM melding WHERE jaar = ?').pluck();
  const hoogste: Record<number, number> = {};
  for (let jaar = 1900; jaar <= 2199; jaar++) {
    const n = perJaar.get(jaar) as number | null;
    if (n !== null) hoogste[jaar] = n;
  }
  return { hoogsteId, hoogste };
}

/** One import's writing: open, take batches, then either finish (with the audit row) or undo. */
export class ImportSchrijver {
  private readonly meldingen: Bundel;
  private readonly cache: number;

  constructor(private readonly db: Db) {
    // The indexes of 100,000 new rows do not fit SQLite's default 2 MB page cache; spilling them
    // mid-transaction makes the import several times slower.
    this.cache = db.pragma('cache_size', { simple: true }) as number;
    db.pragma('cache_size = -131072');
    db.exec('BEGIN IMMEDIATE');
    this.meldingen = new Bundel(db, 'melding', [...MELDING_KOLOMMEN]);
    // Forwardings refer to their melding: they are written right after their meldingen.
    new Bundel(db, 'doorzetting', [...DOORZETTING_KOLOMMEN], this.meldingen);
  }

  schrijf(meldingen: Waarde[], doorzettingen: Waarde[]): void {
    this.meldingen.voegToe(meldingen, doorzettingen);
  }

  voltooi(actor: Actor, bron: string, u: ImportUitkomst): void {
    this.meldingen.leeg();
    const eerste = u.reeksen[0]?.eerste ?? null;
    const laatste = u.reeksen[u.reeksen.length - 1]?.laatste ?? null;
    schrijfAudit(this.db, actor, {
      object: bron,
      resultaat: `${u.aantal} meldingen geïmporteerd`,
      details: { aantal: u.aantal, eerste, laatste, reeksen: u.reeksen, vertrouwelijk: u.vertrouwelijk, met_melder: u.met_melder },
    });
    this.db.exec('COMMIT');
    this.herstel();
  }

  /** Undoes everything written so far (a refused row, a failed reader, an interruption). */
  afbreken(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.herstel();
  }

  private herstel(): void {
    this.db.pragma(`cache_size = ${this.cache}`);
  }
}


/**
 * Inserts rows many at a time (`INSERT … VALUES (…), (…), …`): a statement per row spends more time
 * in the call than in SQLite for narrow rows like these.
 */
class Bundel {
  private static readonly RIJEN = 200;
  private readonly vol: Statement;
  private readonly een: Statement;
  private buffer: Waarde[] = [];
  private volger?: Bundel;

  constructor(
    db: Db,
    tabel: string,
    private readonly kolommen: string[],
    /** The bundle whose rows these rows refer to: this one is written each time right after it. */
    leider?: Bundel,
  ) {
    const rij = `(${kolommen.map(() => '?').join(', ')})`;
    const insert = (rijen: number) => db.prepare(`INSERT INTO ${tabel} (${kolommen.join(', ')}) VALUES ${Array(rijen).fill(rij).join(', ')}`);
    this.vol = insert(Bundel.RIJEN);
    this.een = insert(1);
    if (leider) leider.volger = this;
  }

  /** Adds flat rows (and the rows of the follower that refer to them). */
  voegToe(waarden: Waarde[], volgerWaarden: Waarde[] = []): void {
    for (const w of waarden) this.buffer.push(w);
    if (this.volger) for (const w of volgerWaarden) this.volger.buffer.push(w);
    if (this.buffer.length >= Bundel.RIJEN * this.kolommen.length) this.leeg();
  }

  leeg(): void {
    const vol = Bundel.RIJEN * this.kolommen.length;
    let i = 0;
    for (; i + vol <= this.buffer.length; i += vol) this.vol.run(this.buffer.slice(i, i + vol));
    for (; i < this.buffer.length; i += this.kolommen.length) this.een.run(this.buffer.slice(i, i + this.kolommen.length));
    this.buffer = [];
    this.volger?.leeg();
  }
}
