/** `kvz instelling mail`: whether this database mails, and through which server and sender (SPEC §8). */
import { UsageError } from '../../../domain/errors.js';
import { leesEmail, leesSmtp } from '../../../post/adres.js';
import { opgeslagen, postmap } from '../../../post/instellingen.js';
import { mailAan, zetMail, zetPostAdres } from '../../../store/instellingen.js';
import type { Context } from '../../context.js';
import { schrijf, schrijfJson } from '../../output.js';

interface Opts {
  aan?: boolean;
  uit?: boolean;
  smtp?: string;
  afzender?: string;
  zonderSmtp?: boolean;
  json?: boolean;
}

export default async function mail(ctx: Context, o: Opts): Promise<void> {
  if (o.aan && o.uit) throw new UsageError('--aan en --uit gaan niet samen; kies er één.');
  if (o.smtp !== undefined && o.zonderSmtp) throw new UsageError('--smtp en --zonder-smtp gaan niet samen; kies er één.');
  const smtp = o.smtp !== undefined ? leesSmtp(o.smtp, '--smtp').tekst : o.zonderSmtp ? null : undefined;
  const afzender = o.afzender !== undefined ? leesEmail(o.afzender, '--afzender') : undefined;
  const db = await ctx.db();
  const actor = ctx.actor('instelling mail');
  const wijzigingen: string[] = [];
  if (smtp !== undefined || afzender !== undefined) wijzigingen.push(...(await zetPostAdres(db, actor, { smtp, afzender })));
  let aanUit: string | undefined;
  if (o.aan !== undefined || o.uit !== undefined) {
    const aan = o.aan === true;
    const { was } = await zetMail(db, actor, aan);
    aanUit = was === aan ? `E-mail stond al ${aan ? 'aan' : 'uit'}.` : `E-mail staat nu ${aan ? 'aan' : 'uit'}.`;
  }
  const stand = await opgeslagen(db);
  const aan = await mailAan(db);
  const omgeving = { smtp: ctx.env.KVZ_SMTP?.trim() || undefined, afzender: ctx.env.KVZ_AFZENDER?.trim() || undefined };
  const geldend = { smtp: omgeving.smtp ?? stand.smtp ?? null, afzender: omgeving.afzender ?? stand.afzender ?? null };
  if (o.json) {
    return schrijfJson(ctx, {
      mail: aan ? 'aan' : 'uit',
      smtp: geldend.smtp,
      afzender: geldend.afzender,
      bron: { smtp: omgeving.smtp ? 'KVZ_SMTP' : stand.smtp ? 'database' : null, afzender: omgeving.afzender ? 'KVZ_AFZENDER' : stand.afzender ? 'database' : null },
      postmap: geldend.smtp ? null : postmap(ctx.env),
    });
  }
  if (aanUit) schrijf(ctx, aanUit);
  if (wijzigingen.length > 0) schrijf(ctx, `Opgeslagen: ${wijzigingen.join(', ')}.`);
  else if (smtp !== undefined || afzender !== undefined) schrijf(ctx, 'De mailinstelling was al zo; er is niets gewijzigd.');
  if (!aan) schrijf(ctx, 'E-mail staat uit (deze database is een kopie, of e-mail is uitgezet). Aanzetten: kvz instelling mail --aan');
  else if (!aanUit) schrijf(ctx, 'E-mail staat aan.');
  schrijf(ctx, `Server:   ${geldend.smtp ? `${geldend.smtp}${omgeving.smtp ? ' (uit KVZ_SMTP)' : ''}` : `geen: berichten worden concepten (.eml) in ${postmap(ctx.env)}`}`);
  schrijf(ctx, `Afzender: ${geldend.afzender ? `${geldend.afzender}${omgeving.afzender ? ' (uit KVZ_AFZENDER)' : ''}` : 'niet ingesteld (KVZ_AFZENDER of --afzender)'}`);
}
