/** `kvz demo`: makes the fictive year, says where it is, shows the next GIO and what to try next. */
import { datumLang } from '../../../domain/datum-nl.js';
import { controleerDemoDoel, eigenDemoPad, maakDemo } from '../../../demo/bestand.js';
import { vulDemoJaar, type DemoJaar } from '../../../demo/jaar.js';
import { DomainError } from '../../../domain/errors.js';
import { openDatabase } from '../../../store/database.js';
import type { Db } from '../../../store/db.js';
import type { Context } from '../../context.js';
import { shellWoord } from '../../opmaak.js';
import { kleuren, schrijf } from '../../output.js';
import { toonVolgendeGioAgenda } from './agenda.js';

export default async function demo(ctx: Context): Promise<void> {
  if (ctx.opslag === 'postgres') return demoOpPostgres(ctx);
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
    await vertelDemo(demoCtx, pad, jaar, vervangt);
  } finally {
    await db?.sluit();
  }
}

/**
 * The demo year in a shared database: only one on which nothing but kvz init ran (a demo must never
 * mix with real data), filled in one transaction; then what the file demo shows.
 */
async function demoOpPostgres(ctx: Context): Promise<void> {
  const db = await ctx.db();
  const iets = await db.waarde<number>(`SELECT (SELECT count(*) FROM melding) + (SELECT count(*) FROM zaak) + (SELECT count(*) FROM audit WHERE commando <> 'init')`);
  if (iets !== 0) {
    throw new DomainError(`${ctx.dbPad()} is niet leeg; kvz demo vult alleen een database waarop alleen kvz init is gedraaid, en heeft niets gewijzigd.`);
  }
  const jaar = await db.transactie(() => vulDemoJaar(db, ctx.nu, ctx.gebruiker));
  await vertelDemo(ctx, ctx.dbPad(), jaar, false);
}

/** What a demo says: where it is, what it holds, the next GIO's agenda, and what to try. */
async function vertelDemo(ctx: Context, pad: string, jaar: DemoJaar, vervangt: boolean): Promise<void> {
  schrijf(ctx, kleuren(ctx).green(`${vervangt ? 'Demodatabase opnieuw gemaakt' : 'Demodatabase gemaakt'}: ${pad}`));
  schrijf(
    ctx,
    `Een fictief jaar Koggenland, ${datumLang(jaar.van)} tot en met ${datumLang(jaar.tot)}: ${jaar.meldingen} meldingen, ` +
      `${jaar.zaken} zaken, ${jaar.acties} acties en ${jaar.auditregels} regels in het auditlog. Alle namen en adressen zijn verzonnen.`,
  );
  schrijf(ctx);
  await toonVolgendeGioAgenda(ctx);
  const metDb = `--db ${shellWoord(pad)}`;
  // Started with npx (as the README's first command does), kvz is not on PATH: say it the same way.
  const kvz = ctx.env.npm_command === 'exec' ? 'npx kvz' : 'kvz';
  schrijf(ctx);
  schrijf(ctx, 'Probeer ook:');
  for (const c of [`${kvz} status ${metDb}`, `${kvz} rapport jeugd ${metDb}`, `${kvz} export matrix --output matrix.csv ${metDb}`]) {
    schrijf(ctx, `  ${c}`);
  }
}
