/** `kvz matrix`: what each partner owes, per zaak; what is late and what was postponed. */
import { parseNummer } from '../../../domain/nummers.js';
import { dagVan } from '../../../domain/tijd.js';
import { matrixPerZaak, verborgenVertrouwelijk, type MatrixFilter } from '../../../store/matrix.js';
import { partnerLijst } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { meld, schrijf, schrijfJson, schrijfTekst } from '../../output.js';
import { actieInvoer, matrixStatus, matrixStatusOpmerking } from '../actie/invoer.js';
import { matrixTekst } from './render.js';

interface Opts {
  status?: string;
  partner?: string;
  soort?: string;
  zaak?: string;
  teLaat?: boolean;
  metVertrouwelijk?: boolean;
  json?: boolean;
}

export default async function matrix(ctx: Context, o: Opts): Promise<void> {
  const vandaag = dagVan(ctx.nu);
  // What goes on the GIO's beamer: vertrouwelijke zaken only when asked for (and then marked), as in the export.
  const filter: MatrixFilter = { ...matrixStatus(o.status).filter, vertrouwelijk: o.metVertrouwelijk === true };
  if (o.zaak !== undefined) filter.zaak = parseNummer('zaak', o.zaak, '--zaak');
  if (o.soort !== undefined) filter.soorten = actieInvoer.soorten(o.soort);
  if (o.teLaat) filter.teLaat = true;
  const db = await ctx.db();
  if (o.partner !== undefined) filter.partner = actieInvoer.partner(o.partner, await partnerLijst(db));
  const zaken = await matrixPerZaak(db, filter, vandaag);
  if (o.json) return schrijfJson(ctx, zaken);
  if (!o.metVertrouwelijk) {
    // Say that some are left out (only to whom may see them: on PostgreSQL others count none).
    const weg = await verborgenVertrouwelijk(db, filter);
    if (weg > 0) meld(ctx, `${weg === 1 ? '1 vertrouwelijke zaak is' : `${weg} vertrouwelijke zaken zijn`} niet getoond; toon ze met --met-vertrouwelijk (alleen op een eigen scherm).`);
  }
  const opmerking = matrixStatusOpmerking(o.status);
  if (opmerking) meld(ctx, opmerking);
  if (zaken.length === 0) return schrijf(ctx, o.partner || o.teLaat || o.zaak || filter.statussen || filter.soorten ? 'Geen acties gevonden.' : 'De matrix is leeg: er zijn geen open zaken.');
  schrijfTekst(ctx, matrixTekst(ctx, zaken, vandaag));
}
