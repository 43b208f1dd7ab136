/**
 * On PostgreSQL the database records the state of every object itself (SPEC §10), exactly as kvz does
 * on a file: `kvz check` names every melding, zaak or actie changed, removed or added behind kvz's
 * back — by the cluster's superuser in psql, or by a kvz login in psql within its own rights. A file
 * moved up and a back-up moved down prove their recorded states on the other store.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nieuweActie, nieuweZaak } from '../helpers/matrix.js';
import { kvzPostgres, PG, PG_OVERGESLAGEN, psqlOk, type KvzPostgres, type Login } from '../helpers/postgres.js';
import { kvz, kvzOk, tijdelijkeMap } from '../helpers/run.js';

const NU = '2027-03-16T10:00:00.000Z';
const MELDING = ['melding', 'add', '--categorie', 'burenoverlast', '--kern', 'Ursem', '--omschrijving', 'Harde muziek in de nacht'];

interface Uitslag {
  ok: boolean;
  problemen: string[];
  toestand: { ok: boolean; bijgehouden: boolean; objecten: number; verschillen: { object: string; wat: string; voor?: { id: number; commando: string } }[] };
}

async function check(db: KvzPostgres): Promise<{ code: number; json: Uitslag; tekst: string }> {
  const j = await db.kvz(['check', '--json'], db.it, { nu: NU });
  const t = await db.kvz(['check'], db.it, { nu: NU });
  expect(t.code).toBe(j.code);
  return { code: j.code, json: JSON.parse(j.stdout) as Uitslag, tekst: t.stdout };
}

/** As the cluster's superuser, who holds every right and whom no trigger of kvz's notes. */
const alsSuperuser = (db: KvzPostgres, sql: string) => psqlOk(`SET search_path = kvz; ${sql}`, { db: db.naam });

describe.skipIf(!PG)(`kvz check on PostgreSQL: the data against the audit log${PG_OVERGESLAGEN}`, () => {
  async function opgezet(): Promise<{ db: KvzPostgres; zaak: string; actie: string; env: { PGPASSWORD: string } }> {
    const db = await kvzPostgres();
    const env = { PGPASSWORD: db.it.wachtwoord };
    for (let i = 0; i < 3; i++) await db.kvzOk(MELDING, db.it, { nu: NU });
    await db.kvzOk(['melding', 'forward', 'M-2027-0002', '--naar', 'politie'], db.it, { nu: NU });
    const zaak = await nieuweZaak(db.url(), [], { nu: NU, env });
    const actie = await nieuweActie(db.url(), zaak, 'jongerenwerk', '2027-04-01', [], { nu: NU, env });
    return { db, zaak, actie, env };
  }

  it('records each change in the audit row itself, and proves every object against it', async () => {
    const { db } = await opgezet();
    const { code, json, tekst } = await check(db);
    expect(code, tekst).toBe(0);
    // 3 meldingen, a zaak, an actie and the seven partners init made, the meetings the actie was planned with.
    expect(json.toestand).toMatchObject({ ok: true, bijgehouden: true, reden: null, verschillen: [] });
    expect(json.toestand.objecten).toBeGreaterThanOrEqual(12);
    expect(tekst).toMatch(/✓ Gegevens: alle \d+ objecten zoals het auditlog ze vastlegde/);
    // The row of the forwarding recorded the melding after, and before.
    const rij = alsSuperuser(db, `SELECT toestand FROM audit WHERE commando = 'melding forward'`).trim();
    const r = JSON.parse(rij) as { na: Record<string, string>; voor: Record<string, string> };
    expect(Object.keys(r.na)).toEqual(['M-2027-0002']);
    expect(Object.keys(r.voor)).toEqual(['M-2027-0002']);
    expect(r.na['M-2027-0002']).not.toBe(r.voor['M-2027-0002']);
  }, 60_000);

  it('names a melding, actie and forwarding changed, removed or added by the superuser in psql, every one of them', async () => {
    const { db, actie } = await opgezet();
    alsSuperuser(db, `UPDATE melding SET omschrijving = 'GEWIJZIGD' WHERE nummer = 'M-2027-0001'`);
    alsSuperuser(db, `UPDATE actie SET status = 'gereed' WHERE nummer = '${actie}'`);
    alsSuperuser(db, `DELETE FROM doorzetting WHERE melding_id = 2; DELETE FROM bericht WHERE melding_id = 2; DELETE FROM contact WHERE melding_id = 2`);
    alsSuperuser(db, `DELETE FROM melding WHERE nummer = 'M-2027-0003'`);
    alsSuperuser(db, `INSERT INTO melding (jaar, volgnummer, ontvangen_op, ontvangen_dag, kanaal, categorie, kern, omschrijving, status, geregistreerd_door, aangemaakt_op, gewijzigd_op)
      VALUES (2027, 99, '2027-03-16T09:00:00.000Z', '2027-03-16', 'balie', 'overig', 'Obdam', 'ingeschoven', 'nieuw', 'x', '2027-03-16T09:00:00.000Z', '2027-03-16T09:00:00.000Z')`);
    const { code, json, tekst } = await check(db);
    expect(code).toBe(1);
    expect(json.ok).toBe(false);
    const gezien = Object.fromEntries(json.toestand.verschillen.map((v) => [v.object, v.wat]));
    expect(gezien).toEqual({ 'M-2027-0001': 'gewijzigd', 'M-2027-0002': 'gewijzigd', 'M-2027-0003': 'verwijderd', 'M-2027-0099': 'toegevoegd', [actie]: 'gewijzigd' });
    expect(tekst).toContain('✗ Gegevens: 5 objecten wijken af van wat het auditlog vastlegde:');
    expect(tekst).toMatch(/M-2027-0001 +buiten kvz om gewijzigd/);
    expect(json.problemen).toContain('gegevens: M-2027-0001 buiten kvz om gewijzigd');
  }, 60_000);

  it('names a change a kvz login made in psql within its own rights, even one that claims to be kvz', async () => {
    const { db, actie } = await opgezet();
    const iv: Login = await db.gebruiker('iv');
    // iv may change an actie: the database lets it, but no audit row says so.
    const u = db.psql(`UPDATE actie SET status = 'gereed' WHERE nummer = '${actie}'`, iv);
    expect(u.code, u.stderr).toBe(0);
    // A psql session that says it is kvz notes its change, but only an audit row records it: there is none.
    const v = db.psql(`SET kvz.toestand = 'volgen'; UPDATE melding SET omschrijving = 'ander verhaal' WHERE nummer = 'M-2027-0001'`, iv);
    expect(v.code, v.stderr).toBe(0);
    // Nor may it write one with states of its choosing: audit_schrijf records the database's own.
    const w = db.psql(`SELECT audit_schrijf('${NU}', 'melding update', 'M-2027-0001', 'bijgewerkt', '{}', 0)`, iv);
    expect(w.code, w.stderr).toBe(0);
    const { code, json } = await check(db);
    expect(code).toBe(1);
    expect(json.toestand.verschillen.map((x) => [x.object, x.wat])).toEqual(expect.arrayContaining([[actie, 'gewijzigd']]));
    expect(json.toestand.verschillen.some((x) => x.object === 'M-2027-0001')).toBe(true);
  }, 60_000);

  it('still names a change made behind its back after kvz changed the object again, with the row that found it', async () => {
    const { db } = await opgezet();
    alsSuperuser(db, `UPDATE melding SET adres = 'Dorpsstraat 1' WHERE nummer = 'M-2027-0003'`);
    await db.kvzOk(['melding', 'forward', 'M-2027-0003', '--naar', 'jongerenwerk'], db.it, { nu: NU });
    const regel = Number(alsSuperuser(db, `SELECT max(id) FROM audit`).trim());
    const { code, json } = await check(db);
    expect(code).toBe(1);
    expect(json.toestand.verschillen).toEqual([{ object: 'M-2027-0003', wat: 'gewijzigd', voor: { id: regel, commando: 'melding forward' } }]);
  }, 60_000);

  it('records the meldingen of an import, and names one edited afterwards', async () => {
    const db = await kvzPostgres();
    const csv = join(tijdelijkeMap(), 'lijst.csv');
    const regels = Array.from({ length: 30 }, (_, i) => `${String(1 + (i % 28)).padStart(2, '0')}-02-2027 08:00,Avenhorn,vandalisme,Bankje vernield ${i},balie,politie`);
    writeFileSync(csv, `Ontvangen,Kern,Categorie,Omschrijving,Kanaal,Doorgezet naar\n${regels.join('\n')}\n`);
    await db.kvzOk(['import', 'meldingen', csv], db.it, { nu: NU });
    const voor = await check(db);
    expect(voor.code, voor.tekst).toBe(0);
    expect(voor.json.toestand.objecten).toBeGreaterThanOrEqual(30);
    const rij = JSON.parse(alsSuperuser(db, `SELECT toestand FROM audit WHERE commando = 'import meldingen'`).trim()) as { na: Record<string, string> };
    expect(Object.keys(rij.na)).toHaveLength(30);
    alsSuperuser(db, `UPDATE doorzetting SET dag = '2027-02-20' WHERE melding_id = (SELECT id FROM melding WHERE nummer = 'M-2027-0017')`);
    expect((await check(db)).json.toestand.verschillen).toEqual([{ object: 'M-2027-0017', wat: 'gewijzigd' }]);
  }, 60_000);

  it('copies no tampered data down into a file as a new starting point, but still backs it up, tampering and all', async () => {
    const { db } = await opgezet();
    alsSuperuser(db, `UPDATE melding SET omschrijving = 'GEWIJZIGD' WHERE nummer = 'M-2027-0001'`);
    const map = tijdelijkeMap();
    const u = await db.kvz(['kopieer', '--naar', join(map, 'kopie.db')], db.it, { nu: NU });
    expect([u.code, u.stderr]).toEqual([1, 'De bron klopt niet: één object is buiten kvz om gewijzigd: M-2027-0001 (gewijzigd). Er is niets gekopieerd; draai kvz check op de bron.\n']);
    expect(existsSync(join(map, 'kopie.db'))).toBe(false);
    // A back-up keeps the source's own records: its check names the melding.
    await db.kvzOk(['backup', join(map, 'backup.db')], db.it, { nu: NU });
    const c = JSON.parse((await kvz(['check', '--json', '--db', join(map, 'backup.db')], { nu: NU })).stdout) as Uitslag;
    expect(c.toestand.verschillen).toEqual([{ object: 'M-2027-0001', wat: 'gewijzigd' }]);
  }, 60_000);

  it('proves a desk file moved up, and a back-up moved down, against the states the other store recorded', async () => {
    const bestand = join(tijdelijkeMap(), 'balie.db');
    await kvzOk(['demo', '--db', bestand], { nu: NU });
    const db = await kvzPostgres();
    await kvzOk(['kopieer', '--naar', db.url()], { db: bestand, nu: NU, env: { PGPASSWORD: db.it.wachtwoord } });
    await db.kvzOk([...MELDING, '--doorzetten', 'politie'], db.it, { nu: NU });
    const opPostgres = await check(db);
    expect(opPostgres.code, opPostgres.tekst).toBe(0);
    // The back-up's check computes every state with SQLite from the rows, against hashes PostgreSQL wrote.
    const kopie = join(tijdelijkeMap(), 'backup.db');
    await db.kvzOk(['backup', kopie], db.it, { nu: NU });
    const u = await kvz(['check', '--json', '--db', kopie], { nu: NU });
    expect(u.code, u.stdout).toBe(0);
    const opBestand = JSON.parse(u.stdout) as Uitslag;
    expect(opBestand.toestand).toMatchObject({ ok: true, bijgehouden: true, objecten: opPostgres.json.toestand.objecten });
    // And one edited there behind kvz's back is named there too.
    const sqlite = await import('better-sqlite3');
    const c = new sqlite.default(kopie);
    c.prepare(`UPDATE melding SET kern = 'Obdam' WHERE id = (SELECT max(id) FROM melding)`).run();
    c.close();
    const na = JSON.parse((await kvz(['check', '--json', '--db', kopie], { nu: NU })).stdout) as Uitslag;
    expect(na.toestand.verschillen).toHaveLength(1);
    expect(na.toestand.verschillen[0]!.wat).toBe('gewijzigd');
  }, 120_000);
});
