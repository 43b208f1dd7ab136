/**
 * The audit log: one row per mutating command or export, written inside the same transaction as
 * the change. Each row's hash covers the previous row's hash and its own content, so a row edited,
 * inserted or removed behind kvz's back breaks the chain (verified by `kvz check`).
 */
import { sha256Hex } from './sha256.js';
import type Database from 'better-sqlite3';
import type { Db } from './db.js';
import type { SqliteDb } from './sqlite.js';
import { registratieTekst, stmt, teRegistreren, type Registratie } from './toestand.js';

export const GENESIS_HASH = '0'.repeat(64);

/** Who does what, when: passed to every use-case that writes. */
export interface Actor {
  gebruiker: string;
  nu: Date;
  /** The command as the user would name it: 'melding add'. */
  commando: string;
}

export interface AuditRegel {
  object?: string | undefined;
  resultaat: string;
  /** Extra facts; for changes {veld: [oud, nieuw]}. Never melder personal data. */
  details?: Record<string, unknown>;
  /**
   * The row is about confidential data though its object does not say so (an export that included
   * it): on PostgreSQL only roles with the confidential right see it. The database itself marks rows
   * about a confidential melding, zaak or actie.
   */
  vertrouwelijk?: boolean;
}

export interface AuditRij {
  id: number;
  op: string;
  gebruiker: string;
  commando: string;
  object: string | null;
  resultaat: string;
  details: string;
  vorige_hash: string;
  hash: string;
  /** The states the row records (SPEC §10; JSON of a Registratie), or null: none (PostgreSQL, rows from before). */
  toestand?: string | null;
}

export function auditHash(rij: Omit<AuditRij, 'hash'>): string {
  const velden: unknown[] = [rij.id, rij.op, rij.gebruiker, rij.commando, rij.object, rij.resultaat, rij.details];
  // Rows without states hash as they always did, so every chain written before still verifies.
  if (rij.toestand != null) velden.push(rij.toestand);
  const inhoud = JSON.stringify(velden);
  return sha256Hex(rij.vorige_hash, '\n', inhoud);
}

/** Appends one audit row; call inside the transaction of the change it records. */
export async function schrijfAudit(db: Db, actor: Actor, regel: AuditRegel): Promise<void> {
  if (!db.inTransactie) throw new Error('schrijfAudit hoort binnen de transactie van de wijziging');
  if (db.soort === 'postgres') {
    const details = JSON.stringify(regel.details ?? {});
    // The database writes the row itself: the login as the user, and the hash (SPEC §7).
    await db.voer('SELECT audit_schrijf(?, ?, ?, ?, ?, ?)', [
      actor.nu.toISOString(), actor.commando, regel.object ?? null, regel.resultaat, details, regel.vertrouwelijk ? 1 : 0,
    ]);
    return;
  }
  schrijfAuditBestand((db as SqliteDb).ruw, actor, regel);
}

/**
 * Appends one audit row to a file, with the states of the objects its transaction changed (SPEC §10),
 * or with `toestand` given (a migration recording every object once).
 */
const LAATSTE = 'SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1';

export function schrijfAuditBestand(ruw: Database.Database, actor: Actor, regel: AuditRegel, toestand: Registratie | string | undefined = teRegistreren(ruw)): void {
  const details = JSON.stringify(regel.details ?? {});
  const laatste = stmt(ruw, LAATSTE).get() as { id: number; hash: string } | undefined;
  const rij: Omit<AuditRij, 'hash'> = {
    id: (laatste?.id ?? 0) + 1,
    op: actor.nu.toISOString(),
    gebruiker: actor.gebruiker,
    commando: actor.commando,
    object: regel.object ?? null,
    resultaat: regel.resultaat,
    details,
    vorige_hash: laatste?.hash ?? GENESIS_HASH,
    toestand: toestand === undefined ? null : typeof toestand === 'string' ? toestand : registratieTekst(toestand),
  };
  stmt(
    ruw,
    `INSERT INTO audit (id, op, gebruiker, commando, object, resultaat, details, vorige_hash, hash, toestand)
     VALUES (@id, @op, @gebruiker, @commando, @object, @resultaat, @details, @vorige_hash, @hash, @toestand)`,
  ).run({ ...rij, hash: auditHash(rij) });
}

/** Runs `werk` and its audit row as one transaction that holds the write lock (safe for parallel writers). */
export function inTransactie<T>(db: Db, werk: () => Promise<T>): Promise<T> {
  return db.transactie(werk);
}
