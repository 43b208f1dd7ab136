/**
 * Forward migrations. schema.sql always describes the newest version and is what a new database
 * gets; an existing database of an older version runs every migration above its version, in order,
 * inside one transaction (store/database.ts). Add one entry per schema change, never edit an old one.
 */
export interface Migratie {
  /** The user_version this migration brings the database to. */
  versie: number;
  sql: string;
}

export const MIGRATIES: readonly Migratie[] = [];
