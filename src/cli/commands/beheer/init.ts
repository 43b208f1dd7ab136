/** `kvz init`: create the database explicitly; on an existing one, only report. */
import { existsSync, statSync } from 'node:fs';
import { DomainError } from '../../../domain/errors.js';
import { dagVan, parseDatum } from '../../../domain/tijd.js';
import { zetCadansStart } from '../../../store/cadans.js';
import type { Context } from '../../context.js';
import { schrijf, schrijfJson } from '../../output.js';

interface Opts {
  gioStart?: string;
  politieStart?: string;
  json?: boolean;
}

export default async function init(ctx: Context, o: Opts): Promise<void> {
  const vandaag = dagVan(ctx.nu);
  const gio = o.gioStart === undefined ? undefined : parseDatum(o.gioStart, '--gio-start', vandaag);
  const politie = o.politieStart === undefined ? undefined : parseDatum(o.politieStart, '--politie-start', vandaag);
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
