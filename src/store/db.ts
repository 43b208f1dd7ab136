/**
 * The one surface every query goes through, on a SQLite file or on PostgreSQL (SPEC §7). Modelled on
 * node-postgres's small client surface: the use-cases in src/store write their SQL once, in the subset
 * both engines speak, and ask `d` for the few fragments that differ. Placeholders are `?` (in order)
 * or `@naam` (from an object); the PostgreSQL driver numbers them.
 */

/** Values a query takes: booleans are stored as 0/1, instants and dates as ISO text. */
export type Params = readonly unknown[] | Readonly<Record<string, unknown>>;

/** The SQL that differs between the two engines. */
export interface Dialect {
  /**
   * `kolom` is one of the values of `param` (a JSON array in text); `soort` says whether they are
   * numbers (ids) or text (numbers like M-2027-0001).
   */
  inLijst(kolom: string, param: string, soort: 'getal' | 'tekst'): string;
  /** `expr`, kept off the indexes where SQLite's planner would pick a worse one (no-op on PostgreSQL). */
  zonderIndex(expr: string): string;
  /**
   * Melding `m` is not confidential, by its own flag nor by its zaak's (`z` the joined zaak where the
   * query has one). PostgreSQL keeps this fact in the row (geheim, set by the database's triggers).
   */
  openbaar(metZaak: boolean): string;
  /** Actie `a` belongs to a zaak that is not confidential, without joining the zaak. */
  actieOpenbaar(): string;
  /** The partner codes of the forwardings of melding `m` that count (not waiting for mail), in order, joined by `scheiding`. */
  doorgezetNaar(scheiding: string): string;
  /** The smaller of two values (SQLite's two-argument min, PostgreSQL's least). */
  kleinste(a: string, b: string): string;
  /** The larger of two values (SQLite's two-argument max, PostgreSQL's greatest). */
  grootste(a: string, b: string): string;
  /**
   * A query for the id the next row of `tabel` gets. Taken before the INSERT rather than returned by
   * it: on PostgreSQL a row its writer may not see afterwards (a confidential melding from the front
   * desk) cannot be returned.
   */
  volgendId(tabel: 'melding' | 'zaak' | 'actie' | 'overleg' | 'afstemming' | 'plaatsing'): string;
  /** A fresh random salt for an object's state hash (SPEC §10), as a SQL expression. */
  nieuwZout(): string;
}

export interface StroomOpties {
  /**
   * Many rows, in an order an index gives: the first ones are wanted at once, not after all of them
   * are sorted (PostgreSQL; SQLite reads rows as they are asked for anyway). Only for a query that
   * leaves most of its table: with a filter that leaves few rows, sorting those is faster than
   * walking the whole index in order.
   */
  eersteRijen?: boolean;
}

/** Who is connected to a shared database, with which of the four roles (SPEC §7). */
export interface Identiteit {
  login: string;
  database: string;
  rol: 'balie' | 'iv' | 'politieoverleg' | 'beheer';
  voorvoegsel: string;
}

export interface Db {
  readonly soort: 'sqlite' | 'postgres';
  /** On PostgreSQL: the login and its role; a file has no such thing. */
  readonly identiteit?: Identiteit | undefined;
  readonly d: Dialect;
  /** Whether a transaction of `transactie` is running on this connection. */
  readonly inTransactie: boolean;
  /** Rows as objects keyed by column name. */
  alle<T = Record<string, unknown>>(sql: string, p?: Params): Promise<T[]>;
  /** The first row as an object, or undefined. */
  een<T = Record<string, unknown>>(sql: string, p?: Params): Promise<T | undefined>;
  /** The first column of the first row, or undefined when there is no row. */
  waarde<T = unknown>(sql: string, p?: Params): Promise<T | undefined>;
  /** The first column of every row. */
  kolom<T = unknown>(sql: string, p?: Params): Promise<T[]>;
  /** Rows as arrays, in column order (cheaper than objects for wide or many rows). */
  rauw<T extends readonly unknown[] = unknown[]>(sql: string, p?: Params): Promise<T[]>;
  /** A statement that returns no rows; resolves to the number of rows it changed. */
  voer(sql: string, p?: Params): Promise<number>;
  /**
   * Rows as arrays in batches, read with a cursor so memory stays flat however many there are.
   * Consume it fully (or break out of the loop) before writing on this connection.
   */
  stroom<T extends readonly unknown[] = unknown[]>(sql: string, p?: Params, opties?: StroomOpties): AsyncIterable<T[]>;
  /**
   * Runs `werk` as one transaction that holds the write lock from its start (SQLite's BEGIN
   * IMMEDIATE; on PostgreSQL a transaction lock all kvz writers take first), so a read followed by
   * a write inside it sees what it changes. Inside another transaction it joins that one.
   */
  transactie<T>(werk: () => Promise<T>): Promise<T>;
  /** Runs `werk`, which only reads, on one consistent snapshot (a copy of the whole database). */
  momentopname<T>(werk: () => Promise<T>): Promise<T>;
  sluit(): Promise<void>;
}
