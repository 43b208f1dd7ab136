/**
 * The end of `kvz demo`: the next GIO. For now a short summary (the meeting, its window, the open
 * matrix as the GIO sees it); the integrator replaces the body of toonVolgendeGioAgenda with the
 * real agenda of `kvz agenda gio`.
 */
import { datumLang, dagVan, plusDagen } from '../../../domain/tijd.js';
import { telMeldingExport } from '../../../store/export.js';
import { matrixPerZaak } from '../../../store/matrix.js';
import { venster, volgendOverleg } from '../../../store/overleggen.js';
import type { Context } from '../../context.js';
import { shellWoord } from '../../opmaak.js';
import { kleuren, schrijf } from '../../output.js';
import { matrixTekst } from '../matrix/render.js';

export async function toonVolgendeGioAgenda(ctx: Context): Promise<void> {
  const db = ctx.db();
  const vandaag = dagVan(ctx.nu);
  const gio = volgendOverleg(db, 'gio', vandaag);
  if (!gio) return;
  const k = kleuren(ctx);
  const { van, tot } = venster(db, 'gio', gio.datum);
  // The GIO never sees vertrouwelijke meldingen or zaken (SPEC §4.4).
  const tel = (filter: { categorie?: string; vergunninghouder?: boolean }) =>
    telMeldingExport(db, { van, tot: plusDagen(tot, -1), ...filter }, { vertrouwelijk: false, metMelder: false });
  schrijf(ctx, k.bold(`Volgende GIO: ${datumLang(gio.datum)} ${gio.tijd}, ${gio.locatie}`));
  schrijf(
    ctx,
    `Sinds het vorige GIO (${datumLang(van)}): ${tel({})} meldingen, waarvan ${tel({ categorie: 'jeugdoverlast' })} jeugdoverlast ` +
      `en ${tel({ vergunninghouder: true })} over vergunninghouders.`,
  );
  schrijf(ctx);
  ctx.io.stdout.write(matrixTekst(ctx, matrixPerZaak(db, { alleenLopend: true, vertrouwelijk: false }, vandaag), vandaag));
  schrijf(ctx);
  schrijf(ctx, `De hele agenda: kvz agenda gio --db ${shellWoord(ctx.dbPad())}`);
}
