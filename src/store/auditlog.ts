/** Reading the audit log for `kvz log`: filters, newest first. */
import type { Db } from './database.js';

export interface AuditFilter {
  /** Instants (UTC ISO): van inclusive, tot exclusive. */
  van?: string;
  tot?: string;
  /** A normalised number (M-2027-0001) matches exactly and uses the index; other text ignores case. */
  object?: { waarde: string; exact: boolean };
  door?: string;
  limit?: number;
}

/** One audit row as `kvz log --json` shows it: SPEC §2 keys op, gebruiker, actie, object. */
export interface AuditRegelUit {
  id: number;
  op: string;
  gebruiker: string;
  actie: string;
  object: string | null;
  resultaat: string;
  details: unknown;
  hash: string;
}

export function zoekAudit(db: Db, filter: AuditFilter): { regels: AuditRegelUit[]; totaal: number } {
  const waar: string[] = [];
  const p: Record<string, unknown> = {};
  if (filter.van) (waar.push('op >= @van'), (p.van = filter.van));
  if (filter.tot) (waar.push('op < @tot'), (p.tot = filter.tot));
  if (filter.object) {
    waar.push(filter.object.exact ? 'object = @object' : 'object = @object COLLATE NOCASE');
    p.object = filter.object.waarde;
  }
  if (filter.door) (waar.push('gebruiker = @door COLLATE NOCASE'), (p.door = filter.door));
  const where = waar.length ? `WHERE ${waar.join(' AND ')}` : '';
  const totaal = db.prepare(`SELECT count(*) FROM audit ${where}`).pluck().get(p) as number;
  if (filter.limit !== undefined) p.limit = filter.limit;
  const rijen = db
    .prepare(
      `SELECT id, op, gebruiker, commando, object, resultaat, details, hash FROM audit ${where}
       ORDER BY id DESC ${filter.limit === undefined ? '' : 'LIMIT @limit'}`,
    )
    .all(p) as { id: number; op: string; gebruiker: string; commando: string; object: string | null; resultaat: string; details: string; hash: string }[];
  const regels = rijen.map((r) => ({
    id: r.id,
    op: r.op,
    gebruiker: r.gebruiker,
    actie: r.commando,
    object: r.object,
    resultaat: r.resultaat,
    details: leesDetails(r.details),
    hash: r.hash,
  }));
  return { regels, totaal };
}

function leesDetails(details: string): unknown {
  try {
    return JSON.parse(details);
  } catch {
    // Written by another tool: show it as it is rather than fail the whole log.
    return details;
  }
}
