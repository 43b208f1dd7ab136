/** Handing out numbers: per year, one more than the highest so far, so a number is never reused. */
import { formatNummer, type NummerSoort } from '../domain/nummers.js';
import type { Db } from './database.js';

/**
 * The next number of a melding, zaak or actie in `jaar` (each kept in the table of that name). Call
 * it inside the immediate transaction that inserts the row, so no other writer can take the number.
 */
export function volgendNummer(db: Db, soort: NummerSoort, jaar: number): { nummer: string; volgnummer: number } {
  const volgnummer = db.prepare(`SELECT coalesce(max(volgnummer), 0) + 1 FROM ${soort} WHERE jaar = ?`).pluck().get(jaar) as number;
  return { nummer: formatNummer(soort, jaar, volgnummer), volgnummer };
}
