/** Which meeting a document is for: --datum, or else the next one of that soort. */
import { cadansSoort, soortNaam, type OverlegSoort } from '../../../domain/cadans.js';
import { DomainError } from '../../../domain/errors.js';
import type { Overleg } from '../../../domain/overleg.js';
import { parseDatum, type Datum } from '../../../domain/tijd.js';
import { leesCadans } from '../../../store/cadans.js';
import type { Db } from '../../../store/database.js';
import type { Context } from '../../context.js';
import { meld } from '../../output.js';
import { geenOverlegOp, overlegOp, volgendOverleg } from '../../../store/overleggen.js';

/** Checks --datum as a date; whether that soort meets then is asked of the database later. */
export function leesDatum(invoer: string | undefined, vandaag: Datum): Datum | undefined {
  return invoer === undefined ? undefined : parseDatum(invoer, '--datum', vandaag);
}

/** The meeting on `datum` (refused, naming the nearest, when that soort does not meet then), else the next one from today. */
export function kiesOverleg(db: Db, soort: OverlegSoort, datum: Datum | undefined, vandaag: Datum): Overleg {
  if (datum === undefined) {
    const o = volgendOverleg(db, soort, vandaag);
    if (!o) throw new DomainError(`Er is geen ${soortNaam(soort)} gepland. Zie kvz overleg plan.`);
    return o;
  }
  const o = overlegOp(db, soort, datum);
  if (!o || o.status === 'geannuleerd') throw geenOverlegOp(db, soort, datum, o);
  return o;
}

/** A document for a series whose cadence was never set is probably for the wrong date: say so (on stderr). */
export function waarschuwStandaardCadans(ctx: Context, db: Db, soort: OverlegSoort): void {
  const c = leesCadans(db)[cadansSoort(soort)];
  if (c.ingesteld_op === null) {
    meld(ctx, `! De cadans van het ${soortNaam(c.soort)} staat nog op de standaard; stel haar in met kvz overleg cadans ${c.soort} --start <datum>.`);
  }
}
