/** `kvz zaak show`: everything about one zaak. */
import { parseNummer } from '../../../domain/nummers.js';
import { toonZaak } from '../../../store/zaken.js';
import type { Context } from '../../context.js';
import { schrijfJson, schrijfTekst } from '../../output.js';
import { zaakDetail, zaakJson } from './render.js';

export default async function zaakShow(ctx: Context, o: { json?: boolean }, [nummer]: string[]): Promise<void> {
  const zaak = await toonZaak(await ctx.db(), parseNummer('zaak', nummer!, 'het zaaknummer'), ctx.nu);
  if (o.json) schrijfJson(ctx, zaakJson(zaak));
  else schrijfTekst(ctx, zaakDetail(ctx, zaak));
}
