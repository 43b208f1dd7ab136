/**
 * Connecting to a kvz database on PostgreSQL (SPEC §7): the address, the login and its password by
 * libpq's conventions (the URL, PGPASSWORD, ~/.pgpass, sslmode), recognising the database as kvz's
 * (and refusing one from a newer kvz), and which of the four roles the login holds. `kvz init`
 * creates it. Every failure is one Dutch sentence; a password never appears in one.
 */
import type pg from 'pg';
import { parse } from 'pg-connection-string';
import { DomainError, GeenToegang } from '../domain/errors.js';
import { toonbaarAdres } from './adres.js';
import { SCHEMA_VERSIE } from './locatie.js';
import { laadPg } from './pg-laden.js';
import { zoekInPgpass } from './pgpass.js';
import { PostgresDb } from './postgres.js';
import { ROLLEN, type Rol } from './rollen.js';

export type Env = Record<string, string | undefined>;

export interface Instellingen {
  config: pg.ClientConfig;
  /** For messages: host:port and database, never the password. */
  waar: string;
  database: string;
  gebruiker: string;
  /** ~/.pgpass when it was found but others may read it, so it was not used. */
  pgpassTeOpen?: string;
}

export function instellingen(adres: string, env: Env, types: typeof pg.types): Instellingen {
  let p: ReturnType<typeof parse>;
  try {
    p = parse(adres);
  } catch {
    throw new DomainError(`Het adres ${toonbaarAdres(adres)} is geen geldig PostgreSQL-adres; verwacht postgres://gebruiker@server:5432/database.`);
  }
  const database = p.database || env.PGDATABASE || '';
  if (!database) throw new DomainError(`In ${toonbaarAdres(adres)} ontbreekt de database; verwacht postgres://gebruiker@server:5432/database.`);
  const gebruiker = p.user || env.PGUSER || env.USER || '';
  const host = p.host || env.PGHOST || 'localhost';
  const poort = p.port || env.PGPORT || '5432';
  const wachtwoord = p.password || env.PGPASSWORD || undefined;
  const config: pg.ClientConfig = {
    ...(p as pg.ClientConfig),
    host,
    port: Number(poort),
    database,
    user: gebruiker,
    password: wachtwoord,
    application_name: 'kvz',
    // No JIT: kvz's queries are short, and compiling them costs more than it saves (70 ms on kvz status).
    // kvz.toestand: this session is kvz's, whose changes the database notes for the audit row's states
    // (toestand-pg.ts); a psql session's are noted nowhere, and check names them.
    options: '-c search_path=kvz -c jit=off -c kvz.toestand=volgen',
    connectionTimeoutMillis: 10_000,
    types: { getTypeParser: typeParser(types) as never },
  };
  const i: Instellingen = { config, waar: `${host.startsWith('/') ? host : `${host}:${poort}`}`, database, gebruiker };
  // Without a password in the URL or PGPASSWORD: ~/.pgpass (PGPASSFILE), read when the server asks.
  if (wachtwoord === undefined) {
    config.password = async () => {
      const gevonden = zoekInPgpass(env, { host, port: poort, database, user: gebruiker });
      if (gevonden.wachtwoord !== undefined) return gevonden.wachtwoord;
      if (gevonden.teOpen) i.pgpassTeOpen = gevonden.teOpen;
      throw geenWachtwoord(i);
    };
  }
  return i;
}

/** Counts (int8) and sums as numbers, booleans as 1/0: the same values SQLite gives. */
function typeParser(types: typeof pg.types) {
  return (oid: number, format?: 'text' | 'binary'): ((waarde: string) => unknown) => {
    if (oid === 20 || oid === 1700) return Number;
    if (oid === 16) return (w: string) => (w === 't' ? 1 : 0);
    return types.getTypeParser(oid, format as 'text');
  };
}

/** The server asks for a password and kvz has none to give. */
function geenWachtwoord(i: Instellingen): DomainError {
  if (i.pgpassTeOpen) {
    return new DomainError(
      `PostgreSQL vraagt een wachtwoord voor ${i.gebruiker}, maar ${i.pgpassTeOpen} kunnen anderen lezen en daarom gebruikt kvz het niet; zet het op alleen-eigenaar (chmod 600 ${i.pgpassTeOpen}).`,
    );
  }
  return new DomainError(`PostgreSQL vraagt een wachtwoord voor ${i.gebruiker}; geef het in PGPASSWORD of ~/.pgpass (nooit in het adres van een gedeelde opdracht).`);
}

/** A failure to connect or to sign in, as one sentence. */
function verbindFout(e: unknown, i: Instellingen): Error {
  const code = (e as { code?: string }).code;
  const bericht = e instanceof Error ? e.message : String(e);
  if (code === 'ECONNREFUSED') return new DomainError(`De PostgreSQL-server op ${i.waar} is niet bereikbaar (verbinding geweigerd). Draait hij, en klopt de poort?`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new DomainError(`De PostgreSQL-server ${i.waar} is onbekend; controleer de naam in het adres.`);
  if (code === 'ENOENT') return new DomainError(`Er is geen PostgreSQL-server op ${i.waar} (geen socket gevonden).`);
  if (/timeout/i.test(bericht) || code === 'ETIMEDOUT') return new DomainError(`De PostgreSQL-server op ${i.waar} antwoordt niet binnen 10 seconden.`);
  if (code === '28P01') return new DomainError(`Aanmelden bij PostgreSQL als ${i.gebruiker} mislukt: het wachtwoord klopt niet (zie PGPASSWORD of ~/.pgpass).`);
  if (code === '28000') return new DomainError(`De PostgreSQL-server laat ${i.gebruiker} niet toe bij database ${i.database} (pg_hba.conf).`);
  if (code === '3D000') return new DomainError(`De database ${i.database} bestaat niet op ${i.waar}; laat IT haar aanmaken en draai daarna kvz init.`);
  if (code === '42501') return new GeenToegang(`Geen toegang: de login ${i.gebruiker} heeft geen kvz-rol in database ${i.database}.`);
  if (/password must be a string|no password|SASL/i.test(bericht)) return geenWachtwoord(i);
  if (code && /^(08|57P)/.test(code)) return new DomainError(`De verbinding met PostgreSQL op ${i.waar} mislukte of viel weg; er is niets vastgelegd.`);
  return e instanceof Error ? e : new Error(bericht);
}

export async function verbind(i: Instellingen, pg: typeof import('pg').default, gestart?: (client: pg.Client) => void): Promise<pg.Client> {
  const client = new pg.Client(i.config);
  // A connection lost while idle must not crash the process; the next query reports it.
  client.on('error', () => undefined);
  try {
    const verbonden = client.connect();
    gestart?.(client);
    await verbonden;
    return client;
  } catch (e) {
    await client.end().catch(() => undefined);
    throw verbindFout(e, i);
  }
}

/** What a connection knows about the database and the login. */
export interface PostgresIdentiteit {
  login: string;
  database: string;
  /** The login's kvz role; undefined when it holds none. */
  rol: Rol | undefined;
  /** The prefix of the database's role names. */
  voorvoegsel: string;
}

function geenKvz(i: Instellingen, waarom: string): DomainError {
  return new DomainError(`Database ${i.database} op ${i.waar} is geen kvz-database (${waarom}); kvz heeft niets gewijzigd. Draai kvz init om er een te maken.`);
}

/**
 * Opens the kvz database at `adres`: recognised as kvz's, from this kvz or an older one, with the
 * login's role. A login without a kvz role may not go on (exit 4).
 */
export async function openPostgres(adres: string, env: Env, opties: { gestart?: (client: pg.Client) => void } = {}): Promise<PostgresDb> {
  const { pg, Cursor } = await laadPg();
  const i = instellingen(adres, env, pg.types);
  const client = await verbind(i, pg, opties.gestart);
  const db = new PostgresDb(client, Cursor);
  try {
    const rij = await db.een<{ versie: string | null; voorvoegsel: string | null; rang: number | null; login: string }>(
      `SELECT (SELECT waarde FROM instelling WHERE sleutel = 'schema_versie') AS versie,
              (SELECT waarde FROM instelling WHERE sleutel = 'rollen') AS voorvoegsel,
              (SELECT max(n) FROM unnest(ARRAY['balie', 'iv', 'politieoverleg', 'beheer']) WITH ORDINALITY AS r(rol, n)
                 WHERE pg_has_role(session_user, (SELECT waarde FROM instelling WHERE sleutel = 'rollen') || '_' || r.rol, 'MEMBER')) AS rang,
              session_user AS login`,
    ).catch((e: unknown) => {
      if ((e as { code?: string }).code === '42501') throw new GeenToegang(`Geen toegang: de login ${i.gebruiker} heeft geen kvz-rol in database ${i.database}.`);
      // No schema kvz (its name is not on the search path) or no table instelling: not kvz's.
      if ((e as { code?: string }).code === '42P01' || (e as { code?: string }).code === '3F000') throw geenKvz(i, 'de tabellen van kvz ontbreken');
      throw e;
    });
    if (!rij?.versie || !rij.voorvoegsel) throw geenKvz(i, 'de instellingen van kvz ontbreken');
    const versie = Number(rij.versie);
    if (versie > SCHEMA_VERSIE) {
      throw new DomainError(
        `Database ${i.database} is gemaakt door een nieuwere kvz (schemaversie ${versie}; deze kvz kent tot en met ${SCHEMA_VERSIE}). Werk kvz bij; er is niets gewijzigd.`,
      );
    }
    if (versie < SCHEMA_VERSIE) {
      throw new DomainError(
        `Database ${i.database} heeft schemaversie ${versie} van een oudere kvz (deze kvz werkt met ${SCHEMA_VERSIE}); laat IT kvz init draaien met de login die haar heeft aangemaakt, dan werkt kvz haar bij. Er is niets gewijzigd.`,
      );
    }
    const rol = rij.rang === null ? undefined : ROLLEN[rij.rang - 1];
    if (rol === undefined) throw new GeenToegang(`Geen toegang: de login ${rij.login} heeft geen kvz-rol in database ${i.database}.`);
    db.identiteit = { login: rij.login, database: i.database, rol, voorvoegsel: rij.voorvoegsel };
    return db;
  } catch (e) {
    await db.sluit();
    throw e;
  }
}
