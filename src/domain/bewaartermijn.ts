/**
 * The AVG retention rule (SPEC §4.6): melder name, phone and e-mail are kept for a term of calendar
 * months after the melding (or its zaak) was closed. Months are counted on the Amsterdam calendar.
 */
import { UsageError } from './errors.js';
import { plusDagen, plusMaanden, type Datum } from './tijd.js';

export const STANDAARD_BEWAARTERMIJN = 24;
const MAX_BEWAARTERMIJN = 1200;

/** `datum` minus `maanden` calendar months; a day that the target month lacks becomes its last day. */
export function minMaanden(datum: Datum, maanden: number): Datum {
  return plusMaanden(datum, -maanden);
}

function laatsteDagVanMaand(datum: Datum): Datum {
  return plusDagen(plusMaanden(`${datum.slice(0, 8)}01`, 1), -1);
}

/**
 * The last Amsterdam day on which a melding may have been closed for its melder data to be due: the
 * greatest day d with d + term ≤ today. The term runs forward from the closing day, so closed on 31
 * January with a term of one month is due on 28 (29) February. A term of 0 makes every closed melding due.
 */
export function bewaarGrens(vandaag: Datum, maanden: number): Datum {
  const grens = minMaanden(vandaag, maanden);
  // On the last day of a month, every later day of the target month also reaches today (clamped).
  return vandaag === laatsteDagVanMaand(vandaag) ? laatsteDagVanMaand(grens) : grens;
}

/** Whether melder data of a melding closed on `gesloten` is due on `vandaag`. */
export function isVerlopen(gesloten: Datum, vandaag: Datum, maanden: number): boolean {
  return plusMaanden(gesloten, maanden) <= vandaag;
}

/** Reads --bewaartermijn: a whole number of months, 0 allowed. */
export function leesBewaartermijn(input: string | undefined): number {
  if (input === undefined) return STANDAARD_BEWAARTERMIJN;
  const n = /^\d{1,4}$/.test(input.trim()) ? Number(input.trim()) : NaN;
  if (!(n >= 0 && n <= MAX_BEWAARTERMIJN)) {
    throw new UsageError(
      `Ongeldige waarde voor --bewaartermijn: '${input}'. Verwacht een heel aantal maanden van 0 tot en met ${MAX_BEWAARTERMIJN} (standaard ${STANDAARD_BEWAARTERMIJN}).`,
    );
  }
  return n;
}
