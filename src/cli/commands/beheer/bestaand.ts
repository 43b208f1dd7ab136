import { existsSync, statSync } from 'node:fs';
import { DomainError } from '../../../domain/errors.js';
import { SqliteDb } from '../../../store/sqlite.js';
import type { Context } from '../../context.js';

/** The database for commands about an existing one (check, backup): a typo in --db must not create a new, empty file. */
export async function bestaandeDb(ctx: Context): Promise<SqliteDb> {
  const pad = ctx.dbPad();
  if (!existsSync(pad) || (statSync(pad).isFile() && statSync(pad).size === 0)) {
    throw new DomainError(`Er is geen database op ${pad}; controleer --db of KVZ_DB (kvz init maakt er een).`);
  }
  const db = await ctx.db();
  if (!(db instanceof SqliteDb)) throw new DomainError('Dit commando werkt (nog) alleen op een databasebestand.');
  return db;
}
