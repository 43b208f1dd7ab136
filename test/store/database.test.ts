import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, dbLocatie, openDatabase, SCHEMA_VERSIE } from '../../src/store/database.js';
import { herbereken, knoei, zonderNa8 } from '../helpers/aanvaller.js';
import { kvz, kvzOk, lees, nieuweDb, spawnKvz, tijdelijkeMap } from '../helpers/run.js';

/** Back to schema version 7: no salts, no recorded states, the chain hashed as before them. */
function zonderToestand(pad: string): void {
  knoei(pad, (c) => {
    for (const t of ['partner', 'zaak', 'melding', 'overleg', 'actie']) c.exec(`ALTER TABLE ${t} DROP COLUMN zout`);
    c.exec('ALTER TABLE audit DROP COLUMN toestand');
    zonderNa8(c);
    herbereken(c);
  });
}

const NU = new Date('2027-03-16T10:00:00Z');
const ADD = ['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', 'test'];

function vingerafdruk(pad: string): string {
  return createHash('sha256').update(readFileSync(pad)).digest('hex');
}

describe('where the database lives', () => {
  it('takes --db, then KVZ_DB, then $XDG_DATA_HOME/kvz/kvz.db, then ~/.local/share/kvz/kvz.db', () => {
    expect(dbLocatie('/a.db', { KVZ_DB: '/b.db' }).pad).toBe('/a.db');
    expect(dbLocatie(undefined, { KVZ_DB: '/b.db', XDG_DATA_HOME: '/x' }).pad).toBe('/b.db');
    expect(dbLocatie(undefined, { XDG_DATA_HOME: '/x', HOME: '/h' }).pad).toBe('/x/kvz/kvz.db');
    expect(dbLocatie(undefined, { HOME: '/h' }).pad).toBe('/h/.local/share/kvz/kvz.db');
  });

  it('creates the default location on first use, readable by its owner only', async () => {
    const home = tijdelijkeMap();
    const u = await kvzOk(['init'], { env: { HOME: home } });
    const pad = join(home, '.local/share/kvz/kvz.db');
    expect(u.stdout).toBe(`Nieuwe database aangemaakt: ${pad}\n`);
    expect(statSync(pad).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, '.local/share/kvz')).mode & 0o777).toBe(0o700);
    const opnieuw = await kvzOk(['init'], { env: { HOME: home } });
    expect(opnieuw.stdout).toBe(`De database bestaat al: ${pad}\n`);
  });
});

describe('creating and recognising a kvz database', () => {
  it('applies schema.sql with the reference lists, WAL, foreign keys and the version marks', () => {
    const pad = nieuweDb();
    const db = openDatabase(pad, { nu: NU }).ruw;
    try {
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSIE);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
      expect(db.prepare('SELECT count(*) FROM kern').pluck().get()).toBe(16);
      expect(db.prepare('SELECT count(*) FROM partner').pluck().get()).toBe(11);
      expect(db.prepare('SELECT count(*) FROM categorie').pluck().get()).toBe(9);
      // Both meeting series start on the first Tuesday after creation (16 March 2027 is a Tuesday).
      expect(db.prepare('SELECT soort, start FROM cadans ORDER BY soort').all()).toEqual([
        { soort: 'gio', start: '2027-03-23' },
        { soort: 'politie', start: '2027-03-23' },
      ]);
      // While a connection is open, the WAL side files exist; they too are private.
      db.prepare("INSERT INTO kern (naam) VALUES ('Testdorp')").run();
      for (const f of [pad, `${pad}-wal`, `${pad}-shm`]) expect(statSync(f).mode & 0o777).toBe(0o600);
    } finally {
      db.close();
    }
  });

  it('uses STRICT tables and CHECK constraints as the last line of defence', () => {
    const pad = nieuweDb();
    openDatabase(pad, { nu: NU }).ruw.close();
    const db = new Database(pad);
    try {
      expect(() => db.prepare("INSERT INTO partner (code, naam) VALUES ('Politie!', 'x')").run()).toThrow(/CHECK/);
      expect(() => db.prepare("UPDATE cadans SET interval_weken = 'zes'").run()).toThrow();
    } finally {
      db.close();
    }
  });

  it('leaves a text file byte-identical and says it is not a kvz database', async () => {
    const pad = join(tijdelijkeMap(), 'notities.db');
    writeFileSync(pad, 'Dit is geen database maar een boodschappenlijst.\n');
    const voor = vingerafdruk(pad);
    const u = await kvz(ADD, { db: pad });
    expect(u.code).toBe(1);
    expect(u.stderr).toContain('is geen kvz-database (het is geen SQLite-bestand); kvz heeft het bestand niet aangeraakt');
    expect(vingerafdruk(pad)).toBe(voor);
    expect(existsSync(`${pad}-wal`)).toBe(false);
  });

  it("leaves another program's SQLite file byte-identical", async () => {
    const pad = join(tijdelijkeMap(), 'ander.sqlite');
    const ander = new Database(pad);
    ander.exec("CREATE TABLE klant (naam TEXT); INSERT INTO klant VALUES ('Jansen');");
    ander.close();
    const voor = vingerafdruk(pad);
    for (const args of [ADD, ['melding', 'list'], ['status'], ['init']]) {
      const u = await kvz(args, { db: pad });
      expect(u.code).toBe(1);
      expect(u.stderr).toContain('is een SQLite-bestand van een ander programma');
    }
    expect(vingerafdruk(pad)).toBe(voor);
    expect(lees(pad, 'SELECT naam FROM klant')).toEqual([{ naam: 'Jansen' }]);
  });

  it('refuses, untouched, a database written by a newer kvz', async () => {
    const pad = nieuweDb();
    await kvzOk(ADD, { db: pad });
    const db = new Database(pad);
    db.pragma(`user_version = ${SCHEMA_VERSIE + 1}`);
    db.close();
    const voor = vingerafdruk(pad);
    const u = await kvz(ADD, { db: pad });
    expect(u.code).toBe(1);
    expect(u.stderr).toContain(`gemaakt door een nieuwere kvz (schemaversie ${SCHEMA_VERSIE + 1}`);
    expect(vingerafdruk(pad)).toBe(voor);
  });

  it('migrates an older database forward in one transaction, and rolls back a failing migration', () => {
    const pad = nieuweDb();
    openDatabase(pad, { nu: NU }).ruw.close();
    const migraties = [{ versie: SCHEMA_VERSIE + 1, sql: 'ALTER TABLE kern ADD COLUMN opmerking TEXT' }];
    const db = openDatabase(pad, { nu: NU, migraties, versie: SCHEMA_VERSIE + 1 }).ruw;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSIE + 1);
    expect(db.prepare('SELECT opmerking FROM kern LIMIT 1').get()).toEqual({ opmerking: null });
    db.close();

    const fout = [
      { versie: SCHEMA_VERSIE + 2, sql: 'ALTER TABLE kern ADD COLUMN tweede TEXT' },
      { versie: SCHEMA_VERSIE + 3, sql: 'DIT IS GEEN SQL' },
    ];
    expect(() => openDatabase(pad, { nu: NU, migraties: fout, versie: SCHEMA_VERSIE + 3 })).toThrow();
    const na = new Database(pad);
    expect(na.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSIE + 1);
    expect(na.prepare("SELECT count(*) FROM pragma_table_info('kern') WHERE name = 'tweede'").pluck().get()).toBe(0);
    na.close();
  });

  it('treats an empty file as a new database', async () => {
    const pad = join(tijdelijkeMap(), 'leeg.db');
    writeFileSync(pad, '');
    await kvzOk(ADD, { db: pad });
    expect(lees(pad, 'SELECT nummer FROM melding')).toEqual([{ nummer: 'M-2027-0001' }]);
  });
});

describe('several front desks at once', () => {
  it('lets parallel processes add meldingen to one new file, all succeeding with unique numbers', async () => {
    const pad = nieuweDb();
    const processen = 6;
    const perProces = 5;
    const uitkomsten = await Promise.all(
      Array.from({ length: processen }, () =>
        spawnKvz(['--db', pad, 'melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', 'parallel']).then(async (eerste) => {
          const rest = [eerste];
          for (let i = 1; i < perProces; i++) rest.push(await spawnKvz(['--db', pad, ...ADD]));
          return rest;
        }),
      ),
    );
    const alle = uitkomsten.flat();
    for (const u of alle) expect(u.stderr).toBe('');
    expect(alle.every((u) => u.code === 0)).toBe(true);
    const nummers = lees<{ nummer: string }>(pad, 'SELECT nummer FROM melding').map((r) => r.nummer);
    expect(nummers).toHaveLength(processen * perProces);
    expect(new Set(nummers).size).toBe(processen * perProces);
    expect(lees(pad, 'SELECT count(*) AS n FROM audit')).toEqual([{ n: processen * perProces }]);
  });
});

describe('numbers from a counter per year (schema version 2)', () => {
  it('gives a part-one file (version 1, without counters) its counters from the numbers it holds', async () => {
    const pad = nieuweDb();
    await kvzOk(ADD, { db: pad });
    await kvzOk([...ADD, '--ontvangen', '2026-12-30 10:00'], { db: pad });
    // Back to what part one wrote: no mail tables, no counter table, version 1.
    naarVersie2(pad);
    const db = new Database(pad);
    db.exec('DROP TABLE teller');
    db.pragma('user_version = 1');
    db.close();
    await kvzOk(ADD, { db: pad });
    expect(lees(pad, 'SELECT soort, jaar, laatste FROM teller ORDER BY jaar')).toEqual([
      { soort: 'melding', jaar: 2026, laatste: 1 },
      { soort: 'melding', jaar: 2027, laatste: 2 },
    ]);
    expect(lees(pad, 'SELECT nummer FROM melding ORDER BY id').map((r) => r.nummer)).toEqual(['M-2027-0001', 'M-2026-0001', 'M-2027-0002']);
  });

  it('never gives a number again, even when the newest melding of a year is gone', async () => {
    const pad = nieuweDb();
    await kvzOk(ADD, { db: pad });
    await kvzOk(ADD, { db: pad });
    const db = new Database(pad);
    db.prepare(`DELETE FROM melding WHERE volgnummer = 2`).run();
    db.close();
    const { nummer } = JSON.parse((await kvzOk([...ADD, '--json'], { db: pad })).stdout) as { nummer: string };
    expect(nummer).toBe('M-2027-0003');
  });
});

/**
 * Makes a database of this kvz what schema version 2 (before mail) was: no outbox, partners without
 * addresses, every forwarding with its moment. Only for migration tests.
 */
function naarVersie2(pad: string): void {
  zonderToestand(pad);
  const db = new Database(pad);
  db.pragma('foreign_keys = OFF');
  db.exec(`
    DROP TABLE bericht;
    DROP TABLE deelnemer;
    DROP TABLE kalender;
    DROP TABLE verslag;
    ALTER TABLE overleg DROP COLUMN gehouden_op;
    CREATE TABLE partner_oud (
      code TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9-]*' AND length(code) <= 40),
      naam TEXT NOT NULL CHECK (length(trim(naam)) BETWEEN 1 AND 100)
    ) STRICT;
    INSERT INTO partner_oud SELECT code, naam FROM partner;
    DROP TABLE partner;
    ALTER TABLE partner_oud RENAME TO partner;
    CREATE TABLE doorzetting_oud (
      melding_id INTEGER NOT NULL REFERENCES melding (id),
      partner TEXT NOT NULL REFERENCES partner (code),
      op TEXT NOT NULL,
      dag TEXT NOT NULL,
      door TEXT NOT NULL,
      notitie TEXT,
      PRIMARY KEY (melding_id, partner)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO doorzetting_oud SELECT * FROM doorzetting;
    DROP TABLE doorzetting;
    ALTER TABLE doorzetting_oud RENAME TO doorzetting;`);
  db.pragma('user_version = 2');
  db.close();
}

describe('mail (schema versions 3 to 5)', () => {
  it('gives a version-2 file the outbox and partner addresses, keeping every forwarding and its moment', async () => {
    const pad = nieuweDb();
    await kvzOk([...ADD, '--doorzetten', 'politie,zorgteam'], { db: pad });
    const voor = lees(pad, 'SELECT melding_id, partner, op, dag, door FROM doorzetting ORDER BY partner');
    naarVersie2(pad);
    await kvzOk(['partner', 'update', 'politie', '--email', 'meldingen@politie.test'], { db: pad });
    expect(lees(pad, 'PRAGMA user_version')).toEqual([{ user_version: SCHEMA_VERSIE }]);
    expect(lees(pad, 'SELECT melding_id, partner, op, dag, door FROM doorzetting ORDER BY partner')).toEqual(voor);
    expect(lees(pad, `SELECT email, met_melder FROM partner WHERE code = 'politie'`)).toEqual([{ email: 'meldingen@politie.test', met_melder: 0 }]);
    expect(lees(pad, 'SELECT count(*) AS n FROM bericht')).toEqual([{ n: 0 }]);
    expect(lees(pad, 'SELECT count(*) AS n FROM kalender')).toEqual([{ n: 0 }]);
    // The migrated tables are those a new file gets, column for column.
    const kolommen = (p: string, t: string) => lees<{ name: string; type: string }>(p, `SELECT name, type FROM pragma_table_info('${t}')`);
    const nieuw = nieuweDb();
    await kvzOk(['status'], { db: nieuw });
    for (const t of ['bericht', 'kalender', 'partner', 'doorzetting', 'deelnemer']) expect(kolommen(pad, t), t).toEqual(kolommen(nieuw, t));
    expect(lees(pad, `SELECT naam FROM deelnemer WHERE soort = 'politie' ORDER BY volgorde`).map((r) => r.naam)).toEqual([
      'Burgemeester', 'Openbare orde en veiligheid (OOV)', 'Politie',
    ]);
    expect((await kvzOk(['check'], { db: pad })).code).toBe(0);
  });
});

describe('decisions kept (schema version 7)', () => {
  it('gives a version-6 file the verslag, and marks the meetings whose minutes were processed as held', async () => {
    const pad = nieuweDb();
    const nu = '2027-03-30T14:00:00.000Z';
    await kvzOk(['overleg', 'cadans', 'gio', '--start', '2027-01-05'], { db: pad, nu });
    const md = (await kvzOk(['notulen', 'gio', '--datum', '2027-03-30'], { db: pad, nu })).stdout.replace('- [ ] Politie', '- [x] Politie');
    const bestand = join(tijdelijkeMap(), 'notulen.md');
    writeFileSync(bestand, md);
    await kvzOk(['notulen', 'verwerk', bestand, '--uitvoeren'], { db: pad, nu });
    zonderToestand(pad);
    const db = new Database(pad);
    db.exec('DROP TABLE verslag; ALTER TABLE overleg DROP COLUMN gehouden_op;');
    db.pragma('user_version = 6');
    db.close();
    const show = JSON.parse((await kvzOk(['overleg', 'show', 'gio', '2027-03-30', '--json'], { db: pad, nu })).stdout) as { status: string };
    expect(show.status).toBe('gehouden');
    expect(lees(pad, 'PRAGMA user_version')).toEqual([{ user_version: SCHEMA_VERSIE }]);
    expect(lees(pad, `SELECT gehouden_op FROM overleg WHERE soort = 'gio'`)).toEqual([{ gehouden_op: nu }]);
    // The next GIO, which nobody processed, is still planned.
    const volgende = JSON.parse((await kvzOk(['overleg', 'show', 'gio', '2027-05-11', '--json'], { db: pad, nu })).stdout) as { status: string };
    expect(volgende.status).toBe('gepland');
    const kolommen = (p: string, t: string) => lees<{ name: string; type: string }>(p, `SELECT name, type FROM pragma_table_info('${t}')`);
    const nieuw = nieuweDb();
    await kvzOk(['status'], { db: nieuw });
    for (const t of ['overleg', 'verslag']) expect(kolommen(pad, t), t).toEqual(kolommen(nieuw, t));
    expect((await kvzOk(['check'], { db: pad })).code).toBe(0);
  });
});
