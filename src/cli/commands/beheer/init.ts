/** `kvz init`: create the database explicitly; on an existing one, only report. */
import { existsSync, statSync } from 'node:fs';
import { DomainError } from '../../../domain/errors.js';
import { dagVan, parseDatum, VOORUIT } from '../../../domain/tijd.js';
import { zetCadansStart } from '../../../store/cadans.js';
import type { Context } from '../../context.js';
import { shellWoord } from '../../opmaak.js';
import { schrijf, schrijfJson } from '../../output.js';
import { ROLLEN } from '../../../store/rollen.js';

interface Opts {
  gioStart?: string;
  politieStart?: string;
  json?: boolean;
}

export default async function init(ctx: Context, o: Opts): Promise<void> {
  const vandaag = dagVan(ctx.nu);
  const gio = o.gioStart === undefined ? undefined : parseDatum(o.gioStart, '--gio-start', vandaag, VOORUIT);
  const politie = o.politieStart === undefined ? undefined : parseDatum(o.politieStart, '--politie-start', vandaag, VOORUIT);
  if (ctx.opslag === 'postgres') return initOpPostgres(ctx, o, { gio, politie });
  const pad = ctx.dbPad();
  const bestond = existsSync(pad) && statSync(pad).size > 0;
  const db = await ctx.db();
  if (bestond && (gio || politie)) {
    throw new DomainError(`De database ${pad} bestaat al; de startdatum is niet gewijzigd. Gebruik daarvoor kvz overleg cadans.`);
  }
  if (gio || politie) await zetCadansStart(db, ctx.actor('init'), { gio, politie });
  if (o.json) return schrijfJson(ctx, { pad, nieuw: !bestond });
  schrijf(ctx, bestond ? `De database bestaat al: ${pad}` : `Nieuwe database aangemaakt: ${pad}`);
}

/** `kvz init` on a shared database: the schema, the roles and the running login as beheer. */
async function initOpPostgres(ctx: Context, o: Opts, start: { gio: string | undefined; politie: string | undefined }): Promise<void> {
  const { initPostgres } = await import('../../../store/postgres-init.js');
  const u = await initPostgres(ctx.dbAdres(), ctx.env, ctx.nu);
  if (!u.nieuw && (start.gio || start.politie)) {
    throw new DomainError(`De kvz-database ${u.database} bestaat al; de startdatum is niet gewijzigd. Gebruik daarvoor kvz overleg cadans.`);
  }
  if (start.gio || start.politie) await zetCadansStart(await ctx.db(), ctx.actor('init'), start);
  if (o.json) return schrijfJson(ctx, { pad: ctx.dbPad(), nieuw: u.nieuw });
  if (u.bijgewerkt && !o.json) {
    return schrijf(ctx, `De kvz-database ${ctx.dbPad()} is bijgewerkt van schemaversie ${u.bijgewerkt.van} naar ${u.bijgewerkt.naar}.`);
  }
  if (!u.nieuw) return schrijf(ctx, `De kvz-database bestaat al: ${ctx.dbPad()}`);
  schrijf(ctx, `Nieuwe kvz-database aangemaakt: ${ctx.dbPad()}`);
  schrijf(ctx, `Rollen: ${ROLLEN.map((r) => `${u.database}_${r}`).join(', ')}; ${u.login} is beheer.`);
  schrijf(ctx, `Voeg gebruikers toe met: kvz gebruiker add <login> --rol balie|iv|politieoverleg|beheer --db ${shellWoord(ctx.dbPad())}`);
}
