/** `kvz overleg annuleer <soort> <datum>`: a meeting does not take place. */
import { dagVan, parseDatum } from '../../../domain/tijd.js';
import { annuleerOverleg } from '../../../store/overleggen.js';
import type { Context } from '../../context.js';
import { schrijf, schrijfJson } from '../../output.js';
import { parseReden, parseSoort } from './invoer.js';
import { hetOverleg, overlegJson } from './render.js';

export default async function overlegAnnuleer(ctx: Context, o: { reden?: string; json?: boolean }, [soortInvoer, datumInvoer]: string[]): Promise<void> {
  const soort = parseSoort(soortInvoer!, 'de soort overleg');
  const datum = parseDatum(datumInvoer!, 'de datum van het overleg', dagVan(ctx.nu));
  const reden = parseReden(o.reden);
  const { overleg } = await annuleerOverleg(await ctx.db(), ctx.actor('overleg annuleer'), soort, datum, reden);
  if (o.json) return schrijfJson(ctx, overlegJson(overleg));
  schrijf(ctx, `${hetOverleg(overleg)} is geannuleerd.${soort === 'gio' ? ' De tweewekelijkse overleggen ervoor en erna gaan gewoon door.' : ''}`);
}
