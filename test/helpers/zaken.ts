/**
 * Zaken for tests of commands that only read them (opschonen, the hostile-input tables). Written with
 * SQL rather than `kvz zaak open|close`: a zaak closed years before the test's "now" needs its closing
 * moment set directly. On a file they are written as kvz writes, in one transaction with an audit row
 * that records their state, so `kvz check` does not take them for changes made behind kvz's back; on
 * PostgreSQL likewise, through the database's own audit function.
 */
import { schrijfAuditBestand } from '../../src/store/audit.js';
import { openDatabase } from '../../src/store/database.js';
import { volgWijzigingen } from '../../src/store/toestand.js';
import { isHarnasDb } from './opslag.js';
import { lees, voer } from './run.js';

export interface TestZaak {
  nummer: string;
  kern?: string;
  /** An ISO instant: the zaak is closed at that moment. */
  geslotenOp?: string;
}

interface Schrijver {
  voer(sql: string, ...p: unknown[]): void;
  tel(sql: string, ...p: unknown[]): number;
}

/** Opens a zaak (optionally already closed) and attaches the given meldingen to it. */
export function maakZaak(db: string, zaak: TestZaak, meldingen: string[] = []): void {
  if (isHarnasDb(db)) {
    // As kvz writes on PostgreSQL: a session that notes its changes (kvz.toestand), and the audit row
    // in the same transaction, which records their states.
    const sql: string[] = [];
    const params: unknown[] = [];
    schrijf({ voer: (q, ...p) => void (sql.push(q), params.push(...p)), tel: (q) => Number(lees<{ n: number }>(db, q)[0]!.n) }, zaak, meldingen);
    voer(
      db,
      `BEGIN; SELECT set_config('kvz.toestand', 'volgen', true); ${sql.join(';\n')};
       SELECT audit_schrijf('2027-01-01T09:00:00.000Z', 'zaak open', ?, 'testzaak', '{}', 0); COMMIT;`,
      ...params, zaak.nummer,
    );
    return;
  }
  const conn = openDatabase(db, { nu: new Date() }).ruw;
  try {
    volgWijzigingen(conn);
    conn.transaction(() => {
      schrijf({ voer: (sql, ...p) => void conn.prepare(sql).run(...p), tel: (sql, ...p) => Number(conn.prepare(sql).pluck().get(...p)) }, zaak, meldingen);
      schrijfAuditBestand(conn, { gebruiker: 'test', nu: new Date('2027-01-01T09:00:00.000Z'), commando: 'zaak open' }, { object: zaak.nummer, resultaat: 'testzaak' });
    }).immediate();
  } finally {
    conn.close();
  }
}

function schrijf(s: Schrijver, zaak: TestZaak, meldingen: string[]): void {
  const [, jaar, volgnummer] = /^Z-(\d{4})-(\d+)$/.exec(zaak.nummer)!;
  const open = '2027-01-01T09:00:00.000Z';
  s.voer(
    `INSERT INTO zaak (id, nummer, jaar, volgnummer, titel, soort, kern, status, geopend_op, gesloten_op, geopend_door, gewijzigd_op)
     VALUES ((SELECT coalesce(max(id), 0) + 1 FROM zaak), ?, ?, ?, 'Testzaak', 'overlast', ?, ?, ?, ?, 'test', ?)`,
    zaak.nummer, +jaar!, +volgnummer!, zaak.kern ?? 'Obdam', zaak.geslotenOp ? 'gesloten' : 'open', open, zaak.geslotenOp ?? null, open,
  );
  // As kvz does: the counter of the year knows this number is taken.
  s.voer(
    `INSERT INTO teller (soort, jaar, laatste) VALUES ('zaak', ?, ?)
     ON CONFLICT (soort, jaar) DO UPDATE SET laatste = CASE WHEN excluded.laatste > teller.laatste THEN excluded.laatste ELSE teller.laatste END`,
    +jaar!, +volgnummer!,
  );
  for (const m of meldingen) {
    const [, mj, mv] = /^M-(\d{4})-(\d+)$/.exec(m)!;
    s.voer('UPDATE melding SET zaak_id = (SELECT id FROM zaak WHERE nummer = ?) WHERE jaar = ? AND volgnummer = ?', zaak.nummer, +mj!, +mv!);
    // A wrong number would link nothing, silently: the test would then prove less than it says.
    const n = s.tel(`SELECT count(*) AS n FROM melding WHERE jaar = ${+mj!} AND volgnummer = ${+mv!}`);
    if (n !== 1) throw new Error(`maakZaak: melding ${m} bestaat niet`);
  }
}
