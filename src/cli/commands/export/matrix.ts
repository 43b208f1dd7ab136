/** `kvz export matrix`: the matrix as a spreadsheet for the portefeuillehouders; vertrouwelijke zaken only on request. */
import { parseNummer } from '../../../domain/nummers.js';
import { dagVan, datumKort } from '../../../domain/tijd.js';
import { matrixCellen, matrixKop } from '../../../documents/matrix-csv.js';
import { auditMatrixExport, controleerExportZaak, type MatrixExportOpties } from '../../../store/export.js';
import { matrixRijen, telActies, type MatrixFilter } from '../../../store/matrix.js';
import { partnerLijst } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { exporteerCsv } from '../../csv-uitvoer.js';
import { leesExportFormaat } from '../../document-opties.js';
import { leesOutput } from '../../output-pad.js';
import { meervoud, meld, schrijf } from '../../output.js';
import { actieInvoer, matrixStatus, matrixStatusOpmerking } from '../actie/invoer.js';

interface Opts {
  output?: string;
  formaat?: string;
  status?: string;
  partner?: string;
  zaak?: string;
  metVertrouwelijk?: boolean;
  perPartner?: boolean;
}

export default async function exportMatrix(ctx: Context, o: Opts): Promise<void> {
  const vandaag = dagVan(ctx.nu);
  const output = leesOutput(o.output);
  const formaat = leesExportFormaat(o.formaat, output, o.perPartner === true);
  const status = matrixStatus(o.status);
  const zaak = o.zaak === undefined ? undefined : parseNummer('zaak', o.zaak, '--zaak');
  const vertrouwelijk = o.metVertrouwelijk === true;
  const db = await ctx.db();
  const partner = o.partner === undefined ? undefined : actieInvoer.partner(o.partner, await partnerLijst(db));
  if (zaak !== undefined) await controleerExportZaak(db, zaak, vertrouwelijk);

  const filter: MatrixFilter = { ...status.filter, vertrouwelijk };
  if (partner !== undefined) filter.partner = partner;
  if (zaak !== undefined) filter.zaak = zaak;
  const opties: MatrixExportOpties = { status: status.woord, partner: partner ?? null, zaak: zaak ?? null, vertrouwelijk, formaat, bestand: output ?? null };
  const audit = (n: number) => auditMatrixExport(db, ctx.actor('export matrix'), { ...opties, ...(o.perPartner ? { per_partner: true } : {}) }, n);
  let aantal: number;
  if (formaat === 'xlsx') {
    const { exporteerXlsx } = await import('../../xlsx-uitvoer.js');
    const { matrixKolommen, matrixXlsxRij } = await import('../../../documents/export-xlsx.js');
    const blad = (naam: string, titel: string, f: MatrixFilter) => ({
      naam,
      titel: `${titel} — stand ${datumKort(vandaag)}`,
      rijen: async function* () {
        for await (const batch of matrixRijen(db, f, vandaag)) yield batch.map((r) => matrixXlsxRij(r, vertrouwelijk));
      },
    });
    const bladen = [blad('Matrix', 'Matrix Integrale Veiligheid Koggenland', filter)];
    if (o.perPartner) {
      for (const p of (await partnerLijst(db)).waarden) {
        if (partner !== undefined && p !== partner) continue;
        if ((await telActies(db, { ...filter, partner: p }, vandaag)) > 0) bladen.push(blad(p, `Acties van ${p}`, { ...filter, partner: p }));
      }
    }
    aantal = (await exporteerXlsx({ kolommen: matrixKolommen(vertrouwelijk), bladen, audit }, output!))[0]!;
  } else {
    aantal = await exporteerCsv(
      ctx,
      {
        kop: matrixKop(vertrouwelijk),
        formaat,
        rijen: async function* () {
          for await (const batch of matrixRijen(db, filter, vandaag)) yield batch.map((r) => matrixCellen(r, formaat, vertrouwelijk));
        },
        tel: () => telActies(db, filter, vandaag),
        audit,
      },
      output,
    );
  }
  if (output !== undefined) schrijf(ctx, `${meervoud(aantal, 'actie', 'acties')} geëxporteerd naar ${output}.`);
  const opmerking = matrixStatusOpmerking(o.status);
  if (opmerking) meld(ctx, opmerking);
  if (vertrouwelijk) meld(ctx, '! Met vertrouwelijke zaken (kolom Vertrouwelijk): deel dit bestand alleen binnen het politieoverleg.');
}
