/**
 * `kvz check` proves the data itself against the audit log (SPEC §10): every melding, zaak, actie,
 * overleg and partner edited, removed or added behind kvz's back is named by number, all of them.
 * The tampering is done as an attacker would: with the sqlite3 tool, or by flipping bytes in the file.
 * About the file store; test/postgres/toestand.test.ts does the same on PostgreSQL.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, expect, it } from 'vitest';
import { MIGRATIES } from '../../src/store/migrations.js';
import { SCHEMA_VERSIE } from '../../src/store/locatie.js';
import { herbereken, knoei, zonderAantal, zonderNa8, zonderPlaatsingen, zonderVervallen } from '../helpers/aanvaller.js';
import { kvz, kvzOk, lees, nieuweDb, tijdelijkeMap } from '../helpers/run.js';
import { beschrijfBestand, OP_POSTGRES } from '../helpers/opslag.js';
import { nieuweActie, nieuweZaak, zetCadans } from '../helpers/matrix.js';
import { aanwezig } from '../helpers/vereist.js';

const SQLITE3 = '/usr/bin/sqlite3';
const heeftSqlite3 = aanwezig('sqlite3', existsSync(SQLITE3));
const overgeslagen = heeftSqlite3 ? '' : ' (overgeslagen: sqlite3 is hier niet geïnstalleerd)';
const metSqlite3 = it.skipIf(!heeftSqlite3);

interface Uitslag {
  ok: boolean;
  problemen: string[];
  anker: string | null;
  toestand: { ok: boolean; bijgehouden: boolean; objecten: number; verschillen: { object: string; wat: string }[] };
}

async function check(db: string): Promise<{ code: number; json: Uitslag; tekst: string }> {
  const j = await kvz(['check', '--json'], { db });
  const t = await kvz(['check'], { db });
  expect(t.code).toBe(j.code);
  return { code: j.code, json: JSON.parse(j.stdout) as Uitslag, tekst: t.stdout };
}

const sqlite3 = (db: string, sql: string) => execFileSync(SQLITE3, [db, sql]);
/** The same change without the sqlite3 tool, where that is not what the test is about. */
function sqlite3Of(db: string, sql: string): void {
  const c = new Database(db);
  c.exec(sql);
  c.close();
}
const MELDING = ['melding', 'add', '--categorie', 'burenoverlast', '--kern', 'Ursem', '--omschrijving', 'Harde muziek in de nacht'];

beschrijfBestand('kvz check: the data against the audit log', () => {
  let db: string;
  let zaak: string;
  let actie: string;
  beforeEach(async () => {
    db = nieuweDb();
    for (let i = 0; i < 3; i++) await kvzOk(MELDING, { db });
    await kvzOk(['melding', 'forward', 'M-2027-0002', '--naar', 'politie'], { db });
    await zetCadans(db);
    zaak = await nieuweZaak(db);
    actie = await nieuweActie(db, zaak, 'jongerenwerk', '2027-04-01');
  });

  it('passes untouched data and counts what it recomputed', async () => {
    const { code, json, tekst } = await check(db);
    expect(code).toBe(0);
    // 3 meldingen, 1 zaak, 1 actie, the 11 partners of a new database.
    expect(json.toestand).toEqual({ ok: true, bijgehouden: true, reden: null, objecten: 16, verschillen: [] });
    expect(tekst).toContain('✓ Gegevens: alle 16 objecten zoals het auditlog ze vastlegde');
  });

  it('is not switched off by the setting of a back-up of PostgreSQL, written into a file that records states (#14)', async () => {
    sqlite3Of(db, `UPDATE actie SET status = 'gereed' WHERE nummer = '${actie}'; INSERT INTO instelling (sleutel, waarde) VALUES ('toestand', 'niet bijgehouden')`);
    const { code, json } = await check(db);
    expect(code).toBe(1);
    expect(json.toestand).toMatchObject({ ok: false, bijgehouden: true, verschillen: [{ object: actie, wat: 'gewijzigd' }] });
  });

  it('is what kvz kopieer checks first: a file changed behind kvz’s back is not copied (#14)', async () => {
    sqlite3Of(db, `UPDATE actie SET status = 'gereed' WHERE nummer = '${actie}'`);
    const doel = join(tijdelijkeMap(), 'kopie.db');
    const u = await kvz(['kopieer', '--naar', doel], { db });
    expect([u.code, u.stdout]).toEqual([1, '']);
    expect(u.stderr).toBe(`De bron klopt niet: één object is buiten kvz om gewijzigd: ${actie} (gewijzigd). Er is niets gekopieerd; draai kvz check op de bron.\n`);
    expect(existsSync(doel)).toBe(false);
    // Untouched, it copies (the data as kvz left it).
    sqlite3Of(db, `UPDATE actie SET status = 'open' WHERE nummer = '${actie}'`);
    expect((await kvzOk(['kopieer', '--naar', doel], { db })).stdout).toContain('Gekopieerd naar');
  });

  metSqlite3(`names a melding whose text was changed with sqlite3${overgeslagen}`, async () => {
    sqlite3(db, `UPDATE melding SET omschrijving = 'GEWIJZIGD' WHERE nummer = 'M-2027-0001'`);
    const { code, json, tekst } = await check(db);
    expect(code).toBe(1);
    expect(json.ok).toBe(false);
    expect(json.toestand.verschillen).toEqual([{ object: 'M-2027-0001', wat: 'gewijzigd' }]);
    expect(json.problemen).toContain('gegevens: M-2027-0001 buiten kvz om gewijzigd');
    expect(tekst).toContain('✗ Gegevens: 1 object wijkt af van wat het auditlog vastlegde:\n    M-2027-0001  buiten kvz om gewijzigd\n');
    expect(tekst).toContain('Niet in orde.');
  });

  metSqlite3(`names an actie whose status was set to gereed behind kvz's back${overgeslagen}`, async () => {
    sqlite3(db, `UPDATE actie SET status = 'gereed' WHERE nummer = '${actie}'`);
    const { code, json } = await check(db);
    expect(code).toBe(1);
    expect(json.toestand.verschillen).toEqual([{ object: actie, wat: 'gewijzigd' }]);
  });

  metSqlite3(`names a melding deleted with its forwardings, and a forwarding deleted on its own${overgeslagen}`, async () => {
    sqlite3(db, `DELETE FROM doorzetting WHERE melding_id = 2; DELETE FROM bericht WHERE melding_id = 2; DELETE FROM melding WHERE id = 2;`);
    let { code, json } = await check(db);
    expect(code).toBe(1);
    expect(json.toestand.verschillen).toEqual([{ object: 'M-2027-0002', wat: 'verwijderd' }]);
    db = nieuweDb();
    await kvzOk(MELDING, { db });
    await kvzOk(['melding', 'forward', 'M-2027-0001', '--naar', 'politie'], { db });
    sqlite3(db, `DELETE FROM doorzetting WHERE melding_id = 1`);
    ({ code, json } = await check(db));
    expect(code).toBe(1);
    expect(json.toestand.verschillen).toEqual([{ object: 'M-2027-0001', wat: 'gewijzigd' }]);
  });

  metSqlite3(`names a melding, a partner and an overleg added behind kvz's back${overgeslagen}`, async () => {
    sqlite3(db, `INSERT INTO melding (jaar, volgnummer, ontvangen_op, ontvangen_dag, kanaal, categorie, kern, omschrijving, geregistreerd_door, aangemaakt_op, gewijzigd_op)
      VALUES (2027, 50, '2027-03-16T09:00:00.000Z', '2027-03-16', 'telefoon', 'drugs', 'Obdam', 'Ingevoegd', 'niemand', '2027-03-16T09:00:00.000Z', '2027-03-16T09:00:00.000Z');
      INSERT INTO partner (code, naam) VALUES ('nep', 'Nep');
      INSERT INTO overleg (soort, nominale_datum, datum, gewijzigd_op) VALUES ('gio', '2027-05-04', '2027-05-04', '2027-03-16T09:00:00.000Z');`);
    const { json } = await check(db);
    expect(json.toestand.verschillen).toEqual([
      { object: 'M-2027-0050', wat: 'toegevoegd' },
      { object: 'gio:2027-05-04', wat: 'toegevoegd' },
      { object: 'partner:nep', wat: 'toegevoegd' },
    ]);
    expect(json.problemen).toContain('gegevens: partner nep buiten kvz om toegevoegd (geen auditregel legde het vast)');
  });

  metSqlite3(`names every object that differs, not only the first${overgeslagen}`, async () => {
    sqlite3(db, `UPDATE melding SET kern = 'Obdam'; UPDATE zaak SET titel = 'Anders'; UPDATE partner SET naam = 'Politie Noord-Holland' WHERE code = 'politie';`);
    const { json, tekst } = await check(db);
    expect(json.toestand.verschillen.map((v) => v.object)).toEqual(['M-2027-0001', 'M-2027-0002', 'M-2027-0003', zaak, 'partner:politie']);
    expect(tekst).toContain('✗ Gegevens: 5 objecten wijken af van wat het auditlog vastlegde:');
    expect(tekst).toContain('    partner politie  buiten kvz om gewijzigd');
  });

  it('names a melding whose text was changed by flipped bits in the file itself', async () => {
    const voor = readFileSync(db);
    const waar = voor.indexOf('Harde muziek in de nacht');
    expect(waar).toBeGreaterThan(0);
    // One letter changed in place: the page stays well-formed, so only the state can tell.
    const na = Buffer.from(voor);
    na[waar] = 'M'.charCodeAt(0);
    writeFileSync(db, na);
    const { code, json } = await check(db);
    expect(code).toBe(1);
    expect(json.toestand.ok).toBe(false);
    expect(json.toestand.verschillen).toHaveLength(1);
    expect(json.toestand.verschillen[0]).toMatchObject({ wat: 'gewijzigd', object: expect.stringMatching(/^M-2027-000[123]$/) });
  });

  metSqlite3(`a melding removed behind kvz's back whose number kvz then gives again is still named${overgeslagen}`, async () => {
    sqlite3(db, `DELETE FROM melding WHERE nummer = 'M-2027-0003'; UPDATE teller SET laatste = 2 WHERE soort = 'melding' AND jaar = 2027;`);
    const nieuw = await kvzOk(MELDING, { db });
    expect(nieuw.stdout).toContain('M-2027-0003');
    const regel = lees<{ id: number }>(db, 'SELECT max(id) AS id FROM audit')[0]!.id;
    const { code, json } = await check(db);
    expect(code).toBe(1);
    expect(json.toestand.verschillen).toEqual([{ object: 'M-2027-0003', wat: 'verwijderd', voor: { id: regel, commando: 'melding add' } }]);
  });

  metSqlite3(`a later kvz command does not make an edit behind its back look like its own${overgeslagen}`, async () => {
    sqlite3(db, `UPDATE melding SET omschrijving = 'GEWIJZIGD' WHERE nummer = 'M-2027-0003'`);
    await kvzOk(['melding', 'update', 'M-2027-0001', '--kern', 'Obdam'], { db });
    await kvzOk(['melding', 'forward', 'M-2027-0003', '--naar', 'jongerenwerk'], { db });
    const { code, json, tekst } = await check(db);
    // The forward's row records the melding's state before it too, and that is not the state kvz
    // recorded last: the edit in between is named, with the row that came after it.
    expect(code).toBe(1);
    const regel = lees<{ id: number; toestand: string }>(db, `SELECT id, toestand FROM audit WHERE commando = 'melding forward' ORDER BY id DESC LIMIT 1`)[0]!;
    expect(Object.keys((JSON.parse(regel.toestand) as { na: object }).na)).toEqual(['M-2027-0003']);
    expect(json.toestand.verschillen).toEqual([{ object: 'M-2027-0003', wat: 'gewijzigd', voor: { id: regel.id, commando: 'melding forward' } }]);
    expect(tekst).toContain(`    M-2027-0003  buiten kvz om gewijzigd vóór regel ${regel.id} (melding forward)\n`);
  });

  it('records in the audit row of every change the state of what it changed, before and after', async () => {
    const rijen = lees<{ commando: string; toestand: string | null }>(db, 'SELECT commando, toestand FROM audit ORDER BY id');
    const toestand = rijen.map((r) => Object.keys((JSON.parse(r.toestand ?? '{}') as { na?: object }).na ?? {}));
    // The first row of a new database records every object there is (the partners it was made with).
    expect(toestand[0]).toContain('partner:politie');
    expect(toestand[0]).toContain('M-2027-0001');
    expect(toestand[1]).toEqual(['M-2027-0002']);
    expect(toestand.at(-1)).toEqual([actie]);
    // A new object has no state before; a forwarded melding had one.
    const forward = JSON.parse(rijen.find((r) => r.commando === 'melding forward')!.toestand!) as { na: object; voor: object };
    expect(Object.keys(forward.voor)).toEqual(['M-2027-0002']);
    expect(JSON.parse(rijen[1]!.toestand!)).not.toHaveProperty('voor');
    // The details stay what they say: no hashes there.
    expect(lees(db, `SELECT count(*) AS n FROM audit WHERE details LIKE '%toestand%'`)).toEqual([{ n: 0 }]);
  });

  it('on a terminal shows what it is doing on one line, gone again before the report; not when piped', async () => {
    const opTerminal = await kvz(['check'], { db, tty: true });
    expect(opTerminal.code).toBe(0);
    for (const stap of ['Integriteit van het bestand nagaan…', 'De hashketen van het auditlog nalopen…', 'De toestand van elk object narekenen…']) {
      expect(opTerminal.stderr).toContain(`\r\x1b[2K${stap}`);
    }
    expect(opTerminal.stderr.endsWith('\r\x1b[2K')).toBe(true);
    expect((await kvz(['check'], { db })).stderr).toBe('');
  });

  it('opschonen gives an erased melding a new salt, and check still passes', async () => {
    await kvzOk(['melding', 'add', '--categorie', 'drugs', '--kern', 'Obdam', '--omschrijving', 'Oud', '--melder-naam', 'Jan Jansen'], { db, nu: '2025-01-06T10:00:00Z' });
    await kvzOk(['melding', 'close', 'M-2025-0001'], { db, nu: '2025-01-07T10:00:00Z' });
    const zout = () => lees<{ zout: string }>(db, `SELECT zout FROM melding WHERE nummer = 'M-2025-0001'`)[0]!.zout;
    const voor = zout();
    await kvzOk(['opschonen', '--uitvoeren'], { db });
    expect(lees(db, `SELECT melder_naam FROM melding WHERE nummer = 'M-2025-0001'`)).toEqual([{ melder_naam: null }]);
    expect(zout()).not.toBe(voor);
    expect((await check(db)).code).toBe(0);
  });
});

beschrijfBestand('kvz check after an import', () => {
  it('an import records the state of every melding it wrote, into a new or a used database, and check names one edited after', async () => {
    for (const eerst of [false, true]) {
      const db = nieuweDb();
      if (eerst) await kvzOk(MELDING, { db });
      const csv = join(tijdelijkeMap(), 'meldingen.csv');
      const regels = ['Datum;Kern;Categorie;Melding;Doorgezet naar;Doorgezet op'];
      for (let i = 0; i < 450; i++) regels.push(`0${1 + (i % 9)}-02-2027 10:00;Obdam;geluidsoverlast;Muziek ${i};politie;0${1 + (i % 9)}-02-2027 12:00`);
      writeFileSync(csv, regels.join('\n'));
      await kvzOk(['import', 'meldingen', csv], { db });
      const rij = lees<{ toestand: string }>(db, `SELECT toestand FROM audit WHERE commando = 'import meldingen'`)[0]!;
      const na = (JSON.parse(rij.toestand) as { na: Record<string, string> }).na;
      // The 450 new meldingen; in a new database the first record also holds what was there (the partners).
      expect(Object.keys(na).filter((k) => k.startsWith('M-2027-')).length).toBe(450);
      expect('partner:politie' in na).toBe(!eerst);
      expect((await check(db)).code).toBe(0);
      const laatste = lees<{ nummer: string }>(db, 'SELECT nummer FROM melding ORDER BY id DESC LIMIT 1')[0]!.nummer;
      sqlite3Of(db, `UPDATE doorzetting SET partner = 'jongerenwerk' WHERE melding_id = (SELECT max(id) FROM melding)`);
      const { json } = await check(db);
      expect(json.toestand.verschillen).toEqual([{ object: laatste, wat: 'gewijzigd' }]);
    }
  });
});

beschrijfBestand('kvz check on a database from before state records', () => {
  it('the migration records every object once, in an audited row that says so, and check proves them after', async () => {
    const db = nieuweDb();
    await kvzOk(MELDING, { db });
    // Back to how a kvz of schema version 7 left the file: no salts, no records, the chain hashed without them.
    knoei(db, (c) => {
      for (const t of ['partner', 'zaak', 'melding', 'overleg', 'actie']) c.exec(`ALTER TABLE ${t} DROP COLUMN zout`);
      c.exec('ALTER TABLE audit DROP COLUMN toestand');
      zonderNa8(c);
      herbereken(c);
      c.pragma('user_version = 7');
    });
    expect(MIGRATIES.map((m) => m.versie)).toContain(8);
    await kvzOk(['melding', 'list'], { db });
    const rijen = lees<{ commando: string; gebruiker: string; resultaat: string; details: string }>(db, 'SELECT commando, gebruiker, resultaat, details FROM audit ORDER BY id');
    expect(rijen).toHaveLength(2);
    expect(rijen[1]).toMatchObject({ commando: 'migratie', gebruiker: 'kvz', resultaat: 'toestand van 12 objecten vastgelegd bij de migratie naar schemaversie 8 (zoals ze er toen stonden)' });
    expect(lees(db, 'SELECT count(*) AS n FROM melding WHERE zout IS NULL')).toEqual([{ n: 0 }]);
    expect((await check(db)).code).toBe(0);
    const conn2 = new Database(db);
    conn2.exec(`UPDATE melding SET omschrijving = 'GEWIJZIGD'`);
    conn2.close();
    expect((await check(db)).json.toestand.verschillen).toEqual([{ object: 'M-2027-0001', wat: 'gewijzigd' }]);
  });

  it('keeps states recorded before schema 10 valid, and its columns count once set: urgent, a forwarding at an unknown moment, lapsed', async () => {
    const db = nieuweDb();
    await kvzOk([...MELDING, '--doorzetten', 'politie'], { db });
    await kvzOk(MELDING, { db });
    // As a kvz of schema 9 left it: the states it recorded hashed without the columns 10 added.
    knoei(db, (c) => {
      c.exec('ALTER TABLE melding DROP COLUMN urgent');
      c.exec('ALTER TABLE doorzetting DROP COLUMN tijd_onbekend');
      c.exec('DROP TABLE afstemming'); // (schema 11's)
      zonderVervallen(c); // (schema 12's)
      zonderPlaatsingen(c); // (13's)
      zonderAantal(c); // (16's)
      c.pragma('user_version = 9');
    });
    expect((await check(db)).code).toBe(0); // migrated by the first command, every recorded state holding
    expect(lees(db, 'PRAGMA user_version')).toEqual([{ user_version: SCHEMA_VERSIE }]);
    sqlite3Of(db, `UPDATE melding SET urgent = 1 WHERE volgnummer = 2; UPDATE doorzetting SET tijd_onbekend = 1`);
    expect((await check(db)).json.toestand.verschillen).toEqual([
      { object: 'M-2027-0001', wat: 'gewijzigd' },
      { object: 'M-2027-0002', wat: 'gewijzigd' },
    ]);
    // A melding made to lapse behind kvz's back is an edit too.
    await kvzOk(MELDING, { db });
    sqlite3Of(db, `UPDATE melding SET status = 'afgehandeld', afgehandeld_op = '2027-03-16T10:00:00.000Z', afhandeling = 'x', vervallen = 1 WHERE volgnummer = 3`);
    expect((await check(db)).json.toestand.verschillen).toContainEqual({ object: 'M-2027-0003', wat: 'gewijzigd' });
  });
});

// Registered only on PostgreSQL (a skipped test would count as skipped on the file store).
if (OP_POSTGRES) {
  it('on PostgreSQL proves the states the database recorded itself (test/postgres/toestand.test.ts tampers with them)', async () => {
    const db = nieuweDb();
    await kvzOk(MELDING, { db });
    await kvzOk(['melding', 'forward', 'M-2027-0001', '--naar', 'politie'], { db });
    const { code, json, tekst } = await check(db);
    expect(code, tekst).toBe(0);
    expect(json.toestand).toMatchObject({ ok: true, bijgehouden: true, verschillen: [] });
    expect(tekst).toMatch(/✓ Gegevens: alle \d+ objecten zoals het auditlog ze vastlegde/);
  });
}
