/**
 * Agendas and minutes skeletons as Word documents (SPEC §9), from the same items and blocks as the
 * Markdown (documents/agenda-inhoud.ts), so both say the same and leave out the same. The minutes
 * carry their identity (which meeting, which database) in the document's custom properties and, for
 * a program that drops those, in the footer; attendance is a column of ☐ to tick; each item and zaak
 * has bordered boxes for what was discussed and agreed; each open zaak has the matrix table whose
 * last two columns, and the `nieuw` rows, are filled in at the meeting.
 */
import { isLopend } from '../domain/actie.js';
import { soortInZin } from '../domain/cadans.js';
import type { Agenda, ZaakOpAgenda } from '../domain/agenda.js';
import { NIEUW } from '../domain/notulen.js';
import { datumKort } from '../domain/tijd.js';
import { datumLang } from '../domain/datum-nl.js';
import { actieTabel, punten, vorigeAfspraken, zaakKenmerken, type Punt } from './agenda-inhoud.js';
import { NOTULEN_KOLOMMEN } from './notulen-md.js';
import { alinea, feitenTabel, invulVakken, kop, tabel, uitMarkdown, wordBestand, type Blok } from './word.js';

/** The labels of the boxes to write in; `notulen verwerk` reads the text back by them. */
export const BESPROKEN = 'Besproken';
export const AFSPRAKEN = 'Afspraken';
/** The custom document properties that say which minutes a file is. */
export const EIGENSCHAP = { document: 'kvz.document', soort: 'kvz.soort', datum: 'kvz.datum', database: 'kvz.database', deelnemers: 'kvz.deelnemers' } as const;
/** The footer's identity line, for when a program dropped the custom properties. */
export const kenmerk = (a: Pick<Agenda, 'soort' | 'overleg'>, databaseId: string) => `Kenmerk: notulen ${a.soort} ${a.overleg.datum} · ${databaseId}`;

const NIEUWE_RIJEN = 3;
const EXTRA_AANWEZIGEN = 3;
export const LEEG_VAKJE = '☐';

function feiten(a: Agenda, metDeelnemers: boolean): Blok[] {
  const o = a.overleg;
  const paren: [string, string][] = [['Datum', `${datumLang(o.datum)}, ${o.tijd} uur`], ['Locatie', o.locatie]];
  if (o.verschoven_van) paren.push(['Verschoven', `van ${datumLang(o.verschoven_van)}${o.reden ? ` (${o.reden})` : ''}`]);
  if (metDeelnemers) paren.push(['Deelnemers', a.deelnemers.map((d) => d.naam).join(', ')]);
  paren.push(
    ['Periode', `meldingen van ${datumLang(a.venster.van)} tot en met ${datumLang(a.venster.tot_en_met)}`],
    ['Stand van de matrix', datumLang(a.peildatum)],
  );
  const uit: Blok[] = [feitenTabel(paren)];
  if (a.soort === 'politie') {
    uit.push(alinea('', { na: 0 }), alinea('**Vertrouwelijk:** dit stuk bevat vertrouwelijke zaken en meldingen en is alleen voor de deelnemers aan het politieoverleg.'));
  } else uit.push(alinea(''));
  return uit;
}

const zaakKop = (z: ZaakOpAgenda) => kop(3, `${z.nummer} · ${z.titel}`);

function zaakInAgenda(z: ZaakOpAgenda, toelichting: readonly string[]): Blok[] {
  return [
    zaakKop(z),
    ...uitMarkdown([zaakKenmerken(z)]),
    ...uitMarkdown(vorigeAfspraken(z)),
    ...uitMarkdown(toelichting),
    ...(z.acties.length === 0 ? [alinea('Geen acties die open zijn of lopen.')] : uitMarkdown(actieTabel(z.acties))),
  ];
}

function puntInAgenda(p: Punt, nummer: number): Blok[] {
  const uit: Blok[] = [kop(2, `${nummer}. ${p.titel}`)];
  for (const b of p.blokken) {
    if (b.alleen === 'notulen') continue;
    if (b.soort === 'zaak') uit.push(...zaakInAgenda(b.zaak, b.toelichting));
    else uit.push(...uitMarkdown(b.regels));
  }
  return uit;
}

const koptekst = (a: Agenda, wat: string) => `${wat} ${soortInZin(a.soort)} — ${datumLang(a.overleg.datum)}`;

export async function agendaDocx(a: Agenda): Promise<Buffer> {
  const items = punten(a);
  const inhoud: Blok[] = [
    kop(1, `Agenda ${soortInZin(a.soort)}`),
    ...feiten(a, true),
    alinea('**Agendapunten**', { na: 60 }),
    ...uitMarkdown(items.map((p, i) => `${i + 1}. ${p.titel}`)),
    ...items.flatMap((p, i) => puntInAgenda(p, i + 1)),
  ];
  return wordBestand({ titel: `Agenda ${soortInZin(a.soort)} ${datumKort(a.overleg.datum)}`, koptekst: koptekst(a, 'Agenda'), vertrouwelijk: a.soort === 'politie' }, inhoud);
}

function aandacht(z: ZaakOpAgenda): Blok[] {
  const laat = z.acties.filter((x) => x.te_laat).map((x) => `${x.nummer} (deadline ${datumKort(x.deadline)}${x.keer_uitgesteld > 0 ? `, ${x.keer_uitgesteld}× uitgesteld` : ''})`);
  return laat.length === 0 ? [] : [alinea(`**Te laat:** ${laat.join(', ')}.`)];
}

function matrixTabel(z: ZaakOpAgenda): Blok {
  const rijen = z.acties.filter((x) => isLopend(x.status)).map((x) => [x.nummer, x.omschrijving, x.partner, datumKort(x.deadline), x.status, '', '']);
  const eerste = rijen.length;
  for (let i = 0; i < NIEUWE_RIJEN; i++) rijen.push([NIEUW, '', '', '', '', '', '']);
  return tabel(NOTULEN_KOLOMMEN, rijen, {
    invulKolommen: [5, 6],
    invulRijen: Array.from({ length: NIEUWE_RIJEN }, (_, i) => eerste + i),
    // A typed date (dd-mm-jjjj) and a partner code fit without breaking.
    minimum: [11, 0, 0, 10, 0, 9, 10],
  });
}

function zaakInNotulen(z: ZaakOpAgenda, toelichting: readonly string[]): Blok[] {
  return [
    zaakKop(z),
    ...uitMarkdown([zaakKenmerken(z)]),
    ...uitMarkdown(vorigeAfspraken(z)),
    ...uitMarkdown(toelichting),
    ...aandacht(z),
    invulVakken([BESPROKEN, AFSPRAKEN]),
    alinea('', { na: 60 }),
    z.status === 'open' ? matrixTabel(z) : alinea('Deze zaak is gesloten: acties wijzigen of toevoegen kan niet meer.'),
  ];
}

const INVULLEN = [
  'Zo vult u dit in: zet bij wie er waren een kruisje in het vakje (☒ of X); was er nog iemand, vul dan een lege regel in met een kruisje en de partner tussen haakjes, bijvoorbeeld Wijkagent Obdam (politie).',
  'Schrijf in de gele vakken wat er besproken en afgesproken is. Zet per zaak in de tabel bij een actie een nieuwe status (open, loopt,',
  'gereed of vervallen) en/of een nieuwe deadline (dd-mm-jjjj), en een nieuwe actie in een rij ‘nieuw’ (omschrijving, partner en deadline).',
  'Laat de kolomkoppen en het kenmerk onderaan de pagina staan en bewaar het als Word-document (.docx).',
];

export async function notulenDocx(a: Agenda, databaseId: string): Promise<Buffer> {
  const inhoud: Blok[] = [kop(1, `Notulen ${soortInZin(a.soort)}`), ...feiten(a, false), alinea(INVULLEN.join(' '))];
  inhoud.push(kop(2, 'Aanwezig'));
  const rijen = [...a.deelnemers.map((d) => [LEEG_VAKJE, d.naam]), ...Array.from({ length: EXTRA_AANWEZIGEN }, () => [LEEG_VAKJE, ''])];
  inhoud.push(tabel(['Aanwezig', 'Deelnemer'], rijen, {
    invulKolommen: [0],
    invulRijen: Array.from({ length: EXTRA_AANWEZIGEN }, (_, i) => a.deelnemers.length + i),
    minimum: [8, 40],
  }));
  const gezien = new Map<string, number>();
  punten(a).forEach((p, i) => {
    inhoud.push(kop(2, `${i + 1}. ${p.titel}`));
    for (const b of p.blokken) if (b.soort === 'tekst' && b.alleen !== 'agenda') inhoud.push(...uitMarkdown(b.regels));
    inhoud.push(invulVakken([BESPROKEN, AFSPRAKEN]));
    const verwijzingen: string[] = [];
    for (const b of p.blokken) {
      if (b.soort !== 'zaak') continue;
      const eerder = gezien.get(b.zaak.nummer);
      if (eerder !== undefined) {
        verwijzingen.push(`- ${b.zaak.nummer} · ${b.zaak.titel}: zie punt ${eerder}.`);
        continue;
      }
      gezien.set(b.zaak.nummer, i + 1);
      inhoud.push(...zaakInNotulen(b.zaak, b.toelichting));
    }
    if (verwijzingen.length > 0) inhoud.push(alinea('Ook bij dit punt:'), ...uitMarkdown(verwijzingen));
  });
  return wordBestand(
    {
      titel: `Notulen ${soortInZin(a.soort)} ${datumKort(a.overleg.datum)}`,
      koptekst: koptekst(a, 'Notulen'),
      vertrouwelijk: a.soort === 'politie',
      kenmerk: kenmerk(a, databaseId),
      eigenschappen: {
        [EIGENSCHAP.document]: 'notulen', [EIGENSCHAP.soort]: a.soort, [EIGENSCHAP.datum]: a.overleg.datum, [EIGENSCHAP.database]: databaseId,
        // The names printed in the attendance: any other name was typed in, by whoever kept the minutes.
        [EIGENSCHAP.deelnemers]: JSON.stringify(a.deelnemers.map((d) => d.naam)),
      },
    },
    inhoud,
  );
}
