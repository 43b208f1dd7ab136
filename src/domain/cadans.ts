/**
 * The recurring meetings and their cadence (SPEC §4.3). Meetings on their cadence are computed, not
 * stored: a GIO every `interval` weeks from its start, a politieoverleg likewise, and a tweewekelijks
 * overleg every 14 days after each GIO's *nominal* date while 7 days before the next (so moving a GIO
 * does not move them; see nominaleDatums). A nominal date that is a holiday or in a weekend gives way to the next working day.
 */
import { eersteWerkdag } from './feestdagen.js';
import { dagenTussen, plusDagen, plusWeken, weekdag, type Datum } from './tijd.js';

export const OVERLEG_SOORTEN = ['gio', 'tweewekelijks', 'politie'] as const;
export type OverlegSoort = (typeof OVERLEG_SOORTEN)[number];

/** The two series that have a cadence of their own. */
export type CadansSoort = 'gio' | 'politie';

/** As stored; a meeting whose minutes were processed is shown as 'gehouden' (overleg.gehouden_op). */
export const OVERLEG_STATUSSEN = ['gepland', 'verzet', 'geannuleerd'] as const;
export type OpgeslagenStatus = (typeof OVERLEG_STATUSSEN)[number];
export type OverlegStatus = OpgeslagenStatus | 'gehouden';

export interface Cadans {
  soort: CadansSoort;
  /** The first nominal date of the series. */
  start: Datum;
  interval_weken: number;
  tijd: string;
  locatie: string;
  /** The GIO's cadence only: the tweewekelijks overleg's own time and place (null or absent: the GIO's). */
  tweewekelijks_tijd?: string | null;
  tweewekelijks_locatie?: string | null;
}

/** Time and place of a meeting of this soort on this cadence (the tweewekelijks overleg may have its own). */
export function tijdEnPlek(soort: OverlegSoort, c: Cadans): { tijd: string; locatie: string } {
  if (soort !== 'tweewekelijks') return { tijd: c.tijd, locatie: c.locatie };
  return { tijd: c.tweewekelijks_tijd ?? c.tijd, locatie: c.tweewekelijks_locatie ?? c.locatie };
}

/** Days between a tweewekelijks overleg and its GIO. */
export const TWEEWEKELIJKS_AFSTAND = 14;

/** How far the holiday rule can push a meeting forward (a Thursday Christmas ends on Monday: 4 days). */
export const MAX_VERSCHUIVING = 7;

/** The cadence a soort follows: tweewekelijks follows the GIO's. */
export function cadansSoort(soort: OverlegSoort): CadansSoort {
  return soort === 'politie' ? 'politie' : 'gio';
}

/** How the user reads a soort: 'GIO', 'tweewekelijks overleg', 'politieoverleg'. */
export function soortNaam(soort: OverlegSoort): string {
  return soort === 'gio' ? 'GIO' : soort === 'politie' ? 'politieoverleg' : 'tweewekelijks overleg';
}

/** Nominal dates of a gio or politie series in [van, tot]. */
function reeks(cadans: Cadans, van: Datum, tot: Datum): Datum[] {
  const stap = cadans.interval_weken * 7;
  const eerste = van <= cadans.start ? 0 : Math.ceil(dagenTussen(cadans.start, van) / stap);
  const uit: Datum[] = [];
  for (let k = eerste; ; k++) {
    const d = plusWeken(cadans.start, k * cadans.interval_weken);
    if (d > tot) return uit;
    uit.push(d);
  }
}

/**
 * The nominal dates of a soort in [van, tot], ascending. `cadans` is the series the soort follows
 * (the GIO's for tweewekelijks). Tweewekelijks (SPEC §12): every 14 days after each GIO while at least
 * 7 days before the next GIO, and one 14 days before the first GIO of the cadence. At the default six
 * weeks that is 14 days before and after each GIO; at other intervals it never falls on a GIO day
 * nor four weeks apart.
 */
export function nominaleDatums(soort: OverlegSoort, cadans: Cadans, van: Datum, tot: Datum): Datum[] {
  if (soort !== 'tweewekelijks') return reeks(cadans, van, tot);
  const a = TWEEWEKELIJKS_AFSTAND;
  const stap = cadans.interval_weken * 7;
  const uit: Datum[] = [];
  const voorDeEerste = plusDagen(cadans.start, -a);
  if (voorDeEerste >= van && voorDeEerste <= tot) uit.push(voorDeEerste);
  for (const gio of reeks(cadans, plusDagen(van, -stap), tot)) {
    for (let na = a; na <= stap - 7; na += a) {
      const d = plusDagen(gio, na);
      if (d >= van && d <= tot) uit.push(d);
    }
  }
  return uit.sort();
}

/** Whether `datum` is a nominal date of the soort on this cadence. */
export function isNominaal(soort: OverlegSoort, cadans: Cadans, datum: Datum): boolean {
  return nominaleDatums(soort, cadans, datum, datum).length === 1;
}

/** The date a meeting on its cadence takes place, and why it moved when it did. */
export function geplandeDatum(nominaal: Datum): { datum: Datum; reden?: string } {
  return eersteWerkdag(nominaal);
}

/** A meeting's usual window length when it has no predecessor (the first of a series). */
export function standaardVensterDagen(soort: OverlegSoort, cadans: Cadans): number {
  return soort === 'tweewekelijks' ? TWEEWEKELIJKS_AFSTAND : cadans.interval_weken * 7;
}


/**
 * The iCalendar UID of a meeting: from soort and nominal date, so it survives moves, and the
 * database's identity, so two kvz databases (a test copy, another municipality) never update each
 * other's events. A copy made by kopieer or backup keeps the identity, and with it the UIDs.
 */
export function overlegUid(soort: OverlegSoort, nominaal: Datum, databaseId: string): string {
  return `${soort}-${nominaal}-${databaseId}@kvz.koggenland.nl`;
}

/** A fresh database starts both series on the first Tuesday after its creation (SPEC §4.3). */
export function standaardCadans(vandaag: Datum): Cadans[] {
  const dinsdag = plusDagen(vandaag, ((2 - weekdag(vandaag) + 7) % 7) || 7);
  return [
    { soort: 'gio', start: dinsdag, interval_weken: 6, tijd: '10:00', locatie: 'Gemeentehuis Koggenland' },
    { soort: 'politie', start: dinsdag, interval_weken: 8, tijd: '14:00', locatie: 'Gemeentehuis Koggenland' },
  ];
}

/**
 * Where a series begins: its start, or for the GIO the tweewekelijks overleg 14 days before it.
 * When a cadence changes, meetings of the old one before this date that have taken place are kept.
 */
export function beginVanReeks(cadans: Cadans): Datum {
  return cadans.soort === 'gio' ? plusDagen(cadans.start, -TWEEWEKELIJKS_AFSTAND) : cadans.start;
}

/** The soorten that follow a cadence. */
export function soortenVan(cadans: CadansSoort): OverlegSoort[] {
  return cadans === 'gio' ? ['gio', 'tweewekelijks'] : ['politie'];
}

/** How long a meeting lasts, in minutes (for the calendar). */
export const DUUR_MINUTEN: Record<OverlegSoort, number> = { gio: 120, tweewekelijks: 90, politie: 90 };

/** The full name, for calendars and headings. */
/** After a word such as Agenda or Notulen, or inside a sentence: 'GIO (Groot Integraal Overleg)', 'tweewekelijks overleg'. */
export function soortInZin(soort: OverlegSoort): string {
  return soort === 'gio' ? soortTitel(soort) : soortNaam(soort);
}

export function soortTitel(soort: OverlegSoort): string {
  return soort === 'gio' ? 'GIO (Groot Integraal Overleg)' : soort === 'politie' ? 'Politieoverleg' : 'Tweewekelijks overleg';
}
