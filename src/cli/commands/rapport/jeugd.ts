/** `kvz rapport jeugd`: youth nuisance per month, and per kern against the period before. */
import { leesPeriode, vorigePeriode } from '../../../domain/rapport.js';
import { dagVan, datumKort } from '../../../domain/tijd.js';
import { perKern, verdeling } from '../../../store/rapporten.js';
import type { Context } from '../../context.js';
import { meervoud, schrijf, schrijfJson, tabel } from '../../output.js';
import { getallen, kop, maandTrend, sectie, VOETNOOT } from './render.js';

interface Opts {
  van?: string;
  tot?: string;
  json?: boolean;
}

export default async function rapportJeugd(ctx: Context, o: Opts): Promise<void> {
  const periode = leesPeriode(o.van, o.tot, dagVan(ctx.nu));
  const db = await ctx.db();
  const v = await verdeling(db, 'jeugdoverlast', periode);
  const vorige = vorigePeriode(periode);
  const ervoor = await perKern(db, 'jeugdoverlast', vorige);
  const kernen = [...new Set([...v.per_kern.map((k) => k.kern), ...ervoor.keys()])];
  const nu = new Map(v.per_kern.map((k) => [k.kern, k.aantal]));
  const per_kern = kernen
    .map((kern) => ({ kern, aantal: nu.get(kern) ?? 0, vorige_periode: ervoor.get(kern) ?? 0 }))
    .sort((a, b) => b.aantal - a.aantal || b.vorige_periode - a.vorige_periode || a.kern.localeCompare(b.kern));
  const totaalVorige = [...ervoor.values()].reduce((s, n) => s + n, 0);
  if (o.json) {
    return schrijfJson(ctx, {
      rapport: 'jeugd',
      ...periode,
      totaal: v.totaal,
      vorige_periode: { ...vorige, totaal: totaalVorige },
      per_maand: v.per_maand,
      per_kern,
    });
  }
  schrijf(ctx, kop(ctx, 'Jeugdoverlast', periode));
  schrijf(ctx, `${meervoud(v.totaal, 'melding', 'meldingen')}; in de periode ervoor (${datumKort(vorige.van)} t/m ${datumKort(vorige.tot)}) ${totaalVorige}.`);
  schrijf(ctx, sectie(ctx, 'Per maand', await maandTrend(ctx, v.per_maand)));
  const deze = getallen(per_kern.map((k) => k.aantal));
  const toen = getallen(per_kern.map((k) => k.vorige_periode));
  const verschil = getallen(per_kern.map((k) => (k.aantal > k.vorige_periode ? '▲' : k.aantal < k.vorige_periode ? '▼' : '=')));
  const tekst = per_kern.length === 0 ? '(geen)' : await tabel(ctx, ['Kern', 'Deze periode', 'Periode ervoor', ''], per_kern.map((k, i) => [k.kern, deze[i]!, toen[i]!, verschil[i]!]));
  schrijf(ctx, sectie(ctx, 'Per kern', tekst));
  schrijf(ctx, `\n${VOETNOOT}`);
}
