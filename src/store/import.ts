/**
 * Writing an import (`kvz import meldingen`): all rows in one transaction with one audit row. The
 * command opens the transaction first, so that the numbers the reader gives (from the highest per
 * year, read here) cannot be taken by another writer meanwhile; rows arrive in batches and go in
 * 200 per statement — 100,000 rows must go in at 50,000 rows/s or better (SPEC §6).
 */
import { DOORZETTING_KOLOMMEN, MELDING_KOLOMMEN, MELDING_KOLOMMEN_MET_ZOUT, type ImportUitkomst, type Waarde } from '../documents/import-lezen.js';
import { schrijfAudit, type Actor } from './audit.js';
import { berekenNieuw, nieuweMeldingenInBulk } from './toestand.js';
import type { Db } from './db.js';
import { laatsteNummers, zetTeller } from './nummering.js';
import { SqliteDb } from './sqlite.js';

/** What numbering needs from the database: the highest melding id and the last number per year. */
export async function importBasis(db: Db): Promise<{ hoogsteId: number; hoogste: Record<number, number> }> {
  const hoogsteId =
    db.soort === 'postgres'
      ? // The sequence, not max(id): rows a user may not see still have their ids.
        (await db.waarde<number>('SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM melding_id_seq'))!
      : (await db.waarde<number>('SELECT coalesce(max(id), 0) FROM melding'))!;
  return { hoogsteId, hoogste: await laatsteNummers(db, 'melding') };
}

/**
 * One import's writing, inside the transaction the command holds: take batches (as they are read,
 * possibly from another thread's messages), then finish with the audit row.
 */
export class ImportSchrijver {
  private readonly meldingen: Bundel;
  private readonly doorzettingen: Bundel;
  /** The writes so far, in order: batches arrive faster than a database may take them. */
  private werk: Promise<void> = Promise.resolve();
  /** The highest id written. */
  private hoogsteId = 0;
  /** The highest id whose melding and forwardings are in the database, and up to which states are computed. */
  private geschrevenTot = 0;
  private berekendTot = 0;
  private vooraf = false;
  /** Columns per melding row: with the salt when the reader hashes the states (`metToestand`). */
  private readonly breedte: number;
  /** The state hashes the reader sent, of the meldingen with ids above `berekendTot`, in id order. */
  private toestanden: string[] = [];

  /**
   * `metToestand`: the reader salts each row and hashes its state (SQLite: `ImportBasis.toestand`), so
   * the states are not read back through SQL here.
   */
  constructor(
    private readonly db: Db,
    private readonly metToestand = false,
  ) {
    if (!db.inTransactie) throw new Error('een import schrijft binnen de transactie van het commando');
    const kolommen = metToestand ? MELDING_KOLOMMEN_MET_ZOUT : MELDING_KOLOMMEN;
    this.breedte = kolommen.length;
    this.meldingen = new Bundel(db, 'melding', [...kolommen]);
    // Forwardings refer to their melding: they are written right after their meldingen.
    this.doorzettingen = new Bundel(db, 'doorzetting', [...DOORZETTING_KOLOMMEN]);
  }

  /** Whether the reader is to salt and hash the states (`ImportBasis.toestand`). */
  get toestandDoorLezer(): boolean {
    return this.metToestand;
  }

  /** Queues one batch (`toestanden`: its states, when the reader hashes them); a failure surfaces in `voltooi`. */
  schrijf(meldingen: Waarde[], doorzettingen: Waarde[], toestanden?: string[]): void {
    if (this.metToestand && toestanden?.length !== meldingen.length / this.breedte) throw new Error('een partij zonder toestand bij elke melding');
    for (let i = 0; i < meldingen.length; i += this.breedte) this.hoogsteId = Math.max(this.hoogsteId, Number(meldingen[i]));
    this.werk = this.werk.then(async () => {
      this.meldingen.voegToe(meldingen);
      this.doorzettingen.voegToe(doorzettingen);
      if (toestanden) this.toestanden = this.toestanden.length === 0 ? toestanden : this.toestanden.concat(toestanden);
      let tot = 0;
      for (let i = 0; i < meldingen.length; i += this.breedte) tot = Math.max(tot, Number(meldingen[i]));
      if (this.meldingen.vol()) {
        await this.meldingen.leeg();
        await this.doorzettingen.leeg();
        this.geschrevenTot = Math.max(this.geschrevenTot, tot);
        // The states of what is now written and final, while the reader parses on (SPEC §10).
        if (this.vooraf && this.db instanceof SqliteDb) {
          const gegeven = this.metToestand ? this.toestanden.splice(0, this.geschrevenTot - this.berekendTot) : undefined;
          berekenNieuw(this.db.ruw, this.berekendTot, this.geschrevenTot, gegeven);
          this.berekendTot = this.geschrevenTot;
        }
      }
    });
  }

  /** Waits for what was queued; rethrows a failed write. */
  async wacht(): Promise<void> {
    await this.werk;
  }

  /** From which id on the meldingen are new: their states are computed while reading (SQLite). */
  nieuwVanaf(hoogsteId: number): void {
    this.vooraf = true;
    this.berekendTot = hoogsteId;
  }

  /** Writes what is still buffered. */
  async spoel(): Promise<void> {
    await this.werk;
    await this.meldingen.leeg();
    await this.doorzettingen.leeg();
    if (this.metToestand && this.vooraf && this.db instanceof SqliteDb && this.hoogsteId > this.berekendTot) {
      berekenNieuw(this.db.ruw, this.berekendTot, this.hoogsteId, this.toestanden.splice(0));
      this.berekendTot = this.hoogsteId;
    }
  }

  async voltooi(actor: Actor, bron: string, u: ImportUitkomst): Promise<void> {
    await this.spoel();
    for (const r of u.reeksen) await zetTeller(this.db, 'melding', r.jaar, Number(r.laatste.split('-')[2]));
    if (this.db.soort === 'postgres' && u.aantal > 0) {
      // The ids were given here, past the sequence: move it on, or the next melding add would take one.
      await this.db.voer(`SELECT setval('melding_id_seq', ?)`, [this.hoogsteId]);
    }
    const eerste = u.reeksen[0]?.eerste ?? null;
    const laatste = u.reeksen[u.reeksen.length - 1]?.laatste ?? null;
    await schrijfAudit(this.db, actor, {
      object: bron,
      resultaat: `${u.aantal} meldingen geïmporteerd`,
      details: { aantal: u.aantal, eerste, laatste, reeksen: u.reeksen, vertrouwelijk: u.vertrouwelijk, met_melder: u.met_melder },
    });
  }
}

/**
 * Runs the writing of an import's new meldingen (ids above `hoogsteId`) with their states noted for the
 * audit row in one statement afterwards rather than by a trigger per row (SPEC §10, §6's import budget).
 */
export async function schrijfNieuw<T>(db: Db, hoogsteId: number, werk: () => Promise<T>): Promise<T> {
  if (db instanceof SqliteDb) return geteldInBulk(db, hoogsteId, () => nieuweMeldingenInBulk(db.ruw, hoogsteId, werk));
  // PostgreSQL: no trigger per forwarding while the rows go in; the database notes the new meldingen after.
  await db.voer(`SELECT set_config('kvz.toestand', 'bulk', true)`);
  const uit = await werk();
  await db.voer('SELECT toestand_bulk_klaar(?)', [hoogsteId]);
  return uit;
}

/**
 * Runs an import's writing on a file without the trigger that counts each new melding (melding_aantal,
 * schema.sql: a second write per row, 3-5% of the import), and counts them in one step after. All in
 * the import's transaction: no other connection ever sees the file without the trigger, and a failed
 * or killed import rolls the drop back with the rows. A trigger that is not there (removed behind kvz's
 * back) is not put back here: kvz check reports it.
 */
async function geteldInBulk<T>(db: SqliteDb, hoogsteId: number, werk: () => Promise<T>): Promise<T> {
  const trigger = await db.waarde<string>(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'melding_aantal_bij'`);
  if (trigger === undefined) return werk();
  db.ruw.exec('DROP TRIGGER melding_aantal_bij');
  const uit = await werk();
  db.ruw.exec(trigger);
  await db.voer('UPDATE melding_aantal SET aantal = aantal + (SELECT count(*) FROM melding WHERE id > ?) WHERE id = 1', [hoogsteId]);
  return uit;
}

/**
 * Runs an import's writing with SQLite's page cache enlarged: the indexes of 100,000 new rows do not
 * fit its default 2 MB, and spilling them mid-transaction makes the import several times slower.
 */
export async function metGroteCache<T>(db: Db, werk: () => Promise<T>): Promise<T> {
  if (!(db instanceof SqliteDb)) return werk();
  const cache = db.ruw.pragma('cache_size', { simple: true }) as number;
  db.ruw.pragma('cache_size = -131072');
  try {
    return await werk();
  } finally {
    db.ruw.pragma(`cache_size = ${cache}`);
  }
}

/**
 * Inserts rows many at a time (`INSERT … VALUES (…), (…), …`): a statement per row spends more time
 * in the call than in the database for narrow rows like these.
 */
class Bundel {
  private static readonly RIJEN = 200;
  private buffer: Waarde[] = [];
  private readonly alle: string;
  private readonly een: string;

  constructor(
    private readonly db: Db,
    tabel: string,
    private readonly kolommen: string[],
  ) {
    const rij = `(${kolommen.map(() => '?').join(', ')})`;
    const insert = (rijen: number) => `INSERT INTO ${tabel} (${kolommen.join(', ')}) VALUES ${Array(rijen).fill(rij).join(', ')}`;
    this.alle = insert(Bundel.RIJEN);
    this.een = insert(1);
  }

  /**
   * Adds flat rows. A batch arrives whole (2,000 rows, a multiple of a statement's 200) into an empty
   * buffer: it is taken as it is, not copied value by value (two million values in an import).
   */
  voegToe(waarden: Waarde[]): void {
    if (this.buffer.length === 0) this.buffer = waarden;
    else this.buffer = this.buffer.concat(waarden);
  }

  vol(): boolean {
    return this.buffer.length >= Bundel.RIJEN * this.kolommen.length;
  }

  async leeg(): Promise<void> {
    const vol = Bundel.RIJEN * this.kolommen.length;
    const buffer = this.buffer;
    this.buffer = [];
    let i = 0;
    for (; i + vol <= buffer.length; i += vol) await this.db.voer(this.alle, buffer.slice(i, i + vol));
    for (; i < buffer.length; i += this.kolommen.length) await this.db.voer(this.een, buffer.slice(i, i + this.kolommen.length));
  }
}
