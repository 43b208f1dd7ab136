/**
 * Finding the overleg row that an actie or a history row refers to ("afgesproken in"). Meetings that
 * simply follow their cadence have no row until something refers to them; this creates it then.
 * Kept small on purpose: the cadence (which meetings exist when) is decided elsewhere.
 */
import type { OverlegSoort } from '../domain/actie.js';
import type { Datum } from '../domain/tijd.js';
import type { Db } from './database.js';

/** The id of the overleg of `soort` held on `datum` (or planned for it), inserted as 'gepland' if unknown. Call inside a transaction. */
export function overlegId(db: Db, soort: OverlegSoort, datum: Datum, nu: Date): number {
  const bestaand = db
    .prepare(
      `SELECT id FROM overleg WHERE soort = @soort AND (datum = @datum OR nominale_datum = @datum)
       ORDER BY datum = @datum DESC LIMIT 1`,
    )
    .pluck()
    .get({ soort, datum }) as number | undefined;
  if (bestaand !== undefined) return bestaand;
  const { lastInsertRowid } = db
    .prepare(`INSERT INTO overleg (soort, nominale_datum, datum, status, gewijzigd_op) VALUES (?, ?, ?, 'gepland', ?)`)
    .run(soort, datum, datum, nu.toISOString());
  return Number(lastInsertRowid);
}
