/**
 * What someone with the file and the sqlite3 tool can do behind kvz's back: drop the triggers that
 * guard the audit log, change rows, and (knowing the published algorithm) recompute hashes.
 */
import Database from 'better-sqlite3';
import { auditHash, GENESIS_HASH, type AuditRij } from '../../src/store/audit.js';

/** Runs SQL on the file with the audit triggers dropped, and puts them back after, as a careful attacker would. */
export function knoei(db: string, werk: (conn: Database.Database) => void, { triggersTerug = true } = {}): void {
  const conn = new Database(db);
  try {
    const triggers = conn.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit'`).pluck().all() as string[];
    conn.exec('DROP TRIGGER audit_geen_update; DROP TRIGGER audit_geen_delete;');
    werk(conn);
    if (triggersTerug) for (const sql of triggers) conn.exec(sql);
  } finally {
    conn.close();
  }
}

/** Recomputes every hash from row `vanaf` on, so the chain is consistent again after an edit. */
export function herbereken(conn: Database.Database, vanaf = 1): void {
  const rijen = conn.prepare('SELECT * FROM audit ORDER BY id').all() as AuditRij[];
  const zet = conn.prepare('UPDATE audit SET vorige_hash = ?, hash = ? WHERE id = ?');
  let vorige = GENESIS_HASH;
  for (const rij of rijen) {
    if (rij.id >= vanaf) {
      const hash = auditHash({ ...rij, vorige_hash: vorige });
      zet.run(vorige, hash, rij.id);
      vorige = hash;
    } else {
      vorige = rij.hash;
    }
  }
}

/**
 * What the schema versions after 8 added to a file, undone: the tweewekelijks overleg's own time and
 * place (9), urgent meldingen and forwardings at an unknown moment (10), afstemming tussendoor (11),
 * lapsed meldingen (12), placements of vergunninghouders (13), the kept number of meldingen (16).
 * For tests that take a database back to an older version.
 */
export function zonderNa8(conn: Database.Database): void {
  zonderAantal(conn);
  for (const k of ['tweewekelijks_tijd', 'tweewekelijks_locatie']) conn.exec(`ALTER TABLE cadans DROP COLUMN ${k}`);
  conn.exec('ALTER TABLE melding DROP COLUMN urgent');
  conn.exec('ALTER TABLE doorzetting DROP COLUMN tijd_onbekend');
  conn.exec('DROP TABLE afstemming');
  zonderVervallen(conn);
  zonderPlaatsingen(conn);
}

/** Schema 16 undone: the number of meldingen kept for kvz status with its triggers, and the index of acties by creation. */
export function zonderAantal(conn: Database.Database): void {
  conn.exec('DROP TRIGGER melding_aantal_bij; DROP TRIGGER melding_aantal_af; DROP TABLE melding_aantal; DROP INDEX actie_aangemaakt;');
}

/** Schema 13 undone: placements, their contacts, the melding's link, the counter's fifth soort. */
export function zonderPlaatsingen(conn: Database.Database): void {
  conn.exec(`DROP INDEX melding_plaatsing; ALTER TABLE melding DROP COLUMN plaatsing_id; DROP TABLE plaatsing_contact; DROP TABLE plaatsing;`);
}

/** Schema 12 (and 14) undone: lapsed meldingen and the counting indexes that carry their flag. */
export function zonderVervallen(conn: Database.Database): void {
  conn.exec(`DROP INDEX melding_vervallen; DROP INDEX melding_dag; DROP INDEX melding_zaak; ALTER TABLE melding DROP COLUMN vervallen;
    CREATE INDEX melding_dag ON melding (ontvangen_dag, categorie, kern, vergunninghouder, vertrouwelijk, zaak_id);
    CREATE INDEX melding_zaak ON melding (zaak_id, ontvangen_dag, vertrouwelijk) WHERE zaak_id IS NOT NULL;`);
}
