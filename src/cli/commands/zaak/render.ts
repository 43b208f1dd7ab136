/** How zaken look on screen: the list table and the detail view with meldingen, acties and history. */
import { tijdstipKort } from '../../../domain/tijd.js';
import type { ZaakDetail, ZaakMetNummers, ZaakOverzicht } from '../../../store/zaken.js';
import type { Context } from '../../context.js';
import { gelabeldeTekst, veldRegel } from '../../opmaak.js';
import { kleuren, tabel } from '../../output.js';
import { actieKolommen, actieTekst, historieRegels, overlegLabel } from '../actie/render.js';

const t = (iso: string | null) => (iso ? tijdstipKort(new Date(iso)) : '—');

export async function zaakTabel(ctx: Context, zaken: ZaakOverzicht[]): Promise<string> {
  const k = kleuren(ctx);
  const kop = ['Zaak', 'Titel', 'Soort', 'Kern', 'Status', 'Meldingen', 'Lopend', 'Te laat'];
  const rijen = zaken.map((z) => [
    z.nummer,
    z.titel + (z.vertrouwelijk ? ' [vertrouwelijk]' : ''),
    z.soort,
    z.kern,
    z.status,
    String(z.meldingen),
    String(z.open_acties),
    z.te_laat_acties > 0 ? k.red(`! ${z.te_laat_acties}`) : '0',
  ]);
  return tabel(ctx, kop, rijen);
}

export function zaakDetail(ctx: Context, z: ZaakDetail): string {
  const k = kleuren(ctx);
  const regel = (label: string, waarde: string) => veldRegel(ctx, label, waarde);
  const uit = [
    k.bold(`Zaak ${z.nummer}`) + (z.vertrouwelijk ? k.red('  [vertrouwelijk: alleen politieoverleg]') : ''),
    '',
    regel('Titel', z.titel),
    regel('Soort', z.soort),
    regel('Kern', z.kern),
    regel('Eigenaar', z.eigenaar),
    regel('Status', `${z.status}; geopend ${t(z.geopend_op)} door ${z.geopend_door}${z.gesloten_op ? `, gesloten ${t(z.gesloten_op)}` : ''}`),
  ];
  if (z.resultaat) uit.push(regel('Resultaat', z.resultaat));

  uit.push('', k.bold(`Meldingen (${z.meldingen.length})`));
  if (z.meldingen.length === 0) uit.push('  (nog geen)');
  for (const m of z.meldingen) {
    uit.push(`  ${m.nummer}  ${t(m.ontvangen_op)}  ${m.categorie}  ${m.kern}  ${m.status}${m.vertrouwelijk ? '  vertrouwelijk' : ''}`);
  }

  const teLaat = z.acties.filter((a) => a.te_laat).length;
  uit.push('', k.bold(`Acties (${z.acties.length}${teLaat > 0 ? `; ${teLaat} te laat` : ''})`));
  if (z.acties.length === 0) uit.push('  (nog geen: de aanpak moet nog worden bepaald)');
  const kolommen = actieKolommen(z.acties);
  for (const a of z.acties) {
    uit.push(...actieTekst(ctx, a, kolommen), ...historieRegels(ctx, a.historie, 6).map((r) => k.dim(r)));
  }
  if (teLaat > 0) uit.push('  ! = te laat: de deadline is voorbij en de actie is nog open of loopt.');

  uit.push('', k.bold('Overleggen'));
  if (z.overleggen.length === 0) uit.push('  (nog niet besproken in een vastgelegd overleg)');
  for (const o of z.overleggen) {
    const verzet = o.verschoven_van ? `, verzet van ${o.verschoven_van}` : '';
    uit.push(`  ${overlegLabel(o)} (${o.status}${verzet})`);
    for (const v of z.afspraken.filter((a) => a.soort === o.soort && a.datum === o.datum)) {
      if (v.besproken !== '') uit.push(...gelabeldeTekst(ctx, 4, 'Besproken:', v.besproken));
      if (v.afspraken !== '') uit.push(...gelabeldeTekst(ctx, 4, 'Afspraken:', v.afspraken));
    }
  }
  return `${uit.join('\n')}\n`;
}

/**
 * A zaak as JSON (SPEC §12): `meldingen` and `acties` are lists of numbers, in `list` and `show` alike,
 * with their counts as `aantal_meldingen` and `aantal_acties` (each item: `melding show`, `actie show`).
 */
export function zaakJson(z: ZaakDetail) {
  const { meldingen, acties, ...rest } = z;
  return {
    ...rest,
    meldingen: meldingen.map((m) => m.nummer),
    acties: acties.map((a) => a.nummer),
    aantal_meldingen: meldingen.length,
    aantal_acties: acties.length,
  };
}

export function zaakLijstJson(z: ZaakMetNummers) {
  const { melding_nummers, actie_nummers, meldingen, acties, ...rest } = z;
  return { ...rest, meldingen: melding_nummers, acties: actie_nummers, aantal_meldingen: meldingen, aantal_acties: acties };
}
