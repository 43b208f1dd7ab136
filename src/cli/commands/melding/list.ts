/** `kvz melding list`: meldingen with filters, newest first; never melder data. */
import { kies } from '../../../domain/keuze.js';
import { MELDING_STATUSSEN, type MeldingStatus } from '../../../domain/melding.js';
import { parseNummer } from '../../../domain/nummers.js';
import { dagVan, parseDatum } from '../../../domain/tijd.js';
import { UsageError } from '../../../domain/errors.js';
import { zoekMeldingen, type MeldingFilter } from '../../../store/meldingen.js';
import { categorieLijst, kernLijst } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { limiet, TABEL_STANDAARD_LIMIET } from '../../invoer.js';
import { meervoud, schrijf, schrijfJson } from '../../output.js';
import { meldingTabel } from './render.js';

interface Opts {
  status?: string;
  categorie?: string;
  kern?: string;
  zaak?: string;
  van?: string;
  tot?: string;
  vergunninghouder?: boolean;
  nietDoorgezet?: boolean;
  teLaatDoorgezet?: boolean;
  limit?: string;
  json?: boolean;
}

export default async function meldingList(ctx: Context, o: Opts): Promise<void> {
  const vandaag = dagVan(ctx.nu);
  const filter: MeldingFilter = {};
  const gevraagdeLimiet = limiet(o.limit);
  if (o.status !== undefined) filter.status = kies(o.status, '--status', { soort: 'status', waarden: MELDING_STATUSSEN }) as MeldingStatus;
  if (o.zaak !== undefined) filter.zaak = parseNummer('zaak', o.zaak, '--zaak');
  if (o.van !== undefined) filter.van = parseDatum(o.van, '--van', vandaag);
  if (o.tot !== undefined) filter.tot = parseDatum(o.tot, '--tot', vandaag);
  if (filter.van && filter.tot && filter.van > filter.tot) throw new UsageError('--van ligt na --tot; draai ze om.');
  if (o.vergunninghouder) filter.vergunninghouder = true;
  if (o.nietDoorgezet) filter.nietDoorgezet = true;
  if (o.teLaatDoorgezet) filter.teLaatDoorgezet = true;
  const db = ctx.db();
  if (o.categorie !== undefined) filter.categorie = kies(o.categorie, '--categorie', categorieLijst(db));
  if (o.kern !== undefined) filter.kern = kies(o.kern, '--kern', kernLijst(db));

  filter.limit = gevraagdeLimiet ?? (o.json ? undefined : TABEL_STANDAARD_LIMIET);
  const { meldingen, totaal } = zoekMeldingen(db, filter, ctx.nu);
  if (o.json) return schrijfJson(ctx, meldingen);
  if (meldingen.length === 0) return schrijf(ctx, 'Geen meldingen gevonden.');
  schrijf(ctx, await meldingTabel(ctx, meldingen));
  const rest = totaal - meldingen.length;
  const aantal = meervoud(totaal, 'melding', 'meldingen');
  schrijf(ctx, rest > 0 ? `${aantal}; de nieuwste ${meldingen.length} staan hierboven, nog ${rest} met --limit ${totaal}.` : `${aantal}.`);
}
