/** `kvz export meldingen`: meldingen as a spreadsheet; melder data and vertrouwelijke meldingen only on request. */
import { dagVan, datumKort } from '../../../domain/tijd.js';
import { meldingCellen, meldingKop } from '../../../documents/meldingen-csv.js';
import {
  auditMeldingExport,
  controleerExportZaak,
  meldingExportRijen,
  telMeldingExport,
  type MeldingExportOpties,
} from '../../../store/export.js';
import type { MeldingSelectie } from '../../../store/melding-selectie.js';
import { partnerLijst } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { exporteerCsv } from '../../csv-uitvoer.js';
import { leesExportFormaat } from '../../document-opties.js';
import { leesOutput } from '../../output-pad.js';
import { meervoud, meld, schrijf } from '../../output.js';
import { leesMeldingSelectie, type SelectieOpts } from '../melding/selectie.js';

interface Opts extends SelectieOpts {
  output?: string;
  formaat?: string;
  metVertrouwelijk?: boolean;
  metMelder?: boolean;
  perPartner?: boolean;
}

export default async function exportMeldingen(ctx: Context, o: Opts): Promise<void> {
  const output = leesOutput(o.output);
  const formaat = leesExportFormaat(o.formaat, output, o.perPartner === true);
  const { db, selectie: filter } = await leesMeldingSelectie(ctx, o);
  const vandaag = dagVan(ctx.nu);

  const opties: MeldingExportOpties = { vertrouwelijk: o.metVertrouwelijk === true, metMelder: o.metMelder === true };
  if (filter.zaak !== undefined) await controleerExportZaak(db, filter.zaak, opties.vertrouwelijk);
  const audit = (n: number) =>
    auditMeldingExport(db, ctx.actor('export meldingen'), filter, { ...opties, formaat, bestand: output ?? null, ...(o.perPartner ? { per_partner: true } : {}) }, n);
  let aantal: number;
  if (formaat === 'xlsx') {
    const { exporteerXlsx } = await import('../../xlsx-uitvoer.js');
    const { meldingKolommen, meldingXlsxRij } = await import('../../../documents/export-xlsx.js');
    const blad = (naam: string, titel: string, f: MeldingSelectie) => ({
      naam,
      titel: `${titel} — stand ${datumKort(vandaag)}`,
      rijen: async function* () {
        for await (const batch of meldingExportRijen(db, f, opties)) yield batch.map((m) => meldingXlsxRij(m, opties.metMelder, vandaag));
      },
    });
    const bladen = [blad('Meldingen', 'Meldingen Integrale Veiligheid Koggenland', filter)];
    if (o.perPartner) {
      for (const p of (await partnerLijst(db)).waarden) {
        const f = { ...filter, doorgezetNaar: p };
        if ((await telMeldingExport(db, f, opties)) > 0) bladen.push(blad(p, `Meldingen doorgezet naar ${p}`, f));
      }
    }
    aantal = (await exporteerXlsx({ kolommen: meldingKolommen(opties.metMelder), bladen, audit }, output!))[0]!;
  } else {
    aantal = await exporteerCsv(
      ctx,
      {
        kop: meldingKop(opties.metMelder),
        formaat,
        rijen: async function* () {
          for await (const batch of meldingExportRijen(db, filter, opties)) yield batch.map((m) => meldingCellen(m, formaat, opties.metMelder));
        },
        tel: () => telMeldingExport(db, filter, opties),
        audit,
      },
      output,
    );
  }
  if (output !== undefined) schrijf(ctx, `${meervoud(aantal, 'melding', 'meldingen')} geëxporteerd naar ${output}.`);
  if (opties.metMelder) meld(ctx, '! Met gegevens van melders: deel dit bestand alleen met wie ze nodig heeft, en verwijder het daarna.');
  if (opties.vertrouwelijk) meld(ctx, '! Met vertrouwelijke meldingen (kolom Vertrouwelijk): deel dit bestand alleen binnen het politieoverleg.');
}
