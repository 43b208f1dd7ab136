import { tekst } from '../../../domain/tekst.js';
import { kernen, voegKernToe } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { schrijf, schrijfJson } from '../../output.js';

export function list(ctx: Context, o: { json?: boolean }): void {
  const alle = kernen(ctx.db());
  if (o.json) return schrijfJson(ctx, alle.map((naam) => ({ naam })));
  for (const naam of alle) schrijf(ctx, naam);
}

export function add(ctx: Context, o: { json?: boolean }, [invoer]: string[]): void {
  const naam = tekst(invoer!, 'de naam van de kern', { max: 60 });
  voegKernToe(ctx.db(), ctx.actor('kern add'), naam);
  if (o.json) return schrijfJson(ctx, { naam });
  schrijf(ctx, `Kern ${naam} toegevoegd.`);
}
