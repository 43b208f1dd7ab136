import { tekst } from '../../../domain/tekst.js';
import { partners, voegPartnerToe } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { eisWaarden } from '../../invoer.js';
import { schrijfJson, schrijf, tabel } from '../../output.js';
import { leesCode } from './code.js';

export async function list(ctx: Context, o: { json?: boolean }): Promise<void> {
  const alle = await partners(await ctx.db());
  if (o.json) return schrijfJson(ctx, alle);
  schrijf(ctx, await tabel(ctx, ['Code', 'Naam'], alle.map((p) => [p.code, p.naam])));
}

export async function add(ctx: Context, o: { naam?: string; json?: boolean }, [invoer]: string[]): Promise<void> {
  const code = leesCode(invoer!, 'partnercode');
  eisWaarden({ '--naam': o.naam });
  const naam = tekst(o.naam!, '--naam', { max: 100 });
  await voegPartnerToe(await ctx.db(), ctx.actor('partner add'), { code, naam });
  if (o.json) return schrijfJson(ctx, { code, naam });
  schrijf(ctx, `Partner ${code} (${naam}) toegevoegd.`);
}
