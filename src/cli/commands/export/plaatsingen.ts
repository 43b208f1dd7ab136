/**
 * `kvz export plaatsingen`: the placements of vergunninghouders with their address (SPEC §11): one of
 * the two places the address appears, so the export is audited as every export is.
 */
import { UsageError } from '../../../domain/errors.js';
import { dagVan, datumKort } from '../../../domain/tijd.js';
import { inTransactie, schrijfAudit } from '../../../store/audit.js';
import { exportPlaatsingen } from '../../../store/plaatsingen.js';
import type { Context } from '../../context.js';
import { exporteerCsv } from '../../csv-uitvoer.js';
import { leesExportFormaat } from '../../document-opties.js';
import { leesOutput } from '../../output-pad.js';
import { meervoud, meld, schrijf } from '../../output.js';

const KOP = ['Nummer', 'Kern', 'Adres', 'Datum', 'Einde', 'Huishouden', 'Begeleiding', 'Meldingen', 'Laatste contact'];

export default async function exportPlaatsingenCommando(ctx: Context, o: { output?: string; formaat?: string; alle?: boolean }): Promise<void> {
  const output = leesOutput(o.output);
  const formaat = leesExportFormaat(o.formaat, output, false);
  if (formaat === 'xlsx') throw new UsageError('export plaatsingen schrijft CSV: --formaat excel of csv.');
  const db = await ctx.db();
  const rijen = await exportPlaatsingen(db, { vandaag: dagVan(ctx.nu), alle: o.alle === true });
  const aantal = await exporteerCsv(
    ctx,
    {
      kop: KOP,
      formaat,
      rijen: async function* () {
        yield rijen.map((p) => [
          p.nummer, p.kern, p.adres ?? '(gewist)', datumKort(p.datum), p.einde ? datumKort(p.einde) : '', p.huishouden, p.begeleiding ?? '',
          p.meldingen, p.laatste_contact ? datumKort(p.laatste_contact) : '',
        ]);
      },
      tel: async () => rijen.length,
      audit: (n) =>
        inTransactie(db, () =>
          schrijfAudit(db, ctx.actor('export plaatsingen'), {
            resultaat: `${n} ${n === 1 ? 'plaatsing' : 'plaatsingen'} geëxporteerd (met adres)`,
            details: { aantal: n, formaat, alle: o.alle === true, bestand: output ?? null },
          }),
        ),
    },
    output,
  );
  if (output !== undefined) schrijf(ctx, `${meervoud(aantal, 'plaatsing', 'plaatsingen')} geëxporteerd naar ${output}.`);
  meld(ctx, '! Met adressen (persoonsgegevens): deel dit bestand alleen met wie de plaatsingen begeleidt.');
}
