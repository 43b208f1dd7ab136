/** `kvz zaak list`: zaken with their counts, newest first. */
import { kiesStatussen } from '../../../domain/keuze.js';
import { ZAAK_OPENSTAAND, ZAAK_STATUSSEN } from '../../../domain/zaak.js';
import { dagVan } from '../../../domain/tijd.js';
import { zoekZaken, type ZaakFilter, type ZaakMetNummers } from '../../../store/zaken.js';
import { kernLijst } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { lijstLimiet } from '../../invoer.js';
import { lijstTelling, schrijf, schrijfJson } from '../../output.js';
import { zaakInvoer } from './invoer.js';
import { zaakLijstJson, zaakTabel } from './render.js';

interface Opts {
  status?: string;
  kern?: string;
  soort?: string;
  limit?: string;
  json?: boolean;
}

export default async function zaakList(ctx: Context, o: Opts): Promise<void> {
  const filter: ZaakFilter = {};
  filter.limit = lijstLimiet(o.limit, o.json);
  if (o.status !== undefined) {
    const statussen = kiesStatussen(o.status, ZAAK_STATUSSEN, ZAAK_OPENSTAAND);
    if (statussen.length === 1) filter.status = statussen[0]!;
  }
  if (o.soort !== undefined) filter.soort = zaakInvoer.soort(o.soort);
  const db = await ctx.db();
  if (o.kern !== undefined) filter.kern = zaakInvoer.kern(o.kern, await kernLijst(db));

  if (o.json) {
    const { zaken } = await zoekZaken(db, { ...filter, metNummers: true }, dagVan(ctx.nu));
    return schrijfJson(ctx, zaken.map((z) => zaakLijstJson(z as ZaakMetNummers)));
  }
  const { zaken, totaal } = await zoekZaken(db, filter, dagVan(ctx.nu));
  if (zaken.length === 0) return schrijf(ctx, 'Geen zaken gevonden.');
  schrijf(ctx, await zaakTabel(ctx, zaken));
  const regels = [lijstTelling(totaal, zaken.length, 'zaak', 'zaken')];
  if (zaken.some((z) => z.te_laat_acties > 0)) regels.push('! = acties te laat: de deadline is voorbij en de actie is nog open of loopt.');
  schrijf(ctx, regels.join('\n'));
}
