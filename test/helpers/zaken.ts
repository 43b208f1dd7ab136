/**
 * Zaken for tests of commands that only read them (opschonen, the hostile-input tables). Written with
 * SQL rather than `kvz zaak open|close`: a zaak closed years before the test's "now" needs its closing
 * moment set directly.
 */
import Database from 'better-sqlite3';

export interface TestZaak {
  nummer: string;
  kern?: string;
  /** An ISO instant: the zaak is closed at that moment. */
  geslotenOp?: string;
}

/** Opens a zaak (optionally already closed) and attaches the given meldingen to it. */
export function maakZaak(db: string, zaak: TestZaak, meldingen: string[] = []): void {
  const conn = new Database(db);
  try {
    const [, jaar, volgnummer] = /^Z-(\d{4})-(\d+)$/.exec(zaak.nummer)!;
    const open = '2027-01-01T09:00:00.000Z';
    const { lastInsertRowid } = conn
      .prepare(
        `INSERT INTO zaak (nummer, jaar, volgnummer, titel, soort, kern, status, geopend_op, gesloten_op, geopend_door, gewijzigd_op)
         VALUES (?, ?, ?, 'Testzaak', 'overlast', ?, ?, ?, ?, 'test', ?)`,
      )
      .run(zaak.nummer, +jaar!, +volgnummer!, zaak.kern ?? 'Obdam', zaak.geslotenOp ? 'gesloten' : 'open', open, zaak.geslotenOp ?? null, open);
    // As kvz does: the counter of the year knows this number is taken.
    conn
      .prepare(`INSERT INTO teller (soort, jaar, laatste) VALUES ('zaak', ?, ?) ON CONFLICT (soort, jaar) DO UPDATE SET laatste = max(laatste, excluded.laatste)`)
      .run(+jaar!, +volgnummer!);
    const koppel = conn.prepare('UPDATE melding SET zaak_id = ? WHERE nummer = ?');
    for (const m of meldingen) koppel.run(lastInsertRowid, m);
  } finally {
    conn.close();
  }
}
