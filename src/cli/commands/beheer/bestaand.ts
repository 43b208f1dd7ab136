import { existsSync, statSync } from 'node:fs';
import { DomainError } from '../../../domain/errors.js';
import type { Db } from '../../../store/database.js';
import type { Context } from '../../context.js';

/** The database for commands about an existing one (check, backup): a typo in --db must not create a new, empty file. */
export function bestaandeDb(ctx: Context): Db {
  const pad = ctx.dbPad();
  if (!existsSync(pad) || (statSync(pad).isFile() && statSync(pad).size === 0)) {
    throw new DomainError(`Er is geen database op ${pad}; controleer --db of KVZ_DB (kvz init maakt er een).`);
  }
  return ctx.db();
}
