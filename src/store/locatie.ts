/**
 * Where kvz's database is, and which schema version this kvz writes: what every command needs before
 * it knows whether it talks to a file or to PostgreSQL, so it loads neither driver.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The schema version this kvz writes (PRAGMA user_version on a file, instelling schema_versie on PostgreSQL). */
export const SCHEMA_VERSIE = 17;

export interface DbLocatie {
  pad: string;
  bron: 'optie' | 'KVZ_DB' | 'standaard';
}

/** --db, else KVZ_DB, else $XDG_DATA_HOME/kvz/kvz.db (~/.local/share/kvz/kvz.db). */
export function dbLocatie(optie: string | undefined, env: Record<string, string | undefined>, bestand = 'kvz.db'): DbLocatie {
  if (optie) return { pad: optie, bron: 'optie' };
  if (env.KVZ_DB) return { pad: env.KVZ_DB, bron: 'KVZ_DB' };
  return { pad: join(dataMap(env), bestand), bron: 'standaard' };
}

export function dataMap(env: Record<string, string | undefined>): string {
  const xdg = env.XDG_DATA_HOME?.trim();
  const basis = xdg && xdg.startsWith('/') ? xdg : join(env.HOME || homedir(), '.local', 'share');
  return join(basis, 'kvz');
}
