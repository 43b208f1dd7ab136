/** `kvz rapport terugkoppeling`: melders still waiting for feedback, longest waiting first; only numbers, no personal data. */
import type { Periode } from '../../../domain/rapport.js';
import { dagVan, datumKort, tijdstipKort } from '../../../domain/tijd.js';
import { wachtOpTerugkoppeling } from '../../../store/rapporten.js';
import type { Context } from '../../context.js';
import { leesVanTot, limiet, TABEL_STANDAARD_LIMIET } from '../../invoer.js';
import { kleuren, meervoud, schrijf, schrijfJson, tabel } from '../../output.js';
import { getallen } from './render.js';

interface Opts {
  van?: string;
  tot?: string;
  limit?: string;
  json?: boolean;
}

export default async function rapportTerugkoppeling(ctx: Context, o: Opts): Promise<void> {
  const vandaag = dagVan(ctx.nu);
  const gevraagd = limiet(o.limit);
  const periode: Partial<Periode> = leesVanTot(o.van, o.tot, vandaag);
  const wachtend = await wachtOpTerugkoppeling(await ctx.db(), periode, vandaag);
  if (o.json) return schrijfJson(ctx, gevraagd === undefined ? wachtend : wachtend.slice(0, gevraagd));

  const k = kleuren(ctx);
  const binnen = periode.van || periode.tot ? ` (ontvangen ${periode.van ? `vanaf ${datumKort(periode.van)}` : ''}${periode.van && periode.tot ? ' ' : ''}${periode.tot ? `tot en met ${datumKort(periode.tot)}` : ''})` : '';
  if (wachtend.length === 0) return schrijf(ctx, `${k.green('✓')} Geen melders die nog op terugkoppeling wachten${binnen}.`);
  const getoond = wachtend.slice(0, gevraagd ?? TABEL_STANDAARD_LIMIET);
  const dagen = getallen(getoond.map((w) => w.dagen_wachten));
  schrijf(
    ctx,
    await tabel(
      ctx,
      ['Melding', 'Ontvangen', 'Kern', 'Wacht (dagen)'],
      getoond.map((w, i) => [w.nummer, tijdstipKort(new Date(w.ontvangen_op)), w.kern, dagen[i]!]),
    ),
  );
  const rest = wachtend.length - getoond.length;
  const aantal = `${meervoud(wachtend.length, 'melder wacht', 'melders wachten')} op terugkoppeling${binnen}`;
  schrijf(ctx, rest > 0 ? `${aantal}; de ${getoond.length} die het langst wachten staan hierboven, nog ${rest} met --limit ${wachtend.length}.` : `${aantal}.`);
  schrijf(ctx, 'Leg een terugkoppeling vast met kvz melding contact <nummer> --soort terugkoppeling --notitie "…".');
}
