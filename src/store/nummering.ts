/** Handing out numbers: per year, one more than the highest so far, so a number is never reused. */
import { formatNummer, type NummerSoort } from '../domain/nummers.js';
import type { Db } from './db.js';

/**
 * The next number of a melding, zaak or actie in `jaar` (each kept in the table of that name). Call
 * it inside the transaction that inserts the row, so no other writer can take the number.
 */
export async function volgendNummer(db: Db, soort: NummerSoort, jaar: number): Promise<{ nummer: string; volgnummer: number }> {
  const volgnummer = (await db.waarde<number>(`SELECT coalesce(max(volgnummer), 0) + 1 FROM ${soort} WHERE jaar = ?`, [jaar]))!;
  return { nummer: formatNummer(soort, jaar, volgnummer), volgnummer };
}
