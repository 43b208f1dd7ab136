/**
 * Dutch public holidays on which the team does not meet (SPEC §4.3), and the next working day.
 * Eerste Paas- and Pinksterdag always fall on a Sunday, so only the Mondays after them are listed.
 */
import { plusDagen, weekdag, type Datum } from './tijd.js';

/** Easter Sunday of a Gregorian year (the anonymous computus of Meeus, Jones and Butcher). */
export function pasen(jaar: number): Datum {
  const a = jaar % 19;
  const b = Math.floor(jaar / 100);
  const c = jaar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const maand = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return `${jaar}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

const cache = new Map<number, ReadonlyMap<Datum, string>>();

/** The public holidays of a year: date → name. */
export function feestdagen(jaar: number): ReadonlyMap<Datum, string> {
  const bekend = cache.get(jaar);
  if (bekend) return bekend;
  const p = pasen(jaar);
  const koningsdag = `${jaar}-04-27`;
  const lijst: [Datum, string][] = [
    [`${jaar}-01-01`, 'Nieuwjaarsdag'],
    [plusDagen(p, 1), 'Tweede Paasdag'],
    [weekdag(koningsdag) === 0 ? `${jaar}-04-26` : koningsdag, 'Koningsdag'],
    [plusDagen(p, 39), 'Hemelvaartsdag'],
    [plusDagen(p, 50), 'Tweede Pinksterdag'],
    [`${jaar}-12-25`, 'Eerste Kerstdag'],
    [`${jaar}-12-26`, 'Tweede Kerstdag'],
  ];
  // Bevrijdingsdag is a day off only in lustrum years.
  if (jaar % 5 === 0) lijst.push([`${jaar}-05-05`, 'Bevrijdingsdag']);
  // Hemelvaartsdag can fall on 5 May; one name is enough then.
  const kaart = new Map<Datum, string>();
  // Plain comparison: ISO dates sort as strings, and localeCompare would load ICU (~15 ms at start-up).
  for (const [datum, naam] of lijst.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    kaart.set(datum, kaart.has(datum) ? `${kaart.get(datum)} en ${naam}` : naam);
  }
  cache.set(jaar, kaart);
  return kaart;
}

/** The holiday on `datum`, if any. */
export function feestdag(datum: Datum): string | undefined {
  return feestdagen(Number(datum.slice(0, 4))).get(datum);
}

/** Why no meeting is held on `datum` (a holiday's name, 'zaterdag' or 'zondag'), or undefined on a working day. */
export function geenWerkdag(datum: Datum): string | undefined {
  const naam = feestdag(datum);
  if (naam) return naam;
  const dag = weekdag(datum);
  return dag === 6 ? 'zaterdag' : dag === 0 ? 'zondag' : undefined;
}

/** `datum` itself when it is a working day, else the next working day and why the meeting moved. */
export function eersteWerkdag(datum: Datum): { datum: Datum; reden?: string } {
  const reden = geenWerkdag(datum);
  if (reden === undefined) return { datum };
  let dag = plusDagen(datum, 1);
  while (geenWerkdag(dag) !== undefined) dag = plusDagen(dag, 1);
  return { datum: dag, reden };
}
