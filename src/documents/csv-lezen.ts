/**
 * Reading CSV as spreadsheets write it (RFC 4180): quoted fields, doubled quotes, line breaks
 * inside quotes, CRLF or LF (or a lone CR) between records, a byte-order mark, and ';' or ','
 * between cells — whichever the header row uses. Every record keeps the line number where it
 * starts, so that an error can name the line a user sees in an editor.
 */
import { isUtf8 } from 'node:buffer';
import { UsageError } from '../domain/errors.js';

export type Scheiding = ';' | ',';

export interface CsvTabel {
  scheiding: Scheiding;
  /** The records, header first. Records whose cells are all empty are left out. */
  rijen: string[][];
  /** For each record, the line (1-based) on which it starts. */
  regels: number[];
}

const AANHALING = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** The separator of the first record: the one of ';' and ',' that occurs more often outside quotes. */
export function herkenScheiding(tekst: string): Scheiding {
  let puntkomma = 0;
  let komma = 0;
  let binnen = false;
  for (let i = 0; i < tekst.length; i++) {
    const c = tekst.charCodeAt(i);
    if (c === AANHALING) binnen = !binnen;
    else if (binnen) continue;
    else if (c === LF || c === CR) break;
    else if (c === 0x3b) puntkomma++;
    else if (c === 0x2c) komma++;
  }
  return komma > puntkomma ? ',' : ';';
}

/** Parses `tekst` (a BOM at the start is skipped); the separator is detected unless given. */
export function leesCsv(invoer: string, gegeven?: Scheiding): CsvTabel {
  const rijen: string[][] = [];
  const regels: number[] = [];
  const scheiding = elkeRij(invoer, gegeven, (rij, regel) => {
    rijen.push(rij);
    regels.push(regel);
  });
  return { scheiding, rijen, regels };
}

/**
 * Hands each record of `tekst` whose cells are not all empty to `doe`, with the line on which it
 * starts and where it lies in the text without its BOM (`zonderBom`, from `van` up to `tot`):
 * `leesCsv(zonderBom.slice(van, tot), scheiding)` reads it again. Returns the separator.
 *
 * `alleen`, once `doe` sets it (after the header, say), names the only cells to be taken out of the
 * text from then on; the others are handed on as '' (a record is still left out only when all its
 * cells are empty). A first pass that needs one column then does not make a string of every cell (#14).
 */
export function elkeRij(
  invoer: string,
  gegeven: Scheiding | undefined,
  doe: (rij: string[], regel: number, van: number, tot: number) => void,
  alleen?: { kolommen?: readonly boolean[] },
): Scheiding {
  const tekst = zonderBom(invoer);
  const scheiding = gegeven ?? herkenScheiding(tekst);
  const sep = scheiding.charCodeAt(0);
  const n = tekst.length;
  let i = 0;
  let regel = 1;
  let rij: string[] = [];
  let rijRegel = 1;
  let rijVan = 0;
  /** Whether a cell of this record is not empty (with `alleen`, the cells handed on may not show it). */
  let gevuld = false;
  while (i < n) {
    let waarde: string;
    const kolommen = alleen?.kolommen;
    const nemen = kolommen === undefined || kolommen[rij.length] === true;
    if (tekst.charCodeAt(i) === AANHALING) {
      const beginRegel = regel;
      // Find the closing quote first (a doubled one is part of the text), then take the field in one
      // piece: each character is looked at a bounded number of times, however the quotes fall.
      let j = i + 1;
      let dubbel = false;
      let k = tekst.indexOf('"', j);
      for (; k !== -1 && tekst.charCodeAt(k + 1) === AANHALING; k = tekst.indexOf('"', j)) {
        dubbel = true;
        j = k + 2;
      }
      if (k === -1) {
        throw new UsageError(`Regel ${beginRegel}: een veld dat met een aanhalingsteken (") begint, wordt nergens afgesloten.`);
      }
      waarde = !nemen ? '' : dubbel ? tekst.slice(i + 1, k).replaceAll('""', '"') : tekst.slice(i + 1, k);
      if (k > i + 1) gevuld = true;
      regel += telRegeleinden(tekst, i + 1, k);
      i = k + 1;
      const na = tekst.charCodeAt(i);
      if (i < n && na !== sep && na !== CR && na !== LF) {
        throw new UsageError(
          `Regel ${regel}: na een afsluitend aanhalingsteken hoort '${scheiding}' of een regeleinde; schrijf een aanhalingsteken in een veld dubbel ("").`,
        );
      }
    } else {
      let j = i;
      while (j < n) {
        const c = tekst.charCodeAt(j);
        if (c === sep || c === CR || c === LF) break;
        j++;
      }
      if (j > i) gevuld = true;
      waarde = nemen ? tekst.slice(i, j) : '';
      i = j;
    }
    rij.push(waarde);
    const c = tekst.charCodeAt(i);
    if (c === sep) {
      i++;
      // A separator at the very end still opens one last, empty cell.
      if (i === n) rij.push('');
      continue;
    }
    const rijTot = i;
    if (c === CR) i += tekst.charCodeAt(i + 1) === LF ? 2 : 1;
    else if (c === LF) i++;
    if (gevuld) doe(rij, rijRegel, rijVan, rijTot);
    regel++;
    rij = [];
    gevuld = false;
    rijRegel = regel;
    rijVan = i;
  }
  if (gevuld) doe(rij, rijRegel, rijVan, n);
  return scheiding;
}

/** The text without a byte-order mark at its start. */
export function zonderBom(tekst: string): string {
  return tekst.charCodeAt(0) === 0xfeff ? tekst.slice(1) : tekst;
}

/** The line ends in tekst[van, tot): looks only there, so the whole file is read once however its quotes fall. */
function telRegeleinden(tekst: string, van: number, tot: number): number {
  let aantal = 0;
  for (let k = van; k < tot; k++) if (tekst.charCodeAt(k) === LF) aantal++;
  return aantal;
}

/**
 * A file's bytes as text, without a byte-order mark: UTF-8 (with or without BOM), or — when the bytes
 * are not valid UTF-8, as with "CSV (gescheiden door lijstscheidingsteken)" from older Dutch Excel —
 * Windows-1252. The BOM is left out of the bytes before decoding, not cut from the text after: with
 * U+FEFF in it, V8 holds the whole text and every cell sliced from it at two bytes per character, which
 * made decoding, splitting, handing rows between threads and binding them to SQLite slower (#14).
 */
export function decodeerCsv(bytes: Uint8Array): { tekst: string; codering: 'utf-8' | 'windows-1252' } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const inhoud = Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.byteLength - bom);
  return isUtf8(inhoud) ? { tekst: inhoud.toString('utf8'), codering: 'utf-8' } : { tekst: windows1252(inhoud), codering: 'windows-1252' };
}

// Windows-1252 is Latin-1 except for 0x80–0x9F (€, ‘ ’ “ ” …). Node's TextDecoder reads the label
// 'windows-1252' as plain Latin-1, so those bytes are mapped here.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function windows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]!);
}
