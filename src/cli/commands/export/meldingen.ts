/** `kvz export meldingen`: meldingen as a spreadsheet; melder data and vertrouwelijke meldingen only on request. */
import { kies } from '../../../domain/keuze.js';
import { MELDING_STATUSSEN, type MeldingStatus } from '../../../domain/melding.js';
import { parseNummer } from '../../../domain/nummers.js';
import { dagVan, parseDatum } from '../../../domain/tijd.js';
import { UsageError } from '../../../domain/errors.js';
import { meldingCellen, meldingKop } from '../../../documents/meldingen-csv.js';
import {
  auditMeldingExport,
  controleerExportZaak,
  meldingExportRijen,
  telMeldingExport,
  type MeldingExportFilter,
  type MeldingExportOpties,
} from '../../../store/export.js';
import { categorieLijst, kernLijst } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { exporteerCsv } from '../../csv-uitvoer.js';
import { leesFormaat, leesOutput } from '../../document-opties.js';
import { meervoud, meld, schrijf } from '../../output.js';

interface Opts {
  output?: string;
  formaat?: string;
  van?: string;
  tot?: string;
  categorie?: string;
  kern?: string;
  status?: string;
  zaak?: string;
  vergunninghouder?: boolean;
  vertrouwelijk?: boolean;
  metMelder?: boolean;
}

export default async function exportMeldingen(ctx: Context, o: Opts): Promise<void> {
  const vandaag = dagVan(ctx.nu);
  const formaat = leesFormaat(o.formaat);
  const output = leesOutput(o.output);
  const filter: MeldingExportFilter = {};
  if (o.status !== undefined) filter.status = kies(o.status, '--status', { soort: 'status', waarden: MELDING_STATUSSEN }) as MeldingStatus;
  if (o.zaak !== undefined) filter.zaak = parseNummer('zaak', o.zaak, '--zaak');
  if (o.van !== undefined) filter.van = parseDatum(o.van, '--van', vandaag);
  if (o.tot !== undefined) filter.tot = parseDatum(o.tot, '--tot', vandaag);
  if (filter.van && filter.tot && filter.van > filter.tot) throw new UsageError('--van ligt na --tot; draai ze om.');
  if (o.vergunninghouder) filter.vergunninghouder = true;
  const db = ctx.db();
  if (o.categorie !== undefined) filter.categorie = kies(o.categorie, '--categorie', categorieLijst(db));
  if (o.kern !== undefined) filter.kern = kies(o.kern, '--kern', kernLijst(db));

  const opties: MeldingExportOpties = { vertrouwelijk: o.vertrouwelijk === true, metMelder: o.metMelder === true };
  if (filter.zaak !== undefined) controleerExportZaak(db, filter.zaak, opties.vertrouwelijk);
  const aantal = await exporteerCsv(
    ctx,
    {
      kop: meldingKop(opties.metMelder),
      formaat,
      rijen: function* () {
        for (const m of meldingExportRijen(db, filter, opties)) yield meldingCellen(m, formaat, opties.metMelder);
      },
      tel: () => telMeldingExport(db, filter, opties),
      audit: (n) => auditMeldingExport(db, ctx.actor('export meldingen'), filter, { ...opties, formaat, bestand: output ?? null }, n),
    },
    output,
  );
  if (output !== undefined) schrijf(ctx, `${meervoud(aantal, 'melding', 'meldingen')} geëxporteerd naar ${output}.`);
  if (opties.metMelder) meld(ctx, '! Met gegevens van melders: deel dit bestand alleen met wie ze nodig heeft, en verwijder het daarna.');
  if (opties.vertrouwelijk) meld(ctx, '! Met vertrouwelijke meldingen (kolom Vertrouwelijk): deel dit bestand alleen binnen het politieoverleg.');
}
