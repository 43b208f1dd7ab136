/**
 * The window of a meeting (SPEC §4.3): the days whose meldingen, zaken and acties it discusses.
 *
 *   GIO           — since the previous GIO;
 *   tweewekelijks — since the previous GIO or tweewekelijks overleg, whichever is later;
 *   politie       — since the previous politieoverleg.
 *
 * Cancelled meetings are not "previous"; moved ones count at the date they (will) take place.
 *
 * The window is half-open, [van, tot): it starts ON the day of the previous meeting and ends the day
 * BEFORE this one. A melding that arrives on a meeting's day is not on that meeting's agenda (which
 * was printed before) and so belongs to the next window; consecutive windows therefore share no day
 * and leave none out. The first meeting of a series, with no predecessor, gets a window of its usual
 * length (the interval; 14 days for tweewekelijks).
 */
import type { OverlegSoort } from './cadans.js';
import { plusDagen, type Datum } from './tijd.js';

export interface Venster {
  /** The first day in the window (the previous meeting's date). */
  van: Datum;
  /** The first day after the window: the meeting's own date. */
  tot: Datum;
  /** The meeting the window starts at, or null for the first of a series. */
  vorige: { soort: OverlegSoort; datum: Datum } | null;
}

/** The soorten whose meetings end the window of a soort's meeting. */
export function vorigeSoorten(soort: OverlegSoort): OverlegSoort[] {
  return soort === 'tweewekelijks' ? ['gio', 'tweewekelijks'] : [soort];
}

/** The window of a meeting on `datum`, given the latest earlier meeting that counts (if any). */
export function bepaalVenster(
  datum: Datum,
  vorige: { soort: OverlegSoort; datum: Datum } | undefined,
  standaardDagen: number,
): Venster {
  if (!vorige) return { van: plusDagen(datum, -standaardDagen), tot: datum, vorige: null };
  return { van: vorige.datum, tot: datum, vorige: { soort: vorige.soort, datum: vorige.datum } };
}

/** Whether a day (a melding's ontvangen_dag, a zaak's opening day) lies in the window. */
export function inVenster(venster: Pick<Venster, 'van' | 'tot'>, dag: Datum): boolean {
  return dag >= venster.van && dag < venster.tot;
}

/** The last day in the window, for "van … tot en met …" in documents. */
export function laatsteDag(venster: Pick<Venster, 'tot'>): Datum {
  return plusDagen(venster.tot, -1);
}
