/** `kvz zaak update`: correct or complete a zaak; every change is audited. */
import { UsageError } from '../../../domain/errors.js';
import { parseNummer } from '../../../domain/nummers.js';
import type { ZaakWijziging } from '../../../domain/zaak.js';
import { wijzigZaak } from '../../../store/zaken.js';
import { kernLijst, partnerLijst } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { zaakJson } from './render.js';
import { schrijf, schrijfJson } from '../../output.js';
import { zaakInvoer } from './invoer.js';

interface Opts {
  titel?: string;
  soort?: string;
  kern?: string;
  eigenaar?: string;
  vertrouwelijk?: boolean;
  json?: boolean;
}

export default async function zaakUpdate(ctx: Context, o: Opts, [invoer]: string[]): Promise<void> {
  const nummer = parseNummer('zaak', invoer!, 'het zaaknummer');
  const w: ZaakWijziging = {};
  if (o.titel !== undefined) w.titel = zaakInvoer.titel(o.titel);
  if (o.soort !== undefined) w.soort = zaakInvoer.soort(o.soort);
  if (o.vertrouwelijk !== undefined) w.vertrouwelijk = o.vertrouwelijk;
  if (o.kern === undefined && o.eigenaar === undefined && Object.keys(w).length === 0) {
    throw new UsageError('Geef minstens één veld om te wijzigen, bijvoorbeeld --titel of --vertrouwelijk (zie --help).');
  }
  const db = await ctx.db();
  if (o.kern !== undefined) w.kern = zaakInvoer.kern(o.kern, await kernLijst(db));
  if (o.eigenaar !== undefined) w.eigenaar = zaakInvoer.eigenaar(o.eigenaar, await partnerLijst(db));
  const { zaak, gewijzigd } = await wijzigZaak(db, ctx.actor('zaak update'), nummer, w);
  if (o.json) return schrijfJson(ctx, zaakJson(zaak));
  if (gewijzigd.length === 0) return schrijf(ctx, `Zaak ${nummer}: niets gewijzigd (de waarden waren al zo).`);
  schrijf(ctx, `Zaak ${nummer} bijgewerkt: ${gewijzigd.join(', ')}.`);
}
