/**
 * Delivering messages from the outbox (SPEC §8), after the commit of what they belong to or by
 * `kvz post verzend`: each claimed first, then sent (or written as a draft), then marked.
 */
import { type Actor } from '../store/audit.js';
import type { Db } from '../store/db.js';
import { claim, legUitkomstVast, magNietMeer, type BerichtSoort } from '../store/post.js';
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
  // Claims count from a clock that runs on from the command's moment, so a long run never hands out
  // claims that already expired; what is recorded keeps the command's moment, as every record does.
  const start = Date.now();
  const nu = () => new Date(actor.nu.getTime() + (Date.now() - start));
  const bezorger = new Bezorger(p, actor.nu);
  try {
    for (const b of lijst) {
      const tot = await claim(db, b.message_id, nu(), opnieuw);
      if (tot === undefined) continue;
      const bezwaar = await magNietMeer(db, b.message_id);
      // The claim may have taken the partner's corrected address.
      const aan = (await db.waarde<string>('SELECT aan FROM bericht WHERE message_id = ?', [b.message_id])) ?? b.aan;
      const uitkomst: Bezorging = bezwaar ? { status: 'mislukt', fout: `niet verzonden: ${bezwaar}` } : await bezorger.bezorg({ ...b, aan });
      const sleutel = { soort: b.soort, object: b.object, messageId: b.message_id, ...(b.partner ? { partner: b.partner } : {}) };
      await legUitkomstVast(db, actor, sleutel, uitkomst, tot);
      uit.push({ bericht: b, uitkomst });
    }
  } finally {
    bezorger.sluit();
  }
  return uit;
}
