/** `kvz rapport vergunninghouders`: meldingen that concern vergunninghouders, per month, categorie and kern. */
import { leesPeriode } from '../../../domain/rapport.js';
import { dagVan } from '../../../domain/tijd.js';
import { verdeling } from '../../../store/rapporten.js';
import type { Context } from '../../context.js';
import { meervoud, schrijf, schrijfJson } from '../../output.js';
import { kop, maandTrend, sectie, telTabel, VOETNOOT } from './render.js';

interface Opts {
  van?: string;
  tot?: string;
  json?: boolean;
}

export default async function rapportVergunninghouders(ctx: Context, o: Opts): Promise<void> {
  const periode = leesPeriode(o.van, o.tot, dagVan(ctx.nu));
  const v = await verdeling(await ctx.db(), 'vergunninghouder', periode);
  if (o.json) return schrijfJson(ctx, { rapport: 'vergunninghouders', ...periode, ...v });
  schrijf(ctx, kop(ctx, 'Meldingen over vergunninghouders', periode));
  schrijf(ctx, `${meervoud(v.totaal, 'melding', 'meldingen')}.`);
  schrijf(ctx, sectie(ctx, 'Per maand', await maandTrend(ctx, v.per_maand)));
  schrijf(ctx, sectie(ctx, 'Per categorie', await telTabel(ctx, 'Categorie', v.per_categorie.map((r) => ({ sleutel: r.categorie, aantal: r.aantal })), v.totaal)));
  schrijf(ctx, sectie(ctx, 'Per kern', await telTabel(ctx, 'Kern', v.per_kern.map((r) => ({ sleutel: r.kern, aantal: r.aantal })), v.totaal)));
  schrijf(ctx, `\n${VOETNOOT}`);
}
