/** `kvz demo`: makes the fictive year, says where it is, shows the next GIO and what to try next. */
import { datumLang } from '../../../domain/tijd.js';
import { controleerDemoDoel, eigenDemoPad, maakDemo } from '../../../demo/bestand.js';
import { openDatabase } from '../../../store/database.js';
import type { Db } from '../../../store/db.js';
import type { Context } from '../../context.js';
import { shellWoord } from '../../opmaak.js';
import { kleuren, schrijf } from '../../output.js';
import { toonVolgendeGioAgenda } from './agenda.js';

export default async function demo(ctx: Context): Promise<void> {
  const eigen = ctx.dbBron() !== 'optie';
  const pad = eigen ? eigenDemoPad(ctx.env) : ctx.dbPad();
  const { vervangt } = controleerDemoDoel(pad, eigen);
  const jaar = await maakDemo(pad, ctx.nu, ctx.gebruiker);

  let db: Db | undefined;
  const demoCtx: Context = {
    ...ctx,
    dbPad: () => pad,
    dbBron: () => 'optie',
    db: async () => (db ??= openDatabase(pad, { nu: ctx.nu })),
  };
  try {
    schrijf(ctx, kleuren(ctx).green(`${vervangt ? 'Demodatabase opnieuw gemaakt' : 'Demodatabase gemaakt'}: ${pad}`));
    schrijf(
      ctx,
      `Een fictief jaar Koggenland, ${datumLang(jaar.van)} tot en met ${datumLang(jaar.tot)}: ${jaar.meldingen} meldingen, ` +
        `${jaar.zaken} zaken, ${jaar.acties} acties en ${jaar.auditregels} regels in het auditlog. Alle namen en adressen zijn verzonnen.`,
    );
    schrijf(ctx);
    await toonVolgendeGioAgenda(demoCtx);
    const metDb = `--db ${shellWoord(pad)}`;
    schrijf(ctx);
    schrijf(ctx, 'Probeer ook:');
    for (const c of [`kvz status ${metDb}`, `kvz rapport jeugd ${metDb}`, `kvz export matrix --output matrix.csv ${metDb}`]) {
      schrijf(ctx, `  ${c}`);
    }
  } finally {
    await db?.sluit();
  }
}
