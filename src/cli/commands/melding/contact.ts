/** `kvz melding contact`: record contact with the melder. */
import { kies } from '../../../domain/keuze.js';
import { CONTACT_SOORTEN, LENGTE, type ContactSoort } from '../../../domain/melding.js';
import { parseNummer } from '../../../domain/nummers.js';
import { tekst } from '../../../domain/tekst.js';
import { parseTijdstip } from '../../../domain/tijd.js';
import { legContactVast } from '../../../store/meldingen.js';
import type { Context } from '../../context.js';
import { eisWaarden } from '../../invoer.js';
import { schrijf, schrijfJson } from '../../output.js';

interface Opts {
  soort?: string;
  notitie?: string;
  op?: string;
  json?: boolean;
}

export default async function meldingContact(ctx: Context, o: Opts, [invoer]: string[]): Promise<void> {
  const nummer = parseNummer('melding', invoer!, 'het meldingnummer');
  eisWaarden({ '--soort': o.soort, '--notitie': o.notitie });
  const soort = kies(o.soort!, '--soort', { soort: 'soort contact', waarden: CONTACT_SOORTEN }) as ContactSoort;
  const notitie = tekst(o.notitie!, '--notitie', { max: LENGTE.notitie, meerdereRegels: true });
  const op = o.op === undefined ? ctx.nu : parseTijdstip(o.op, '--op', ctx.nu);
  const melding = await legContactVast(await ctx.db(), ctx.actor('melding contact'), nummer, soort, op, notitie);
  if (o.json) return schrijfJson(ctx, melding);
  schrijf(ctx, `Contact (${soort}) met de melder van ${nummer} vastgelegd.`);
}
