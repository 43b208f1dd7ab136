/**
 * An agenda as Markdown (SPEC §4.4): the heading with date, time, place, participants and window,
 * the list of items, then each item with its figures and zaken. Converts cleanly with
 * `pandoc -f gfm agenda.md -o agenda.docx`.
 */
import type { Agenda, ZaakOpAgenda } from '../domain/agenda.js';
import { soortInZin } from '../domain/cadans.js';
import { datumLang } from '../domain/datum-nl.js';
import { actieTabel, punten, vorigeAfspraken, zaakKenmerken, type Punt } from './agenda-inhoud.js';
import { document, inline, kop } from './markdown.js';

/** The title and the facts of the meeting, for the agenda and the minutes. */
export function kopBlokken(a: Agenda, wat: 'Agenda' | 'Notulen'): string[][] {
  const o = a.overleg;
  const feiten = [
    `- **Datum:** ${datumLang(o.datum)}, ${o.tijd} uur`,
    `- **Locatie:** ${inline(o.locatie)}`,
  ];
  if (o.verschoven_van) feiten.push(`- **Verschoven:** van ${datumLang(o.verschoven_van)}${o.reden ? ` (${inline(o.reden)})` : ''}`);
  if (wat === 'Agenda') feiten.push(`- **Deelnemers:** ${a.deelnemers.map((d) => inline(d.naam)).join(', ')}`);
  feiten.push(
    `- **Periode:** meldingen van ${datumLang(a.venster.van)} tot en met ${datumLang(a.venster.tot_en_met)}`,
    `- **Stand van de matrix:** ${datumLang(a.peildatum)}`,
  );
  const blokken = [[kop(1, `${wat} ${soortInZin(a.soort)}`)], feiten];
  if (a.soort === 'politie') blokken.push(['**Vertrouwelijk:** dit stuk bevat vertrouwelijke zaken en meldingen en is alleen voor de deelnemers aan het politieoverleg.']);
  return blokken;
}

export function zaakKop(z: ZaakOpAgenda): string {
  return kop(3, `${z.nummer} · ${inline(z.titel)}`);
}

/** Blocks as one piece of text: a GIO at region scale has thousands of zaken, and fewer, longer strings cost less. */
export function alsEenBlok(blokken: readonly (readonly string[])[]): string[] {
  return [blokken.filter((b) => b.length > 0).map((b) => b.join('\n')).join('\n\n')];
}

function zaakInAgenda(z: ZaakOpAgenda, toelichting: string[]): string[] {
  return alsEenBlok([[zaakKop(z)], [zaakKenmerken(z)], vorigeAfspraken(z), toelichting, z.acties.length === 0 ? ['Geen acties die open zijn of lopen.'] : actieTabel(z.acties)]);
}

function puntInAgenda(p: Punt, nummer: number): string[][] {
  const uit: string[][] = [[kop(2, `${nummer}. ${p.titel}`)]];
  for (const b of p.blokken) {
    if (b.soort === 'zaak') {
      if (b.alleen !== 'notulen') uit.push(zaakInAgenda(b.zaak, b.toelichting));
    } else if (b.alleen !== 'notulen') uit.push(b.regels);
  }
  return uit;
}

export function agendaMarkdown(a: Agenda): string {
  const items = punten(a);
  return document([
    ...kopBlokken(a, 'Agenda'),
    ['**Agendapunten**'],
    items.map((p, i) => `${i + 1}. ${p.titel}`),
    ...items.flatMap((p, i) => puntInAgenda(p, i + 1)),
  ]);
}
