import { UsageError } from '../../../domain/errors.js';
import { tekst } from '../../../domain/tekst.js';
import { leesEmails } from '../../../post/adres.js';
import { partnersMetAdres, voegPartnerToe, wijzigPartner, type PartnerWijziging } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { eisWaarden } from '../../invoer.js';
import { schrijfJson, schrijf, tabel } from '../../output.js';
import { leesCode } from './code.js';

export async function list(ctx: Context, o: { json?: boolean }): Promise<void> {
  const alle = await partnersMetAdres(await ctx.db());
  if (o.json) return schrijfJson(ctx, alle);
  schrijf(
    ctx,
    await tabel(
      ctx,
      ['Code', 'Naam', 'E-mail', 'Met melder'],
      alle.map((p) => [p.code, p.naam, p.email.join(', ') || '–', p.met_melder ? 'ja' : 'nee']),
    ),
  );
}

interface UpdateOpts {
  naam?: string;
  email?: string;
  zonderEmail?: boolean;
  metMelder?: boolean;
  zonderMelder?: boolean;
  json?: boolean;
}

export async function update(ctx: Context, o: UpdateOpts, [invoer]: string[]): Promise<void> {
  const code = leesCode(invoer!, 'partnercode');
  if (o.email !== undefined && o.zonderEmail) throw new UsageError('--email en --zonder-email gaan niet samen; kies er één.');
  if (o.metMelder && o.zonderMelder) throw new UsageError('--met-melder en --zonder-melder gaan niet samen; kies er één.');
  const w: PartnerWijziging = {};
  if (o.naam !== undefined) w.naam = tekst(o.naam, '--naam', { max: 100 });
  if (o.email !== undefined) w.email = leesEmails(o.email, '--email');
  if (o.zonderEmail) w.email = [];
  if (o.metMelder) w.metMelder = true;
  if (o.zonderMelder) w.metMelder = false;
  if (Object.keys(w).length === 0) {
    throw new UsageError('Geef iets om te wijzigen: --email <adres,adres>, --zonder-email, --met-melder, --zonder-melder of --naam <naam>.');
  }
  const { partner, gewijzigd } = await wijzigPartner(await ctx.db(), ctx.actor('partner update'), code, w);
  if (o.json) return schrijfJson(ctx, partner);
  if (gewijzigd.length === 0) return schrijf(ctx, `Partner ${code} was al zo; er is niets gewijzigd.`);
  schrijf(ctx, `Partner ${code} gewijzigd (${gewijzigd.join(', ')}).`);
  schrijf(ctx, `  e-mail: ${partner.email.join(', ') || '– (doorzettingen worden alleen vastgelegd)'}`);
  schrijf(ctx, `  gegevens van de melder mee: ${partner.met_melder ? 'ja' : 'nee'}`);
}

export async function add(ctx: Context, o: { naam?: string; json?: boolean }, [invoer]: string[]): Promise<void> {
  const code = leesCode(invoer!, 'partnercode');
  eisWaarden({ '--naam': o.naam });
  const naam = tekst(o.naam!, '--naam', { max: 100 });
  await voegPartnerToe(await ctx.db(), ctx.actor('partner add'), { code, naam });
  if (o.json) return schrijfJson(ctx, { code, naam, email: [], met_melder: false });
  schrijf(ctx, `Partner ${code} (${naam}) toegevoegd.`);
}
