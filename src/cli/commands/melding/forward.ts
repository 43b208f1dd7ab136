/** `kvz melding forward`: record that a melding went to one or more partners. */
import { UsageError } from '../../../domain/errors.js';
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
import { bereidPostVoor, leverAf, meldPost } from '../../post.js';
import { toonMelding } from '../../../store/meldingen.js';

interface Opts {
  naar?: string;
  zonderMail?: boolean;
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
  if (o.op !== undefined && o.zonderMail !== true) {
    // --op records a forwarding done earlier by other means; mail counts from when it is sent.
    const metAdres = await db.kolom<string>('SELECT code FROM partner WHERE email IS NOT NULL');
    const gemaild = naar.filter((p) => metAdres.includes(p));
    if (gemaild.length > 0) {
      throw new UsageError(`--op geldt voor een doorzetting die al buiten kvz is gedaan; geef daarbij --zonder-mail (${gemaild.join(', ')} krijgt anders nu een mail, en die telt vanaf het verzenden).`);
    }
  }
  const post = await bereidPostVoor(ctx, db, o.zonderMail === true);
  const actor = ctx.actor('melding forward');
  let melding = await zetDoor(db, actor, nummer, naar, op, notitie, post.keuze, post.verslag);
  const afgeleverd = await leverAf(db, actor, post);
  if (afgeleverd.length > 0) melding = await toonMelding(db, nummer, ctx.nu);
  if (o.json) {
    schrijfJson(ctx, melding);
    return meldPost(ctx, post, afgeleverd, true);
  }
  const wacht = melding.doorzettingen.filter((d) => d.op === null).map((d) => d.partner);
  const telt = naar.filter((p) => !wacht.includes(p));
  if (telt.length > 0) {
    const moment = melding.doorzettingen.find((d) => d.partner === telt[0])?.op;
    schrijf(ctx, `Melding ${nummer} doorgezet naar ${telt.join(', ')} (${tijdstipKort(moment ? new Date(moment) : op)}).`);
  }
  if (wacht.length > 0) schrijf(ctx, `Melding ${nummer}: doorzetting naar ${wacht.join(', ')} vastgelegd; die telt zodra de mail weg is.`);
  meldPost(ctx, post, afgeleverd);
  if (melding.doorzetting === 'te-laat') schrijf(ctx, `${doorzettingTekst(ctx, melding)}: niet op de dag van ontvangst doorgezet.`);
}
