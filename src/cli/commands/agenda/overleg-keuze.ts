/** Which meeting a document is for: --datum, or else the next one of that soort. */
import { cadansSoort, soortNaam, type OverlegSoort } from '../../../domain/cadans.js';
import { DomainError } from '../../../domain/errors.js';
import type { Overleg } from '../../../domain/overleg.js';
import { dagVan, parseDatum, type Datum } from '../../../domain/tijd.js';
import { leesCadans } from '../../../store/cadans.js';
import type { Db } from '../../../store/db.js';
import type { Context } from '../../context.js';
import { kleinePaginacache } from '../../geheugen.js';
import { meld } from '../../output.js';
import { leesOutput } from '../../output-pad.js';
import { geenOverlegOp, overlegOp, volgendOverleg } from '../../../store/overleggen.js';

/**
 * The meeting an agenda or minutes skeleton is for, and the file to write it to: --datum and
 * --output are checked before the database is opened; whether that soort meets then is asked of it.
 */
export async function documentOverleg(ctx: Context, soort: OverlegSoort, o: { datum?: string; output?: string }): Promise<{ db: Db; overleg: Overleg; output: string | undefined }> {
  const vandaag = dagVan(ctx.nu);
  const datum = o.datum === undefined ? undefined : parseDatum(o.datum, '--datum', vandaag);
  const output = leesOutput(o.output);
  const db = await ctx.db();
  kleinePaginacache(db);
  const overleg = await kiesOverleg(db, soort, datum, vandaag);
  await waarschuwStandaardCadans(ctx, db, soort);
  return { db, overleg, output };
}

/** The meeting on `datum` (refused, naming the nearest, when that soort does not meet then), else the next one from today. */
async function kiesOverleg(db: Db, soort: OverlegSoort, datum: Datum | undefined, vandaag: Datum): Promise<Overleg> {
  if (datum === undefined) {
    const o = await volgendOverleg(db, soort, vandaag);
    if (!o) throw new DomainError(`Er is geen ${soortNaam(soort)} gepland. Zie kvz overleg plan.`);
    return o;
  }
  const o = await overlegOp(db, soort, datum);
  if (!o || o.status === 'geannuleerd') throw await geenOverlegOp(db, soort, datum, o);
  return o;
}

/**
 * Dates planned on a cadence that was never set are probably wrong: say so (on stderr), for one
 * soort or, without one, for every series.
 */
export async function waarschuwStandaardCadans(ctx: Context, db: Db, soort?: OverlegSoort): Promise<void> {
  for (const c of Object.values(await leesCadans(db))) {
    if (c.ingesteld_op === null && (soort === undefined || cadansSoort(soort) === c.soort)) {
      meld(ctx, `! De cadans van het ${soortNaam(c.soort)} staat nog op de standaard; stel haar in met kvz overleg cadans ${c.soort} --start <datum>.`);
    }
  }
}
