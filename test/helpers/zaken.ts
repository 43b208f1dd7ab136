/**
 * Zaken for tests of commands that only read them (opschonen, the hostile-input tables). Written with
 * SQL rather than `kvz zaak open|close`: a zaak closed years before the test's "now" needs its closing
 * moment set directly.
 */
import { lees, voer } from './run.js';

export interface TestZaak {
  nummer: string;
  kern?: string;
  /** An ISO instant: the zaak is closed at that moment. */
  geslotenOp?: string;
}

/** Opens a zaak (optionally already closed) and attaches the given meldingen to it. */
export function maakZaak(db: string, zaak: TestZaak, meldingen: string[] = []): void {
  const [, jaar, volgnummer] = /^Z-(\d{4})-(\d+)$/.exec(zaak.nummer)!;
  const open = '2027-01-01T09:00:00.000Z';
  voer(
    db,
    `INSERT INTO zaak (id, nummer, jaar, volgnummer, titel, soort, kern, status, geopend_op, gesloten_op, geopend_door, gewijzigd_op)
     VALUES ((SELECT coalesce(max(id), 0) + 1 FROM zaak), ?, ?, ?, 'Testzaak', 'overlast', ?, ?, ?, ?, 'test', ?)`,
    zaak.nummer, +jaar!, +volgnummer!, zaak.kern ?? 'Obdam', zaak.geslotenOp ? 'gesloten' : 'open', open, zaak.geslotenOp ?? null, open,
  );
  // As kvz does: the counter of the year knows this number is taken.
  voer(
    db,
    `INSERT INTO teller (soort, jaar, laatste) VALUES ('zaak', ?, ?)
     ON CONFLICT (soort, jaar) DO UPDATE SET laatste = CASE WHEN excluded.laatste > teller.laatste THEN excluded.laatste ELSE teller.laatste END`,
    +jaar!, +volgnummer!,
  );
  for (const m of meldingen) {
    const [, mj, mv] = /^M-(\d{4})-(\d+)$/.exec(m)!;
    voer(db, 'UPDATE melding SET zaak_id = (SELECT id FROM zaak WHERE nummer = ?) WHERE jaar = ? AND volgnummer = ?', zaak.nummer, +mj!, +mv!);
    // A wrong number would link nothing, silently: the test would then prove less than it says.
    const n = lees<{ n: number }>(db, `SELECT count(*) AS n FROM melding WHERE jaar = ${+mj!} AND volgnummer = ${+mv!}`)[0]!.n;
    if (Number(n) !== 1) throw new Error(`maakZaak: melding ${m} bestaat niet`);
  }
}
