/**
 * `kvz post verzend`: delivers what waits (and, with --opnieuw, what failed). Exit 0 when nothing is
 * left waiting, else 1 with the count, so a scheduled run can alert someone.
 */
import { DomainError } from '../../../domain/errors.js';
import { postInstellingen } from '../../../post/instellingen.js';
import { bezorg } from '../../../post/verzend.js';
import { openPost, teVerzenden } from '../../../store/post.js';
import type { Context } from '../../context.js';
import { schrijf, schrijfJson } from '../../output.js';
import { meldPost } from '../../post.js';

export default async function postVerzend(ctx: Context, o: { opnieuw?: boolean; json?: boolean }): Promise<void> {
  const db = await ctx.db();
  const instellingen = await postInstellingen(db, ctx.env);
  if (!instellingen.aan) {
    throw new DomainError('E-mail staat uit in deze database (een kopie, of uitgezet); er is niets verzonden. Aanzetten: kvz instelling mail --aan');
  }
  const lijst = await teVerzenden(db, o.opnieuw === true);
  const afgeleverd = await bezorg(db, ctx.actor('post verzend'), instellingen, lijst, o.opnieuw === true);
  const over = await openPost(db, ctx.nu);
  const tel = (s: string) => afgeleverd.filter((a) => a.uitkomst.status === s).length;
  if (o.json) {
    schrijfJson(ctx, { verzonden: tel('verzonden'), klaargezet: tel('klaargezet'), wacht: over.wacht, mislukt: over.mislukt });
  } else {
    meldPost(ctx, undefined, afgeleverd);
    if (afgeleverd.length === 0) schrijf(ctx, 'Er wachtte geen post.');
  }
  if (over.wacht > 0 || (o.opnieuw && over.mislukt > 0)) {
    const n = over.wacht + (o.opnieuw ? over.mislukt : 0);
    throw new DomainError(`${n} ${n === 1 ? 'bericht wacht' : 'berichten wachten'} nog; zie kvz post list --status wacht,mislukt.`);
  }
}
