/** `kvz overleg deelnemer add|list|remove`: who takes part in each soort of overleg (SPEC §8). */
import { OVERLEG_SOORTEN, type OverlegSoort } from '../../../domain/cadans.js';
import { kies } from '../../../domain/keuze.js';
import { tekst } from '../../../domain/tekst.js';
import { leesEmail, zonderRegeleinde } from '../../../post/adres.js';
import { deelnemers, verwijderDeelnemer, voegDeelnemerToe } from '../../../store/deelnemers.js';
import { partnerLijst } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { eisWaarden } from '../../invoer.js';
import { schrijf, schrijfJson, tabel } from '../../output.js';

const soortVan = (invoer: string) => kies(invoer, 'het argument <soort>', { soort: 'soort overleg', waarden: OVERLEG_SOORTEN }) as OverlegSoort;

export async function add(ctx: Context, o: { naam?: string; email?: string; partner?: string; json?: boolean }, [invoer]: string[]): Promise<void> {
  const soort = soortVan(invoer!);
  eisWaarden({ '--naam': o.naam });
  const naam = tekst(zonderRegeleinde(o.naam!, '--naam'), '--naam', { max: 100 });
  const email = o.email === undefined ? null : leesEmail(o.email, '--email');
  const db = await ctx.db();
  const partner = o.partner === undefined ? null : kies(o.partner, '--partner', await partnerLijst(db));
  await voegDeelnemerToe(db, ctx.actor('overleg deelnemer add'), soort, { naam, email, partner });
  if (o.json) return schrijfJson(ctx, { naam, email, partner });
  schrijf(ctx, `${naam} is deelnemer van het ${soort}-overleg${email ? ` (${email})` : ''}.`);
}

export async function list(ctx: Context, o: { json?: boolean }, [invoer]: string[]): Promise<void> {
  const soort = soortVan(invoer!);
  const rijen = await deelnemers(await ctx.db(), soort);
  if (o.json) return schrijfJson(ctx, rijen);
  if (rijen.length === 0) return schrijf(ctx, `Het ${soort}-overleg heeft geen deelnemers.`);
  schrijf(ctx, await tabel(ctx, ['Naam', 'E-mail', 'Partner'], rijen.map((d) => [d.naam, d.email ?? '–', d.partner ?? '–'])));
}

export async function remove(ctx: Context, o: { naam?: string; json?: boolean }, [invoer]: string[]): Promise<void> {
  const soort = soortVan(invoer!);
  eisWaarden({ '--naam': o.naam });
  const naam = await verwijderDeelnemer(await ctx.db(), ctx.actor('overleg deelnemer remove'), soort, tekst(o.naam!, '--naam', { max: 100 }));
  if (o.json) return schrijfJson(ctx, { naam });
  schrijf(ctx, `${naam} is geen deelnemer meer van het ${soort}-overleg.`);
}
