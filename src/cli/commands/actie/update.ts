/** `kvz actie update`: change status, deadline or partner, or add a note; all of it is kept as history. */
import type { ActieWijziging } from '../../../domain/actie.js';
import { UsageError } from '../../../domain/errors.js';
import { parseNummer } from '../../../domain/nummers.js';
import { dagVan, datumKort } from '../../../domain/tijd.js';
import { wijzigActie } from '../../../store/acties.js';
import { partnerLijst } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { kleuren, schrijf, schrijfJson } from '../../output.js';
import { actieInvoer, leesDeadline } from './invoer.js';

interface Opts {
  status?: string;
  deadline?: string;
  partner?: string;
  notitie?: string;
  overleg?: string;
  json?: boolean;
}

export default async function actieUpdate(ctx: Context, o: Opts, [invoer]: string[]): Promise<void> {
  const nummer = parseNummer('actie', invoer!, 'het actienummer');
  const vandaag = dagVan(ctx.nu);
  const w: ActieWijziging = {};
  if (o.status !== undefined) w.status = actieInvoer.status(o.status);
  if (o.deadline !== undefined) w.deadline = await leesDeadline(() => ctx.db(), o.deadline, vandaag);
  const notitie = actieInvoer.notitie(o.notitie);
  if (notitie !== undefined) w.notitie = notitie;
  if (o.overleg !== undefined) w.overleg = actieInvoer.overleg(o.overleg, vandaag);
  if (o.status === undefined && o.deadline === undefined && o.partner === undefined && notitie === undefined) {
    throw new UsageError('Geef minstens een van --status, --deadline, --partner of --notitie (zie --help).');
  }
  const db = await ctx.db();
  if (o.partner !== undefined) w.partner = actieInvoer.partner(o.partner, await partnerLijst(db));
  const { actie, gewijzigd, uitgesteld } = await wijzigActie(db, ctx.actor('actie update'), nummer, w);
  if (o.json) return schrijfJson(ctx, actie);
  if (gewijzigd.length === 0) return schrijf(ctx, `Actie ${nummer}: niets gewijzigd (de waarden waren al zo).`);
  const k = kleuren(ctx);
  schrijf(ctx, `Actie ${nummer} bijgewerkt: ${gewijzigd.join(', ')}.`);
  if (uitgesteld) schrijf(ctx, k.yellow(`Deadline uitgesteld naar ${datumKort(actie.deadline)}; deze actie is nu ${actie.keer_uitgesteld}× uitgesteld.`));
  if (actie.te_laat) schrijf(ctx, k.red(`! De deadline (${datumKort(actie.deadline)}) is voorbij: de actie is te laat.`));
}
