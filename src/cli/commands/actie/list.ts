/** `kvz actie list`: acties with filters, newest first. */
import { ACTIE_STATUSSEN } from '../../../domain/actie.js';
import { parseNummer } from '../../../domain/nummers.js';
import { zoekActies, type ActieFilter } from '../../../store/acties.js';
import { partnerLijst } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { lijstLimiet } from '../../invoer.js';
import { lijstTelling, schrijf, schrijfJson } from '../../output.js';
import { actieInvoer } from './invoer.js';
import { actieTabel } from './render.js';

interface Opts {
  zaak?: string;
  partner?: string;
  status?: string;
  soort?: string;
  teLaat?: boolean;
  limit?: string;
  json?: boolean;
}

export default async function actieList(ctx: Context, o: Opts): Promise<void> {
  // IV's own list: vertrouwelijke zaken are included (and marked).
  const filter: ActieFilter = { vertrouwelijk: true };
  filter.limit = lijstLimiet(o.limit, o.json);
  if (o.zaak !== undefined) filter.zaak = parseNummer('zaak', o.zaak, '--zaak');
  if (o.status !== undefined) {
    const statussen = actieInvoer.statussen(o.status);
    if (statussen.length < ACTIE_STATUSSEN.length) filter.statussen = statussen;
  }
  if (o.soort !== undefined) filter.soorten = actieInvoer.soorten(o.soort);
  if (o.teLaat) filter.teLaat = true;
  const db = await ctx.db();
  if (o.partner !== undefined) filter.partner = actieInvoer.partner(o.partner, await partnerLijst(db));

  const { acties, totaal } = await zoekActies(db, filter, ctx.nu);
  if (o.json) return schrijfJson(ctx, acties);
  if (acties.length === 0) return schrijf(ctx, 'Geen acties gevonden.');
  schrijf(ctx, await actieTabel(ctx, acties));
  const regels = [lijstTelling(totaal, acties.length, 'actie', 'acties')];
  if (acties.some((a) => a.te_laat)) regels.push('! = te laat: de deadline is voorbij en de actie is nog open of loopt.');
  if (acties.some((a) => a.zaak_vertrouwelijk)) regels.push('* = vertrouwelijke zaak (alleen politieoverleg).');
  schrijf(ctx, regels.join('\n'));
}
