/**
 * Time on the Amsterdam calendar. Every day rule (same-day forwarding, meeting windows, overdue)
 * is judged on the calendar of Europe/Amsterdam, whatever the machine's TZ. Instants are Date values
 * (stored as UTC ISO); calendar dates are 'YYYY-MM-DD' strings, compared as strings.
 *
 * Calendar arithmetic (days, weeks, months, weekdays, whether a date exists) is date-fns's, on a
 * plain date carried as noon on the machine's clock: a calendar day with no zone attached, which
 * every zone has (a clock change happens at night), so the answer is the same under any TZ.
 * date-fns is imported per function (date-fns/addDays, …): the root import costs ~150 ms of
 * start-up (NOTES.md); these few functions bundled cost under 2 ms.
 */
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { getDay } from 'date-fns/getDay';
import { isExists } from 'date-fns/isExists';
import { nextDay } from 'date-fns/nextDay';
import type { Day } from 'date-fns';
import { datumVormenKort } from './datumvormen.js';
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

/** A calendar date as date-fns takes it: noon of that day on the machine's clock. */
function kalender(datum: Datum): Date {
  return new Date(+datum.slice(0, 4), +datum.slice(5, 7) - 1, +datum.slice(8, 10), 12);
}

function datumVan(d: Date): Datum {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function plusDagen(datum: Datum, dagen: number): Datum {
  return datumVan(addDays(kalender(datum), dagen));
}

export function plusWeken(datum: Datum, weken: number): Datum {
  return plusDagen(datum, weken * 7);
}

/** `datum` plus `maanden` calendar months; the day is clamped to the end of a shorter month (31-01 + 1 = 28-02). */
export function plusMaanden(datum: Datum, maanden: number): Datum {
  return datumVan(addMonths(kalender(datum), maanden));
}

/** Days from `van` to `tot` (positive when `tot` is later). */
export function dagenTussen(van: Datum, tot: Datum): number {
  return differenceInCalendarDays(kalender(tot), kalender(van));
}

/** 0 = zondag … 6 = zaterdag. */
export function weekdag(datum: Datum): number {
  return getDay(kalender(datum));
}

/** Whether a string is a real 'YYYY-MM-DD' date (2027-02-30 is not). */
export function isDatum(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && bestaat(+m[1]!, +m[2]!, +m[3]!);
}

function bestaat(jaar: number, maand: number, dag: number): boolean {
  return jaar >= 1900 && jaar <= 2199 && isExists(jaar, maand - 1, dag);
}

/** The meeting soorten a deadline may name as `volgend-gio` etc. */
export type VolgendSoort = 'gio' | 'tweewekelijks' | 'politie';

/** How a date field reads what people type. */
export interface DatumVeld {
  /**
   * The field asks for a date ahead (a deadline, a meeting's date): a day and month without a year
   * that has already passed this year means next year.
   */
  toekomst?: boolean;
  /** The field is a deadline: `volgend-gio` etc. name the date of that next meeting (undefined: none planned). */
  volgend?: Partial<Record<VolgendSoort, Datum | undefined>>;
}

/**
 * A date field that asks for a date ahead: a meeting's new date (verzet --naar), the start of a
 * series. Not a date that names an existing meeting (annuleer, verzet <datum>): that may have passed.
 */
export const VOORUIT: DatumVeld = { toekomst: true };

/** `volgend-gio`, `volgende tweewekelijks`, …: the soort of meeting a deadline names, if it is that form. */
export function volgendSoort(input: string): VolgendSoort | undefined {
  const m = /^\s*volgende?(?:-|\s+)(gio|tweewekelijks|politie)\s*$/i.exec(input);
  return m ? (m[1]!.toLowerCase() as VolgendSoort) : undefined;
}

const WEEKDAGEN: Record<string, Day> = {
  zondag: 0, zo: 0, maandag: 1, ma: 1, dinsdag: 2, di: 2, woensdag: 3, wo: 3, donderdag: 4, do: 4, vrijdag: 5, vr: 5, zaterdag: 6, za: 6,
};

const WOORDEN: Record<string, number> = { vandaag: 0, gisteren: -1, morgen: 1 };

interface Parsed {
  datum: Datum;
  tijd?: string;
}

/**
 * The general route: every form of DATUMVORMEN (and a time after it where one is asked). Written by
 * hand rather than with date-fns/parse: the forms are few and regular, and parse with the nl locale
 * bundled costs ~10–15 ms of start-up on every command (median of 40 runs, bundled with esbuild as kvz is), which
 * `melding add`'s budget (SPEC §6, #17) cannot spare. The calendar arithmetic behind the forms is date-fns's.
 */
function parse(input: string, veld: string, vandaag: Datum, metTijd: boolean, v: DatumVeld): Parsed {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const m = /^(.+?)(?:[ t](\d{1,2}):(\d{2}))?$/.exec(text);
  const fout = (waarom: string) => new UsageError(`Ongeldige datum voor ${veld}: '${input}' ${waarom}. ${vormen(metTijd, v)}`);
  if (!m) throw fout('is geen datum');
  const [, dagDeel, uur, minuut] = m as unknown as [string, string, string?, string?];
  if (uur !== undefined && !metTijd) throw fout('mag hier geen tijd bevatten');
  const datum = dagVanInvoer(dagDeel, vandaag, v, fout);
  if (uur === undefined) return { datum };
  if (+uur > 23 || +minuut! > 59) throw fout('heeft een tijd die niet bestaat');
  return { datum, tijd: `${uur.padStart(2, '0')}:${minuut}` };
}

function dagVanInvoer(tekst: string, vandaag: Datum, v: DatumVeld, fout: (waarom: string) => UsageError): Datum {
  if (Object.hasOwn(WOORDEN, tekst)) return plusDagen(vandaag, WOORDEN[tekst]!);
  if (Object.hasOwn(WEEKDAGEN, tekst)) return datumVan(nextDay(kalender(vandaag), WEEKDAGEN[tekst]!));
  const over = /^(?:over (\d{1,3}) (dag|dagen|week|weken)|\+ ?(\d{1,3}) ?([dw]))$/.exec(tekst);
  if (over) {
    const n = +(over[1] ?? over[3]!);
    const weken = (over[2] ?? over[4]!).startsWith('w');
    return plusDagen(vandaag, weken ? n * 7 : n);
  }
  const soort = volgendSoort(tekst);
  if (soort !== undefined) {
    if (v.volgend === undefined) throw fout('kan alleen bij een deadline');
    const datum = v.volgend[soort];
    if (datum === undefined) throw fout(`kan niet: er is geen ${soort === 'gio' ? 'GIO' : soort === 'politie' ? 'politieoverleg' : 'tweewekelijks overleg'} gepland`);
    return datum;
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(tekst);
  const nl = /^(\d{1,2})-(\d{1,2})(?:-(\d{4}))?$/.exec(tekst);
  if (!iso && !nl) throw fout(/^\d{1,2}-\d{1,2}-\d{2}$/.test(tekst) ? 'heeft een jaar van twee cijfers; schrijf het jaar voluit' : 'is geen datum');
  const [maand, dag] = iso ? [+iso[2]!, +iso[3]!] : [+nl![2]!, +nl![1]!];
  const ymd = (jaar: number) => `${jaar}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
  if (iso || nl![3] !== undefined) {
    const jaar = iso ? +iso[1]! : +nl![3]!;
    if (!bestaat(jaar, maand, dag)) throw fout('bestaat niet');
    return ymd(jaar);
  }
  // Without a year: this year; where a date ahead is asked and this year's has passed (or, for 29-2,
  // does not exist), the first year after in which it comes.
  let jaar = +vandaag.slice(0, 4);
  if (!v.toekomst) {
    if (!bestaat(jaar, maand, dag)) throw fout(maand === 2 && dag === 29 ? `bestaat niet in ${jaar}` : 'bestaat niet');
    return ymd(jaar);
  }
  if (!bestaat(2000, maand, dag)) throw fout('bestaat niet');
  while (!bestaat(jaar, maand, dag) || ymd(jaar) < vandaag) jaar++;
  return ymd(jaar);
}

function vormen(metTijd: boolean, v: DatumVeld): string {
  return `Gebruik ${datumVormenKort(v.volgend !== undefined)}${metTijd ? ', eventueel met een tijd HH:MM erachter' : ''}.`;
}

/** Parses a calendar date given by a user (a flag or a prompt answer named `veld`). */
export function parseDatum(input: string, veld: string, vandaag: Datum, v: DatumVeld = {}): Datum {
  return parse(input, veld, vandaag, false, v).datum;
}

/**
 * Parses a moment given by a user. Without a time it means "now" when the date is today and
 * 12:00 on any other day: the day rules only look at the date.
 */
export function parseTijdstip(input: string, veld: string, nu: Date): Date {
  const snel = snelTijdstip(input);
  if (snel) return snel;
  const vandaag = vandaagBij(nu);
  const { datum, tijd } = parse(input, veld, vandaag, true, {});
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
  if (uur > 23 || minuut > 59 || !bestaat(jaar, maand, dag)) {
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

/** '16-03-2027'. String slicing, not date-fns's format: exports call it for every row. */
export function datumKort(datum: Datum): string {
  return `${datum.slice(8, 10)}-${datum.slice(5, 7)}-${datum.slice(0, 4)}`;
}

/** '16-03-2027 09:30' on the Amsterdam clock. */
export function tijdstipKort(instant: Date): string {
  const { datum, tijd } = amsterdamParts(instant);
  return `${datumKort(datum)} ${tijd}`;
}
