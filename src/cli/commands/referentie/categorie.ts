import { tekst } from '../../../domain/tekst.js';
import { categorieen, voegCategorieToe } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { eisWaarden } from '../../invoer.js';
import { schrijfJson, schrijf, tabel } from '../../output.js';
import { leesCode } from './code.js';

export async function list(ctx: Context, o: { json?: boolean }): Promise<void> {
  const alle = await categorieen(await ctx.db());
  if (o.json) return schrijfJson(ctx, alle);
  schrijf(ctx, await tabel(ctx, ['Code', 'Omschrijving'], alle.map((c) => [c.code, c.omschrijving])));
}

export async function add(ctx: Context, o: { omschrijving?: string; json?: boolean }, [invoer]: string[]): Promise<void> {
  const code = leesCode(invoer!, 'categoriecode');
  eisWaarden({ '--omschrijving': o.omschrijving });
  const omschrijving = tekst(o.omschrijving!, '--omschrijving', { max: 200 });
  await voegCategorieToe(await ctx.db(), ctx.actor('categorie add'), { code, omschrijving });
  if (o.json) return schrijfJson(ctx, { code, omschrijving });
  schrijf(ctx, `Categorie ${code} toegevoegd.`);
}
