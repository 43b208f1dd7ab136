/** `kvz export meldingen`: meldingen as a spreadsheet; melder data and vertrouwelijke meldingen only on request. */
import { meldingCellen, meldingKop } from '../../../documents/meldingen-csv.js';
import {
  auditMeldingExport,
  controleerExportZaak,
  meldingExportRijen,
  telMeldingExport,
  type MeldingExportOpties,
} from '../../../store/export.js';
import type { Context } from '../../context.js';
import { exporteerCsv } from '../../csv-uitvoer.js';
import { leesFormaat } from '../../document-opties.js';
import { leesOutput } from '../../output-pad.js';
import { meervoud, meld, schrijf } from '../../output.js';
import { leesMeldingSelectie, type SelectieOpts } from '../melding/selectie.js';

interface Opts extends SelectieOpts {
  output?: string;
  formaat: string;
  vertrouwelijk?: boolean;
  metMelder?: boolean;
}

export default async function exportMeldingen(ctx: Context, o: Opts): Promise<void> {
  const formaat = leesFormaat(o.formaat);
  const output = leesOutput(o.output);
  const { db, selectie: filter } = await leesMeldingSelectie(ctx, o);

  const opties: MeldingExportOpties = { vertrouwelijk: o.vertrouwelijk === true, metMelder: o.metMelder === true };
  if (filter.zaak !== undefined) await controleerExportZaak(db, filter.zaak, opties.vertrouwelijk);
  const aantal = await exporteerCsv(
    ctx,
    {
      kop: meldingKop(opties.metMelder),
      formaat,
      rijen: async function* () {
        for await (const batch of meldingExportRijen(db, filter, opties)) yield batch.map((m) => meldingCellen(m, formaat, opties.metMelder));
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
