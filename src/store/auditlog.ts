/** Reading the audit log for `kvz log`: filters, newest first. */
import type { Db } from './db.js';

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

export async function zoekAudit(db: Db, filter: AuditFilter): Promise<{ regels: AuditRegelUit[]; totaal: number }> {
  const waar: string[] = [];
  const p: Record<string, unknown> = {};
  if (filter.van) (waar.push('op >= @van'), (p.van = filter.van));
  if (filter.tot) (waar.push('op < @tot'), (p.tot = filter.tot));
  if (filter.object?.exact) {
    // Every row that touched the object (#15 item 15): its own, and those that name it in their details
    // (zaak open with its meldingen, melding link, actie add) or record its state (opschonen, a
    // forced close). A row that recorded every object at once (a migration's basis) touched none.
    waar.push(`(object = @object OR details LIKE @genoemd OR (toestand LIKE @genoemd AND toestand NOT LIKE '{"basis":true,%'))`);
    p.object = filter.object.waarde;
    p.genoemd = `%${JSON.stringify(filter.object.waarde)}%`;
  } else if (filter.object) {
    waar.push('lower(object) = lower(@object)');
    p.object = filter.object.waarde;
  }
  if (filter.door) (waar.push('lower(gebruiker) = lower(@door)'), (p.door = filter.door));
  const where = waar.length ? `WHERE ${waar.join(' AND ')}` : '';
  const totaal = (await db.waarde<number>(`SELECT count(*) FROM audit ${where}`, p))!;
  if (filter.limit !== undefined) p.limit = filter.limit;
  const rijen = await db.alle<{ id: number; op: string; gebruiker: string; commando: string; object: string | null; resultaat: string; details: string; hash: string }>(
    `SELECT id, op, gebruiker, commando, object, resultaat, details, hash FROM audit ${where}
     ORDER BY id DESC ${filter.limit === undefined ? '' : 'LIMIT @limit'}`,
    p,
  );
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
