import { tekst } from '../../../domain/tekst.js';
import { kernen, voegKernToe } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { schrijf, schrijfJson } from '../../output.js';

export async function list(ctx: Context, o: { json?: boolean }): Promise<void> {
  const alle = await kernen(await ctx.db());
  if (o.json) return schrijfJson(ctx, alle.map((naam) => ({ naam })));
  for (const naam of alle) schrijf(ctx, naam);
}

export async function add(ctx: Context, o: { json?: boolean }, [invoer]: string[]): Promise<void> {
  const naam = tekst(invoer!, 'de naam van de kern', { max: 60 });
  await voegKernToe(await ctx.db(), ctx.actor('kern add'), naam);
  if (o.json) return schrijfJson(ctx, { naam });
  schrijf(ctx, `Kern ${naam} toegevoegd.`);
}
