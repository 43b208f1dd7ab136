/**
 * The minutes skeleton (SPEC §4.4): the agenda's items, each with "Besproken:" and "Afspraken:",
 * attendance as checkboxes, and per zaak the matrix table that `kvz notulen verwerk` reads back.
 * That table and the first line (which meeting, which database) are a machine-read interface:
 * documents/notulen-lezen.ts is its reader.
 */
import { isLopend } from '../domain/actie.js';
import type { Agenda, ZaakOpAgenda } from '../domain/agenda.js';
import { NIEUW } from '../domain/notulen.js';
import { datumKort } from '../domain/tijd.js';
import { punten, vorigeAfspraken, zaakKenmerken } from './agenda-inhoud.js';
import { alsEenBlok, kopBlokken, zaakKop } from './agenda-md.js';
import { document, inline, kop, mdTabel } from './markdown.js';

/** The columns of the per-zaak table, in order. */
export const NOTULEN_KOLOMMEN = ['Actie', 'Omschrijving', 'Partner', 'Deadline', 'Status', 'Nieuwe status', 'Nieuwe deadline'] as const;

/** Empty rows for new acties under each zaak. */
const NIEUWE_RIJEN = 3;

/** The first line: which meeting and which database the file belongs to. */
export function markering(a: Pick<Agenda, 'soort' | 'overleg'>, databaseId: string): string {
  return `<!-- kvz notulen ${a.soort} ${a.overleg.datum} db:${databaseId} -->`;
}

const INVULLEN = [
  'Zo vult u dit in: vink aan wie er waren (`[x]`); schrijf onder elk punt wat er besproken en afgesproken is; zet per zaak in de tabel',
  'een nieuwe status (open, loopt, gereed of vervallen) en/of een nieuwe deadline bij een actie, en een nieuwe actie in een rij',
  "'nieuw' (omschrijving, partner en deadline). Laat de eerste regel en de kolomkoppen staan. Verwerk daarna in de matrix met",
  '`kvz notulen verwerk <dit bestand>` (dat toont eerst wat er verandert; met `--uitvoeren` wordt het vastgelegd).',
];

const BESPREKING = [['**Besproken:**'], ['**Afspraken:**']];

function matrixTabel(z: ZaakOpAgenda): string[] {
  const rijen = z.acties
    .filter((a) => isLopend(a.status))
    .map((a) => [a.nummer, inline(a.omschrijving), a.partner, datumKort(a.deadline), a.status, '', '']);
  for (let i = 0; i < NIEUWE_RIJEN; i++) rijen.push([NIEUW, '', '', '', '', '', '']);
  return mdTabel(NOTULEN_KOLOMMEN, rijen);
}

function aandacht(z: ZaakOpAgenda): string[] {
  const laat = z.acties.filter((a) => a.te_laat).map((a) => `${a.nummer} (deadline ${datumKort(a.deadline)}${a.keer_uitgesteld > 0 ? `, ${a.keer_uitgesteld}× uitgesteld` : ''})`);
  return laat.length === 0 ? [] : [`! Te laat: ${laat.join(', ')}.`];
}

function zaakInNotulen(z: ZaakOpAgenda, toelichting: string[]): string[] {
  const uit = [[zaakKop(z)], [zaakKenmerken(z)], vorigeAfspraken(z), toelichting, aandacht(z), ...BESPREKING];
  uit.push(z.status === 'open' ? matrixTabel(z) : ['Deze zaak is gesloten: acties wijzigen of toevoegen kan niet meer.']);
  return alsEenBlok(uit);
}

export function notulenMarkdown(a: Agenda, databaseId: string): string {
  const blokken: string[][] = [[markering(a, databaseId)], ...kopBlokken(a, 'Notulen'), INVULLEN];
  blokken.push([kop(2, 'Aanwezig')], a.deelnemers.map((d) => `- [ ] ${inline(d.naam)}`));
  blokken.push(['Was er nog iemand? Voeg een regel toe met de partner, bijvoorbeeld `- [x] Handhaving` of `- [x] Wijkagent Obdam (politie)`.']);
  // A zaak that comes back under a later item refers to its table, so that each zaak has one.
  const gezien = new Map<string, number>();
  punten(a).forEach((p, i) => {
    blokken.push([kop(2, `${i + 1}. ${p.titel}`)]);
    for (const b of p.blokken) if (b.soort === 'tekst' && b.alleen !== 'agenda') blokken.push(b.regels);
    blokken.push(...BESPREKING);
    const verwijzingen: string[] = [];
    for (const b of p.blokken) {
      if (b.soort !== 'zaak') continue;
      const eerder = gezien.get(b.zaak.nummer);
      if (eerder !== undefined) {
        verwijzingen.push(`- ${b.zaak.nummer} · ${inline(b.zaak.titel)}: zie punt ${eerder}.`);
        continue;
      }
      gezien.set(b.zaak.nummer, i + 1);
      blokken.push(zaakInNotulen(b.zaak, b.toelichting));
    }
    if (verwijzingen.length > 0) blokken.push(['Ook bij dit punt:'], verwijzingen);
  });
  return document(blokken);
}
