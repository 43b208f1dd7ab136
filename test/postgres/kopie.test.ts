/**
 * Moving a database between stores (SPEC §7): a desk's file up to the team's PostgreSQL and back down
 * to a file, every row and the audit chain, verified; only into an empty target; mail off in a copy.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kvzPostgres, PG, PG_OVERGESLAGEN, type KvzPostgres } from '../helpers/postgres.js';
import { kvz, kvzOk, lees, tijdelijkeMap } from '../helpers/run.js';

const NU = '2027-03-16T10:00:00.000Z';
/** What a user sees, compared between the two stores (the database line differs by nature). */
const VERGELIJK = [
  ['melding', 'list', '--json'], ['zaak', 'list', '--status', 'alle', '--json'], ['actie', 'list', '--json'], ['matrix'],
  ['agenda', 'gio'], ['agenda', 'politie'], ['rapport', 'doorzetting', '--json'], ['overleg', 'plan', '--json'], ['export', 'matrix', '--vertrouwelijk'],
];

describe.skipIf(!PG)(`kvz kopieer and kvz backup between a file and PostgreSQL${PG_OVERGESLAGEN}`, () => {
  let bestand: string;
  beforeAll(async () => {
    // A fictive year at a desk: meldingen, zaken (one confidential), acties, moved meetings, feedback, erased melder data.
    // Not in a per-test directory: every test here reads it.
    bestand = join(mkdtempSync(join(tmpdir(), 'kvz-kopie-')), 'balie.db');
    await kvzOk(['demo', '--db', bestand], { nu: NU });
  }, 60_000);

  it('moves a desk file up to an empty PostgreSQL database: the same answers, the same chain plus one row naming the source, mail off', async () => {
    const db = await kvzPostgres();
    const u0 = await kvz(['kopieer', '--naar', db.url(), '--json'], { db: bestand, nu: NU, env: { PGPASSWORD: db.it.wachtwoord } });
    expect(u0.code, u0.stderr).toBe(0);
    const u = u0;
    const uit = JSON.parse(u.stdout) as { rijen: Record<string, number>; keten: boolean };
    expect(uit.keten).toBe(true);
    for (const [tabel, n] of Object.entries(uit.rijen)) {
      const waar = tabel === 'instelling' ? ` WHERE sleutel NOT IN ('rollen', 'schema_versie', 'mail')` : '';
      expect(Number(db.psql(`SELECT count(*) FROM ${tabel}${waar}`).stdout), tabel).toBe(tabel === 'audit' ? n + 1 : n);
      expect(n, tabel).toBe(tabel === 'instelling' ? 1 : lees<{ n: number }>(bestand, `SELECT count(*) AS n FROM ${tabel}${waar}`)[0]!.n);
    }
    // The chain came along row for row, and the copy's own row names the file.
    const hashes = lees<{ hash: string }>(bestand, 'SELECT hash FROM audit ORDER BY id').map((r) => r.hash);
    const opPostgres = db.psql(`SELECT hash FROM audit WHERE id <= ${hashes.length} ORDER BY id`).stdout.split('\n');
    expect(opPostgres.length).toBe(hashes.length);
    expect(opPostgres.findIndex((h, i) => h !== hashes[i])).toBe(-1);
    expect(db.psql(`SELECT gebruiker || ' ' || commando || ' ' || object FROM audit WHERE id = ${hashes.length + 1}`).stdout).toBe(`${db.it.login} kopieer ${bestand}`);
    // What a user sees is the same on both stores (an export adds its audit row on each).
    for (const args of VERGELIJK) {
      const opBestand = await kvzOk(args, { db: bestand, nu: NU });
      const opPostgres = await db.kvzOk(args, db.it, { nu: NU });
      expect(opPostgres.stdout, args.join(' ')).toBe(opBestand.stdout);
    }
    expect((await db.kvz(['check'])).code).toBe(0);
    expect((await db.kvzOk(['instelling', 'mail'])).stdout).toMatch(/^E-mail staat uit/);
    // Users come after the move (kopieer takes only a database on which kvz init alone ran).
    const iv = await db.gebruiker('iv');
    // The roles and users stay the target's; confidential items are confidential there too.
    expect((await db.kvzOk(['gebruiker', 'list', '--json'])).stdout).toContain(iv.login);
    const geheim = lees<{ nummer: string }>(bestand, `SELECT m.nummer FROM melding m LEFT JOIN zaak z ON z.id = m.zaak_id WHERE m.vertrouwelijk = 1 OR z.vertrouwelijk = 1`);
    expect(geheim.length).toBeGreaterThan(0);
    const ivZiet = (await db.kvzOk(['melding', 'list', '--json'], iv)).stdout;
    for (const { nummer } of geheim) expect(ivZiet).not.toContain(nummer);
    expect(db.psql(`SELECT count(*) FROM audit WHERE object = '${geheim[0]!.nummer}'`, iv).stdout).toBe('0');
    // New numbers continue after the copied ones.
    const volgende = JSON.parse((await db.kvzOk(['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', 'na de verhuizing', '--json'], db.it, { nu: NU })).stdout);
    const hoogste = lees<{ n: number }>(bestand, `SELECT max(volgnummer) AS n FROM melding WHERE jaar = 2027`)[0]!.n;
    expect(volgende.nummer).toBe(`M-2027-${String(hoogste + 1).padStart(4, '0')}`);

    // And back down to a file: the same again, verified there.
    const terug = join(tijdelijkeMap(), 'offline.db');
    await db.kvzOk(['kopieer', '--naar', terug]);
    expect(statSync(terug).mode & 0o777).toBe(0o600);
    const check = await kvz(['check', '--db', terug]);
    expect(check.code, check.stdout).toBe(0);
    expect(lees<{ n: number }>(terug, 'SELECT count(*) AS n FROM melding')[0]!.n).toBe(uit.rijen.melding! + 1);
    expect(lees(terug, `SELECT waarde FROM instelling WHERE sleutel = 'mail'`)).toEqual([{ waarde: 'uit' }]);
  }, 120_000);

  it('refuses a target that is not empty, untouched, and a login that is not beheer there (exit 4)', async () => {
    const db = await kvzPostgres();
    await db.kvzOk(['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', 'al iets'], db.it, { nu: NU });
    const voor = db.psql('SELECT count(*) FROM audit').stdout;
    const vol = await kvz(['kopieer', '--naar', db.url()], { db: bestand, nu: NU, env: { PGPASSWORD: db.it.wachtwoord } });
    expect([vol.code, vol.stderr]).toEqual([1, 'De doeldatabase is niet leeg: kvz kopieert alleen naar een database waarop alleen kvz init is gedraaid. Er is niets gekopieerd.\n']);
    expect(db.psql('SELECT count(*) FROM audit').stdout).toBe(voor);
    expect(db.psql('SELECT count(*) FROM melding').stdout).toBe('1');

    const leeg = await kvzPostgres();
    const iv = await leeg.gebruiker('iv');
    const geen = await kvz(['kopieer', '--naar', leeg.url(iv)], { db: bestand, nu: NU, env: { PGPASSWORD: iv.wachtwoord } });
    expect([geen.code, geen.stderr]).toEqual([4, 'Geen toegang: met de rol iv kunt u niet naar deze database kopiëren.\n']);

    const bezet = join(tijdelijkeMap(), 'bezet.db');
    writeFileSync(bezet, 'iets anders');
    const u = await leeg.kvz(['kopieer', '--naar', bezet]);
    expect(u.code).toBe(1);
    expect(u.stderr).toMatch(/bestaat al; kies een andere naam of gebruik --overschrijf\. Er is niets gekopieerd\./);
    expect(readFileSync(bezet, 'utf8')).toBe('iets anders');
  }, 60_000);

  it('makes a verified SQLite back-up of a PostgreSQL database that check --vergelijk can hold it against later', async () => {
    const db = await kvzPostgres();
    await kvzOk(['kopieer', '--naar', db.url()], { db: bestand, nu: NU, env: { PGPASSWORD: db.it.wachtwoord } });
    const kopie = join(tijdelijkeMap(), 'backup.db');
    const u = await db.kvzOk(['backup', kopie]);
    expect(u.stdout).toMatch(/^✓ Back-up gemaakt en gecontroleerd: /);
    expect((await kvz(['check', '--db', kopie])).code).toBe(0);
    expect(lees(kopie, `SELECT waarde FROM instelling WHERE sleutel = 'mail'`)).toEqual([{ waarde: 'uit' }]);
    await db.kvzOk(['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', 'later'], db.it, { nu: NU });
    const vergelijk = await db.kvz(['check', '--vergelijk', kopie]);
    expect(vergelijk.code, vergelijk.stdout).toBe(0);
    expect(vergelijk.stdout).toMatch(/Vergeleken met .*backup\.db: alle \d+ regels van de kopie staan hier ongewijzigd/);
  }, 60_000);
});
