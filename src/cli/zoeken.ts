/**
 * Filtering a searchable list as people type (#15 item 2): what starts with the typed text first
 * ('Ob' is Obdam before Bobeldijk), then a word inside that starts with it ('spier' finds
 * Zuid-Spierdijk), then anything containing it, and last a near miss ('spierdjik' is Spierdijk).
 * Within a group the list keeps its own order. Accents and case do not matter.
 */
import type { Keuze } from './prompts.js';

const normaal = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

export function zoekKeuzes(keuzes: readonly Keuze[], invoer: string | undefined): Keuze[] {
  const t = normaal(invoer ?? '');
  if (t === '') return [...keuzes];
  const groepen: Keuze[][] = [[], [], [], []];
  for (const k of keuzes) {
    const teksten = [normaal(k.name), normaal(k.value)];
    const rang = teksten.some((x) => x.startsWith(t))
      ? 0
      : teksten.some((x) => x.split(/[\s\-—,()/]+/).some((w) => w.startsWith(t)))
        ? 1
        : teksten.some((x) => x.includes(t))
          ? 2
          : t.length >= 4 && teksten.some((x) => bijna(t, x))
            ? 3
            : -1;
    if (rang >= 0) groepen[rang]!.push(k);
  }
  return groepen.flat();
}

/** A typo away from the start of `tekst` or of one of its words: one edit per five letters typed. */
function bijna(t: string, tekst: string): boolean {
  const grens = Math.max(1, Math.floor(t.length / 5));
  return [tekst, ...tekst.split(/[\s\-—,()/]+/)].some((w) =>
    [t.length - 1, t.length, t.length + 1].some((n) => n > 0 && afstand(t, w.slice(0, n)) <= grens),
  );
}

/** Damerau–Levenshtein: a swap of two neighbours ('djik') counts as one. */
function afstand(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
