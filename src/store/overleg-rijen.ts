/** The stored overleg rows: reading them, and whether anything refers to one. */
import type { OverlegSoort } from '../domain/cadans.js';
import type { OverlegRij } from '../domain/overleg.js';
import type { Datum } from '../domain/tijd.js';
import type { Db } from './db.js';

const KOLOMMEN = 'id, soort, nominale_datum, datum, status, verschoven_van, reden, tijd, locatie, versie, gehouden_op';

/** Rows of a soort whose nominal date lies in [nominaalVan, tot] or whose actual date lies in [van, tot]. */
export function rijenRond(db: Db, soort: OverlegSoort, nominaalVan: Datum, van: Datum, tot: Datum): Promise<OverlegRij[]> {
  return db.alle<OverlegRij>(
    `SELECT ${KOLOMMEN} FROM overleg
     WHERE soort = @soort AND ((nominale_datum BETWEEN @nominaalVan AND @tot) OR (datum BETWEEN @van AND @tot))`,
    { soort, nominaalVan, van, tot },
  );
}

export function alleRijen(db: Db, soort: OverlegSoort): Promise<OverlegRij[]> {
  return db.alle<OverlegRij>(`SELECT ${KOLOMMEN} FROM overleg WHERE soort = ? ORDER BY nominale_datum`, [soort]);
}

export function rijVan(db: Db, soort: OverlegSoort, nominaal: Datum): Promise<OverlegRij | undefined> {
  return db.een<OverlegRij>(`SELECT ${KOLOMMEN} FROM overleg WHERE soort = ? AND nominale_datum = ?`, [soort, nominaal]);
}

/** The earliest date any stored row of these soorten has, nominal or actual. */
export async function vroegsteRij(db: Db, soorten: OverlegSoort[]): Promise<Datum | undefined> {
  const plek = soorten.map(() => '?').join(', ');
  const d = await db.waarde<Datum | null>(`SELECT ${db.d.kleinste('min(nominale_datum)', 'min(datum)')} FROM overleg WHERE soort IN (${plek})`, soorten);
  return d ?? undefined;
}

/** Whether an actie, its history, an attendance list or a verslag names this overleg, or it was held (then it must stay). */
export async function wordtVerwezen(db: Db, id: number): Promise<boolean> {
  const n = await db.waarde<number>(
    `SELECT CASE WHEN EXISTS (SELECT 1 FROM actie WHERE overleg_id = @id)
                   OR EXISTS (SELECT 1 FROM actie_historie WHERE overleg_id = @id)
                   OR EXISTS (SELECT 1 FROM aanwezigheid WHERE overleg_id = @id)
                   OR EXISTS (SELECT 1 FROM verslag WHERE overleg_id = @id)
                   OR EXISTS (SELECT 1 FROM overleg WHERE id = @id AND gehouden_op IS NOT NULL) THEN 1 ELSE 0 END`,
    { id },
  );
  return n === 1;
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

export async function voegRijToe(db: Db, rij: NieuweRij, nu: Date): Promise<number> {
  const id = (await db.waarde<number>(db.d.volgendId('overleg')))!;
  await db.voer(
    `INSERT INTO overleg (id, soort, nominale_datum, datum, status, verschoven_van, reden, tijd, locatie, versie, gewijzigd_op)
     VALUES (@id, @soort, @nominale_datum, @datum, @status, @verschoven_van, @reden, @tijd, @locatie, @versie, @op)`,
    { verschoven_van: null, reden: null, tijd: null, locatie: null, versie: 0, ...rij, id, op: nu.toISOString() },
  );
  return id;
}
