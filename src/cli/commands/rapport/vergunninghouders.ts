/** `kvz rapport vergunninghouders`: meldingen that concern vergunninghouders, per month, categorie and kern. */
import { leesPeriode } from '../../../domain/rapport.js';
import { dagVan } from '../../../domain/tijd.js';
import { interventiesVergunninghouders, verdeling } from '../../../store/rapporten.js';
import { plaatsingenInPeriode } from '../../../store/plaatsingen.js';
import { datumKort } from '../../../domain/tijd.js';
import type { Context } from '../../context.js';
import { meervoud, schrijf, schrijfJson, tabel } from '../../output.js';
import { kop, maandTrend, sectie, telTabel, VOETNOOT } from './render.js';

interface Opts {
  van?: string;
  tot?: string;
  json?: boolean;
}

export default async function rapportVergunninghouders(ctx: Context, o: Opts): Promise<void> {
  const periode = leesPeriode(o.van, o.tot, dagVan(ctx.nu));
  const db = await ctx.db();
  const v = await verdeling(db, 'vergunninghouder', periode);
  const interventies = await interventiesVergunninghouders(db, periode);
  // Per placement (SPEC §11), by number and kern; confidential meldingen count here as in every figure.
  const plaatsingen = await plaatsingenInPeriode(db, periode.van, periode.tot, true);
  if (o.json) return schrijfJson(ctx, { rapport: 'vergunninghouders', ...periode, ...v, interventies_per_soort: interventies, plaatsingen });
  schrijf(ctx, kop(ctx, 'Meldingen over vergunninghouders', periode));
  schrijf(ctx, `${meervoud(v.totaal, 'melding', 'meldingen')}.`);
  schrijf(ctx, sectie(ctx, 'Per maand', await maandTrend(ctx, v.per_maand)));
  schrijf(ctx, sectie(ctx, 'Per categorie', await telTabel(ctx, 'Categorie', v.per_categorie.map((r) => ({ sleutel: r.categorie, aantal: r.aantal })), v.totaal)));
  schrijf(ctx, sectie(ctx, 'Per kern', await telTabel(ctx, 'Kern', v.per_kern.map((r) => ({ sleutel: r.kern, aantal: r.aantal })), v.totaal)));
  const n = interventies.reduce((som, i) => som + i.aantal, 0);
  schrijf(ctx, sectie(ctx, `Interventies bij zaken met vergunninghouders (${meervoud(n, 'actie', 'acties')} afgesproken in de periode)`,
    await telTabel(ctx, 'Soort actie', interventies.map((i) => ({ sleutel: i.soort, aantal: i.aantal })), n)));
  schrijf(ctx, sectie(ctx, `Per plaatsing (${meervoud(plaatsingen.length, 'plaatsing', 'plaatsingen')} in de periode; zonder adres)`, plaatsingen.length === 0
    ? 'Geen plaatsingen in de periode.'
    : await tabel(ctx, ['Plaatsing', 'Kern', 'Sinds', 'Einde', 'Meldingen sinds plaatsing', 'In de periode', 'Laatste contact'], plaatsingen.map((p) => [
        p.nummer, p.kern, datumKort(p.datum), p.einde ? datumKort(p.einde) : '', String(p.meldingen_sinds_plaatsing), String(p.meldingen_in_periode),
        p.laatste_contact ? `${datumKort(p.laatste_contact.dag)} (${p.laatste_contact.soort})` : 'nog geen',
      ]))));
  schrijf(ctx, `\n${VOETNOOT}`);
}
