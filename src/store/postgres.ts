/**
 * The PostgreSQL driver behind the Db surface (SPEC §7): one node-postgres Client per run. The SQL of
 * the use-cases is written with `?` and `@naam` placeholders; they are numbered here ($1, $2, …),
 * once per SQL text. Counts (int8) come back as numbers and booleans as 1/0, as on SQLite.
 */
import type { Client } from 'pg';
import type PgCursor from 'pg-cursor';
import type { Db, Dialect, Identiteit, Params, StroomOpties } from './db.js';
import { SCHRIJFSLOT } from './rollen.js';

export const POSTGRES_DIALECT: Dialect = {
  openbaar: () => 'm.geheim = 0',
  actieOpenbaar: () => 'a.geheim = 0',
  // As an array, not a set: the planner then knows how few values there are and uses the index.
  inLijst: (kolom, param, soort) =>
    `${kolom} = ANY (ARRAY(SELECT waarde${soort === 'getal' ? '::integer' : ''} FROM json_array_elements_text(${param}::json) AS lijst(waarde)))`,
  zonderIndex: (expr) => expr,
  doorgezetNaar: (scheiding) =>
    `(SELECT string_agg(d.partner, '${scheiding}' ORDER BY d.op, d.partner) FROM doorzetting d WHERE d.melding_id = m.id AND d.op IS NOT NULL)`,
  kleinste: (a, b) => `least(${a}, ${b})`,
  grootste: (a, b) => `greatest(${a}, ${b})`,
  volgendId: (tabel) => `SELECT nextval('${tabel}_id_seq')`,
  nieuwZout: () => 'md5(random()::text)',
};


/** Rows per batch of `stroom`. */
const BATCH = 500;

interface Vertaling {
  tekst: string;
  /** For `@naam` placeholders: the name behind each $n, in order. */
  namen: string[] | null;
}

/**
 * `?` → $1, $2, … and `@naam` → $n (the same name, the same n), outside quoted text. One SQL text uses
 * one style. Cached: the same texts come by many times.
 */
const vertalingen = new Map<string, Vertaling>();
export function vertaal(sql: string): Vertaling {
  const klaar = vertalingen.get(sql);
  if (klaar) return klaar;
  let uit = '';
  let n = 0;
  const namen: string[] = [];
  let benoemd = false;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const eind = sql.indexOf(c, i + 1);
      const tot = eind < 0 ? sql.length : eind + 1;
      uit += sql.slice(i, tot);
      i = tot - 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const eind = sql.indexOf('\n', i);
      const tot = eind < 0 ? sql.length : eind;
      uit += sql.slice(i, tot);
      i = tot - 1;
    } else if (c === '?') {
      uit += `$${++n}`;
    } else if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const naam = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))![0];
      let plek = namen.indexOf(naam);
      if (plek < 0) plek = namen.push(naam) - 1;
      uit += `$${plek + 1}`;
      benoemd = true;
      i += naam.length;
    } else {
      uit += c;
    }
  }
  const v = { tekst: uit, namen: benoemd ? namen : null };
  vertalingen.set(sql, v);
  return v;
}

function waarden(v: Vertaling, p: Params | undefined): unknown[] {
  if (p === undefined) return [];
  if (v.namen) {
    const obj = p as Readonly<Record<string, unknown>>;
    return v.namen.map((naam) => {
      if (!(naam in obj)) throw new Error(`parameter @${naam} ontbreekt`);
      return obj[naam];
    });
  }
  // A filter object whose conditions all fell away leaves a text without placeholders.
  return Array.isArray(p) ? p : [];
}

export class PostgresDb implements Db {
  readonly soort = 'postgres';
  readonly d = POSTGRES_DIALECT;
  identiteit?: Identiteit;
  private diepte = 0;
  private cursors = 0;

  constructor(
    readonly client: Client,
    private readonly Cursor: typeof PgCursor,
  ) {}

  get inTransactie(): boolean {
    return this.diepte > 0;
  }

  private async query<T>(sql: string, p: Params | undefined, rij: 'object' | 'array'): Promise<T[]> {
    const v = vertaal(sql);
    const values = waarden(v, p);
    const r = rij === 'array' ? await this.client.query({ text: v.tekst, values, rowMode: 'array' }) : await this.client.query({ text: v.tekst, values });
    return r.rows as T[];
  }

  alle<T>(sql: string, p?: Params): Promise<T[]> {
    return this.query<T>(sql, p, 'object');
  }

  async een<T>(sql: string, p?: Params): Promise<T | undefined> {
    return (await this.query<T>(sql, p, 'object'))[0];
  }

  async waarde<T>(sql: string, p?: Params): Promise<T | undefined> {
    return (await this.query<unknown[]>(sql, p, 'array'))[0]?.[0] as T | undefined;
  }

  async kolom<T>(sql: string, p?: Params): Promise<T[]> {
    return (await this.query<unknown[]>(sql, p, 'array')).map((r) => r[0] as T);
  }

  rauw<T extends readonly unknown[]>(sql: string, p?: Params): Promise<T[]> {
    return this.query<T>(sql, p, 'array');
  }

  async voer(sql: string, p?: Params): Promise<number> {
    const v = vertaal(sql);
    const r = await this.client.query({ text: v.tekst, values: waarden(v, p) });
    return r.rowCount ?? 0;
  }

  async *stroom<T extends readonly unknown[]>(sql: string, p?: Params, opties: StroomOpties = {}): AsyncIterable<T[]> {
    const v = vertaal(sql);
    // Before the transaction: a missing parameter must not leave one open.
    const values = waarden(v, p);
    // A portal lives in a transaction: a read-only one of its own unless one is running.
    const eigen = this.diepte === 0 && this.cursors === 0;
    // eersteRijen: PostgreSQL plans a portal of the protocol for all of its rows, and for the whole
    // matrix (194,000 acties, by zaak and deadline) it chose a hash join and a sort of everything,
    // ~0.6 s of server work before the first row, in which kvz waited. Without sorts it walks the
    // zaken in order on their index, and the rows come at once while kvz writes the ones before (#17:
    // the PostgreSQL export of the whole matrix 1.45 → ~1.0 s, of all meldingen 12.6 → 8–10 s). Not
    // for a filter that leaves few rows: the running acties alone took 331 → 501 ms that way. A query
    // that cannot be read in order still gets its sort. Inside a transaction of the caller (a snapshot
    // of `check` or `kopieer`) the planner's settings are the caller's.
    if (eigen) await this.client.query(opties.eersteRijen ? 'BEGIN TRANSACTION READ ONLY; SET LOCAL enable_sort = off' : 'BEGIN TRANSACTION READ ONLY');
    this.cursors++;
    const cursor = this.client.query(new this.Cursor<T>(v.tekst, values, { rowMode: 'array' }));
    let klaar = false;
    let mislukt = false;
    // The next batch is asked for before this one is handed on, so the server reads and sends it while
    // kvz formats and writes this one, instead of each waiting for the other in turn. A read can fail
    // while the caller is busy with the batch before (a cancelled statement, a dropped connection): it
    // is handled from the start, or Node would end the process for an unhandled rejection before the
    // caller's clean-up ran; the failure reaches the caller at its next batch.
    const lees = (): Promise<T[]> => {
      const r = cursor.read(BATCH);
      r.catch(() => (mislukt = true));
      return r;
    };
    let volgende: Promise<T[]> | undefined = lees();
    try {
      while (volgende) {
        const rijen: T[] = await volgende;
        volgende = undefined;
        if (rijen.length === 0) break;
        if (rijen.length === BATCH) volgende = lees();
        yield rijen;
      }
      klaar = true;
    } finally {
      // A read still under way (the caller stopped early) is waited for and its rows dropped.
      if (volgende) await volgende.catch(() => undefined);
      // After a failed read the server has ended the portal and answered the Sync pg-cursor sent;
      // closing it then would wait for that answer again, and hang.
      if (!mislukt) await cursor.close();
      this.cursors--;
      if (eigen) await this.client.query(klaar ? 'COMMIT' : 'ROLLBACK');
    }
  }

  async transactie<T>(werk: () => Promise<T>): Promise<T> {
    const naam = `kvz_${this.diepte}`;
    if (this.diepte === 0) {
      try {
        // Every kvz writer queues here, as SQLite's BEGIN IMMEDIATE makes them: what a command reads
        // before it writes (a number, an actie's old state) cannot change under it. One round trip.
        await this.client.query(`BEGIN; SELECT pg_advisory_xact_lock(${SCHRIJFSLOT})`);
      } catch (e) {
        await this.client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    } else {
      await this.client.query(`SAVEPOINT ${naam}`);
    }
    this.diepte++;
    try {
      const uitkomst = await werk();
      await this.client.query(this.diepte === 1 ? 'COMMIT' : `RELEASE SAVEPOINT ${naam}`);
      return uitkomst;
    } catch (e) {
      await this.client
        .query(this.diepte === 1 ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT ${naam}; RELEASE SAVEPOINT ${naam}`)
        .catch(() => undefined);
      throw e;
    } finally {
      this.diepte--;
    }
  }

  async momentopname<T>(werk: () => Promise<T>): Promise<T> {
    if (this.diepte > 0) return werk();
    await this.client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    this.diepte++;
    try {
      return await werk();
    } finally {
      this.diepte--;
      await this.client.query('COMMIT').catch(() => undefined);
    }
  }

  /**
   * Ends the session without waiting for the server to hang up: everything is committed or rolled
   * back by now, the goodbye is still sent (a pending write keeps the process alive), and a command
   * need not wait while the server ends its session.
   */
  async sluit(): Promise<void> {
    const einde = this.client.end().catch(() => undefined);
    const socket = (this.client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream;
    if (typeof socket?.unref === 'function') socket.unref();
    else await einde;
  }
}
