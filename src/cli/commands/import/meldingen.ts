/** `kvz import meldingen <bestand>`: a spreadsheet list in, all rows or none. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeerCsv, leesCsv } from '../../../documents/csv-lezen.js';
import { UsageError, UsageErrors } from '../../../domain/errors.js';
import { koppelKolommen, leesImportRij } from '../../../domain/melding-import.js';
import type { RegelContext } from '../../../domain/melding-invoer.js';
import type { NieuweMelding } from '../../../domain/melding.js';
import { importeerMeldingen, proefImport, type ImportUitkomst } from '../../../store/import.js';
import { categorieLijst, kernLijst, partnerLijst } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { leesPad } from '../../invoer.js';
import { kleuren, meervoud, meld, schrijf } from '../../output.js';

interface Opts {
  dryRun?: boolean;
}

export default function importMeldingen(ctx: Context, o: Opts, [invoer]: string[]): void {
  const bestand = leesPad(invoer, 'het CSV-bestand');
  const { tekst, codering } = decodeerCsv(readFileSync(bestand));
  const { rijen, regels } = leesCsv(tekst);
  if (rijen.length === 0) throw new UsageError(`${bestand} bevat niets; verwacht een kopregel en een regel per melding.`);
  const koppeling = koppelKolommen(rijen[0]!);
  if (rijen.length === 1) throw new UsageError(`${bestand} bevat alleen een kopregel; er is niets te importeren.`);

  const db = ctx.db();
  const c: RegelContext = { lijsten: { kern: kernLijst(db), categorie: categorieLijst(db), partner: partnerLijst(db) }, nu: ctx.nu };
  const meldingen: NieuweMelding[] = [];
  const fouten: string[] = [];
  let fouteRegels = 0;
  for (let r = 1; r < rijen.length; r++) {
    const uit = leesImportRij(rijen[r]!, regels[r]!, koppeling, c);
    if ('melding' in uit) meldingen.push(uit.melding);
    else (fouten.push(...uit.fouten), fouteRegels++);
  }
  if (codering === 'windows-1252') meld(ctx, `Let op: ${bestand} is geen UTF-8; gelezen als Windows-1252 (ANSI).`);
  if (koppeling.genegeerd.length > 0) meld(ctx, `Niet ingelezen kolommen: ${koppeling.genegeerd.join(', ')}.`);
  if (fouten.length > 0) {
    const totaal = rijen.length - 1;
    throw new UsageErrors([...fouten, `${fouteRegels} van de ${meervoud(totaal, 'regel', 'regels')} afgekeurd; er is niets geïmporteerd.`]);
  }

  if (o.dryRun) {
    const proef = proefImport(db, meldingen);
    schrijf(ctx, `Proef: ${meervoud(proef.aantal, 'melding is', 'meldingen zijn')} in orde en zou${proef.aantal === 1 ? '' : 'den'} worden geïmporteerd als ${reeks(proef)}. Er is niets vastgelegd.`);
    return;
  }
  const uitkomst = importeerMeldingen(db, ctx.actor('import meldingen'), meldingen, basename(bestand));
  schrijf(ctx, kleuren(ctx).green(`✓ ${meervoud(uitkomst.aantal, 'melding', 'meldingen')} geïmporteerd: ${reeks(uitkomst)}.`));
  if (uitkomst.niet_doorgezet > 0) {
    schrijf(ctx, `! ${uitkomst.niet_doorgezet} daarvan ${uitkomst.niet_doorgezet === 1 ? 'is' : 'zijn'} nog niet doorgezet; zie kvz melding list --niet-doorgezet.`);
  }
}

function reeks(u: ImportUitkomst): string {
  return u.reeksen.map((r) => (r.eerste === r.laatste ? r.eerste : `${r.eerste} t/m ${r.laatste}`)).join(' en ');
}
