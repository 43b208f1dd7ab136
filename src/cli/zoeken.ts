/**
 * Filtering a searchable list as people type (#15 item 2): what starts with the typed text first
 * ('Ob' is Obdam before Bobeldijk), then a word inside that starts with it ('spier' finds
 * Zuid-Spierdijk), then anything containing it, and last a near miss ('spierdjik' is Spierdijk).
 * Within a group the list keeps its own order. Accents and case do not matter.
 */
import { afstand, normaliseer } from '../domain/suggestie.js';
import type { Keuze } from './prompts.js';

export function zoekKeuzes(keuzes: readonly Keuze[], invoer: string | undefined): Keuze[] {
  const t = normaliseer(invoer ?? '');
  if (t === '') return [...keuzes];
  const groepen: Keuze[][] = [[], [], [], []];
  for (const k of keuzes) {
    const teksten = [normaliseer(k.name), normaliseer(k.value)];
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
