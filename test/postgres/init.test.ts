import { describe, expect, it } from 'vitest';
import { kvzPostgres, PG, PG_OVERGESLAGEN, psqlOk } from '../helpers/postgres.js';

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
    expect(db.psql(`SELECT count(*) FILTER (WHERE NOT (relrowsecurity AND relforcerowsecurity)) || '/' || count(*) FROM pg_class WHERE relnamespace = 'kvz'::regnamespace AND relkind = 'r'`).stdout).toBe('0/15');
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
