/**
 * Word documents (SPEC §9) with the `docx` library: A4, the municipality's plain look, a running
 * header with the meeting and its date, `pagina X van Y` in the footer, and on every page of a
 * politie document `VERTROUWELIJK — alleen voor het politieoverleg`. Tables get fixed column widths
 * worked out from their content, so numbers and dates (`A-2027-0058`, `16-03-2027`) are never broken
 * mid-word: a column is at least as wide as its longest unbreakable word. Cells to fill in are
 * bordered and lightly shaded.
 *
 * The content comes from the same blocks as the Markdown (documents/agenda-inhoud.ts); `uitMarkdown`
 * reads the small part of Markdown those blocks use (paragraphs, **bold**, `code`, pipe tables,
 * lists, fenced text) into Word paragraphs and tables.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { ontsnap } from './markdown.js';

/** A4 in twentieths of a point, with margins of 1.8 cm. */
const PAGINA = { breedte: 11906, hoogte: 16838, marge: 1021 };
export const TEKSTBREEDTE = PAGINA.breedte - 2 * PAGINA.marge;
/**
 * Text is Arial (Liberation Sans where Arial is missing: the same widths); table text is 9 pt, in which
 * a digit is 5 pt wide and few letters are wider.
 */
const PER_TEKEN = 100;
/** Left and right cell margins together, and a little air. */
const CELRAND = 220;
const TABEL_PT = 18; // half-points: 9 pt

export type Blok = Paragraph | Table;

const DUN = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const RANDEN = { top: DUN, bottom: DUN, left: DUN, right: DUN, insideHorizontal: DUN, insideVertical: DUN };
const INVUL_RAND = { style: BorderStyle.SINGLE, size: 8, color: '1F4E79' };
const INVUL_SCHADUW = { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF8DC' };
const KOP_SCHADUW = { type: ShadingType.CLEAR, color: 'auto', fill: 'DDE5F0' };

/** Text with **bold** and `code` spans as runs; Markdown escapes taken off. */
export function runs(tekst: string, basis: { size?: number; bold?: boolean } = {}): TextRun[] {
  const uit: TextRun[] = [];
  const re = /\*\*(.+?)\*\*|`([^`]+)`/g;
  let vanaf = 0;
  for (let m = re.exec(tekst); m !== null; m = re.exec(tekst)) {
    if (m.index > vanaf) uit.push(new TextRun({ text: ontsnap(tekst.slice(vanaf, m.index)), ...basis }));
    if (m[1] !== undefined) uit.push(new TextRun({ text: ontsnap(m[1]), ...basis, bold: true }));
    else uit.push(new TextRun({ text: m[2]!, ...basis, font: 'Courier New' }));
    vanaf = m.index + m[0].length;
  }
  if (vanaf < tekst.length) uit.push(new TextRun({ text: ontsnap(tekst.slice(vanaf)), ...basis }));
  return uit;
}

export function alinea(tekst: string, opties: { vet?: boolean; na?: number } = {}): Paragraph {
  return new Paragraph({ children: runs(tekst, opties.vet ? { bold: true } : {}), spacing: { after: opties.na ?? 120 } });
}

export function kop(niveau: 1 | 2 | 3, tekst: string): Paragraph {
  const level = niveau === 1 ? HeadingLevel.HEADING_1 : niveau === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  return new Paragraph({ heading: level, children: [new TextRun({ text: tekst })], keepNext: true });
}

/** The longest run of characters a line may not be broken in (a word; a number with its hyphens). */
function langsteWoord(tekst: string): number {
  let max = 0;
  for (const w of tekst.split(/\s+/)) if (w.length > max) max = w.length;
  return max;
}

/**
 * Column widths that fit the text width: each column at least its longest word (so nothing is broken
 * mid-word), the rest of the width shared out by how much more each column would like.
 */
export function kolomBreedtes(kop: readonly string[], rijen: readonly (readonly string[])[], minimum: readonly number[] = []): number[] {
  const min = kop.map((k, i) => {
    // The header is bold: its letters are wider.
    let w = Math.max(Math.ceil(langsteWoord(k) * 1.15), minimum[i] ?? 0);
    for (const r of rijen) w = Math.max(w, langsteWoord(r[i] ?? ''));
    return w * PER_TEKEN + CELRAND;
  });
  const wens = kop.map((k, i) => {
    let w = Math.max(k.length, minimum[i] ?? 0);
    for (const r of rijen) w = Math.max(w, (r[i] ?? '').length);
    return Math.max(min[i]!, Math.min(w, 60) * PER_TEKEN + CELRAND);
  });
  const somMin = min.reduce((a, b) => a + b, 0);
  const somWens = wens.reduce((a, b) => a + b, 0);
  if (somWens <= TEKSTBREEDTE) {
    // Room to spare: the columns that hold running text get it.
    const over = TEKSTBREEDTE - somWens;
    const vrij = wens.map((w, i) => w - min[i]!);
    const somVrij = vrij.reduce((a, b) => a + b, 0);
    return wens.map((w, i) => Math.floor(w + (somVrij > 0 ? (over * vrij[i]!) / somVrij : over / wens.length)));
  }
  if (somMin >= TEKSTBREEDTE) return min.map((m) => Math.floor((m * TEKSTBREEDTE) / somMin));
  const over = TEKSTBREEDTE - somMin;
  const extra = wens.map((w, i) => w - min[i]!);
  const somExtra = extra.reduce((a, b) => a + b, 0);
  return min.map((m, i) => Math.floor(m + (over * extra[i]!) / somExtra));
}

export interface TabelOpties {
  /** Column indexes whose cells are filled in at the meeting. */
  invulKolommen?: readonly number[];
  /** Rows (indexes into `rijen`) that are filled in entirely (new acties). */
  invulRijen?: readonly number[];
  /** Least width of a column, in characters (a date to be typed). */
  minimum?: readonly number[];
  rechts?: readonly boolean[];
}

function cel(tekst: string, breedte: number, opties: { kop?: boolean; invul?: boolean; rechts?: boolean }): TableCell {
  return new TableCell({
    width: { size: breedte, type: WidthType.DXA },
    children: [new Paragraph({
      children: runs(tekst, { size: TABEL_PT, ...(opties.kop ? { bold: true } : {}) }),
      ...(opties.rechts ? { alignment: AlignmentType.RIGHT } : {}),
    })],
    ...(opties.kop ? { shading: KOP_SCHADUW } : {}),
    ...(opties.invul ? { shading: INVUL_SCHADUW, borders: { top: INVUL_RAND, bottom: INVUL_RAND, left: INVUL_RAND, right: INVUL_RAND } } : {}),
    margins: { left: 100, right: 100, top: 30, bottom: 30 },
  });
}

/** A table whose header repeats on every page and whose rows are never split over two pages. */
export function tabel(kop: readonly string[], rijen: readonly (readonly string[])[], opties: TabelOpties = {}): Table {
  const breedtes = kolomBreedtes(kop, rijen, opties.minimum);
  const invulKolom = new Set(opties.invulKolommen ?? []);
  const invulRij = new Set(opties.invulRijen ?? []);
  return new Table({
    width: { size: breedtes.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: breedtes,
    layout: TableLayoutType.FIXED,
    borders: RANDEN,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: kop.map((k, i) => cel(k, breedtes[i]!, { kop: true })) }),
      ...rijen.map((r, j) => new TableRow({
        cantSplit: true,
        children: kop.map((_, i) => cel(r[i] ?? '', breedtes[i]!, { invul: invulKolom.has(i) || (invulRij.has(j) && i > 0), rechts: opties.rechts?.[i] === true })),
      })),
    ],
  });
}

/** A full-width table of two columns: labels on the left, as wide as the longest label. */
function labelTabel(labels: readonly string[], rij: (label: string, i: number, breedtes: readonly number[]) => TableRow): Table {
  const links = Math.max(...labels.map((l) => l.length)) * PER_TEKEN + CELRAND + 200;
  const breedtes = [links, TEKSTBREEDTE - links];
  return new Table({
    width: { size: TEKSTBREEDTE, type: WidthType.DXA },
    columnWidths: breedtes,
    layout: TableLayoutType.FIXED,
    borders: RANDEN,
    rows: labels.map((l, i) => rij(l, i, breedtes)),
  });
}

/** Label-and-value rows without a header (the facts of a meeting). */
export function feitenTabel(paren: readonly (readonly [string, string])[]): Table {
  return labelTabel(paren.map(([k]) => k), (k, i, b) =>
    new TableRow({ cantSplit: true, children: [cel(k, b[0]!, { kop: true }), cel(paren[i]![1], b[1]!, {})] }));
}

/**
 * Bordered boxes to write in: one row per label (Besproken, Afspraken), the label on the left,
 * the space to write on the right. `notulen verwerk` reads them back by their label.
 */
export function invulVakken(labels: readonly string[]): Table {
  return labelTabel(labels, (l, _i, b) =>
    new TableRow({ height: { value: 600, rule: 'atLeast' }, children: [cel(l, b[0]!, { kop: true }), cel('', b[1]!, { invul: true })] }));
}

function isTabelRegel(r: string): boolean {
  return r.startsWith('|') && r.trimEnd().endsWith('|');
}

function tabelCellen(r: string): string[] {
  // Split on bars that are not escaped; the cells keep their escapes for `runs` to take off.
  const binnen = r.trim().slice(1, -1);
  const cellen: string[] = [];
  let huidig = '';
  for (let i = 0; i < binnen.length; i++) {
    const t = binnen[i]!;
    if (t === '\\' && i + 1 < binnen.length) {
      huidig += t + binnen[i + 1]!;
      i++;
    } else if (t === '|') {
      cellen.push(huidig.trim());
      huidig = '';
    } else huidig += t;
  }
  cellen.push(huidig.trim());
  return cellen;
}

/** The Markdown of a text block as Word paragraphs and tables. */
export function uitMarkdown(regels: readonly string[]): Blok[] {
  const uit: Blok[] = [];
  let i = 0;
  while (i < regels.length) {
    const r = regels[i]!;
    if (r.trim() === '') {
      i++;
    } else if (r.startsWith('```')) {
      const vak: string[] = [];
      for (i++; i < regels.length && !regels[i]!.startsWith('```'); i++) vak.push(regels[i]!);
      i++;
      uit.push(...vak.map((v, k) => new Paragraph({
        children: [new TextRun({ text: v, font: 'Courier New', size: TABEL_PT })],
        spacing: { after: k === vak.length - 1 ? 120 : 0 },
        keepLines: true,
        keepNext: k < vak.length - 1,
      })));
    } else if (isTabelRegel(r)) {
      const blok: string[] = [];
      for (; i < regels.length && isTabelRegel(regels[i]!); i++) blok.push(regels[i]!);
      const [kopRegel, scheiding, ...rest] = blok;
      const rechts = tabelCellen(scheiding ?? '').map((c) => c.endsWith(':'));
      uit.push(tabel(tabelCellen(kopRegel!), rest.map(tabelCellen), { rechts }), new Paragraph({ spacing: { after: 60 }, children: [] }));
    } else if (/^(- |\d+\. )/.test(r)) {
      for (; i < regels.length && /^(- |\d+\. )/.test(regels[i]!); i++) {
        const m = regels[i]!.match(/^(- |\d+\. )(.*)$/)!;
        const teken = m[1] === '- ' ? '•' : m[1]!.trim();
        uit.push(new Paragraph({ children: [new TextRun({ text: `${teken}\t` }), ...runs(m[2]!)], indent: { left: 425, hanging: 425 }, spacing: { after: 40 } }));
      }
    } else {
      const alineaRegels: string[] = [];
      for (; i < regels.length && regels[i]!.trim() !== '' && !isTabelRegel(regels[i]!) && !regels[i]!.startsWith('```'); i++) alineaRegels.push(regels[i]!);
      uit.push(alinea(alineaRegels.join(' ')));
    }
  }
  return uit;
}

export interface WordOpties {
  /** Title in the document's properties. */
  titel: string;
  /** The running header: the meeting and its date. */
  koptekst: string;
  /** On every page of a politie document. */
  vertrouwelijk: boolean;
  /** Small text left in the footer (the identity of a minutes file). */
  kenmerk?: string;
  /** Custom document properties (docProps/custom.xml). */
  eigenschappen?: Readonly<Record<string, string>>;
}

export const VERTROUWELIJK = 'VERTROUWELIJK — alleen voor het politieoverleg';

export async function wordBestand(opties: WordOpties, inhoud: readonly Blok[]): Promise<Buffer> {
  const koptekst: Paragraph[] = [];
  if (opties.vertrouwelijk) {
    koptekst.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: VERTROUWELIJK, bold: true, color: 'C00000', size: 20 })] }));
  }
  koptekst.push(new Paragraph({
    alignment: AlignmentType.RIGHT,
    border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '808080', space: 2 } },
    children: [new TextRun({ text: opties.koptekst, size: 16, color: '404040' })],
  }));
  const voet: Paragraph[] = [];
  if (opties.vertrouwelijk) {
    voet.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: VERTROUWELIJK, bold: true, color: 'C00000', size: 16 })] }));
  }
  voet.push(new Paragraph({
    tabStops: [{ type: 'right', position: TEKSTBREEDTE }],
    children: [
      new TextRun({ text: opties.kenmerk ?? '', size: 14, color: '808080' }),
      new TextRun({ children: ['\tpagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES], size: 16 }),
    ],
  }));
  const doc = new Document({
    creator: 'kvz — Integrale Veiligheid Koggenland',
    title: opties.titel,
    customProperties: Object.entries(opties.eigenschappen ?? {}).map(([name, value]) => ({ name, value })),
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 20 }, paragraph: { spacing: { after: 120 } } },
        heading1: { run: { font: 'Arial', size: 32, bold: true, color: '1F4E79' }, paragraph: { spacing: { before: 0, after: 200 } } },
        heading2: { run: { font: 'Arial', size: 26, bold: true, color: '1F4E79' }, paragraph: { spacing: { before: 280, after: 120 } } },
        heading3: { run: { font: 'Arial', size: 22, bold: true }, paragraph: { spacing: { before: 200, after: 80 } } },
      },
    },
    sections: [{
      properties: { page: { size: { width: PAGINA.breedte, height: PAGINA.hoogte }, margin: { top: PAGINA.marge, bottom: PAGINA.marge, left: PAGINA.marge, right: PAGINA.marge, header: 567, footer: 567 } } },
      headers: { default: new Header({ children: koptekst }) },
      footers: { default: new Footer({ children: voet }) },
      children: [...inhoud],
    }],
  });
  return Packer.toBuffer(doc);
}
