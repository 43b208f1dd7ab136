/**
 * `kvz init` on PostgreSQL (SPEC §7): the schema, the roles and the first beheer user, in one
 * transaction. Apart from opening, so an ordinary command never loads the schema's text.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { standaardCadans } from '../domain/cadans.js';
import { DomainError, GeenToegang } from '../domain/errors.js';
import { dagVan } from '../domain/tijd.js';
import { SCHEMA_VERSIE } from './locatie.js';
import { laadPg } from './pg-laden.js';
import { instellingen, verbind, type Env } from './postgres-open.js';
import { bijwerking, functies, ident, rechten, rijbeveiliging, rolnamen, tabellen } from './postgres-schema.js';

const SCHEMA_PAD = new URL('../../schema.sql', import.meta.url);

/** The reference lists as schema.sql seeds them (its INSERT statements, which PostgreSQL speaks too). */
function zaaigoed(): string[] {
  const sql = readFileSync(SCHEMA_PAD, 'utf8').replace(/^--.*$/gm, '');
  return sql.split(';').map((s) => s.trim()).filter((s) => /^INSERT INTO (kern|partner|deelnemer|categorie) /.test(s));
}

/**
 * Who may connect to the database, and where psql users land: settings of the database itself, which a
 * copy made from it as a template does not take over (the bench's fresh copies re-apply them).
 */
export function databaseToegang(database: string, r: { balie: string }): string[] {
  return [
    `REVOKE CONNECT, TEMPORARY ON DATABASE ${ident(database)} FROM PUBLIC`,
    `GRANT CONNECT ON DATABASE ${ident(database)} TO ${ident(r.balie)}`,
    // psql users land in kvz's schema too.
    `ALTER DATABASE ${ident(database)} SET search_path = kvz, public`,
  ];
}

export interface InitUitkomst {
  nieuw: boolean;
  database: string;
  login: string;
  /** An existing database of an older kvz, brought up to this one's schema. */
  bijgewerkt?: { van: number; naar: number };
}

/**
 * `kvz init` on PostgreSQL, run by a login that owns the database and may create roles: the schema
 * owned by a role that cannot log in, the four group roles named after the database, CONNECT only
 * for them, and the running login as beheer. One transaction: a failure leaves the database as it was.
 * On a database that already holds kvz it only reports.
 */
export async function initPostgres(adres: string, env: Env, nu: Date): Promise<InitUitkomst> {
  const { pg } = await laadPg();
  const i = instellingen(adres, env, pg.types);
  const client = await verbind(i, pg);
  try {
    const { rows } = await client.query<{ kvz: boolean; login: string; database: string; codering: string }>(
      `SELECT to_regnamespace('kvz') IS NOT NULL AS kvz, session_user AS login, current_database() AS database,
              pg_encoding_to_char(encoding) AS codering FROM pg_database WHERE datname = current_database()`,
    );
    const info = rows[0]!;
    if (info.kvz) return { nieuw: false, database: info.database, login: info.login, ...(await werkBij(client, info, nu)) };
    if (info.codering !== 'UTF8') {
      throw new DomainError(`Database ${info.database} gebruikt tekencodering ${info.codering}; kvz heeft UTF8 nodig. Laat IT haar aanmaken met ENCODING 'UTF8'.`);
    }
    const r = rolnamen(info.database);
    if (Buffer.byteLength(r.politieoverleg) > 63) {
      throw new DomainError(`De naam van database ${info.database} is te lang voor de rolnamen (${r.politieoverleg}); kies een kortere naam.`);
    }
    await client.query('BEGIN');
    try {
      await maakRollen(client, r);
      await client.query(`GRANT CREATE ON DATABASE ${ident(info.database)} TO ${ident(r.eigenaar)}`);
      await client.query(`GRANT ${ident(r.eigenaar)} TO ${ident(info.login)}`);
      await client.query(`CREATE SCHEMA kvz AUTHORIZATION ${ident(r.eigenaar)}`);
      await client.query(`SET LOCAL ROLE ${ident(r.eigenaar)}`);
      await client.query('SET LOCAL search_path = kvz, pg_catalog');
      await client.query(tabellen());
      await client.query(functies(r));
      for (const zaai of zaaigoed()) await client.query(zaai);
      for (const c of standaardCadans(dagVan(nu))) {
        await client.query('INSERT INTO cadans (soort, start, interval_weken, tijd, locatie) VALUES ($1, $2, $3, $4, $5)', [
          c.soort, c.start, c.interval_weken, c.tijd, c.locatie,
        ]);
      }
      await client.query(`INSERT INTO instelling (sleutel, waarde) VALUES ('database_id', $1), ('schema_versie', $2), ('rollen', $3)`, [
        randomUUID(), String(SCHEMA_VERSIE), info.database,
      ]);
      await client.query(rijbeveiliging(r));
      await client.query(rechten(r));
      await client.query('RESET ROLE');
      await client.query(`REVOKE ${ident(r.eigenaar)} FROM ${ident(info.login)}`);
      await client.query(`REVOKE CREATE ON DATABASE ${ident(info.database)} FROM ${ident(r.eigenaar)}`);
      for (const sql of databaseToegang(info.database, r)) await client.query(sql);
      await client.query(`GRANT ${ident(r.beheer)} TO ${ident(info.login)}`);
      await client.query('SET LOCAL search_path = kvz, pg_catalog');
      await client.query('SELECT audit_schrijf($1, $2, $3, $4, $5, 0)', [
        nu.toISOString(), 'init', null, 'database aangemaakt', JSON.stringify({ rollen: r, beheer: info.login }),
      ]);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      const code = (e as { code?: string }).code;
      if (code === '42501') {
        throw new GeenToegang(
          `Geen toegang: ${info.login} mag hier geen rollen of schema maken. kvz init draait onder een login die eigenaar is van de database en rollen mag maken (CREATEROLE).`,
        );
      }
      throw e;
    }
    return { nieuw: true, database: info.database, login: info.login };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A kvz database of an older kvz is brought up to this one's schema, by the login that made it (it
 * may take the owner role again): one transaction, audited; a failure leaves it as it was.
 */
async function werkBij(client: pg.Client, info: { login: string; database: string }, nu: Date): Promise<{ bijgewerkt?: { van: number; naar: number } }> {
  const { rows } = await client.query<{ versie: string | null; rollen: string | null }>(
    `SELECT (SELECT waarde FROM kvz.instelling WHERE sleutel = 'schema_versie') AS versie,
            (SELECT waarde FROM kvz.instelling WHERE sleutel = 'rollen') AS rollen`,
  ).catch((e: unknown) => {
    if ((e as { code?: string }).code === '42501') {
      throw new GeenToegang(`Geen toegang: ${info.login} mag database ${info.database} niet lezen of bijwerken; draai kvz init met de login die haar heeft aangemaakt.`);
    }
    throw e;
  });
  const van = Number(rows[0]?.versie ?? SCHEMA_VERSIE);
  if (!(van < SCHEMA_VERSIE) || !rows[0]?.rollen) return {};
  const r = rolnamen(rows[0].rollen);
  await client.query('BEGIN');
  try {
    await client.query(`GRANT ${ident(r.eigenaar)} TO ${ident(info.login)}`);
    await client.query(`SET LOCAL ROLE ${ident(r.eigenaar)}`);
    await client.query('SET LOCAL search_path = kvz, pg_catalog');
    for (const stap of bijwerking(r, van)) await client.query(stap);
    await client.query(`UPDATE instelling SET waarde = $1 WHERE sleutel = 'schema_versie'`, [String(SCHEMA_VERSIE)]);
    await client.query('RESET ROLE');
    await client.query(`REVOKE ${ident(r.eigenaar)} FROM ${ident(info.login)}`);
    await client.query('SET LOCAL search_path = kvz, pg_catalog');
    await client.query('SELECT audit_schrijf($1, $2, $3, $4, $5, 0)', [
      // From 15 on the database records states; this row is the first to, for every object as it stands (SPEC §10).
      nu.toISOString(), 'init', null, `schema bijgewerkt van versie ${van} naar ${SCHEMA_VERSIE}${van < 15 ? '; toestand van elk object vastgelegd' : ''}`,
      JSON.stringify({ van, naar: SCHEMA_VERSIE }),
    ]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    if ((e as { code?: string }).code === '42501') {
      throw new GeenToegang(
        `Geen toegang: ${info.login} mag database ${info.database} niet bijwerken; draai kvz init met de login die haar heeft aangemaakt (eigenaar, CREATEROLE).`,
      );
    }
    throw e;
  }
  return { bijgewerkt: { van, naar: SCHEMA_VERSIE } };
}

/** The owner and the four group roles; each role includes the rights of the one before it. */
async function maakRollen(client: pg.Client, r: ReturnType<typeof rolnamen>): Promise<void> {
  const bestaat = async (naam: string) => (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [naam])).rowCount === 1;
  const maak = async (naam: string, extra: string) => {
    if (!(await bestaat(naam))) await client.query(`CREATE ROLE ${ident(naam)} NOLOGIN ${extra}`);
  };
  await maak(r.eigenaar, 'CREATEROLE');
  await maak(r.balie, '');
  await maak(r.iv, `IN ROLE ${ident(r.balie)}`);
  await maak(r.politieoverleg, `IN ROLE ${ident(r.iv)}`);
  await maak(r.beheer, `IN ROLE ${ident(r.politieoverleg)}`);
}
