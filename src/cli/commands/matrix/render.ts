/**
 * The matrix on screen, laid out for an 80-column terminal: a heading per zaak (number, wrapped
 * title, then soort, kern, meldingen and owner), a compact line per actie with its omschrijving
 * wrapped below, and a summary of what each partner owes. Overdue: '!' and red; postponed: a count.
 */
import { isLopend } from '../../../domain/actie.js';
import { type Datum } from '../../../domain/tijd.js';
import { datumLang } from '../../../domain/datum-nl.js';
import type { MatrixZaak } from '../../../store/matrix.js';
import type { Context } from '../../context.js';
import { schermBreedte, vouw } from '../../opmaak.js';
import { kleuren, meervoud } from '../../output.js';
import { actieKolommen, actieTekst } from '../actie/render.js';

const INSPRINGING = 12; // 'Z-2027-001  '

function zaakKop(ctx: Context, z: MatrixZaak): string[] {
  const k = kleuren(ctx);
  const breedte = schermBreedte(ctx);
  const [eerste, ...rest] = vouw(z.titel, breedte, INSPRINGING);
  const kenmerken = [z.soort, z.kern, meervoud(z.meldingen, 'melding', 'meldingen'), `eigenaar ${z.eigenaar}`];
  if (z.status === 'gesloten') kenmerken.push('gesloten');
  const regels = [k.bold(`${z.nummer.padEnd(INSPRINGING)}${eerste!.trimStart()}`), ...rest.map((r) => k.bold(r))];
  regels.push(...vouw(kenmerken.join(' · '), breedte, INSPRINGING));
  if (z.vertrouwelijk) regels.push(' '.repeat(INSPRINGING) + k.red.bold('VERTROUWELIJK: alleen voor het politieoverleg'));
  return regels;
}

function perPartner(zaken: MatrixZaak[]): string {
  const telling = new Map<string, { lopend: number; teLaat: number }>();
  for (const a of zaken.flatMap((z) => z.acties)) {
    if (!isLopend(a.status)) continue;
    const t = telling.get(a.partner) ?? { lopend: 0, teLaat: 0 };
    t.lopend++;
    if (a.te_laat) t.teLaat++;
    telling.set(a.partner, t);
  }
  return [...telling.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([partner, t]) => `${partner} ${t.lopend}${t.teLaat > 0 ? ` (${t.teLaat} te laat)` : ''}`)
    .join(', ');
}

export function matrixTekst(ctx: Context, zaken: MatrixZaak[], vandaag: Datum): string {
  const k = kleuren(ctx);
  const acties = zaken.flatMap((z) => z.acties);
  const lopend = acties.filter((a) => isLopend(a.status)).length;
  const teLaat = acties.filter((a) => a.te_laat).length;
  const uitgesteld = acties.filter((a) => a.keer_uitgesteld > 0).length;
  const samenvatting = [meervoud(zaken.length, 'zaak', 'zaken'), meervoud(lopend, 'lopende actie', 'lopende acties'), `${teLaat} te laat`];
  if (uitgesteld > 0) samenvatting.push(`${uitgesteld} uitgesteld`);
  const breedte = schermBreedte(ctx);
  const uit = [k.bold(`Matrix op ${datumLang(vandaag)}`), samenvatting.join(' · ')];

  const kolommen = actieKolommen(acties);
  for (const z of zaken) {
    uit.push('', ...zaakKop(ctx, z));
    if (z.acties.length === 0) uit.push(z.status === 'open' ? k.yellow('  (geen lopende acties: aanpak bepalen)') : '  (geen acties)');
    for (const a of z.acties) uit.push(...actieTekst(ctx, a, kolommen));
  }
  uit.push('');
  const partners = perPartner(zaken);
  if (partners) uit.push(...vouw(`Lopend per partner: ${partners}.`, breedte, 0));
  if (teLaat > 0) uit.push('! = te laat: de deadline is voorbij en de actie is nog open of loopt.');
  return `${uit.join('\n')}\n`;
}
