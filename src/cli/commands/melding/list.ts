/** `kvz melding list`: meldingen with filters, newest first; never melder data. */
import { zoekMeldingen, type MeldingFilter } from '../../../store/meldingen.js';
import type { Context } from '../../context.js';
import { lijstLimiet } from '../../invoer.js';
import { lijstTelling, schrijf, schrijfJson } from '../../output.js';
import { meldingTabel } from './render.js';
import { leesMeldingSelectie, type SelectieOpts } from './selectie.js';

interface Opts extends SelectieOpts {
  nietDoorgezet?: boolean;
  teLaatDoorgezet?: boolean;
  limit?: string;
  json?: boolean;
}

export default async function meldingList(ctx: Context, o: Opts): Promise<void> {
  const limit = lijstLimiet(o.limit, o.json);
  const { db, selectie } = await leesMeldingSelectie(ctx, o);
  const filter: MeldingFilter = { ...selectie, limit };
  if (o.nietDoorgezet) filter.nietDoorgezet = true;
  if (o.teLaatDoorgezet) filter.teLaatDoorgezet = true;

  const { meldingen, totaal } = await zoekMeldingen(db, filter, ctx.nu);
  if (o.json) return schrijfJson(ctx, meldingen);
  if (meldingen.length === 0) return schrijf(ctx, 'Geen meldingen gevonden.');
  schrijf(ctx, await meldingTabel(ctx, meldingen));
  schrijf(ctx, lijstTelling(totaal, meldingen.length, 'melding', 'meldingen'));
}
