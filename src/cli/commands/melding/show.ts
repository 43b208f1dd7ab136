/** `kvz melding show`: everything about one melding, melder data included. */
import { parseNummer } from '../../../domain/nummers.js';
import { toonMelding } from '../../../store/meldingen.js';
import type { Context } from '../../context.js';
import { schrijfJson, schrijfTekst } from '../../output.js';
import { meldingDetail } from './render.js';

export default async function meldingShow(ctx: Context, o: { json?: boolean }, [nummer]: string[]): Promise<void> {
  const melding = await toonMelding(await ctx.db(), parseNummer('melding', nummer!, 'het meldingnummer'), ctx.nu);
  if (o.json) schrijfJson(ctx, melding);
  else schrijfTekst(ctx, meldingDetail(ctx, melding));
}
