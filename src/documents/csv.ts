/**
 * CSV for spreadsheets, built with csv-stringify. Two formats:
 *   excel (default): UTF-8 with BOM, ';' between cells, CRLF — Dutch Excel opens it by double-click;
 *   csv: RFC 4180 — ',' between cells, CRLF, no BOM.
 * Cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a leading
 * apostrophe. Pure formatting, no I/O: cli/csv-uitvoer.ts writes the text out in batches.
 */
import { stringify, type Options } from 'csv-stringify/sync';
import { datumKort, plusDagen, tijdstipKort, tijdVan, type Datum } from '../domain/tijd.js';

export const CSV_FORMATEN = ['excel', 'csv'] as const;
export type CsvFormaat = (typeof CSV_FORMATEN)[number];

/** One cell as a command hands it over: text, a number, or empty. */
export type Cel = string | number | null | undefined;

const SCHEIDING: Record<CsvFormaat, string> = { excel: ';', csv: ',' };

/** = + - @ tab CR, and the full-width = + - @ that some spreadsheets read as their ASCII twins. */
function isFormuleBegin(teken: number): boolean {
  return (
    teken === 0x3d || teken === 0x2b || teken === 0x2d || teken === 0x40 || teken === 0x09 || teken === 0x0d ||
    teken === 0xff1d || teken === 0xff0b || teken === 0xff0d || teken === 0xff20
  );
}

/** A cell a spreadsheet would evaluate as a formula becomes plain text: `=1+1` → `'=1+1`. */
export function neutraliseer(cel: string): string {
  return isFormuleBegin(cel.charCodeAt(0)) ? `'${cel}` : cel;
}

/** Whether `cel` is a neutralised cell (import takes the apostrophe off again). */
export function isGeneutraliseerd(cel: string): boolean {
  return cel.charCodeAt(0) === 0x27 && isFormuleBegin(cel.charCodeAt(1));
}

/*
 * Speed. csv-stringify checks every cell against every separator; with the two-character record
 * delimiter CRLF that check builds a new string per cell and costs a third of the run (an export
 * of 200,000 matrix rows must stay within 3x `sqlite3 -csv`). So rows are stringified with a
 * one-character '\n' between records, while a line break inside a cell is first swapped for a
 * private-use character that `quoted_match` quotes; afterwards every '\n' left is a record end and
 * becomes CRLF, and the swapped character becomes '\n' again. A batch in which some cell already
 * holds that character takes the plain route (CRLF as csv-stringify's own record delimiter).
 * `quote_record_delimiter` stays on in both: a bare '\n' or '\r' in a cell is always quoted
 * (upstream adaltas/node-csv #467 leaves a bare '\n' unquoted when the delimiter is CRLF).
 */
const REGELEINDE_IN_CEL = '\uE000';
let plaatshouderGezien = false;

function celSnel(waarde: string): string {
  const cel = neutraliseer(waarde);
  if (cel.indexOf(REGELEINDE_IN_CEL) !== -1) plaatshouderGezien = true;
  return cel.indexOf('\n') === -1 ? cel : cel.replaceAll('\n', REGELEINDE_IN_CEL);
}

function optiesVoor(formaat: CsvFormaat): { snel: Options; gewoon: Options } {
  const basis = { delimiter: SCHEIDING[formaat], quote_record_delimiter: true, eof: true } satisfies Options;
  return {
    snel: { ...basis, record_delimiter: '\n', quoted_match: REGELEINDE_IN_CEL, cast: { string: celSnel } },
    gewoon: { ...basis, record_delimiter: '\r\n', cast: { string: neutraliseer } },
  };
}

const OPTIES: Record<CsvFormaat, { snel: Options; gewoon: Options }> = {
  excel: optiesVoor('excel'),
  csv: optiesVoor('csv'),
};

/** Rows through csv-stringify; every record ends in CRLF. */
function viaStringify(rijen: readonly (readonly Cel[])[], formaat: CsvFormaat): string {
  const opties = OPTIES[formaat];
  plaatshouderGezien = false;
  const snel = stringify(rijen as Cel[][], opties.snel);
  if (plaatshouderGezien) return stringify(rijen as Cel[][], opties.gewoon);
  return snel.replaceAll('\n', '\r\n').replaceAll(REGELEINDE_IN_CEL, '\n');
}

/*
 * Most rows hold nothing to quote or neutralise; for those csv-stringify's output is exactly the
 * cells joined by the separator, so they are joined directly (test/documents/csv.test.ts checks
 * that this gives the same bytes as csv-stringify). Every row with a cell that needs quoting or
 * neutralising goes through csv-stringify. Set to false to send every row through it (about 2x
 * slower: see the report in the export branch).
 */
const GEWONE_RIJEN_DIRECT = true;

const BIJZONDER: Record<CsvFormaat, RegExp> = { excel: /[;"\r\n]/, csv: /[,"\r\n]/ };

function isGewoon(rij: readonly Cel[], bijzonder: RegExp): boolean {
  for (let i = 0; i < rij.length; i++) {
    const cel = rij[i];
    if (typeof cel === 'string' && (isFormuleBegin(cel.charCodeAt(0)) || bijzonder.test(cel))) return false;
  }
  return true;
}

/** Rows as CSV text; every record ends in CRLF. */
export function csvRegels(rijen: readonly (readonly Cel[])[], formaat: CsvFormaat): string {
  if (!GEWONE_RIJEN_DIRECT) return viaStringify(rijen, formaat);
  const scheiding = SCHEIDING[formaat];
  const bijzonder = BIJZONDER[formaat];
  let uit = '';
  let begin = 0;
  for (let i = 0; i < rijen.length; i++) {
    const rij = rijen[i]!;
    if (isGewoon(rij, bijzonder)) {
      if (begin < i) uit += viaStringify(rijen.slice(begin, i), formaat);
      uit += `${rij.join(scheiding)}\r\n`;
      begin = i + 1;
    }
  }
  if (begin < rijen.length) uit += viaStringify(rijen.slice(begin), formaat);
  return uit;
}

/** The start of the file: the byte-order mark for excel, then the header row. */
export function csvKop(kop: readonly string[], formaat: CsvFormaat): string {
  return (formaat === 'excel' ? '\uFEFF' : '') + csvRegels([kop], formaat);
}

/*
 * Dates and times in cells. Dutch Excel reads '16-03-2027' and '16-03-2027 09:30' as a date and a
 * date-time; the csv format is for other programs and any locale, so it uses the ISO order
 * '2027-03-16 09:30'. Both show the Amsterdam wall clock, never UTC.
 */
export function datumCel(datum: Datum | null, formaat: CsvFormaat): string {
  if (!datum) return '';
  return formaat === 'excel' ? datumKort(datum) : datum;
}

export function tijdstipCel(iso: string | null, formaat: CsvFormaat): string {
  if (!iso) return '';
  // The stored form 2027-03-16T08:30:00.000Z: shift the UTC hour by the day's offset.
  const dag = iso.length === 24 && iso.charCodeAt(23) === 0x5a ? utcDag(iso.slice(0, 10), formaat) : null;
  if (dag === null) return langzaam(iso, formaat);
  const uur = (iso.charCodeAt(11) - 48) * 10 + iso.charCodeAt(12) - 48 + dag.offset;
  return uur < 24 ? `${dag.vandaag} ${uur < 10 ? '0' : ''}${uur}${iso.slice(13, 16)}` : `${dag.morgen} 0${uur - 24}${iso.slice(13, 16)}`;
}

function langzaam(iso: string, formaat: CsvFormaat): string {
  const kort = tijdstipKort(new Date(iso));
  return formaat === 'excel' ? kort : `${kort.slice(6, 10)}-${kort.slice(3, 5)}-${kort.slice(0, 2)}${kort.slice(10)}`;
}

/*
 * An export converts a timestamp per row (200,000 in the matrix), and a Date per cell costs more
 * than the CSV itself. Per UTC day the Amsterdam offset is one number, except on the two days a
 * year the clocks change, which take the slow route. The days seen are remembered.
 */
interface UtcDag {
  offset: number;
  vandaag: string;
  morgen: string;
}

const utcDagen: Record<CsvFormaat, Map<string, UtcDag | null>> = { excel: new Map(), csv: new Map() };

function utcDag(datum: Datum, formaat: CsvFormaat): UtcDag | null {
  const dagen = utcDagen[formaat];
  let dag = dagen.get(datum);
  if (dag === undefined) {
    const begin = Number(tijdVan(new Date(`${datum}T00:00:00Z`)).slice(0, 2));
    const eind = Number(tijdVan(new Date(`${datum}T23:00:00Z`)).slice(0, 2)) + 1;
    dag = begin !== eind % 24 ? null : { offset: begin, vandaag: datumCel(datum, formaat), morgen: datumCel(plusDagen(datum, 1), formaat) };
    if (dagen.size > 100_000) dagen.clear();
    dagen.set(datum, dag);
  }
  return dag;
}

export function jaNeeCel(waarde: boolean | number): string {
  return waarde ? 'ja' : 'nee';
}

/** Dutch area codes of three digits (with the 0); every other fixed-line code has four. */
const NETNUMMER_3 = new Set([
  '010', '013', '015', '020', '023', '024', '026', '030', '033', '035', '036', '038', '040', '043', '045', '046', '050', '053',
  '055', '058', '070', '071', '072', '073', '074', '075', '076', '077', '078', '079', '084', '085', '087', '088', '091', '097',
]);

/**
 * A phone number for the `excel` format, in the grouped form a spreadsheet keeps as text (SPEC §9):
 * `06-12345678`, `020-1234567`, `0229-123456`. A double-click on the CSV would otherwise make
 * 0612345678 the number 612345678. Other numbers (+31…, short ones) go as they were typed.
 */
export function telefoonCel(telefoon: string | null | undefined, formaat: CsvFormaat): string {
  if (!telefoon) return '';
  if (formaat !== 'excel') return telefoon;
  const cijfers = telefoon.replace(/[\s()-]/g, '');
  if (!/^0\d{9}$/.test(cijfers)) return telefoon;
  const kengetal = cijfers.startsWith('06') ? 2 : NETNUMMER_3.has(cijfers.slice(0, 3)) ? 3 : 4;
  return `${cijfers.slice(0, kengetal)}-${cijfers.slice(kengetal)}`;
}
