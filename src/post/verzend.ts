/**
 * Delivering messages from the outbox (SPEC §8), after the commit of what they belong to or by
 * `kvz post verzend`: each claimed first, then sent (or written as a draft), then marked.
 */
import { type Actor } from '../store/audit.js';
import type { Db } from '../store/db.js';
import { claim, legUitkomstVast, type BerichtSoort } from '../store/post.js';
import { Bezorger, type Bezorging, type TeBezorgen } from './bezorg.js';
import type { PostInstellingen } from './instellingen.js';

export interface Bezorgbaar extends TeBezorgen {
  soort: BerichtSoort;
  partner: string | null;
}

export interface Afgeleverd {
  bericht: Bezorgbaar;
  uitkomst: Bezorging;
}

/** Delivers `lijst` in order; a message another run holds is skipped (that run sends it). */
export async function bezorg(db: Db, actor: Actor, p: PostInstellingen, lijst: readonly Bezorgbaar[], opnieuw = false): Promise<Afgeleverd[]> {
  const uit: Afgeleverd[] = [];
  if (lijst.length === 0) return uit;
  const bezorger = new Bezorger(p, actor.nu);
  try {
    for (const b of lijst) {
      if (!(await claim(db, b.message_id, actor.nu, opnieuw))) continue;
      const uitkomst = await bezorger.bezorg(b);
      await legUitkomstVast(db, actor, { soort: b.soort, object: b.object, messageId: b.message_id, ...(b.partner ? { partner: b.partner } : {}) }, uitkomst);
      uit.push({ bericht: b, uitkomst });
    }
  } finally {
    bezorger.sluit();
  }
  return uit;
}
