/**
 * Handing out numbers: per year, from a counter in the writing transaction (SPEC §7), so a number is
 * never reused, hidden rows on PostgreSQL never collide, and a rolled-back command leaves no gap.
 */
import { formatNummer, type NummerSoort } from '../domain/nummers.js';
import type { Db } from './db.js';

/** The next number of a melding, zaak or actie in `jaar`. Call it inside the transaction that inserts the row. */
export async function volgendNummer(db: Db, soort: NummerSoort, jaar: number): Promise<{ nummer: string; volgnummer: number }> {
  const volgnummer = (await db.waarde<number>(
    `INSERT INTO teller (soort, jaar, laatste) VALUES (?, ?, 1)
     ON CONFLICT (soort, jaar) DO UPDATE SET laatste = teller.laatste + 1 RETURNING laatste`,
    [soort, jaar],
  ))!;
  return { nummer: formatNummer(soort, jaar, volgnummer), volgnummer };
}

/** The last number given per year, for a writer that numbers many at once (the import). */
export async function laatsteNummers(db: Db, soort: NummerSoort): Promise<Record<number, number>> {
  const uit: Record<number, number> = {};
  for (const [jaar, laatste] of await db.rauw<[number, number]>('SELECT jaar, laatste FROM teller WHERE soort = ?', [soort])) uit[jaar] = laatste;
  return uit;
}

/** Records numbers given by such a writer: the counter of each year moves up to at least `laatste`. */
export async function zetTeller(db: Db, soort: NummerSoort, jaar: number, laatste: number): Promise<void> {
  await db.voer(
    `INSERT INTO teller (soort, jaar, laatste) VALUES (?, ?, ?)
     ON CONFLICT (soort, jaar) DO UPDATE SET laatste = ${db.d.grootste('teller.laatste', 'excluded.laatste')}`,
    [soort, jaar, laatste],
  );
}
