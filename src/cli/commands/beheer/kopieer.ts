/**
 * `kvz kopieer --naar <doel>`: the whole database into an empty one, in either direction (a desk's file
 * up to the team's PostgreSQL, or PostgreSQL down to a file), verified before it is committed.
 */
import { closeSync, existsSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DomainError, UsageError } from '../../../domain/errors.js';
import { isPostgresAdres, toonbaarAdres } from '../../../store/adres.js';
import { controleerVervangbaar, isDeDatabase } from '../../../store/backup.js';
import { openDatabase } from '../../../store/database.js';
import type { Db } from '../../../store/db.js';
import { kopieer, postgresDoel, sqliteDoel, type Kopie } from '../../../store/kopie.js';
import { ruimAchtergeblevenOp, schrijfFout, tijdelijkPad } from '../../../store/tijdelijk.js';
import type { Context } from '../../context.js';
import { leesPad } from '../../invoer.js';
import { kleuren, meervoud, schrijf, schrijfJson } from '../../output.js';
import { geenToegang } from '../../rechten.js';
import { bestaandeDb } from './bestaand.js';

export default async function kopieerCommando(ctx: Context, o: { naar?: string; overschrijf?: boolean; json?: boolean }): Promise<void> {
  if (o.naar === undefined) throw new UsageError('--naar ontbreekt; geef een nieuw bestand of het adres van een PostgreSQL-database (postgres://…).');
  const naar = leesPad(o.naar, '--naar');
  if (o.overschrijf && isPostgresAdres(naar)) throw new UsageError('--overschrijf geldt alleen voor een bestand; een PostgreSQL-database als doel moet leeg zijn (alleen kvz init).');
  const bron = ctx.opslag === 'postgres' ? await ctx.db() : await bestaandeDb(ctx);
  const uitkomst = isPostgresAdres(naar) ? await naarPostgres(ctx, bron, naar) : await naarBestand(ctx, bron, naar, o.overschrijf === true);
  const doelNaam = isPostgresAdres(naar) ? toonbaarAdres(naar) : uitkomst.doel;
  if (o.json) return schrijfJson(ctx, { bron: ctx.dbPad(), doel: doelNaam, rijen: uitkomst.kopie.tellingen, keten: uitkomst.kopie.keten.ok });
  const t = uitkomst.kopie.tellingen;
  const k = kleuren(ctx);
  schrijf(ctx, k.green(`✓ Gekopieerd naar ${doelNaam} en gecontroleerd.`));
  schrijf(
    ctx,
    `${meervoud(t.melding!, 'melding', 'meldingen')}, ${meervoud(t.zaak!, 'zaak', 'zaken')}, ${meervoud(t.actie!, 'actie', 'acties')} ` +
      `en ${meervoud(t.audit!, 'regel', 'regels')} van het auditlog; de hashketen klopt.`,
  );
  schrijf(ctx, 'In de kopie staat e-mail uit: zet het daar aan met kvz instelling mail --aan als de kopie de echte wordt.');
}

/** Into a PostgreSQL database on which only kvz init ran; the login of the address must be beheer there. */
async function naarPostgres(ctx: Context, bron: Db, naar: string): Promise<{ kopie: Kopie; doel: string }> {
  if (ctx.opslag === 'postgres' && toonbaarAdres(naar) === ctx.dbPad()) throw new DomainError('Bron en doel zijn dezelfde database; kies een ander doel.');
  const { openPostgres } = await import('../../../store/postgres-open.js');
  const doel = await openPostgres(naar, ctx.env);
  try {
    const rol = doel.identiteit!.rol;
    if (rol !== 'beheer') throw geenToegang(rol, 'niet naar deze database kopiëren');
    const actor = { ...ctx.actor('kopieer'), gebruiker: doel.identiteit!.login };
    return { kopie: await kopieer(bron, postgresDoel(doel), actor, ctx.dbPad()), doel: toonbaarAdres(naar) };
  } finally {
    await doel.sluit();
  }
}

/** Into a new file: built beside it under a temporary name and renamed into place when it verifies. */
async function naarBestand(ctx: Context, bron: Db, naar: string, overschrijf: boolean): Promise<{ kopie: Kopie; doel: string }> {
  const doel = resolve(naar);
  const map = dirname(doel);
  if (!existsSync(map) || !statSync(map).isDirectory()) throw new DomainError(`De map ${map} bestaat niet; maak haar eerst aan. Er is niets gekopieerd.`);
  if (existsSync(doel) && statSync(doel).isDirectory()) throw new UsageError(`--naar ${doel} is een map; geef een bestandsnaam. Er is niets gekopieerd.`);
  if (ctx.opslag === 'bestand' && isDeDatabase(ctx.dbPad(), doel)) throw new DomainError(`${doel} is de database zelf (of haar logboek); kies een ander bestand. Er is niets gekopieerd.`);
  // A copy cannot be made again from the database later: replacing a file needs --overschrijf (SPEC §12).
  if (existsSync(doel) && statSync(doel).size > 0) {
    if (!overschrijf) throw new DomainError(`${doel} bestaat al; kies een andere naam of gebruik --overschrijf. Er is niets gekopieerd.`);
    controleerVervangbaar(doel, 'er is niets gekopieerd.');
  }
  const tmp = tijdelijkPad(doel);
  ruimAchtergeblevenOp(doel);
  try {
    // A copy may go to a network drive (an offline copy on the department's share), as a back-up may.
    const db = openDatabase(tmp, { nu: ctx.nu, netwerk: { toegestaan: true } });
    let kopie: Kopie;
    try {
      kopie = await kopieer(bron, sqliteDoel(db), ctx.actor('kopieer'), ctx.dbPad());
    } finally {
      await db.sluit();
    }
    const fd = openSync(tmp, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, doel);
    return { kopie, doel: realpathSync(doel) };
  } catch (e) {
    for (const deel of ['', '-journal', '-wal', '-shm']) rmSync(`${tmp}${deel}`, { force: true });
    throw schrijfFout(e, doel);
  }
}
