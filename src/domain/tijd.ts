/**
 * Time on the Amsterdam calendar. Every day rule (same-day forwarding, meeting windows, overdue)
 * is judged on the calendar of Europe/Amsterdam, whatever the machine's TZ: nothing here uses the
 * local-time methods of Date. Instants are Date values (stored as UTC ISO); calendar dates are
 * 'YYYY-MM-DD' strings, compared as strings and shifted with UTC arithmetic.
 */
import { UsageError } from './errors.js';

export const TIJDZONE = 'Europe/Amsterdam';

/** A calendar date, 'YYYY-MM-DD'. */
export type Datum = string;

/**
 * The offset of Amsterdam from UTC at an instant, by the EU summer-time rule that has applied since
 * 1996: CEST (UTC+2) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
 * October, CET (UTC+1) otherwise. Computed rather than asked from Intl, whose time-zone data costs
 * ~30 ms to load on every start; test/domain/tijd.test.ts checks it against Intl over many years.
 */
function offsetMs(utcMs: number): number {
  if (!(utcMs >= bekendJaar.begin && utcMs < bekendJaar.eind)) {
    const j = new Date(utcMs).getUTCFullYear();
    bekendJaar = { begin: Date.UTC(j, 0, 1), eind: Date.UTC(j + 1, 0, 1), zomer: laatsteZondagOm1UurUtc(j, 2), winter: laatsteZondagOm1UurUtc(j, 9) };
  }
  return utcMs >= bekendJaar.zomer && utcMs < bekendJaar.winter ? 7_200_000 : 3_600_000;
}

// The summer time of the year last asked about: exports and imports convert hundreds of thousands
// of instants, mostly of the same year.
let bekendJaar = { begin: 0, eind: 0, zomer: 0, winter: 0 };

function laatsteZondagOm1UurUtc(jaar: number, maand: number): number {
  const laatsteDag = new Date(Date.UTC(jaar, maand + 1, 0));
  return Date.UTC(jaar, maand, laatsteDag.getUTCDate() - laatsteDag.getUTCDay(), 1);
}

function amsterdamParts(instant: Date): { datum: Datum; tijd: string } {
  const wand = new Date(instant.getTime() + offsetMs(instant.getTime())).toISOString();
  return { datum: wand.slice(0, 10), tijd: wand.slice(11, 16) };
}

/** The Amsterdam calendar date of an instant. */
export function dagVan(instant: Date): Datum {
  const ms = instant.getTime();
  const dag = Math.floor((ms + offsetMs(ms)) / 86_400_000);
  // Many instants in a row fall on the same day (an import, an export): reuse its string.
  if (dag !== laatsteDag.nummer) laatsteDag = { nummer: dag, datum: new Date(dag * 86_400_000).toISOString().slice(0, 10) };
  return laatsteDag.datum;
}

let laatsteDag = { nummer: NaN, datum: '' };

/** The Amsterdam date of a stored instant (UTC ISO): before 22:00 UTC it is the UTC date, Amsterdam being 1 or 2 hours ahead. */
export function dagVanIso(iso: string): Datum {
  return iso.slice(11, 13) < '22' ? iso.slice(0, 10) : dagVan(new Date(iso));
}

/** The Amsterdam wall-clock time 'HH:MM' of an instant. */
export function tijdVan(instant: Date): string {
  return amsterdamParts(instant).tijd;
}

/** The instant at which the Amsterdam wall clock shows `datum` `tijd` ('HH:MM'). */
export function instantVan(datum: Datum, tijd = '00:00'): Date {
  const dubbelepunt = tijd.indexOf(':');
  return vanWandklok(Date.UTC(+datum.slice(0, 4), +datum.slice(5, 7) - 1, +datum.slice(8, 10), +tijd.slice(0, dubbelepunt), +tijd.slice(dubbelepunt + 1)));
}

/** The instant at which Amsterdam's clock shows `wand` (the wall time written as if it were UTC). */
function vanWandklok(wand: number): Date {
  // Summer time if that reading fits, else winter time. As in RFC 5545: a time the clock shows twice
  // (02:30 on the last Sunday of October) is the first one, and a time it skips (02:30 on the last
  // Sunday of March) is read with the offset before the change, which makes it 03:30 summer time.
  const zomer = wand - 7_200_000;
  return new Date(offsetMs(zomer) === 7_200_000 ? zomer : wand - 3_600_000);
}

/** The half-open range of instants [start, end) that make up an Amsterdam calendar day. */
export function dagGrenzen(datum: Datum): { start: Date; eind: Date } {
  return { start: instantVan(datum), eind: instantVan(plusDagen(datum, 1)) };
}

function toUtc(datum: Datum): Date {
  const [y, m, d] = datum.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function fromUtc(date: Date): Datum {
  return date.toISOString().slice(0, 10);
}

export function plusDagen(datum: Datum, dagen: number): Datum {
  const d = toUtc(datum);
  d.setUTCDate(d.getUTCDate() + dagen);
  return fromUtc(d);
}

export function plusWeken(datum: Datum, weken: number): Datum {
  return plusDagen(datum, weken * 7);
}

/** Days from `van` to `tot` (positive when `tot` is later). */
export function dagenTussen(van: Datum, tot: Datum): number {
  return Math.round((toUtc(tot).getTime() - toUtc(van).getTime()) / 86_400_000);
}

/** 0 = zondag … 6 = zaterdag. */
export function weekdag(datum: Datum): number {
  return toUtc(datum).getUTCDay();
}

/** Whether a string is a real 'YYYY-MM-DD' date (2027-02-30 is not). */
export function isDatum(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= dagenInMaand(y, mo);
}

function dagenInMaand(jaar: number, maand: number): number {
  const schrikkeljaar = jaar % 4 === 0 && (jaar % 100 !== 0 || jaar % 400 === 0);
  return maand === 2 && schrikkeljaar ? 29 : DAGEN_IN_MAAND[maand - 1]!;
}

const DAGEN_IN_MAAND = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const ACCEPTED =
  'JJJJ-MM-DD of DD-MM-JJJJ (eventueel met een tijd HH:MM), of vandaag, gisteren of morgen';

interface Parsed {
  datum: Datum;
  tijd?: string;
}

function parse(input: string, veld: string, vandaag: Datum, metTijd: boolean): Parsed {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const m = /^(\S+?)(?:[ t](\d{1,2}):(\d{2}))?$/.exec(text);
  const fout = (waarom: string) =>
    new UsageError(
      `Ongeldige datum voor ${veld}: '${input}' ${waarom}. Gebruik ${metTijd ? ACCEPTED : ACCEPTED.replace(' (eventueel met een tijd HH:MM)', '')}.`,
    );
  if (!m) throw fout('is geen datum');
  const [, dagDeel, uur, minuut] = m as unknown as [string, string, string?, string?];
  if (uur !== undefined && !metTijd) throw fout('mag hier geen tijd bevatten');

  let datum: Datum;
  const woorden: Record<string, number> = { vandaag: 0, gisteren: -1, morgen: 1 };
  if (dagDeel in woorden) {
    datum = plusDagen(vandaag, woorden[dagDeel]!);
  } else {
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(dagDeel);
    const nl = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(dagDeel);
    const delen = iso ? [iso[1]!, iso[2]!, iso[3]!] : nl ? [nl[3]!, nl[2]!, nl[1]!] : undefined;
    if (!delen) throw fout('is geen datum');
    datum = `${delen[0]}-${delen[1].padStart(2, '0')}-${delen[2].padStart(2, '0')}`;
    if (!isDatum(datum)) throw fout('bestaat niet');
  }
  if (uur === undefined) return { datum };
  if (+uur > 23 || +minuut! > 59) throw fout('heeft een tijd die niet bestaat');
  return { datum, tijd: `${uur.padStart(2, '0')}:${minuut}` };
}

/** Parses a calendar date given by a user (a flag or a prompt answer named `veld`). */
export function parseDatum(input: string, veld: string, vandaag: Datum): Datum {
  return parse(input, veld, vandaag, false).datum;
}

/**
 * Parses a moment given by a user. Without a time it means "now" when the date is today and
 * 12:00 on any other day: the day rules only look at the date.
 */
export function parseTijdstip(input: string, veld: string, nu: Date): Date {
  const snel = snelTijdstip(input);
  if (snel) return snel;
  const vandaag = vandaagBij(nu);
  const { datum, tijd } = parse(input, veld, vandaag, true);
  if (tijd !== undefined) return instantVan(datum, tijd);
  return datum === vandaag ? nu : instantVan(datum, '12:00');
}

const DATUM_EN_TIJD = /^\s*(?:(\d{1,2})-(\d{1,2})-(\d{4})|(\d{4})-(\d{1,2})-(\d{1,2}))[ Tt](\d{1,2}):(\d{2})\s*$/;

/**
 * The usual shape, a date and a time in digits, read without building strings: an import reads two
 * per row. Anything else (or anything wrong) takes the general route, which explains what is wrong.
 */
function snelTijdstip(input: string): Date | undefined {
  const m = DATUM_EN_TIJD.exec(input);
  if (!m) return undefined;
  const [jaar, maand, dag] = m[3] ? [+m[3], +m[2]!, +m[1]!] : [+m[4]!, +m[5]!, +m[6]!];
  const [uur, minuut] = [+m[7]!, +m[8]!];
  if (jaar < 1900 || jaar > 2199 || maand < 1 || maand > 12 || dag < 1 || dag > dagenInMaand(jaar, maand) || uur > 23 || minuut > 59) {
    return undefined;
  }
  return vanWandklok(Date.UTC(jaar, maand - 1, dag, uur, minuut));
}

// An import parses every row against the same "now": remember its date.
let laatsteNu = NaN;
let laatsteVandaag: Datum = '';
function vandaagBij(nu: Date): Datum {
  if (nu.getTime() !== laatsteNu) {
    laatsteVandaag = dagVan(nu);
    laatsteNu = nu.getTime();
  }
  return laatsteVandaag;
}

/** Parses 'HH:MM'. */
export function parseKloktijd(input: string, veld: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(input.trim());
  if (!m || +m[1]! > 23 || +m[2]! > 59) {
    throw new UsageError(`Ongeldige tijd voor ${veld}: '${input}'. Gebruik HH:MM, bijvoorbeeld 09:30.`);
  }
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

const DAGEN = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];
const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** 'dinsdag 16 maart 2027'. */
export function datumLang(datum: Datum): string {
  const [y, m, d] = datum.split('-').map(Number) as [number, number, number];
  return `${DAGEN[weekdag(datum)]} ${d} ${MAANDEN[m - 1]} ${y}`;
}

/** '16-03-2027'. */
export function datumKort(datum: Datum): string {
  return `${datum.slice(8, 10)}-${datum.slice(5, 7)}-${datum.slice(0, 4)}`;
}

/** '16-03-2027 09:30' on the Amsterdam clock. */
export function tijdstipKort(instant: Date): string {
  const { datum, tijd } = amsterdamParts(instant);
  return `${datumKort(datum)} ${tijd}`;
}
