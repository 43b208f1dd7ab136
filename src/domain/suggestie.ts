/**
 * Matching a typed value against a list of valid ones: exact (ignoring case, accents and extra
 * spaces) or, failing that, a suggestion of the nearest valid value for the error message.
 */

export function normaliseer(text: string): string {
  // Plain ASCII has no accents to strip; skipping NFKD matters when an import checks 100,000 rows.
  const zonderAccenten = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return zonderAccenten
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/** Edit distance where a swap of two neighbours ('djik' for 'dijk') counts as one edit (Damerau). */
export function afstand(a: string, b: string): number {
  let vorige2: number[] = [];
  let vorige = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const rij = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(vorige[j]! + 1, rij[j - 1]! + 1, vorige[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, vorige2[j - 2]! + 1);
      rij.push(d);
    }
    vorige2 = vorige;
    vorige = rij;
  }
  return vorige[b.length]!;
}

/** The valid value that `input` means exactly, ignoring case, accents and spacing. */
export function vindExact(input: string, geldig: readonly string[]): string | undefined {
  const n = normaliseer(input);
  const { exact, compact } = index(geldig);
  return exact.get(n) ?? compact.get(n.replace(/[ -]/g, ''));
}

interface Index {
  exact: Map<string, string>;
  compact: Map<string, string>;
}

// The normalised forms of a list, made once per list: an import matches every row against it.
const indexen = new WeakMap<readonly string[], Index>();

function index(geldig: readonly string[]): Index {
  let i = indexen.get(geldig);
  if (i === undefined) {
    i = { exact: new Map(), compact: new Map() };
    for (const g of geldig) {
      const n = normaliseer(g);
      if (!i.exact.has(n)) i.exact.set(n, g);
      const c = n.replace(/[ -]/g, '');
      if (!i.compact.has(c)) i.compact.set(c, g);
    }
    indexen.set(geldig, i);
  }
  return i;
}

/** The nearest valid value, if one is close enough to be a plausible typo or abbreviation. */
export function dichtstbij(input: string, geldig: readonly string[]): string | undefined {
  const n = normaliseer(input);
  if (!n) return undefined;
  const prefix = geldig.filter((g) => normaliseer(g).startsWith(n));
  if (prefix.length === 1) return prefix[0];
  let best: string | undefined;
  let bestScore = Infinity;
  for (const g of geldig) {
    const score = afstand(n, normaliseer(g));
    if (score < bestScore) {
      best = g;
      bestScore = score;
    }
  }
  const limiet = Math.max(2, Math.floor(n.length / 3));
  if (bestScore <= limiet) return best;
  return geldig.find((g) => normaliseer(g).includes(n) && n.length >= 3);
}
