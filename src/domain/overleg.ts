/**
 * One meeting as the user sees it: the cadence's date, unless a stored row says otherwise (moved,
 * cancelled, or held on an earlier cadence). Rows exist only for meetings something refers to.
 */
import { geplandeDatum, tijdEnPlek, type Cadans, type OpgeslagenStatus, type OverlegSoort, type OverlegStatus } from './cadans.js';
import { geenWerkdag } from './feestdagen.js';
import type { Datum } from './tijd.js';

export interface Overleg {
  soort: OverlegSoort;
  /** The date on the cadence; with the soort, the meeting's identity. */
  nominale_datum: Datum;
  /** The date it takes place (or would have, when cancelled). */
  datum: Datum;
  status: OverlegStatus;
  /** The date it was moved from: by the holiday rule (status gepland) or by a person (verzet). */
  verschoven_van: Datum | null;
  /** Why it moved or was cancelled: a holiday's name, 'zaterdag', or what the user gave. */
  reden: string | null;
  tijd: string;
  locatie: string;
  /** How often it was changed after planning (moved, cancelled): the iCalendar SEQUENCE adds to it. */
  versie: number;
  /** The stored row, if there is one. */
  id: number | null;
}

/** An overleg row as stored. */
export interface OverlegRij {
  id: number;
  soort: OverlegSoort;
  nominale_datum: Datum;
  datum: Datum;
  status: OpgeslagenStatus;
  verschoven_van: Datum | null;
  reden: string | null;
  tijd: string | null;
  locatie: string | null;
  versie: number;
  /** When its minutes were first processed: the meeting was held. */
  gehouden_op: string | null;
}

/** A meeting exactly on its cadence. */
export function volgensCadans(soort: OverlegSoort, nominaal: Datum, cadans: Cadans): Overleg {
  const { datum, reden } = geplandeDatum(nominaal);
  return {
    soort,
    nominale_datum: nominaal,
    datum,
    status: 'gepland',
    verschoven_van: reden === undefined ? null : nominaal,
    reden: reden ?? null,
    ...tijdEnPlek(soort, cadans),
    versie: 0,
    id: null,
  };
}

/** A meeting as a stored row describes it; time and location follow the cadence unless set on the row. */
export function uitRij(rij: OverlegRij, cadans: Cadans): Overleg {
  const basis = volgensCadans(rij.soort, rij.nominale_datum, cadans);
  const overleg: Overleg = {
    ...basis,
    datum: rij.datum,
    // Held once its minutes were processed (a cancelled meeting has none: annuleren refuses then).
    status: rij.gehouden_op !== null && rij.status !== 'geannuleerd' ? 'gehouden' : rij.status,
    verschoven_van: rij.verschoven_van,
    reden: rij.reden,
    tijd: rij.tijd ?? basis.tijd,
    locatie: rij.locatie ?? basis.locatie,
    versie: rij.versie,
    id: rij.id,
  };
  // A planned row on another day than its nominal date moved by the holiday rule: say why.
  if (rij.status === 'gepland' && rij.verschoven_van === null && rij.datum !== rij.nominale_datum) {
    overleg.verschoven_van = rij.nominale_datum;
    overleg.reden = geenWerkdag(rij.nominale_datum) ?? null;
  }
  return overleg;
}

const VOLGORDE: Record<OverlegSoort, number> = { gio: 0, tweewekelijks: 1, politie: 2 };

// Plain comparison: dates and times sort as strings, and localeCompare would load ICU (~15 ms at start-up).
const vergelijk = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function opDatum(a: Overleg, b: Overleg): number {
  return vergelijk(a.datum, b.datum) || vergelijk(a.tijd, b.tijd) || VOLGORDE[a.soort] - VOLGORDE[b.soort];
}

/**
 * The meetings of one soort: the cadence's nominal dates merged with the stored rows (a row wins for
 * its nominal date; a row off the current cadence is a meeting of an earlier cadence and stays).
 */
export function voegSamen(soort: OverlegSoort, cadans: Cadans, nominaal: Datum[], rijen: OverlegRij[]): Overleg[] {
  const perDatum = new Map(rijen.map((r) => [r.nominale_datum, r]));
  const uit = nominaal.filter((d) => !perDatum.has(d)).map((d) => volgensCadans(soort, d, cadans));
  for (const r of rijen) uit.push(uitRij(r, cadans));
  return uit.sort(opDatum);
}
