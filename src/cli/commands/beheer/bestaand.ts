import { existsSync, statSync } from 'node:fs';
import { DomainError } from '../../../domain/errors.js';
import { geenDatabase } from '../../../store/database.js';
import { SqliteDb } from '../../../store/sqlite.js';
import type { Context } from '../../context.js';

/** The database for commands about an existing one (check, backup, kopieer): not even an empty file will do. */
export async function bestaandeDb(ctx: Context): Promise<SqliteDb> {
  const pad = ctx.dbPad();
  if (!existsSync(pad) || (statSync(pad).isFile() && statSync(pad).size === 0)) {
    throw geenDatabase(pad, ctx.dbBron());
  }
  const db = await ctx.db();
  if (!(db instanceof SqliteDb)) throw new DomainError('Dit commando werkt (nog) alleen op een databasebestand.');
  return db;
}
