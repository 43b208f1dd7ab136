/** `kvz rapport doorzetting`: how many meldingen went out on the day they came in, and how fast. */
import { duurTekst, leesPeriode, maandenVan, maandLabel, procent, telDoorzetting, type DoorzettingFeit } from '../../../domain/rapport.js';
import { dagVan } from '../../../domain/tijd.js';
import { staaf } from '../../../documents/staaf.js';
import { doorzettingFeiten } from '../../../store/rapporten.js';
import type { Context } from '../../context.js';
import { meervoud, schrijf, schrijfJson, tabel } from '../../output.js';
import { getallen, kop, sectie, VOETNOOT } from './render.js';

interface Opts {
  van?: string;
  tot?: string;
  json?: boolean;
}

function groepen<K extends string>(feiten: readonly DoorzettingFeit[], sleutel: (f: DoorzettingFeit) => K): Map<K, DoorzettingFeit[]> {
  const m = new Map<K, DoorzettingFeit[]>();
  for (const f of feiten) {
    const k = sleutel(f);
    const lijst = m.get(k);
    if (lijst) lijst.push(f);
    else m.set(k, [f]);
  }
  return m;
}

export default async function rapportDoorzetting(ctx: Context, o: Opts): Promise<void> {
  const vandaag = dagVan(ctx.nu);
  const periode = leesPeriode(o.van, o.tot, vandaag);
  const feiten = await doorzettingFeiten(await ctx.db(), periode);
  const totaal = telDoorzetting(feiten, vandaag);
  const perMaand = groepen(feiten, (f) => f.maand);
  const per_maand = maandenVan(periode).map((maand) => ({ maand, ...telDoorzetting(perMaand.get(maand) ?? [], vandaag) }));
  const per_categorie = [...groepen(feiten, (f) => f.categorie)]
    .map(([categorie, f]) => ({ categorie, ...telDoorzetting(f, vandaag) }))
    .sort((a, b) => b.totaal - a.totaal || a.categorie.localeCompare(b.categorie));
  // Urgent meldingen apart (SPEC §11): the same figures for them alone.
  const urgent = telDoorzetting(feiten.filter((f) => Number(f.urgent) === 1), vandaag);
  if (o.json) return schrijfJson(ctx, { rapport: 'doorzetting', ...periode, ...totaal, urgent, per_maand, per_categorie });

  schrijf(ctx, kop(ctx, 'Doorzetting van meldingen', periode));
  schrijf(ctx, `Ontvangen: ${totaal.totaal}. Op de dag van ontvangst doorgezet: ${totaal.zelfde_dag} (${procent(totaal.aandeel_zelfde_dag)}); later: ${totaal.later}; niet doorgezet: ${totaal.niet_doorgezet}${totaal.vandaag_nog ? `; vandaag nog te doen: ${totaal.vandaag_nog}` : ''}.`);
  if (totaal.tijd_onbekend > 0) {
    schrijf(ctx, `Van ${meervoud(totaal.tijd_onbekend, 'melding', 'meldingen')} is niet bekend wanneer ze ${totaal.tijd_onbekend === 1 ? 'is' : 'zijn'} doorgezet (geïmporteerd zonder datum); ${totaal.tijd_onbekend === 1 ? 'die telt' : 'die tellen'} niet mee in het aandeel op dezelfde dag.`);
  }
  schrijf(ctx, `Mediane tijd tot de eerste doorzetting: ${duurTekst(totaal.mediaan_minuten)}.`);
  if (urgent.totaal > 0) {
    schrijf(ctx, `Urgent: ${urgent.totaal} ontvangen; op de dag van ontvangst doorgezet: ${urgent.zelfde_dag} (${procent(urgent.aandeel_zelfde_dag)}); later: ${urgent.later}; niet doorgezet: ${urgent.niet_doorgezet}${urgent.vandaag_nog ? `; vandaag nog te doen: ${urgent.vandaag_nog}` : ''}; mediane tijd tot de eerste doorzetting: ${duurTekst(urgent.mediaan_minuten)}.`);
  }
  const ontvangen = getallen(per_maand.map((m) => m.totaal));
  const zelfde = getallen(per_maand.map((m) => m.zelfde_dag));
  const aandeel = getallen(per_maand.map((m) => procent(m.aandeel_zelfde_dag)));
  schrijf(
    ctx,
    sectie(
      ctx,
      'Per maand (balk: aandeel op dezelfde dag)',
      await tabel(
        ctx,
        ['Maand', 'Ontvangen', 'Zelfde dag', 'Aandeel', 'Mediaan', ''],
        per_maand.map((m, i) => [maandLabel(m.maand), ontvangen[i]!, zelfde[i]!, aandeel[i]!, duurTekst(m.mediaan_minuten), staaf(m.aandeel_zelfde_dag ?? 0, 1, 10)]),
      ),
    ),
  );
  if (per_categorie.length > 0) {
    const n = getallen(per_categorie.map((c) => c.totaal));
    const a = getallen(per_categorie.map((c) => procent(c.aandeel_zelfde_dag)));
    schrijf(
      ctx,
      sectie(
        ctx,
        'Per categorie',
        await tabel(ctx, ['Categorie', 'Ontvangen', 'Aandeel zelfde dag', 'Mediaan'], per_categorie.map((c, i) => [c.categorie, n[i]!, a[i]!, duurTekst(c.mediaan_minuten)])),
      ),
    );
  }
  schrijf(ctx, `\n${VOETNOOT}`);
}
