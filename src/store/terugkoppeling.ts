/**
 * One definition of "the melder waits for feedback", for kvz status, rapport terugkoppeling and
 * melding close alike: the melder asked for it, can still be reached (retention has not erased the
 * melder data), the melding is not handled, and no contact of soort terugkoppeling is recorded.
 * A melding closed without feedback was closed on purpose (--zonder-terugkoppeling, SPEC §12): its
 * melder no longer waits.
 */
import type { Db } from './db.js';

/**
 * The condition on melding `m`. Written as the partial index melding_wacht is (status <>
 * 'afgehandeld', not the open statuses): otherwise SQLite reads every open melding through
 * melding_open, 130 ms at region scale. PostgreSQL keeps in the melding whether it had feedback
 * (teruggekoppeld, set by a trigger on contact), so its index holds only the melders still waiting.
 */
export function wachtOpTerugkoppelingSql(db: Db): string {
  const basis = "m.terugkoppeling = 1 AND m.melder_gewist_op IS NULL AND m.status <> 'afgehandeld'";
  return db.soort === 'postgres'
    ? `${basis} AND m.teruggekoppeld = 0`
    : `${basis} AND NOT EXISTS (SELECT 1 FROM contact c WHERE c.melding_id = m.id AND c.soort = 'terugkoppeling')`;
}

/** Whether the melder of melding `id` waits for feedback. */
export async function wachtOpTerugkoppeling(db: Db, id: number): Promise<boolean> {
  return (await db.waarde<number>(`SELECT 1 FROM melding m WHERE m.id = ? AND ${wachtOpTerugkoppelingSql(db)}`, [id])) === 1;
}
