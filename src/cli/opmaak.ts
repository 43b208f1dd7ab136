/** Laying text out in a terminal: the width to use, wrapping, and the room left for a flexible column. */
import { vouw } from '../domain/vouw.js';
import type { Context } from './context.js';
import { kleuren } from './output.js';

export { vouw };

/** The width to lay out for: the terminal's, or 80 when piped (so a saved file reads well in any terminal). */
export function schermBreedte(ctx: Context): number {
  return ctx.io.stdout.isTTY ? Math.max(60, ctx.io.stdout.columns ?? 80) : 80;
}


/** Stored text after its label ('Afspraken: …'), indented by `insprong`, wrapped under itself paragraph by paragraph. */
export function gelabeldeTekst(ctx: Context, insprong: number, label: string, tekst: string): string[] {
  const [eerste, ...rest] = vouw(tekst, schermBreedte(ctx), insprong + label.length + 1);
  return [`${' '.repeat(insprong)}${label} ${eerste!.trimStart()}`, ...rest.map((r) => r.trimEnd())];
}

/** 'Label           value', the value wrapped under itself. */
export function veldRegel(ctx: Context, label: string, waarde: string, labelBreedte = 16): string {
  const [eerste, ...rest] = vouw(waarde, schermBreedte(ctx), labelBreedte);
  return [`${kleuren(ctx).bold(label.padEnd(labelBreedte))}${eerste!.trimStart()}`, ...rest].join('\n');
}

const ANSI = /\u001b\[[0-9;]*m/g;
const lengte = (t: string) => [...t.replace(ANSI, '')].length;
const grootste = (waarden: Iterable<number>) => {
  let m = 0;
  for (const w of waarden) if (w > m) m = w;
  return m;
};

/** Per column the width of its longest line, the heading included (colours not counted), measured by `maat`. */
export function natuurlijkeBreedtes(kop: string[], rijen: string[][], maat: (t: string) => number = lengte): number[] {
  return kop.map((k, i) => Math.max(maat(k), grootste(rijen.flatMap((r) => (r[i] ?? '').split('\n').map(maat)))));
}

/**
 * A width no terminal exceeds: a character from U+1100 on (wide Asian script, emoji) counted as two
 * columns, as cli-table3 may count it. Too wide for some, never too narrow: a column this wide is
 * never wrapped or cut short by cli-table3.
 */
export function ruimeBreedte(t: string): number {
  let n = 0;
  for (const c of t.replace(ANSI, '')) n += c.codePointAt(0)! >= 0x1100 ? 2 : 1;
  return n;
}

/**
 * Column widths that fit a terminal of `breedte` columns (#15 item 7), or undefined when the table
 * fits as it is. The widest column gives way first, down to its longest word, so that words wrap
 * whole; only when every column is at its longest word do the widest ones go below it (cli-table3
 * then shortens a word with …), except the first, which names the row. Columns
 * stand two spaces apart. Piped output never gets here: it stays whole, for scripts.
 */
export function passendeBreedtes(breedte: number, kop: string[], rijen: string[][]): number[] | undefined {
  const natuurlijk = natuurlijkeBreedtes(kop, rijen);
  const beschikbaar = breedte - 2 * (kop.length - 1);
  let teVeel = natuurlijk.reduce((a, b) => a + b, 0) - beschikbaar;
  if (teVeel <= 0) return undefined;
  const langsteWoord = kop.map((k, i) =>
    Math.min(natuurlijk[i]!, grootste([k, ...rijen.map((r) => r[i] ?? '')].flatMap((c) => c.replace(ANSI, '').split(/\s+/)).map((w) => [...w].length))),
  );
  const b = [...natuurlijk];
  // The first column names the row (a number, a date): it keeps its longest word whatever happens.
  for (const ondergrens of [langsteWoord, kop.map((_, i) => (i === 0 ? langsteWoord[0]! : Math.min(8, langsteWoord[i]!)))]) {
    while (teVeel > 0) {
      let breedste = -1;
      for (let i = 0; i < b.length; i++) if (b[i]! > ondergrens[i]! && (breedste < 0 || b[i]! > b[breedste]!)) breedste = i;
      if (breedste < 0) break;
      b[breedste]!--;
      teVeel--;
    }
  }
  return b;
}

export { shellWoord } from '../domain/shell.js';
