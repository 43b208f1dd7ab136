/** The stored overleg rows: reading them, and whether anything refers to one. */
import type { OverlegSoort } from '../domain/cadans.js';
import type { OverlegRij } from '../domain/overleg.js';
import type { Datum } from '../domain/tijd.js';
import type { Db } from './database.js';

const KOLOMMEN = 'id, soort, nominale_datum, datum, status, verschoven_van, reden, tijd, locatie, versie';

/** Rows of a soort whose nominal date lies in [nominaalVan, tot] or whose actual date lies in [van, tot]. */
export function rijenRond(db: Db, soort: OverlegSoort, nominaalVan: Datum, van: Datum, tot: Datum): OverlegRij[] {
  return db
    .prepare(
      `SELECT ${KOLOMMEN} FROM overleg
       WHERE soort = @soort AND ((nominale_datum BETWEEN @nominaalVan AND @tot) OR (datum BETWEEN @van AND @tot))`,
    )
    .all({ soort, nominaalVan, van, tot }) as OverlegRij[];
}

export function alleRijen(db: Db, soort: OverlegSoort): OverlegRij[] {
  return db.prepare(`SELECT ${KOLOMMEN} FROM overleg WHERE soort = ? ORDER BY nominale_datum`).all(soort) as OverlegRij[];
}

export function rijVan(db: Db, soort: OverlegSoort, nominaal: Datum): OverlegRij | undefined {
  return db.prepare(`SELECT ${KOLOMMEN} FROM overleg WHERE soort = ? AND nominale_datum = ?`).get(soort, nominaal) as OverlegRij | undefined;
}

/** The earliest date any stored row of these soorten has, nominal or actual. */
export function vroegsteRij(db: Db, soorten: OverlegSoort[]): Datum | undefined {
  const plek = soorten.map(() => '?').join(', ');
  const d = db
    .prepare(`SELECT min(min(nominale_datum), min(datum)) FROM overleg WHERE soort IN (${plek})`)
    .pluck()
    .get(...soorten) as Datum | null;
  return d ?? undefined;
}

/** Whether an actie, its history or an attendance list names this overleg (then it must stay). */
export function wordtVerwezen(db: Db, id: number): boolean {
  return (
    db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM actie WHERE overleg_id = @id)
             OR EXISTS (SELECT 1 FROM actie_historie WHERE overleg_id = @id)
             OR EXISTS (SELECT 1 FROM aanwezigheid WHERE overleg_id = @id)`,
      )
      .pluck()
      .get({ id }) === 1
  );
}

export interface NieuweRij {
  soort: OverlegSoort;
  nominale_datum: Datum;
  datum: Datum;
  status: OverlegRij['status'];
  verschoven_van?: Datum | null;
  reden?: string | null;
  tijd?: string | null;
  locatie?: string | null;
  versie?: number;
}

export function voegRijToe(db: Db, rij: NieuweRij, nu: Date): number {
  const r = db
    .prepare(
      `INSERT INTO overleg (soort, nominale_datum, datum, status, verschoven_van, reden, tijd, locatie, versie, gewijzigd_op)
       VALUES (@soort, @nominale_datum, @datum, @status, @verschoven_van, @reden, @tijd, @locatie, @versie, @op)`,
    )
    .run({ verschoven_van: null, reden: null, tijd: null, locatie: null, versie: 0, ...rij, op: nu.toISOString() });
  return Number(r.lastInsertRowid);
}
