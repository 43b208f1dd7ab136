/** `kvz melding forward`: record that a melding went to one or more partners. */
import { kiesMeerdere } from '../../../domain/keuze.js';
import { LENGTE } from '../../../domain/melding.js';
import { parseNummer } from '../../../domain/nummers.js';
import { optioneleTekst } from '../../../domain/tekst.js';
import { parseTijdstip, tijdstipKort } from '../../../domain/tijd.js';
import { zetDoor } from '../../../store/meldingen.js';
import { partnerLijst } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { eisWaarden } from '../../invoer.js';
import { schrijf, schrijfJson } from '../../output.js';
import { doorzettingTekst } from './render.js';

interface Opts {
  naar?: string;
  op?: string;
  notitie?: string;
  json?: boolean;
}

export default async function meldingForward(ctx: Context, o: Opts, [invoer]: string[]): Promise<void> {
  const nummer = parseNummer('melding', invoer!, 'het meldingnummer');
  eisWaarden({ '--naar': o.naar });
  const op = o.op === undefined ? ctx.nu : parseTijdstip(o.op, '--op', ctx.nu);
  const notitie = optioneleTekst(o.notitie, '--notitie', { max: LENGTE.notitie, meerdereRegels: true });
  const db = await ctx.db();
  const naar = kiesMeerdere(o.naar!, '--naar', await partnerLijst(db));
  const melding = await zetDoor(db, ctx.actor('melding forward'), nummer, naar, op, notitie);
  if (o.json) return schrijfJson(ctx, melding);
  schrijf(ctx, `Melding ${nummer} doorgezet naar ${naar.join(', ')} (${tijdstipKort(op)}).`);
  if (melding.doorzetting === 'te-laat') schrijf(ctx, `${doorzettingTekst(ctx, melding)}: niet op de dag van ontvangst doorgezet.`);
}
