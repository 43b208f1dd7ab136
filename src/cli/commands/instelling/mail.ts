import { UsageError } from '../../../domain/errors.js';
import { mailAan, zetMail } from '../../../store/instellingen.js';
import type { Context } from '../../context.js';
import { schrijf, schrijfJson } from '../../output.js';

export default async function mail(ctx: Context, o: { aan?: boolean; uit?: boolean; json?: boolean }): Promise<void> {
  if (o.aan && o.uit) throw new UsageError('--aan en --uit gaan niet samen; kies er één.');
  const db = await ctx.db();
  if (o.aan === undefined && o.uit === undefined) {
    const aan = await mailAan(db);
    if (o.json) return schrijfJson(ctx, { mail: aan ? 'aan' : 'uit' });
    return schrijf(ctx, aan ? 'E-mail staat aan.' : 'E-mail staat uit (deze database is een kopie, of e-mail is uitgezet). Aanzetten: kvz instelling mail --aan');
  }
  const aan = o.aan === true;
  const { was } = await zetMail(db, ctx.actor('instelling mail'), aan);
  if (o.json) return schrijfJson(ctx, { mail: aan ? 'aan' : 'uit' });
  schrijf(ctx, was === aan ? `E-mail stond al ${aan ? 'aan' : 'uit'}.` : `E-mail staat nu ${aan ? 'aan' : 'uit'}.`);
}
