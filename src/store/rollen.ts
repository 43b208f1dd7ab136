/** What an ordinary command on a shared database needs to know of its rights (the schema itself is in postgres-schema.ts). */

/** The four kvz roles on a shared database (SPEC §7), from least to most. */
export const ROLLEN = ['balie', 'iv', 'politieoverleg', 'beheer'] as const;
export type Rol = (typeof ROLLEN)[number];

/** The key of the transaction lock every kvz writer takes first: 'KVZ1', as the SQLite file's application_id. */
export const SCHRIJFSLOT = 0x4b565a31;
