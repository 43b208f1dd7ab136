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

export const MIGRATIES: readonly Migratie[] = [
  {
    // Numbers from a per-year counter (SPEC §7), filled from the numbers given so far.
    versie: 2,
    sql: `
      CREATE TABLE teller (
        soort TEXT NOT NULL CHECK (soort = 'melding' OR soort = 'zaak' OR soort = 'actie'),
        jaar INTEGER NOT NULL,
        laatste INTEGER NOT NULL CHECK (laatste >= 0),
        PRIMARY KEY (soort, jaar)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO teller (soort, jaar, laatste) SELECT 'melding', jaar, max(volgnummer) FROM melding GROUP BY jaar;
      INSERT INTO teller (soort, jaar, laatste) SELECT 'zaak', jaar, max(volgnummer) FROM zaak GROUP BY jaar;
      INSERT INTO teller (soort, jaar, laatste) SELECT 'actie', jaar, max(volgnummer) FROM actie GROUP BY jaar;`,
  },
];
