/**
 * Plain Markdown for documents that are read in a terminal and converted to Word with pandoc: ATX
 * headings, GFM pipe tables (aligned, so the raw text reads well too), lists and checkboxes, no HTML.
 * Text from the database is escaped, so a title cannot turn into markup, and un-escaped on reading.
 */

// CommonMark's backslash escapes: the characters that can start markup inside a line.
const ACTIEF = /[\\`*_[\]<>|#~]/g;
const BIJZONDER = /[\\`*_[\]<>|#~\r\n\t]/;

/** Text from the database as inline Markdown: one line, markup characters escaped. */
export function inline(tekst: string): string {
  if (!BIJZONDER.test(tekst)) return tekst;
  return tekst.replace(/\s*[\r\n\t]+\s*/g, ' ').replace(ACTIEF, (t) => `\\${t}`);
}

/** The text a Markdown cell or line means: backslash escapes of ASCII punctuation removed. */
export function ontsnap(tekst: string): string {
  return tekst.includes('\\') ? tekst.replace(/\\([!-/:-@[-`{-~])/g, '$1') : tekst;
}

/**
 * A pipe table with its columns padded to one width (UTF-16 length: the bar-chart blocks and
 * accented letters count one; an emoji may shift a border, which Markdown does not mind). Cells are
 * taken as given (escape them with `inline`); `rechts` right-aligns a column (numbers).
 */
export function mdTabel(kop: readonly string[], rijen: readonly (readonly string[])[], rechts: readonly boolean[] = []): string[] {
  const breedtes = kop.map((k, i) => {
    let b = Math.max(3, k.length);
    for (const r of rijen) if ((r[i] ?? '').length > b) b = r[i]!.length;
    return b;
  });
  // Joined rather than concatenated: one flat string per line, not a rope of pieces that outlives it.
  const delen: string[] = [];
  const regel = (cellen: readonly string[]) => {
    delen.length = 0;
    for (let i = 0; i < breedtes.length; i++) {
      const cel = cellen[i] ?? '';
      delen.push(rechts[i] ? cel.padStart(breedtes[i]!) : cel.padEnd(breedtes[i]!));
    }
    return `| ${delen.join(' | ')} |`;
  };
  const scheiding = `|${breedtes.map((b, i) => (rechts[i] ? `${'-'.repeat(b + 1)}:` : '-'.repeat(b + 2))).join('|')}|`;
  const uit = [regel(kop), scheiding];
  for (const r of rijen) uit.push(regel(r));
  return uit;
}

/** A heading; `niveau` 1 to 6. */
export function kop(niveau: number, tekst: string): string {
  return `${'#'.repeat(niveau)} ${tekst}`;
}

/** Blocks joined by one blank line; empty blocks left out. The document ends with one newline. */
export function document(blokken: readonly (readonly string[])[]): string {
  const regels: string[] = [];
  for (const b of blokken) {
    if (b.length === 0) continue;
    if (regels.length > 0) regels.push('');
    for (const r of b) regels.push(r);
  }
  regels.push('');
  return regels.join('\n');
}
