/** Laying text out in a terminal: the width to use, wrapping, and the room left for a flexible column. */
import type { Context } from './context.js';
import { kleuren } from './output.js';

/** The width to lay out for: the terminal's, or 80 when piped (so a saved file reads well in any terminal). */
export function schermBreedte(ctx: Context): number {
  return ctx.io.stdout.isTTY ? Math.max(60, ctx.io.stdout.columns ?? 80) : 80;
}

/**
 * Wraps text at word boundaries to `breedte`: the first line indented by `inspringing` spaces, the
 * lines after it by `vervolg`. Words are never cut.
 */
export function vouw(tekst: string, breedte: number, inspringing: number, vervolg = inspringing): string[] {
  const regels: string[] = [];
  for (const alinea of tekst.split('\n')) {
    let regel = '';
    const pre = () => ' '.repeat(regels.length === 0 ? inspringing : vervolg);
    for (const woord of alinea.split(/\s+/).filter(Boolean)) {
      if (regel && pre().length + regel.length + 1 + woord.length > Math.max(breedte, pre().length + 20)) {
        regels.push(pre() + regel);
        regel = woord;
      } else regel = regel ? `${regel} ${woord}` : woord;
    }
    regels.push(pre() + regel);
  }
  return regels;
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

/**
 * Column widths for `tabel` that give the rest of the screen to one column (a description, a title),
 * at least `minimum` wide; the other columns take what they need. Columns are two spaces apart.
 */
export function vrijeKolom(ctx: Context, kop: string[], rijen: string[][], kolom: number, minimum = 20): (number | null)[] {
  const nodig = kop.map((k, i) => Math.max(k.length, ...rijen.map((r) => (r[i] ?? '').replace(ANSI, '').length)));
  const rest = schermBreedte(ctx) - nodig.reduce((som, b, i) => (i === kolom ? som : som + b), 0) - 2 * (kop.length - 1);
  return kop.map((_, i) => (i === kolom ? Math.max(minimum, rest) : null));
}

/** A path as one shell word, for commands the user may copy: quoted when a shell would read it otherwise. */
export function shellWoord(pad: string): string {
  return /^[\w@%+=:,./-]+$/.test(pad) ? pad : `'${pad.replaceAll("'", `'\\''`)}'`;
}
