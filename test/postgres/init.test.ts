import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kvzPostgres, PG, PG_OVERGESLAGEN, pgUrl, psqlOk, type KvzPostgres } from '../helpers/postgres.js';
import { SCHEMA_VERSIE } from '../../src/store/locatie.js';
import { BIN, STANDAARD_NU, tijdelijkeMap } from '../helpers/run.js';

/**
 * What schema versions 8 to 13 added, undone: the salts and the audit log's states column (SPEC §10),
 * the tweewekelijks overleg's own time and place (9), urgent meldingen and unknown forwarding moments (10),
 * afstemming tussendoor (11), lapsed meldingen (12), placements (13), the database's own state records (15),
 * the index of acties by creation (16).
 */
const ZONDER_TOESTAND = `${['partner', 'zaak', 'melding', 'overleg', 'actie'].map((t) => `ALTER TABLE ${t} DROP COLUMN zout;`).join(' ')} ALTER TABLE audit DROP COLUMN toestand;
  ALTER TABLE cadans DROP COLUMN tweewekelijks_tijd, DROP COLUMN tweewekelijks_locatie;
  ALTER TABLE melding DROP COLUMN urgent; ALTER TABLE doorzetting DROP COLUMN tijd_onbekend; DROP TABLE afstemming;
  ALTER TABLE melding DROP COLUMN vervallen; CREATE INDEX melding_dag ON melding (ontvangen_dag, categorie, kern, vergunninghouder, vertrouwelijk, zaak_id, geheim);
  CREATE INDEX melding_zaak ON melding (zaak_id, ontvangen_dag, vertrouwelijk, geheim) WHERE zaak_id IS NOT NULL;
  ALTER TABLE melding DROP COLUMN plaatsing_id; DROP TABLE plaatsing_contact; DROP TABLE plaatsing; DROP TABLE toestand_wacht;
  DROP INDEX actie_aangemaakt;`;

/**
 * A kvz from before schema 15 wrote audit rows without states on PostgreSQL: so do the rows these tests
 * write before they take the schema back (the states column goes, and with it what a row's hash covered).
 */
function alsOudeKvz(db: KvzPostgres): void {
  const terug = db.psql(
    `SET search_path = kvz; CREATE OR REPLACE FUNCTION toestand_registratie() RETURNS text LANGUAGE sql AS $$ SELECT NULL::text $$;
     ALTER TABLE audit DISABLE TRIGGER audit_geen_delete; DELETE FROM audit; ALTER TABLE audit ENABLE TRIGGER audit_geen_delete;`,
    { login: PG!.superuser, wachtwoord: PG!.wachtwoord },
  );
  expect(terug.stderr).toBe('');
}

describe.skipIf(!PG)(`kvz init on PostgreSQL${PG_OVERGESLAGEN}`, () => {
  it('makes the schema owned by a role that cannot log in, four group roles named after the database, and the running login beheer', async () => {
    const db = await kvzPostgres();
    const n = db.naam;
    expect(db.psql(`SELECT nspowner::regrole || '|' || (SELECT rolcanlogin FROM pg_roles WHERE oid = nspowner) FROM pg_namespace WHERE nspname = 'kvz'`).stdout).toBe(`${n}_eigenaar|false`);
    expect(psqlOk(`SELECT string_agg(rolname || ':' || rolcanlogin, ',' ORDER BY rolname) FROM pg_roles WHERE rolname LIKE '${n}\\_%'`)).toBe(
      [`${n}_balie:false`, `${n}_beheer:false`, `${n}_eigenaar:false`, `${n}_iv:false`, `${n}_politieoverleg:false`].join(','),
    );
    // CONNECT is no longer PUBLIC's: a login without a kvz role cannot even connect.
    expect(psqlOk(`SELECT has_database_privilege('public', '${n}', 'CONNECT')`)).toBe('f');
    expect(psqlOk(`SELECT pg_has_role('${db.it.login}', '${n}_beheer', 'MEMBER')`)).toBe('t');
    // Every table is under forced row-level security.
    expect(db.psql(`SELECT count(*) FILTER (WHERE NOT (relrowsecurity AND relforcerowsecurity)) || '/' || count(*) FROM pg_class WHERE relnamespace = 'kvz'::regnamespace AND relkind = 'r'`).stdout).toBe('0/24');
    const again = await db.kvzOk(['init']);
    expect(again.stdout).toBe(`De kvz-database bestaat al: ${db.url()}\n`);
  });

  it('fills a database on which only kvz init ran with the demo year, verified, and refuses one that holds anything', async () => {
    const db = await kvzPostgres();
    const u = await db.kvzOk(['demo'], db.it, { nu: '2027-03-16T10:00:00.000Z' });
    expect(u.stdout).toMatch(/^Demodatabase gemaakt: postgres:\/\/\S+\nEen fictief jaar Koggenland, .*: \d+ meldingen, \d+ zaken/);
    expect(u.stdout).toContain('# Agenda GIO');
    expect((await db.kvz(['check'])).code).toBe(0);
    const nog = await db.kvz(['demo'], db.it, { nu: '2027-03-16T10:00:00.000Z' });
    expect(nog.code).toBe(1);
    expect(nog.stderr).toMatch(/is niet leeg; kvz demo vult alleen een database waarop alleen kvz init is gedraaid/);
  }, 60_000);
});

describe.skipIf(!PG)(`kvz init on a database of an older kvz${PG_OVERGESLAGEN}`, () => {
  it('refuses to work on schema version 2 until kvz init brings it to this version, keeping every row', async () => {
    const db = await kvzPostgres();
    alsOudeKvz(db);
    const iv = await db.gebruiker('iv');
    await db.kvzOk(['melding', 'add', '--categorie', 'drugs', '--kern', 'Obdam', '--omschrijving', 'Handel', '--doorzetten', 'politie'], iv);
    const superuser = { login: PG!.superuser, wachtwoord: PG!.wachtwoord };
    // What a version-2 database (before mail) was: no outbox, no addresses, every forwarding with its moment.
    const terug = db.psql(
      `SET search_path = kvz;
       DROP TABLE bericht CASCADE;
       DROP TABLE deelnemer;
       DROP TABLE kalender;
       DROP TABLE verslag;
       ALTER TABLE overleg DROP COLUMN gehouden_op;
       ALTER TABLE partner DROP COLUMN email, DROP COLUMN met_melder;
       DO $$ DECLARE c text; BEGIN
         SELECT conname INTO c FROM pg_constraint WHERE conrelid = 'kvz.doorzetting'::regclass AND contype = 'c';
         EXECUTE format('ALTER TABLE kvz.doorzetting DROP CONSTRAINT %I', c);
       END $$;
       ALTER TABLE doorzetting ALTER COLUMN op SET NOT NULL, ALTER COLUMN dag SET NOT NULL;
       ${ZONDER_TOESTAND}
       UPDATE instelling SET waarde = '2' WHERE sleutel = 'schema_versie';`,
      superuser,
    );
    expect(terug.stderr).toBe('');
    const voor = db.psql('SELECT melding_id, partner, op FROM kvz.doorzetting', superuser).stdout;
    const geweigerd = await db.kvz(['melding', 'list'], iv);
    expect([geweigerd.code, geweigerd.stderr]).toEqual([
      1,
      `Database ${db.naam} heeft schemaversie 2 van een oudere kvz (deze kvz werkt met ${SCHEMA_VERSIE}); laat IT kvz init draaien met de login die haar heeft aangemaakt, dan werkt kvz haar bij. Er is niets gewijzigd.\n`,
    ]);
    const init = await db.kvzOk(['init']);
    expect(init.stdout.endsWith(`is bijgewerkt van schemaversie 2 naar ${SCHEMA_VERSIE}.\n`)).toBe(true);
    expect(db.psql('SELECT melding_id, partner, op FROM kvz.doorzetting', superuser).stdout).toBe(voor);
    // The migration's row records the state of every object once, as it then stood (SPEC §10).
    expect(db.psql(`SELECT resultaat, left(toestand, 16) FROM kvz.audit ORDER BY id DESC LIMIT 1`, superuser).stdout).toBe(
      `schema bijgewerkt van versie 2 naar ${SCHEMA_VERSIE}; toestand van elk object vastgelegd|{"basis":true,"n`,
    );
    // Rights and row-level security as on a new database: every table forced, balie still cannot change addresses.
    expect(db.psql(`SELECT count(*) FILTER (WHERE NOT (relrowsecurity AND relforcerowsecurity)) || '/' || count(*) FROM pg_class WHERE relnamespace = 'kvz'::regnamespace AND relkind = 'r'`, superuser).stdout).toBe('0/24');
    await db.kvzOk(['partner', 'update', 'politie', '--email', 'meldingen@politie.test']);
    expect(db.psql("UPDATE partner SET email = 'x@elders.test'", iv).stderr).toContain('permission denied');
    await db.kvzOk(['melding', 'add', '--categorie', 'drugs', '--kern', 'Obdam', '--omschrijving', 'Weer handel', '--doorzetten', 'politie'], iv, {
      env: { KVZ_POSTMAP: join(tijdelijkeMap(), 'post') },
    });
    expect(db.psql(`SELECT status FROM bericht`, iv).stdout).toBe('klaargezet');
    expect((await db.kvz(['check'])).code).toBe(0);
    // Once current, init only reports.
    expect((await db.kvzOk(['init'])).stdout).toMatch(/^De kvz-database bestaat al/);
  });

  it('brings a version-4 database (before invitations) to this version: the kalender table and the calendar text of messages', async () => {
    const db = await kvzPostgres();
    alsOudeKvz(db);
    const superuser = { login: PG!.superuser, wachtwoord: PG!.wachtwoord };
    await db.kvzOk(['partner', 'update', 'politie', '--email', 'meldingen@politie.test']);
    await db.kvzOk(['melding', 'add', '--categorie', 'drugs', '--kern', 'Obdam', '--omschrijving', 'Handel', '--doorzetten', 'politie'], db.it, {
      env: { KVZ_POSTMAP: join(tijdelijkeMap(), 'post') },
    });
    const terug = db.psql(
      `SET search_path = kvz; DROP POLICY toevoegen ON bericht; DROP TABLE kalender; DROP TABLE verslag; ALTER TABLE overleg DROP COLUMN gehouden_op;
       ALTER TABLE bericht DROP COLUMN kalender, DROP COLUMN bijlage, DROP COLUMN bijlage_naam; ${ZONDER_TOESTAND}
       UPDATE instelling SET waarde = '4' WHERE sleutel = 'schema_versie';`,
      superuser,
    );
    expect(terug.stderr).toBe('');
    expect((await db.kvz(['overleg', 'plan'])).code).toBe(1);
    expect((await db.kvzOk(['init'])).stdout).toContain(`is bijgewerkt van schemaversie 4 naar ${SCHEMA_VERSIE}.`);
    expect(db.psql(`SELECT count(*) FROM bericht WHERE kalender IS NULL`, superuser).stdout).toBe('1');
    await db.kvzOk(['overleg', 'deelnemer', 'add', 'gio', '--naam', 'Wijkagent', '--email', 'wijkagent@politie.test']);
    const iv = await db.gebruiker('iv');
    await db.kvzOk(['overleg', 'uitnodig', 'gio'], iv, { env: { KVZ_POSTMAP: join(tijdelijkeMap(), 'post') } });
    expect(db.psql(`SELECT soort, status, kalender LIKE 'BEGIN:VCALENDAR%' FROM bericht WHERE soort = 'uitnodiging'`, iv).stdout).toBe('uitnodiging|klaargezet|t');
    expect(db.psql(`SELECT count(*) FROM kalender WHERE aan = 'wijkagent@politie.test'`, iv).stdout).toBe('1');
    // Version 7: the verslag, under the same rights as a new database's.
    expect(db.psql(`SELECT count(*) FROM verslag`, iv).stdout).toBe('0');
    expect(db.psql(`SELECT relforcerowsecurity FROM pg_class WHERE oid = 'kvz.verslag'::regclass`, superuser).stdout).toBe('t');
    expect((await db.kvz(['check'])).code).toBe(0);
  });
});

describe.skipIf(!PG)(`the README's team set-up, with the real kvz${PG_OVERGESLAGEN}`, () => {
  it('init, a desk file moved up, users added from a script, and a balie user signing in with ~/.pgpass', () => {
    const naam = `kvz_readme_${process.pid}`;
    const it = { login: `it_${naam}`, wachtwoord: `it-${naam}-geheim` };
    psqlOk(`CREATE ROLE ${it.login} LOGIN CREATEROLE PASSWORD '${it.wachtwoord}'`);
    psqlOk(`CREATE DATABASE ${naam} OWNER ${it.login} ENCODING 'UTF8'`);
    const url = pgUrl(naam, it.login);
    const thuis = tijdelijkeMap();
    const basis = { PATH: process.env.PATH ?? '', HOME: thuis, KVZ_NU: STANDAARD_NU, NO_COLOR: '1' };
    const echt = (args: string[], env: Record<string, string>, input?: string) => {
      const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...basis, ...env }, input, encoding: 'utf8' });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const alsIt = { KVZ_DB: url, PGPASSWORD: it.wachtwoord };

    // A desk that worked in a file so far.
    const bestand = join(thuis, 'balie.db');
    const desk = { KVZ_DB: bestand, KVZ_GEBRUIKER: 'balie' };
    expect(echt(['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', 'uit het bestand'], desk).code).toBe(0);

    const init = echt(['init'], alsIt);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain(`Nieuwe kvz-database aangemaakt: ${url}`);
    const kopie = echt(['kopieer', '--db', bestand, '--naar', url], alsIt);
    expect(kopie.code, kopie.stderr).toBe(0);
    expect(kopie.stdout).toContain(`✓ Gekopieerd naar ${url} en gecontroleerd.`);

    // IT adds the team from a script: the password comes through a pipe.
    const balie = { login: `balie_${naam}`, wachtwoord: 'balie-wachtwoord-lang-genoeg' };
    const add = echt(['gebruiker', 'add', balie.login, '--rol', 'balie', '--wachtwoord-stdin'], alsIt, `${balie.wachtwoord}\n`);
    expect([add.code, add.stdout, add.stderr]).toEqual([0, `${balie.login} is gebruiker met de rol balie.\n`, '']);
    expect(JSON.parse(echt(['gebruiker', 'list', '--json'], alsIt).stdout)).toContainEqual({ login: balie.login, rol: 'balie' });

    // The desk signs in with ~/.pgpass (no password anywhere on the command line) and works on.
    const pgpass = join(thuis, '.pgpass');
    writeFileSync(pgpass, `${PG!.host}:${PG!.port}:${naam}:${balie.login}:${balie.wachtwoord}\n`, { mode: 0o600 });
    const alsBalie = { KVZ_DB: pgUrl(naam, balie.login) };
    const lijst = echt(['melding', 'list', '--json'], alsBalie);
    expect(lijst.code, lijst.stderr).toBe(0);
    expect(JSON.parse(lijst.stdout).map((m: { nummer: string }) => m.nummer)).toEqual(['M-2027-0001']);
    const nieuw = echt(['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', 'aan de gedeelde balie'], alsBalie);
    expect([nieuw.code, nieuw.stdout.split('\n')[0]]).toEqual([0, 'Melding M-2027-0002 vastgelegd.']);
    const zaak = echt(['zaak', 'open', '--titel', 'x', '--soort', 'overlast', '--kern', 'Obdam'], alsBalie);
    expect([zaak.code, zaak.stderr]).toEqual([4, 'Geen toegang: met de rol balie kunt u geen zaak openen.\n']);
    // The database recorded the login, not anything the desk typed.
    expect(psqlOk(`SELECT gebruiker FROM kvz.audit WHERE object = 'M-2027-0002'`, { db: naam })).toBe(balie.login);
  });
});
