/** The filter flags that `kvz melding list` and `kvz export meldingen` share. */
import { kies, kiesStatussen } from '../../../domain/keuze.js';
import { MELDING_OPENSTAAND, MELDING_STATUSSEN } from '../../../domain/melding.js';
import { parseNummer } from '../../../domain/nummers.js';
import { dagVan } from '../../../domain/tijd.js';
import type { Db } from '../../../store/db.js';
import type { MeldingSelectie } from '../../../store/melding-selectie.js';
import { categorieLijst, kernLijst } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { leesVanTot } from '../../invoer.js';

export interface SelectieOpts {
  status?: string;
  categorie?: string;
  kern?: string;
  zaak?: string;
  van?: string;
  tot?: string;
  vergunninghouder?: boolean;
}

/**
 * Reads the filter flags. Everything typed is checked before the database is opened, except kern
 * and categorie, which are looked up in it; returns the database with the selection.
 */
export async function leesMeldingSelectie(ctx: Context, o: SelectieOpts): Promise<{ db: Db; selectie: MeldingSelectie }> {
  const selectie: MeldingSelectie = {};
  if (o.status !== undefined) {
    const statussen = kiesStatussen(o.status, MELDING_STATUSSEN, MELDING_OPENSTAAND);
    if (statussen.length < MELDING_STATUSSEN.length) selectie.statussen = statussen;
  }
  if (o.zaak !== undefined) selectie.zaak = parseNummer('zaak', o.zaak, '--zaak');
  const { van, tot } = leesVanTot(o.van, o.tot, dagVan(ctx.nu));
  if (van) selectie.van = van;
  if (tot) selectie.tot = tot;
  if (o.vergunninghouder) selectie.vergunninghouder = true;
  const db = await ctx.db();
  if (o.categorie !== undefined) selectie.categorie = kies(o.categorie, '--categorie', await categorieLijst(db));
  if (o.kern !== undefined) selectie.kern = kies(o.kern, '--kern', await kernLijst(db));
  return { db, selectie };
}
