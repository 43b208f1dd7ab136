/**
 * How acties look on screen: one compact line per actie (marker, number, partner, deadline, status,
 * postponements) with the omschrijving wrapped below it, so the matrix reads in 80 columns; their
 * history; and the list table. Overdue is marked '!' as well as red.
 */
import { datumKort, tijdstipKort } from '../../../domain/tijd.js';
import { soortNaam, type OverlegSoort } from '../../../domain/cadans.js';
import type { HistorieRegel } from '../../../store/acties.js';
import type { ActieOverzicht, MatrixRij } from '../../../store/matrix.js';
import type { Context } from '../../context.js';
import { schermBreedte, vouw } from '../../opmaak.js';
import { kleuren, tabel } from '../../output.js';

/** 'GIO 16-03-2027'. */
export function overlegLabel(o: { soort: OverlegSoort; datum: string }): string {
  return `${soortNaam(o.soort)} ${datumKort(o.datum)}`;
}

export function uitgesteldTekst(n: number): string {
  return n > 0 ? `${n}× uitgesteld` : '';
}

/** Column widths for a set of acties, so their lines align. */
export function actieKolommen(acties: readonly Pick<ActieOverzicht, 'partner' | 'status'>[]): { partner: number; status: number } {
  // A loop, not Math.max(...lengths): spread into a call puts every value on the stack, and the whole
  // matrix of a region (`kvz matrix --status alle`, ~194,000 acties) overflowed it.
  let partner = 7;
  let status = 5;
  for (const a of acties) {
    if (a.partner.length > partner) partner = a.partner.length;
    if (a.status.length > status) status = a.status.length;
  }
  return { partner, status };
}

// The omschrijving starts under the partner column: '  ! A-2027-0001  '.
const OMSCHRIJVING_INSPRINGING = 17;

/** '  ! A-2027-0001  politie  10-03-2027  open   uitgesteld 2×', then the omschrijving below it. */
export function actieTekst(ctx: Context, a: ActieOverzicht, kolommen: { partner: number; status: number }): string[] {
  const k = kleuren(ctx);
  const kop = [
    `  ${a.te_laat ? '!' : ' '} ${a.nummer}`,
    a.partner.padEnd(kolommen.partner),
    datumKort(a.deadline),
    a.status.padEnd(kolommen.status),
    uitgesteldTekst(a.keer_uitgesteld),
  ]
    .join('  ')
    .trimEnd();
  const gekleurd = a.te_laat ? k.red(kop) : a.status === 'gereed' || a.status === 'vervallen' ? k.dim(kop) : kop;
  // The intervention (seed §2.6) leads the description, unless it is just 'overig'.
  const tekst = a.soort === 'overig' ? a.omschrijving : `${a.soort}: ${a.omschrijving}`;
  return [gekleurd, ...vouw(tekst, schermBreedte(ctx), OMSCHRIJVING_INSPRINGING)];
}

/** One history line: 'aangemaakt …' or the changes, the note and the meeting. */
function historieTekst(h: HistorieRegel): string {
  const delen: string[] = [];
  if (h.status_oud === null) {
    delen.push(`aangemaakt: ${h.partner_nieuw}, deadline ${datumKort(h.deadline_nieuw)}`);
  } else {
    if (h.status_oud !== h.status_nieuw) delen.push(`status ${h.status_oud} → ${h.status_nieuw}`);
    if (h.deadline_oud !== h.deadline_nieuw) {
      const later = h.deadline_nieuw > h.deadline_oud! ? ' (uitgesteld)' : '';
      delen.push(`deadline ${datumKort(h.deadline_oud!)} → ${datumKort(h.deadline_nieuw)}${later}`);
    }
    if (h.partner_oud !== h.partner_nieuw) delen.push(`partner ${h.partner_oud} → ${h.partner_nieuw}`);
  }
  let tekst = delen.join('; ');
  if (h.notitie) tekst = tekst ? `${tekst} — ${h.notitie}` : h.notitie;
  if (h.overleg) tekst += ` [${overlegLabel(h.overleg)}]`;
  return `${tijdstipKort(new Date(h.op))} ${h.door}: ${tekst}`;
}

export function historieRegels(ctx: Context, historie: HistorieRegel[], inspringing: number): string[] {
  return historie.flatMap((h) => vouw(historieTekst(h), schermBreedte(ctx), inspringing, inspringing + 17));
}

export async function actieTabel(ctx: Context, acties: MatrixRij[]): Promise<string> {
  const k = kleuren(ctx);
  const kop = ['Actie', 'Zaak', 'Partner', 'Soort', 'Deadline', 'Status', 'Uitgesteld', 'Omschrijving'];
  const rijen = acties.map((a) => [
    a.nummer,
    a.zaak + (a.zaak_vertrouwelijk ? '*' : ''),
    a.partner,
    a.soort,
    a.te_laat ? k.red(`! ${datumKort(a.deadline)}`) : datumKort(a.deadline),
    a.status,
    a.keer_uitgesteld > 0 ? `${a.keer_uitgesteld}×` : '',
    a.omschrijving,
  ]);
  return tabel(ctx, kop, rijen);
}
