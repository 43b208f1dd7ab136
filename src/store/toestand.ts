/**
 * The state of the data, proven against the audit log (SPEC §10). Every audit row records, for each
 * object its transaction changed, a hash of the object's resulting state: its column `toestand` holds
 * `{"na": {object: hash}, "voor": {object: hash}}`, keyed by the object's number (M-2027-0042,
 * Z-2027-001, A-2027-0001, gio:2027-03-02, partner:politie); `na` is null for an object removed,
 * `voor` is the state before the change, for objects that existed. The hash is salted with a random value kept in the
 * object's own row (`zout`), which erasing personal data replaces, so an old hash reveals nothing
 * about what was erased. `kvz check` recomputes the state of every object and compares it with its
 * newest record: an object edited, removed or added behind kvz's back is named.
 *
 * Which objects a transaction changed is noted by TEMP triggers on kvz's own connection: they exist
 * only there, so a change made with another tool is never recorded as if kvz had made it.
 * PostgreSQL does the same in the database itself, from the same SOORTEN (toestand-pg.ts).
 */
import { sha256Hex } from './sha256.js';
import type Database from 'better-sqlite3';

type Bestand = Database.Database;

/** An object's state hash, or null: the object was removed. */
export type Toestanden = Record<string, string | null>;

export interface Soort {
  tabel: string;
  /** The object's name in records and reports, from the row aliased `t` (or OLD/NEW in a trigger). */
  sleutel: (t: string) => string;
  /** The same name in PostgreSQL's SQL (toestand-pg.ts). */
  sleutelPg: (t: string) => string;
  /** The columns that make its state, in a fixed order. */
  kolommen: readonly string[];
  /**
   * Columns added later, whose default was everyone's before: they enter the state only when set
   * (as a last element [name, value]), so a state recorded before they existed still holds.
   */
  later?: readonly string[];
  /** Rows of other tables that belong to it: [tabel, verwijzing naar id, kolommen, volgorde, later]. */
  delen: readonly { tabel: string; naar: string; kolommen: readonly string[]; volgorde: string; later?: readonly string[] }[];
  /** Where its identity is kept (id, or code for a partner). */
  id: string;
}

export const SOORTEN: readonly Soort[] = [
  {
    tabel: 'melding',
    sleutel: (t) => `printf('M-%d-%04d', ${t}.jaar, ${t}.volgnummer)`,
    sleutelPg: (t) => `${t}.nummer`,
    kolommen: ['id', 'jaar', 'volgnummer', 'ontvangen_op', 'ontvangen_dag', 'kanaal', 'categorie', 'kern', 'adres', 'omschrijving', 'melder_naam',
      'melder_telefoon', 'melder_email', 'melder_gewist_op', 'terugkoppeling', 'vergunninghouder', 'vertrouwelijk', 'zaak_id', 'status',
      'afgehandeld_op', 'afhandeling', 'geregistreerd_door', 'aangemaakt_op', 'gewijzigd_op'],
    later: ['urgent', 'vervallen', 'plaatsing_id'],
    delen: [
      { tabel: 'doorzetting', naar: 'melding_id', kolommen: ['partner', 'op', 'dag', 'door', 'notitie'], volgorde: 'partner', later: ['tijd_onbekend'] },
      { tabel: 'contact', naar: 'melding_id', kolommen: ['id', 'op', 'soort', 'notitie', 'door'], volgorde: 'id' },
    ],
    id: 'id',
  },
  {
    tabel: 'zaak',
    sleutel: (t) => `${t}.nummer`,
    sleutelPg: (t) => `${t}.nummer`,
    kolommen: ['id', 'nummer', 'jaar', 'volgnummer', 'titel', 'soort', 'kern', 'eigenaar', 'vertrouwelijk', 'status', 'geopend_op', 'gesloten_op',
      'resultaat', 'geopend_door', 'gewijzigd_op'],
    delen: [],
    id: 'id',
  },
  {
    tabel: 'actie',
    sleutel: (t) => `${t}.nummer`,
    sleutelPg: (t) => `${t}.nummer`,
    kolommen: ['id', 'nummer', 'jaar', 'volgnummer', 'zaak_id', 'omschrijving', 'soort', 'partner', 'deadline', 'status', 'keer_uitgesteld',
      'overleg_id', 'aangemaakt_op', 'aangemaakt_door', 'gewijzigd_op'],
    delen: [
      {
        tabel: 'actie_historie', naar: 'actie_id', volgorde: 'id',
        kolommen: ['id', 'op', 'door', 'status_oud', 'status_nieuw', 'deadline_oud', 'deadline_nieuw', 'partner_oud', 'partner_nieuw', 'notitie', 'overleg_id'],
      },
    ],
    id: 'id',
  },
  {
    tabel: 'overleg',
    sleutel: (t) => `${t}.soort || ':' || ${t}.nominale_datum`,
    sleutelPg: (t) => `${t}.soort || ':' || ${t}.nominale_datum`,
    kolommen: ['id', 'soort', 'nominale_datum', 'datum', 'status', 'verschoven_van', 'reden', 'tijd', 'locatie', 'versie', 'gewijzigd_op', 'gehouden_op'],
    delen: [
      { tabel: 'aanwezigheid', naar: 'overleg_id', kolommen: ['partner'], volgorde: 'partner' },
      { tabel: 'verslag', naar: 'overleg_id', kolommen: ['id', 'volgorde', 'punt', 'zaak_id', 'besproken', 'afspraken'], volgorde: 'id' },
    ],
    id: 'id',
  },
  {
    tabel: 'afstemming',
    sleutel: (t) => `${t}.nummer`,
    sleutelPg: (t) => `${t}.nummer`,
    kolommen: ['id', 'nummer', 'jaar', 'volgnummer', 'op', 'dag', 'tussen', 'onderwerp', 'zaak_id', 'vertrouwelijk', 'notitie', 'door', 'aangemaakt_op'],
    delen: [],
    id: 'id',
  },
  {
    tabel: 'plaatsing',
    sleutel: (t) => `${t}.nummer`,
    sleutelPg: (t) => `${t}.nummer`,
    kolommen: ['id', 'nummer', 'jaar', 'volgnummer', 'kern', 'adres', 'adres_gewist_op', 'datum', 'einde', 'huishouden', 'begeleiding', 'notitie', 'door',
      'aangemaakt_op', 'gewijzigd_op'],
    delen: [{ tabel: 'plaatsing_contact', naar: 'plaatsing_id', kolommen: ['id', 'op', 'dag', 'soort', 'partner', 'notitie', 'door'], volgorde: 'id' }],
    id: 'id',
  },
  {
    tabel: 'partner',
    sleutel: (t) => `'partner:' || ${t}.code`,
    sleutelPg: (t) => `'partner:' || ${t}.code`,
    kolommen: ['code', 'naam', 'email', 'met_melder'],
    delen: [],
    id: 'code',
  },
];

/** The state of the object in row `t` as JSON text: its columns and the rows that belong to it. */
function staatSql(s: Soort): string {
  const delen = s.delen.map(
    (d) =>
      `(SELECT json_group_array(${metLater(`json_array(${d.kolommen.join(', ')})`, d.later, '', true)}) FROM (SELECT * FROM main.${d.tabel} WHERE ${d.naar} = t.${s.id} ORDER BY ${d.volgorde}))`,
  );
  return metLater(`json_array(${[...s.kolommen.map((k) => `t.${k}`), ...delen].join(', ')})`, s.later, 't.');
}

/**
 * `staat` with each later column (a 0/1 flag, 0 before it existed, or a reference that was NULL)
 * appended as [name, value] when it is set; as JSON again when nested, so json_group_array takes it
 * as an array, not as text.
 */
function metLater(staat: string, later: readonly string[] | undefined, t: string, genest = false): string {
  let uit = staat;
  for (const k of later ?? []) uit = `CASE WHEN coalesce(${t}${k}, 0) = 0 THEN ${uit} ELSE json_insert(${uit}, '$[#]', json_array('${k}', ${t}${k})) END`;
  return genest && later?.length ? `json(${uit})` : uit;
}

/** The SELECT of (sleutel, zout, state) for every object of one soort. */
function toestandSql(s: Soort): string {
  return `SELECT ${s.sleutel('t')}, t.zout, ${staatSql(s)} FROM main.${s.tabel} t`;
}

/** The salted hash of one state (128 bits of SHA-256: enough to make a matching forgery infeasible). */
export function toestandHash(zout: string | null, staat: string): string {
  return sha256Hex(`${zout ?? ''}\n${staat}`).slice(0, 32);
}

/** A fresh random salt in SQLite's SQL (schema.sql's column default says the same). */
export const NIEUW_ZOUT = 'lower(hex(randomblob(16)))';

const GEVOLGD = new WeakSet<Bestand>();
/** The SQL of each TEMP trigger by name (the same on every connection). */
const TRIGGERS = new Map<string, string>();
const VOORBEREID = new WeakMap<Bestand, Map<string, Database.Statement>>();

/** The statement for `sql` on this connection, prepared once (every audit row of a long run reuses it). */
export function stmt(db: Bestand, sql: string): Database.Statement {
  let per = VOORBEREID.get(db);
  if (!per) VOORBEREID.set(db, (per = new Map()));
  let s = per.get(sql);
  if (!s) per.set(sql, (s = db.prepare(sql)));
  return s;
}

/**
 * Makes this connection note which objects its transactions change (TEMP triggers into a TEMP table),
 * and the state each had before the transaction first touched it: an audit row records both, so a
 * change made behind kvz's back between two of kvz's own is found even after kvz changed the object
 * again. Called before the first write transaction; a no-op after that.
 */
export function volgWijzigingen(db: Bestand): void {
  if (GEVOLGD.has(db)) return;
  GEVOLGD.add(db);
  // The hash of a state, for the triggers below (kvz's own connection only, like them).
  db.function('kvz_toestand_hash', { deterministic: true }, (zout: unknown, staat: unknown) => toestandHash(zout as string | null, String(staat)));
  // The hash an import's reader already computed for new melding `id` (berekenNieuw), or NULL.
  db.function('kvz_gegeven_toestand', (id: unknown) => {
    const g = GEGEVEN.get(db);
    return g?.hashes[Number(id) - g.van - 1] ?? null;
  });
  const sql = [
    `CREATE TEMP TABLE IF NOT EXISTS kvz_gewijzigd (
       tabel TEXT NOT NULL, id INTEGER NOT NULL, sleutel TEXT NOT NULL,  -- id: a partner's code stays text
       voor TEXT,  -- the state hash before this transaction; NULL for an object it added
       na TEXT,    -- the state hash after, computed batch by batch by an import (berekenNieuw)
       PRIMARY KEY (tabel, id)) WITHOUT ROWID;`,
  ];
  const nieuw = (s: Soort, rij: string) => `INSERT OR IGNORE INTO temp.kvz_gewijzigd (tabel, id, sleutel) VALUES ('${s.tabel}', ${rij}.${s.id}, ${s.sleutel(rij)});`;
  // Before the first change of an object in this transaction: the hash of its state as it was (still in
  // the table), read through a view per soort so each trigger stays small (creating them is what every
  // write pays).
  const voor = (s: Soort, id: string) =>
    `INSERT OR IGNORE INTO temp.kvz_gewijzigd (tabel, id, sleutel, voor) SELECT '${s.tabel}', id, sleutel, kvz_toestand_hash(zout, staat) FROM temp.kvz_staat_${s.tabel} WHERE id = ${id};`;
  const nogNiet = (s: Soort, id: string) => `WHEN NOT EXISTS (SELECT 1 FROM temp.kvz_gewijzigd WHERE tabel = '${s.tabel}' AND id = ${id})`;
  for (const s of SOORTEN) {
    sql.push(`CREATE TEMP VIEW IF NOT EXISTS kvz_staat_${s.tabel} AS SELECT t.${s.id} AS id, ${s.sleutel('t')} AS sleutel, t.zout AS zout, ${staatSql(s)} AS staat FROM main.${s.tabel} t;`);
    sql.push(`CREATE TEMP TRIGGER IF NOT EXISTS kvz_${s.tabel}_vu BEFORE UPDATE ON main.${s.tabel} ${nogNiet(s, `OLD.${s.id}`)} BEGIN ${voor(s, `OLD.${s.id}`)} END;`);
    sql.push(`CREATE TEMP TRIGGER IF NOT EXISTS kvz_${s.tabel}_vd BEFORE DELETE ON main.${s.tabel} ${nogNiet(s, `OLD.${s.id}`)} BEGIN ${voor(s, `OLD.${s.id}`)} END;`);
    sql.push(`CREATE TEMP TRIGGER IF NOT EXISTS kvz_${s.tabel}_i AFTER INSERT ON main.${s.tabel} BEGIN ${nieuw(s, 'NEW')} END;`);
    // No trigger after an UPDATE: kvz never changes an object's number, and a row renumbered behind
    // its back is named by check as added under its new number.
    for (const d of s.delen) {
      for (const [wanneer, rij] of [['INSERT', 'NEW'], ['UPDATE', 'OLD'], ['DELETE', 'OLD']] as const) {
        const id = `${rij}.${d.naar}`;
        sql.push(`CREATE TEMP TRIGGER IF NOT EXISTS kvz_${d.tabel}_${wanneer[0]!.toLowerCase()} BEFORE ${wanneer} ON main.${d.tabel} ${nogNiet(s, id)} BEGIN ${voor(s, id)} END;`);
      }
    }
  }
  for (const t of sql) {
    const naam = /CREATE TEMP TRIGGER IF NOT EXISTS (\w+)/.exec(t)?.[1];
    if (naam) TRIGGERS.set(naam, t);
  }
  db.exec(sql.join('\n'));
}

/** How many changed objects wait for an audit row to record them. */
export function openWijzigingen(db: Bestand): number {
  if (!GEVOLGD.has(db)) return 0;
  return stmt(db, 'SELECT count(*) FROM temp.kvz_gewijzigd').pluck().get() as number;
}

const VOLLEDIG = new WeakSet<Bestand>();

/** The next audit row on this connection records every object as a new starting point (a copy's row). */
export function volledigVastleggen(db: Bestand): void {
  if (GEVOLGD.has(db)) VOLLEDIG.add(db);
}

/** Forgets the noted changes (a copy that takes no audit row of its own). */
export function vergeetWijzigingen(db: Bestand): void {
  if (GEVOLGD.has(db)) db.exec('DELETE FROM temp.kvz_gewijzigd');
}

/**
 * Whether this file keeps state records; a back-up of PostgreSQL made before schema 15 does not
 * (PostgreSQL recorded none then, and such a back-up says so in a setting).
 * That setting counts only while no audit row after the last copy into PostgreSQL that recorded no
 * states (one made before schema 15) records a state: set with another tool in a file that records
 * states, it would otherwise switch the proof off (#14). No row can be slipped in before that copy's
 * row without breaking the chain.
 */
export function houdtToestandBij(db: Bestand): boolean {
  if (stmt(db, `SELECT waarde FROM instelling WHERE sleutel = 'toestand'`).pluck().get() !== 'niet bijgehouden') return true;
  return stmt(db, `SELECT 1 FROM audit WHERE toestand IS NOT NULL AND id > coalesce((SELECT max(id) FROM audit
    WHERE commando = 'kopieer' AND resultaat = 'kopie binnengehaald' AND toestand IS NULL), 0) LIMIT 1`).get() !== undefined;
}


/** Whether any audit row records states yet (searched from the newest row: it is nearly always the newest). */
function heeftToestand(db: Bestand): boolean {
  return stmt(db, 'SELECT 1 FROM audit WHERE toestand IS NOT NULL ORDER BY id DESC LIMIT 1').get() !== undefined;
}

/** Gives every row of `s` that has none a salt (rows of a database migrated from before salts). */
function zout(db: Bestand, s: Soort, waar: string): void {
  stmt(db, `UPDATE ${s.tabel} SET zout = ${NIEUW_ZOUT} WHERE zout IS NULL ${waar}`).run();
}

/**
 * The current state hash of every object, per soort, or only of those `waar` selects, handed over one
 * by one (check goes over a million objects: no array per object).
 */
export function elkeToestand(db: Bestand, neem: (sleutel: string, hash: string) => void, waar: (s: Soort) => string = () => ''): void {
  for (const s of SOORTEN) {
    const rijen = stmt(db, `${toestandSql(s)} ${waar(s)}`).raw().iterate() as IterableIterator<[string, string | null, string]>;
    for (const [sleutel, z, staat] of rijen) neem(sleutel, toestandHash(z, staat));
  }
}

/**
 * What an audit row records (its column toestand): each object's state after (null: removed), and
 * before where it existed. Kept as lists: an import records a hundred thousand of them.
 */
export interface Registratie {
  na: [string, string | null][];
  voor?: [string, string][];
  /** A record of every object there is (a new database's first row, a migration, a copy): what came before no longer counts. */
  basis?: boolean;
}

/** The JSON the audit row stores: {"na": {object: hash}, "voor": {object: hash}}. */
export function registratieTekst(r: Registratie): string {
  const object = (paren: readonly (readonly [string, string | null])[]) => `{${paren.map(([k, h]) => `${JSON.stringify(k)}:${h === null ? 'null' : JSON.stringify(h)}`).join(',')}}`;
  const basis = r.basis ? '"basis":true,' : '';
  return r.voor && r.voor.length > 0 ? `{${basis}"na":${object(r.na)},"voor":${object(r.voor)}}` : `{${basis}"na":${object(r.na)}}`;
}

/**
 * The states to record in the audit row being written: of every object this transaction changed (and
 * what each was before), or of every object when no row recorded any yet (a new database, or one
 * copied from PostgreSQL). Undefined when there is nothing to record. Clears the noted changes.
 * The JSON text of the changes is put together by SQLite (as toestand_registratie does on PostgreSQL),
 * not from a list in JavaScript: an import records a hundred thousand objects, and building that list
 * and its text cost the import's writing thread ~0.3 s, half of it the garbage collector's (#14).
 */
export function teRegistreren(db: Bestand): string | undefined {
  if (!GEVOLGD.has(db) || !houdtToestandBij(db)) return undefined;
  const vooraf = "(SELECT id FROM temp.kvz_gewijzigd WHERE tabel = 'melding' AND na IS NOT NULL)";
  const paar = (hash: string) => `json_quote(sleutel) || ':' || coalesce(json_quote(${hash}), 'null')`;
  if (VOLLEDIG.has(db) || !heeftToestand(db)) {
    VOLLEDIG.delete(db);
    // Every object: those whose state an import already noted, and the others' states now.
    const delen = [
      `SELECT ${paar('na')} AS paar FROM temp.kvz_gewijzigd WHERE na IS NOT NULL`,
      ...SOORTEN.map((s) => `SELECT ${paar('kvz_toestand_hash(zout, staat)')} FROM temp.kvz_staat_${s.tabel} ${s.tabel === 'melding' ? `WHERE id NOT IN ${vooraf}` : ''}`),
    ];
    const na = stmt(db, `SELECT group_concat(paar, ',') FROM (${delen.join(' UNION ALL ')})`).pluck().get() as string | null;
    stmt(db, 'DELETE FROM temp.kvz_gewijzigd').run();
    return `{"basis":true,"na":{${na ?? ''}}}`;
  }
  const tabellen = stmt(db, 'SELECT DISTINCT tabel FROM temp.kvz_gewijzigd WHERE na IS NULL').pluck().all() as string[];
  for (const s of SOORTEN) {
    if (!tabellen.includes(s.tabel)) continue;
    const open = `IN (SELECT id FROM temp.kvz_gewijzigd WHERE tabel = '${s.tabel}' AND na IS NULL)`;
    // Rows of a database migrated from before salts, added since, have none yet.
    zout(db, s, `AND ${s.id} ${open}`);
    // Each noted object's state now; one that is gone keeps NULL.
    stmt(
      db,
      `UPDATE temp.kvz_gewijzigd AS g SET na = (SELECT kvz_toestand_hash(v.zout, v.staat) FROM temp.kvz_staat_${s.tabel} v WHERE v.id = g.id)
       WHERE g.tabel = '${s.tabel}' AND g.na IS NULL`,
    ).run();
  }
  const [na, voor] = stmt(
    db,
    `SELECT group_concat(${paar('na')}, ',' ORDER BY tabel, id),
            group_concat(${paar('voor')}, ',' ORDER BY tabel, id) FILTER (WHERE voor IS NOT NULL)
     FROM temp.kvz_gewijzigd`,
  ).raw().get() as [string | null, string | null];
  if (na === null) return undefined;
  stmt(db, 'DELETE FROM temp.kvz_gewijzigd').run();
  return `{"na":{${na}}${voor === null ? '' : `,"voor":{${voor}}`}}`;
}

/**
 * The states of new meldingen with ids in (`van`, `tot`], written in bulk and final (an import's, with
 * their forwardings), computed batch by batch rather than all at the audit row: part of that work then
 * overlaps the reader's (measured: 100,000 rows 0.3–0.5 s sooner than computing them at the end).
 * `gegeven`: their hashes in id order, already computed by the import's reader from the salts it wrote
 * (documents/import-lezen.ts); then only the numbers are read here, not each row's state.
 */
export function berekenNieuw(db: Bestand, van: number, tot: number, gegeven?: readonly string[]): void {
  if (!GEVOLGD.has(db) || tot <= van) return;
  if (gegeven) {
    if (gegeven.length !== tot - van) throw new Error(`${gegeven.length} toestanden voor ${tot - van} nieuwe meldingen`);
    GEGEVEN.set(db, { van, hashes: gegeven });
    try {
      const s = SOORTEN[0]!;
      stmt(
        db,
        `INSERT OR REPLACE INTO temp.kvz_gewijzigd (tabel, id, sleutel, voor, na)
         SELECT 'melding', t.id, ${s.sleutel('t')}, NULL, kvz_gegeven_toestand(t.id) FROM main.melding t WHERE t.id > ? AND t.id <= ?`,
      ).run(van, tot);
    } finally {
      GEGEVEN.delete(db);
    }
    return;
  }
  // A database migrated from before salts gives new rows none: never hash melder data unsalted.
  stmt(db, `UPDATE melding SET zout = ${NIEUW_ZOUT} WHERE id > ? AND id <= ? AND zout IS NULL`).run(van, tot);
  stmt(
    db,
    `INSERT OR REPLACE INTO temp.kvz_gewijzigd (tabel, id, sleutel, voor, na)
     SELECT 'melding', id, sleutel, NULL, kvz_toestand_hash(zout, staat) FROM temp.kvz_staat_melding WHERE id > ? AND id <= ?`,
  ).run(van, tot);
}

/** The hashes `berekenNieuw` was given, while its statement runs (kvz_gegeven_toestand reads them). */
const GEGEVEN = new WeakMap<Bestand, { van: number; hashes: readonly string[] }>();

/** The state of every object (a new database's first record, a migration's, the bench's). */
export function alleToestanden(db: Bestand): [string, string][] {
  const alle: [string, string][] = [];
  elkeToestand(db, (sleutel, hash) => alle.push([sleutel, hash]));
  return alle;
}

/** Gives every row that has none a salt: a database migrated from before salts. */
export function zoutAlles(db: Bestand): void {
  for (const s of SOORTEN) zout(db, s, '');
}

/**
 * An import's new meldingen (and their forwardings), noted in one statement after they were written
 * rather than by a trigger per row: `werk` writes only meldingen with an id above `hoogsteId`.
 */
export async function nieuweMeldingenInBulk<T>(db: Bestand, hoogsteId: number, werk: () => Promise<T>): Promise<T> {
  if (!GEVOLGD.has(db)) return werk();
  const triggers = ['kvz_melding_i', 'kvz_doorzetting_i'];
  for (const naam of triggers) db.exec(`DROP TRIGGER IF EXISTS temp.${naam}`);
  try {
    return await werk();
  } finally {
    for (const naam of triggers) db.exec(TRIGGERS.get(naam)!);
    const s = SOORTEN[0]!;
    stmt(db, `INSERT OR IGNORE INTO temp.kvz_gewijzigd (tabel, id, sleutel) SELECT 'melding', t.id, ${s.sleutel('t')} FROM main.melding t WHERE t.id > ?`).run(hoogsteId);
  }
}

export interface ToestandVerschil {
  object: string;
  wat: 'gewijzigd' | 'verwijderd' | 'toegevoegd';
  /** Found in the records: done before this audit row changed the object (else: found in the data now). */
  voor?: { id: number; commando: string };
}

/**
 * Compares every object with its newest record, object by object as the store gives them (a file's
 * from `elkeToestand`, PostgreSQL's from the database). `vastgelegd` is what the audit log recorded (each
 * object's newest record; emptied on the way). Objects never recorded are named as added behind kvz's back.
 */
export class ToestandVergelijking {
  private objecten = 0;
  private readonly verschillen: ToestandVerschil[] = [];
  constructor(
    private readonly vastgelegd: Map<string, string | null>,
    private readonly zoVer: (objecten: number) => void = () => undefined,
  ) {}

  neem(sleutel: string, hash: string): void {
    if (++this.objecten % 50_000 === 0) this.zoVer(this.objecten);
    const was = this.vastgelegd.get(sleutel);
    if (was === undefined || was === null) this.verschillen.push({ object: sleutel, wat: 'toegevoegd' });
    else if (was !== hash) this.verschillen.push({ object: sleutel, wat: 'gewijzigd' });
    // What was compared leaves the map: what is left at the end was recorded but is no longer there.
    this.vastgelegd.delete(sleutel);
  }

  uitkomst(): { objecten: number; verschillen: ToestandVerschil[] } {
    for (const [sleutel, hash] of this.vastgelegd) if (hash !== null) this.verschillen.push({ object: sleutel, wat: 'verwijderd' });
    return { objecten: this.objecten, verschillen: this.verschillen };
  }
}
