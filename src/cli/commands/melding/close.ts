/** `kvz melding close`: a melding is handled, or lapses (`--vervallen <reden>`: a duplicate, or made in error). */
import { CancelledError, UsageError } from '../../../domain/errors.js';
import { LENGTE } from '../../../domain/melding.js';
import { parseNummer } from '../../../domain/nummers.js';
import { optioneleTekst } from '../../../domain/tekst.js';
import { sluitMelding, wachtMelderOpTerugkoppeling } from '../../../store/meldingen.js';
import type { Context } from '../../context.js';
import { schrijf, schrijfJson } from '../../output.js';

interface Opts {
  notitie?: string;
  vervallen?: string;
  zonderTerugkoppeling?: boolean;
  json?: boolean;
}

export default async function meldingClose(ctx: Context, o: Opts, [invoer]: string[]): Promise<void> {
  const nummer = parseNummer('melding', invoer!, 'het meldingnummer');
  const notitie = optioneleTekst(o.notitie, '--notitie', { max: LENGTE.notitie, meerdereRegels: true });
  const reden = optioneleTekst(o.vervallen, '--vervallen', { max: LENGTE.notitie, meerdereRegels: true });
  if (o.vervallen !== undefined && reden === undefined) {
    throw new UsageError('--vervallen vraagt de reden, bijvoorbeeld --vervallen "dubbel met M-2027-0012".');
  }
  if (reden !== undefined && notitie !== undefined) {
    throw new UsageError('Geef bij --vervallen de reden en geen --notitie: de reden is de notitie van een vervallen melding.');
  }
  const db = await ctx.db();
  let zonder = o.zonderTerugkoppeling === true;
  // A melder still waiting for feedback: in a terminal kvz asks; elsewhere the flag must say so (SPEC §12).
  // A lapsed melding waits for nothing: its melder hears back through the melding it duplicates.
  if (reden === undefined && !zonder && ctx.kanVragen && (await wachtMelderOpTerugkoppeling(db, nummer))) {
    zonder = await ctx.vraag.confirm({ message: `De melder van ${nummer} wacht nog op terugkoppeling. Toch afhandelen zonder terugkoppeling?`, default: false });
    if (!zonder) throw new CancelledError();
  }
  const { melding, zonderTerugkoppeling } = await sluitMelding(db, ctx.actor('melding close'), nummer, notitie, zonder, reden);
  if (o.json) return schrijfJson(ctx, melding);
  if (reden !== undefined) {
    schrijf(ctx, `Melding ${nummer} vervallen: telt niet meer mee in tellingen, agenda's en rapporten; lijst en logboek tonen haar nog.`);
    return;
  }
  schrijf(ctx, `Melding ${nummer} afgehandeld${zonderTerugkoppeling ? ' zonder terugkoppeling aan de melder' : ''}.`);
  if (melding.doorgezet_naar.length === 0) schrijf(ctx, '! Deze melding is nooit doorgezet.');
}
