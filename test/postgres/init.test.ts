import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kvzPostgres, PG, PG_OVERGESLAGEN, pgUrl, psqlOk } from '../helpers/postgres.js';
import { BIN, STANDAARD_NU, tijdelijkeMap } from '../helpers/run.js';

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
    expect(db.psql(`SELECT count(*) FILTER (WHERE NOT (relrowsecurity AND relforcerowsecurity)) || '/' || count(*) FROM pg_class WHERE relnamespace = 'kvz'::regnamespace AND relkind = 'r'`).stdout).toBe('0/16');
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
