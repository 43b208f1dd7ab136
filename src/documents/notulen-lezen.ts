/**
 * Reading a filled-in minutes skeleton back (documents/notulen-md.ts writes it): the marker line,
 * the ticked attendance, and per zaak heading its matrix table. Forgiving where an editor or a person
 * changes the look (spacing, re-aligned columns, missing outer pipes, a separator row left out, rows
 * deleted or added); strict where the meaning would change (columns renamed, added or removed, a row
 * with too many cells, a table without its zaak). Every problem names its line; this module only
 * reads the structure, domain/notulen.ts judges the cells.
 */
import { OVERLEG_SOORTEN, type OverlegSoort } from '../domain/cadans.js';
import { verslagVerzamelaar, type GelezenNotulen, type Kenmerk, type ZaakTabel } from '../domain/notulen.js';
import { isDatum } from '../domain/tijd.js';
import { NOTULEN_KOLOMMEN } from './notulen-md.js';
import { ontsnap } from './markdown.js';

const MARKERING = /^<!--\s*kvz\s+notulen\s+(\S+)\s+(\S+)\s+db:(\S+)\s*-->$/i;
const KOP = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const ZAAK = /^(z-?\d{4}-?\d+)\b/i;
const VINKJE = /^\s*[-*+]\s*\[([ xX])\]\s*(.*?)\s*$/;
const SCHEIDING = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$/;
/**
 * '**Besproken:**' as the skeleton writes it (also '**Besproken**:'), with text after it or not. Only
 * the bold label starts a box: a line of the text that begins with the word is text.
 */
const VAK = /^\s*(?:\*\*|__)(besproken|afspraken)(?::(?:\*\*|__)|(?:\*\*|__):)\s*(.*)$/i;
/** Lines the skeleton writes after a zaak's boxes: they end the text in them. */
const NA_VAKKEN = new Set(['Deze zaak is gesloten: acties wijzigen of toevoegen kan niet meer.', 'Ook bij dit punt:']);

const PIJP = /(?<!\\)\|/;

/** A table starts with a line that begins with a pipe, or (outer pipes left out) has a pipe and a separator row below it. */
function isTabelBegin(regel: string, volgende: string | undefined): boolean {
  const r = regel.trim();
  return r.startsWith('|') || (PIJP.test(r) && volgende !== undefined && PIJP.test(volgende) && SCHEIDING.test(volgende.trim()));
}

/** The cells of a table line: outer pipes optional, `\|` is a pipe inside a cell. */
export function cellenVan(regel: string): string[] {
  let r = regel.trim();
  if (r.startsWith('|')) r = r.slice(1);
  if (r.endsWith('|') && !r.endsWith('\\|')) r = r.slice(0, -1);
  return r.split(/(?<!\\)\|/).map((c) => ontsnap(c.trim()));
}

const normaal = (c: string) => c.toLowerCase().replace(/\s+/g, ' ').trim();
const KOLOMMEN_NORMAAL = NOTULEN_KOLOMMEN.map((k) => k.toLowerCase());
const KOLOMMEN_TEKST = NOTULEN_KOLOMMEN.join(' | ');

/** Whether a table's header is (an attempt at) the matrix table: it starts with the column Actie. */
function isMatrixKop(cellen: string[]): boolean {
  return normaal(cellen[0] ?? '') === 'actie';
}

export function leesNotulen(tekst: string): GelezenNotulen {
  const regels = tekst.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const uit: GelezenNotulen = { kenmerk: null, aanwezig: [], tabellen: [], verslag: [], fouten: [] };
  const fout = (regel: number, t: string) => uit.fouten.push({ regel, tekst: t });
  let zaak: { nummer: string; regel: number; tabel: boolean } | null = null;
  // The Besproken/Afspraken text: per item (a numbered heading) and per zaak under it.
  let punt: string | null = null;
  const verslag = verslagVerzamelaar();
  let vak: string[] | null = null;
  let inAanwezig = false;
  let markeringGezien = false;
  const eerderGezien = new Map<string, number>();

  for (let i = 0; i < regels.length; i++) {
    const nr = i + 1;
    const regel = regels[i]!;
    const markering = MARKERING.exec(regel.trim());
    if (markering) {
      if (markeringGezien) fout(nr, 'een tweede regel <!-- kvz notulen … -->; een bestand hoort bij één overleg.');
      else uit.kenmerk = kenmerkVan(markering, nr, fout);
      markeringGezien = true;
      continue;
    }
    const kop = KOP.exec(regel);
    if (kop) {
      const titel = kop[2]!;
      inAanwezig = /^aanwezig\b/i.test(titel);
      const z = ZAAK.exec(titel);
      zaak = z ? { nummer: z[1]!, regel: nr, tabel: false } : null;
      // An item: every heading of level 2 but the attendance (its number may have been edited away).
      if (kop[1]!.length <= 2) punt = kop[1]!.length === 2 && !inAanwezig ? ontsnap(titel) : null;
      vak = null;
      continue;
    }
    if (inAanwezig) {
      const v = VINKJE.exec(regel);
      if (v) uit.aanwezig.push({ regel: nr, label: ontsnap(v[2]!), aangevinkt: v[1] !== ' ' });
      continue;
    }
    const vakKop = punt === null ? null : VAK.exec(regel);
    if (vakKop) {
      vak = verslag.vak(punt!, zaak?.nummer ?? null, vakKop[1]!.toLowerCase() === 'besproken' ? 'besproken' : 'afspraken', () => nr);
      vak.push(vakKop[2]!);
      continue;
    }
    if (NA_VAKKEN.has(regel.trim())) vak = null;
    if (!isTabelBegin(regel, regels[i + 1])) {
      vak?.push(regel);
      continue;
    }
    vak = null;

    // A table: its header, an optional separator, then rows up to the first blank line or line without a pipe.
    const kopCellen = cellenVan(regel);
    let j = i + 1;
    while (j < regels.length && regels[j]!.trim() !== '' && PIJP.test(regels[j]!)) j++;
    const rijRegels = regels.slice(i + 1, j).map((r, k) => ({ nr: i + 2 + k, r }));
    i = j - 1;
    if (!isMatrixKop(kopCellen) && !zaak) continue;
    if (!zaak) {
      fout(nr, `deze tabel staat niet onder de kop van een zaak (### Z-…); zet haar terug onder haar zaak.`);
      continue;
    }
    if (kopCellen.length !== NOTULEN_KOLOMMEN.length || kopCellen.some((c, k) => normaal(c) !== KOLOMMEN_NORMAAL[k])) {
      fout(nr, `de kolommen van de tabel bij ${zaak.nummer} zijn gewijzigd; verwacht: | ${KOLOMMEN_TEKST} |.`);
      continue;
    }
    if (zaak.tabel) {
      fout(nr, `een tweede tabel bij ${zaak.nummer}; zet alles voor deze zaak in één tabel.`);
      continue;
    }
    const sleutel = zaak.nummer.toUpperCase().replace(/^Z-?(\d{4})-?0*(\d+)$/, '$1-$2');
    const eerder = eerderGezien.get(sleutel);
    if (eerder !== undefined) {
      fout(nr, `zaak ${zaak.nummer} heeft al een tabel op regel ${eerder}; zet alles voor deze zaak in één tabel.`);
      continue;
    }
    eerderGezien.set(sleutel, nr);
    zaak.tabel = true;
    const tabel: ZaakTabel = { zaak: zaak.nummer, kopRegel: zaak.regel, regel: nr, rijen: [] };
    for (const { nr: rn, r } of rijRegels) {
      if (SCHEIDING.test(r.trim())) continue;
      const cellen = cellenVan(r);
      if (cellen.length > NOTULEN_KOLOMMEN.length) {
        fout(rn, `deze rij heeft ${cellen.length} cellen in plaats van ${NOTULEN_KOLOMMEN.length}; schrijf een | in een cel als \\|.`);
        continue;
      }
      while (cellen.length < NOTULEN_KOLOMMEN.length) cellen.push('');
      tabel.rijen.push({ regel: rn, cellen });
    }
    uit.tabellen.push(tabel);
  }
  uit.verslag = verslag.klaar();
  if (!markeringGezien) {
    fout(1, 'de regel <!-- kvz notulen <soort> <datum> db:… --> ontbreekt; dit is geen notulenbestand van kvz notulen (of die regel is verwijderd).');
  }
  return uit;
}

function kenmerkVan(m: RegExpExecArray, nr: number, fout: (regel: number, t: string) => void): Kenmerk | null {
  const soort = m[1]!.toLowerCase();
  if (!(OVERLEG_SOORTEN as readonly string[]).includes(soort) || !isDatum(m[2]!)) {
    fout(nr, 'de regel <!-- kvz notulen … --> is gewijzigd; zet haar terug zoals kvz notulen haar schreef.');
    return null;
  }
  return { soort: soort as OverlegSoort, datum: m[2]!, database: m[3]! };
}
