/** `kvz zaak close`: a zaak is done; refused while acties are still open or running, unless forced. */
import { parseNummer } from '../../../domain/nummers.js';
import { sluitZaak } from '../../../store/zaken.js';
import type { Context } from '../../context.js';
import { zaakJson } from './render.js';
import { eisWaarden } from '../../invoer.js';
import { schrijf, schrijfJson } from '../../output.js';
import { zaakInvoer } from './invoer.js';

interface Opts {
  resultaat?: string;
  forceer?: boolean;
  json?: boolean;
}

export default async function zaakClose(ctx: Context, o: Opts, [invoer]: string[]): Promise<void> {
  const nummer = parseNummer('zaak', invoer!, 'het zaaknummer');
  eisWaarden({ '--resultaat': o.resultaat });
  const resultaat = zaakInvoer.resultaat(o.resultaat!);
  const { zaak, vervallen } = await sluitZaak(await ctx.db(), ctx.actor('zaak close'), nummer, resultaat, o.forceer ?? false);
  if (o.json) return schrijfJson(ctx, zaakJson(zaak));
  schrijf(ctx, `Zaak ${nummer} gesloten.`);
  if (vervallen.length > 0) schrijf(ctx, `Vervallen (vastgelegd in hun geschiedenis): ${vervallen.join(', ')}.`);
}
