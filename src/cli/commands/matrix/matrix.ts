/** `kvz matrix`: what each partner owes, per zaak; what is late and what was postponed. */
import { kies } from '../../../domain/keuze.js';
import { parseNummer } from '../../../domain/nummers.js';
import { dagVan } from '../../../domain/tijd.js';
import { matrixPerZaak, type MatrixFilter } from '../../../store/matrix.js';
import { partnerLijst } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { schrijf, schrijfJson } from '../../output.js';
import { actieInvoer } from '../actie/invoer.js';
import { matrixTekst } from './render.js';

interface Opts {
  status?: string;
  partner?: string;
  zaak?: string;
  teLaat?: boolean;
  zonderVertrouwelijk?: boolean;
  json?: boolean;
}

export default async function matrix(ctx: Context, o: Opts): Promise<void> {
  const vandaag = dagVan(ctx.nu);
  const status = o.status === undefined ? 'open' : kies(o.status, '--status', { soort: 'status', waarden: ['open', 'alle'] });
  // IV's own screen: vertrouwelijke zaken are shown (and marked) unless asked to leave them out.
  const filter: MatrixFilter = { alleenLopend: status === 'open', vertrouwelijk: !o.zonderVertrouwelijk };
  if (o.zaak !== undefined) filter.zaak = parseNummer('zaak', o.zaak, '--zaak');
  if (o.teLaat) filter.teLaat = true;
  const db = await ctx.db();
  if (o.partner !== undefined) filter.partner = actieInvoer.partner(o.partner, await partnerLijst(db));
  const zaken = await matrixPerZaak(db, filter, vandaag);
  if (o.json) return schrijfJson(ctx, zaken);
  if (zaken.length === 0) return schrijf(ctx, o.partner || o.teLaat || o.zaak ? 'Geen acties gevonden.' : 'De matrix is leeg: er zijn geen open zaken.');
  ctx.io.stdout.write(matrixTekst(ctx, zaken, vandaag));
}
