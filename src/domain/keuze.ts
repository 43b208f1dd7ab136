/**
 * Choosing one value from a closed list (kern, categorie, partner, kanaal, status…): forgiving in
 * case and spacing, strict otherwise, and helpful when wrong ("Bedoelde u 'Spierdijk'?").
 */
import { UsageError } from './errors.js';
import { dichtstbij, vindExact } from './suggestie.js';

export interface Keuzelijst {
  /** What the value is, for the message: 'kern', 'categorie', 'partner'. */
  soort: string;
  /** A het-word ('het kanaal'): 'Onbekend kanaal' rather than 'Onbekende …'. */
  onzijdig?: boolean;
  waarden: readonly string[];
  /** Alternative spellings that also select a value (a partner's full name, say). */
  aliassen?: ReadonlyMap<string, string>;
  /** The command that lists the values, if there is one. */
  lijstCommando?: string;
  /** The plural of `soort` where adding an s is wrong ('statussen'). */
  meervoud?: string;
}

// What each list made of an input before: an import asks the same few kernen 100,000 times.
const gekozen = new WeakMap<Keuzelijst, Map<string, string>>();

export function kies(input: string, veld: string, lijst: Keuzelijst): string {
  let eerder = gekozen.get(lijst);
  if (!eerder) gekozen.set(lijst, (eerder = new Map()));
  const bekend = eerder.get(input);
  if (bekend !== undefined) return bekend;
  let waarde = vindExact(input, lijst.waarden);
  if (waarde === undefined && lijst.aliassen) {
    const alias = vindExact(input, [...lijst.aliassen.keys()]);
    if (alias !== undefined) waarde = lijst.aliassen.get(alias)!;
  }
  if (waarde === undefined) throw new UsageError(onbekendBericht(input, veld, lijst));
  eerder.set(input, waarde);
  return waarde;
}

export function kiesMeerdere(input: string, veld: string, lijst: Keuzelijst): string[] {
  const delen = input.split(',').map((d) => d.trim()).filter(Boolean);
  if (delen.length === 0) throw new UsageError(`${veld} mag niet leeg zijn; geef een of meer ${lijst.meervoud ?? `${lijst.soort}s`}, gescheiden door komma's.`);
  return [...new Set(delen.map((d) => kies(d, veld, lijst)))];
}

function onbekendBericht(input: string, veld: string, lijst: Keuzelijst): string {
  const kandidaten = [...lijst.waarden, ...(lijst.aliassen?.keys() ?? [])];
  const suggestie = dichtstbij(input, kandidaten);
  const bedoeld = suggestie === undefined ? undefined : (lijst.aliassen?.get(suggestie) ?? suggestie);
  const begin = `${lijst.onzijdig ? 'Onbekend' : 'Onbekende'} ${lijst.soort} '${input}' voor ${veld}.`;
  if (bedoeld !== undefined) return `${begin} Bedoelde u '${bedoeld}'?`;
  if (lijst.waarden.length <= 12) return `${begin} Kies uit: ${lijst.waarden.join(', ')}.`;
  return `${begin} Zie ${lijst.lijstCommando ?? 'de lijst'} voor de geldige waarden.`;
}

/**
 * A `--status` filter (SPEC §12, one meaning everywhere): exact statuses, a comma list allowed, plus the
 * group words `openstaand` (what still needs work: `openstaand` below) and `alle`. Returns the statuses
 * in their own order; all of them means no filter.
 */
export function kiesStatussen<S extends string>(
  input: string, statussen: readonly S[], openstaand: readonly S[], veld = '--status', aliassen?: ReadonlyMap<string, S>,
): S[] {
  const lijst: Keuzelijst = { soort: 'status', meervoud: 'statussen', waarden: [...statussen, 'openstaand', 'alle'], ...(aliassen ? { aliassen } : {}) };
  const gekozen = new Set<string>();
  for (const w of kiesMeerdere(input, veld, lijst)) {
    for (const s of w === 'alle' ? statussen : w === 'openstaand' ? openstaand : [w]) gekozen.add(s);
  }
  return statussen.filter((s) => gekozen.has(s));
}
