/** `kvz demo`: makes the fictive year, says where it is, shows the next GIO and what to try next. */
import { datumLang } from '../../../domain/tijd.js';
import { controleerDemoDoel, eigenDemoPad, maakDemo } from '../../../demo/bestand.js';
import { openDatabase, type Db } from '../../../store/database.js';
import type { Context } from '../../context.js';
import { kleuren, schrijf } from '../../output.js';
import { toonVolgendeGioAgenda } from './agenda.js';

export default async function demo(ctx: Context): Promise<void> {
  const eigen = ctx.dbBron() !== 'optie';
  const pad = eigen ? eigenDemoPad(ctx.env) : ctx.dbPad();
  const { vervangt } = controleerDemoDoel(pad, eigen);
  const jaar = maakDemo(pad, ctx.nu, ctx.gebruiker);

  let db: Db | undefined;
  const demoCtx: Context = {
    ...ctx,
    dbPad: () => pad,
    dbBron: () => 'optie',
    db: () => (db ??= openDatabase(pad, { nu: ctx.nu })),
  };
  try {
    const k = kleuren(ctx);
    const tellen = (tabel: string) => demoCtx.db().prepare(`SELECT count(*) FROM ${tabel}`).pluck().get() as number;
    schrijf(ctx, k.green(`${vervangt ? 'Demodatabase opnieuw gemaakt' : 'Demodatabase gemaakt'}: ${pad}`));
    schrijf(
      ctx,
      `Een fictief jaar Koggenland, ${datumLang(jaar.van)} tot en met ${datumLang(jaar.tot)}: ${tellen('melding')} meldingen, ` +
        `${tellen('zaak')} zaken, ${tellen('actie')} acties en ${tellen('audit')} regels in het auditlog. Alle namen en adressen zijn verzonnen.`,
    );
    schrijf(ctx);
    await toonVolgendeGioAgenda(demoCtx);
    const db2 = `--db ${shellWoord(pad)}`;
    schrijf(ctx);
    schrijf(ctx, 'Probeer ook:');
    for (const c of [`kvz status ${db2}`, `kvz matrix ${db2}`, `kvz melding list --te-laat-doorgezet ${db2}`, `kvz export matrix --output matrix.csv ${db2}`]) {
      schrijf(ctx, `  ${c}`);
    }
  } finally {
    if (db?.open) db.close();
  }
}

/** A path as one shell word: quoted when it holds anything a shell would read differently. */
export function shellWoord(pad: string): string {
  return /^[\w@%+=:,./-]+$/.test(pad) ? pad : `'${pad.replaceAll("'", `'\\''`)}'`;
}
