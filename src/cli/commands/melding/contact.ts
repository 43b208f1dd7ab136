/** `kvz melding contact`: record contact with the melder. */
import { UsageError } from '../../../domain/errors.js';
import { kies } from '../../../domain/keuze.js';
import { CONTACT_SOORTEN, LENGTE, type ContactSoort } from '../../../domain/melding.js';
import { parseNummer } from '../../../domain/nummers.js';
import { tekst } from '../../../domain/tekst.js';
import { parseTijdstip } from '../../../domain/tijd.js';
import { legContactVast } from '../../../store/meldingen.js';
import type { Context } from '../../context.js';
import { eisWaarden } from '../../invoer.js';
import { schrijf, schrijfJson } from '../../output.js';
import { bereidPostVoor, leverAf, meldPost } from '../../post.js';

interface Opts {
  soort?: string;
  notitie?: string;
  op?: string;
  mail?: boolean;
  json?: boolean;
}

export default async function meldingContact(ctx: Context, o: Opts, [invoer]: string[]): Promise<void> {
  const nummer = parseNummer('melding', invoer!, 'het meldingnummer');
  eisWaarden({ '--soort': o.soort, '--notitie': o.notitie });
  const soort = kies(o.soort!, '--soort', { soort: 'soort contact', waarden: CONTACT_SOORTEN }) as ContactSoort;
  const notitie = tekst(o.notitie!, '--notitie', { max: LENGTE.notitie, meerdereRegels: true });
  const op = o.op === undefined ? ctx.nu : parseTijdstip(o.op, '--op', ctx.nu);
  if (o.mail && soort !== 'terugkoppeling') throw new UsageError('--mail geldt voor --soort terugkoppeling: dan mailt kvz de notitie aan de melder.');
  if (o.mail && o.op !== undefined) throw new UsageError('--op en --mail gaan niet samen: een mail gaat nu weg. Laat --op weg.');
  const db = await ctx.db();
  const post = o.mail ? await bereidPostVoor(ctx, db) : undefined;
  const actor = ctx.actor('melding contact');
  const melding = await legContactVast(db, actor, nummer, soort, op, notitie, post ? { keuze: post.keuze, uit: post.verslag } : undefined);
  const afgeleverd = post ? await leverAf(db, actor, post) : [];
  if (o.json) {
    schrijfJson(ctx, melding);
    return meldPost(ctx, post, afgeleverd, true);
  }
  schrijf(ctx, `Contact (${soort}) met de melder van ${nummer} vastgelegd.`);
  meldPost(ctx, post, afgeleverd);
  if (post && !post.keuze.aan) schrijf(ctx, 'E-mail staat uit in deze database: de melder is niet gemaild (aanzetten: kvz instelling mail --aan).');
}
