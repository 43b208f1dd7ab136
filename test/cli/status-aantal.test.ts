/**
 * The number of meldingen that `kvz status` shows is kept beside them on a file (melding_aantal, by
 * triggers), so status does not count a million rows (#17). It must stay right whoever adds or removes a
 * melding, and `kvz check` must name it when it is not.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { knoei, zonderAantal } from '../helpers/aanvaller.js';
import { beschrijfBestand } from '../helpers/opslag.js';
import { kvz, kvzOk, lees, nieuweDb, tijdelijkeMap } from '../helpers/run.js';

const MELDING = ['melding', 'add', '--categorie', 'burenoverlast', '--kern', 'Ursem', '--omschrijving', 'Harde muziek in de nacht'];

function sql(db: string, tekst: string): void {
  const c = new Database(db);
  try {
    c.exec(tekst);
  } finally {
    c.close();
  }
}

async function totaal(db: string): Promise<number> {
  const u = await kvzOk(['status', '--json'], { db });
  return (JSON.parse(u.stdout) as { meldingen: { totaal: number } }).meldingen.totaal;
}

async function check(db: string): Promise<{ code: number; integriteit: { ok: boolean; meldingen: string[] }; tekst: string }> {
  const j = await kvz(['check', '--json'], { db });
  const t = await kvz(['check'], { db });
  return { code: j.code, integriteit: (JSON.parse(j.stdout) as { integriteit: { ok: boolean; meldingen: string[] } }).integriteit, tekst: t.stdout };
}

beschrijfBestand('the number of meldingen kvz status shows', () => {
  it('counts every melding: added, imported, and one added or removed behind kvz’s back', async () => {
    const db = nieuweDb();
    expect(await totaal(db)).toBe(0);
    await kvzOk(MELDING, { db });
    await kvzOk(MELDING, { db });
    const csv = join(tijdelijkeMap(), 'meldingen.csv');
    writeFileSync(csv, ['Datum;Dorp;Categorie;Melding', '10-03-2027 09:00;Obdam;overig;Een', '11-03-2027 09:00;Ursem;overig;Twee', '12-03-2027 09:00;Obdam;overig;Drie'].join('\n'));
    await kvzOk(['import', 'meldingen', csv], { db });
    expect(await totaal(db)).toBe(5);
    expect((await kvzOk(['status'], { db })).stdout).toContain('Meldingen 5 in totaal');
    // With the sqlite3 tool: the triggers count that too (check names the rows themselves as added or removed).
    sql(db, `INSERT INTO melding (jaar, volgnummer, ontvangen_op, ontvangen_dag, kanaal, categorie, kern, omschrijving, geregistreerd_door, aangemaakt_op, gewijzigd_op)
             SELECT jaar, 99, ontvangen_op, ontvangen_dag, kanaal, categorie, kern, omschrijving, geregistreerd_door, aangemaakt_op, gewijzigd_op FROM melding WHERE volgnummer = 1 AND jaar = 2027`);
    expect(await totaal(db)).toBe(6);
    sql(db, 'DELETE FROM melding WHERE volgnummer = 99');
    expect(await totaal(db)).toBe(5);
    const c = await check(db);
    expect(c.integriteit).toEqual({ ok: true, meldingen: [] });
    expect(c.code).toBe(0);
  });

  it('is named by check when it was changed behind kvz’s back, or a trigger that keeps it is gone', async () => {
    const db = nieuweDb();
    await kvzOk(MELDING, { db });
    await kvzOk(MELDING, { db });
    sql(db, 'UPDATE melding_aantal SET aantal = 7');
    let c = await check(db);
    expect(c.code).toBe(1);
    expect(c.integriteit).toEqual({ ok: false, meldingen: ['kvz status telt 7 meldingen, er zijn er 2 (melding_aantal is buiten kvz om gewijzigd)'] });
    expect(c.tekst).toContain('✗ Integriteit: kvz status telt 7 meldingen, er zijn er 2 (melding_aantal is buiten kvz om gewijzigd)');
    sql(db, 'UPDATE melding_aantal SET aantal = 2; DROP TRIGGER melding_aantal_af');
    c = await check(db);
    expect(c.code).toBe(1);
    expect(c.integriteit.meldingen).toEqual(['de trigger melding_aantal_af ontbreekt: het aantal meldingen in kvz status loopt niet meer mee']);
    // Put back under its name as a no-op: named with the count too, and not as if the audit log were unguarded.
    sql(db, 'CREATE TRIGGER melding_aantal_af AFTER DELETE ON melding BEGIN SELECT 1; END');
    c = await check(db);
    expect(c.code).toBe(1);
    expect(c.integriteit.meldingen).toEqual(['de trigger melding_aantal_af is anders dan in schema.sql: het aantal meldingen in kvz status klopt dan niet meer']);
    const j = JSON.parse((await kvz(['check', '--json'], { db })).stdout) as { ok: boolean; auditlog: { beveiligd: boolean; gewijzigde_triggers: string[] } };
    expect(j.ok).toBe(false);
    expect(j.auditlog).toMatchObject({ beveiligd: true, gewijzigde_triggers: [] });
    expect(c.tekst).not.toContain('Auditlog: niet meer beveiligd');
  });

  it('is counted once when a database of schema 15 is opened by this kvz', async () => {
    const db = nieuweDb();
    await kvzOk(MELDING, { db });
    await kvzOk(MELDING, { db });
    await kvzOk(MELDING, { db });
    knoei(db, (conn) => {
      zonderAantal(conn);
      conn.pragma('user_version = 15');
    });
    expect(await totaal(db)).toBe(3);
    expect(lees(db, 'SELECT aantal FROM melding_aantal')).toEqual([{ aantal: 3 }]);
    await kvzOk(MELDING, { db });
    expect(await totaal(db)).toBe(4);
    expect((await check(db)).code).toBe(0);
  });
});
