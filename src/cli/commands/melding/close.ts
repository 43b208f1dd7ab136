/** `kvz melding close`: a melding is handled. */
import { LENGTE } from '../../../domain/melding.js';
import { parseNummer } from '../../../domain/nummers.js';
import { optioneleTekst } from '../../../domain/tekst.js';
import { sluitMelding } from '../../../store/meldingen.js';
import type { Context } from '../../context.js';
import { schrijf, schrijfJson } from '../../output.js';

export default async function meldingClose(ctx: Context, o: { notitie?: string; json?: boolean }, [invoer]: string[]): Promise<void> {
  const nummer = parseNummer('melding', invoer!, 'het meldingnummer');
  const notitie = optioneleTekst(o.notitie, '--notitie', { max: LENGTE.notitie, meerdereRegels: true });
  const melding = await sluitMelding(await ctx.db(), ctx.actor('melding close'), nummer, notitie);
  if (o.json) return schrijfJson(ctx, melding);
  schrijf(ctx, `Melding ${nummer} afgehandeld.`);
  if (melding.doorgezet_naar.length === 0) schrijf(ctx, '! Deze melding is nooit doorgezet.');
}
