import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditHash, type AuditRij } from '../../src/store/audit.js';
import { herbereken, knoei } from '../helpers/aanvaller.js';
import { kvz, kvzJson, kvzOk, lees, nieuweDb, spawnKvz, tijdelijkeMap } from '../helpers/run.js';
import { alleenBestand, beschrijfBestand, OP_POSTGRES } from '../helpers/opslag.js';
import { aanwezig } from '../helpers/vereist.js';

const SQLITE3 = '/usr/bin/sqlite3';
const MELDING = ['melding', 'add', '--categorie', 'burenoverlast', '--kern', 'Ursem', '--omschrijving', 'Harde muziek'];

interface Check {
  ok: boolean;
  auditlog: {
    ok: boolean; rijen: number; laatste: { id: number; hash: string } | null; eerste_fout: { id: number; commando: string; object: string | null; reden: string } | null;
    beveiligd: boolean; ontbrekende_triggers: string[]; gewijzigde_triggers: string[];
  };
  integriteit: { ok: boolean; schade?: { tabel: string | null; index: string | null; pagina: number | null; melding: string }[] };
  verwijzingen: { ok: boolean; fouten: unknown[] };
  vergelijking?: { ok: boolean; eerste_verschil: { id: number; reden: string } | null };
  toestand?: { ok: boolean; verschillen: { object: string; wat: string }[] };
}

async function check(db: string, ...extra: string[]): Promise<{ code: number; json: Check; tekst: string; stderr: string }> {
  const j = await kvz(['check', '--json', ...extra], { db });
  const t = await kvz(['check', ...extra], { db });
  expect(t.code).toBe(j.code);
  if (!OP_POSTGRES) {
    // On a large file SQLite's own checks run in a worker thread: forced here, the same verdict, word
    // for word. (The built kvz: only it has the worker's file.)
    const apart = await spawnKvz(['check', '--json', ...extra], { KVZ_DB: db, KVZ_CHECK_APART: '0', KVZ_DEBUG: '1' });
    expect([apart.code, apart.stdout]).toEqual([j.code, j.stdout]);
    expect(apart.stderr).toContain('integriteit en verwijzingen nagegaan in een aparte thread');
  }
  return { code: j.code, json: JSON.parse(j.stdout) as Check, tekst: t.stdout, stderr: t.stderr };
}

/** Six audit rows: four meldingen, one forwarding, one closing. */
async function vulDb(db: string): Promise<void> {
  for (let i = 0; i < 4; i++) await kvzOk(MELDING, { db });
  await kvzOk(['melding', 'forward', 'M-2027-0002', '--naar', 'politie'], { db });
  await kvzOk(['melding', 'close', 'M-2027-0003'], { db });
}

describe('kvz check', () => {
  let db: string;
  beforeEach(async () => {
    db = nieuweDb();
    await vulDb(db);
  });

  it('passes an untouched database and names the newest row and its hash', async () => {
    const { code, json, tekst } = await check(db);
    expect(code).toBe(0);
    expect(json).toMatchObject({ ok: true, integriteit: { ok: true }, verwijzingen: { ok: true }, auditlog: { ok: true, rijen: 6, beveiligd: true } });
    const laatste = lees<{ id: number; hash: string }>(db, 'SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1')[0]!;
    expect(json.auditlog.laatste).toEqual(laatste);
    expect(tekst).toContain(`✓ Auditlog: 6 regels, de hashketen klopt (laatste regel 6, hash ${laatste.hash})`);
    expect(tekst).toContain('Alles in orde.');
  });

  it('does not write: no audit row for a check', async () => {
    await check(db);
    expect(lees(db, 'SELECT count(*) AS n FROM audit')).toEqual([{ n: 6 }]);
  });

  alleenBestand('refuses a path where no database is, rather than creating one', async () => {
    const pad = join(tijdelijkeMap(), 'tikfout.db');
    const u = await kvz(['check'], { db: pad });
    expect(u.code).toBe(1);
    expect(u.stderr).toBe(`Er is geen kvz-database in '${pad}'. Controleer het pad bij KVZ_DB, of maak er een met kvz init.\n`);
    expect(existsSync(pad)).toBe(false);
  });

  alleenBestand.skipIf(!aanwezig('sqlite3', existsSync(SQLITE3)))(`finds a row changed with the sqlite3 tool and names it${existsSync(SQLITE3) ? '' : ' (overgeslagen: sqlite3 is hier niet geïnstalleerd)'}`, async () => {
    execFileSync(SQLITE3, [db, `DROP TRIGGER audit_geen_update; UPDATE audit SET gebruiker = 'iemand anders' WHERE id = 3;`]);
    const { code, json, tekst, stderr } = await check(db);
    expect(code).toBe(1);
    expect(json.auditlog.eerste_fout).toMatchObject({ id: 3, commando: 'melding add', object: 'M-2027-0003', reden: 'de inhoud van deze regel is gewijzigd na het vastleggen' });
    expect(tekst).toMatch(/✗ Auditlog: de hashketen is verbroken bij regel 3 \(16-03-2027 11:00, melding add, M-2027-0003\): de inhoud/);
    // The attacker left the update trigger dropped: that is reported too.
    expect(json.auditlog.beveiligd).toBe(false);
    expect(tekst).toContain('ontbrekende trigger: audit_geen_update');
    expect(stderr).toContain('De database is niet in orde');
  });

  // Every field the hash covers, changed behind kvz's back (a mutation that drops one from the hash fails here).
  alleenBestand.each([
    ['op', `'2027-03-16T10:00:00.001Z'`],
    ['gebruiker', `'iemand anders'`],
    ['commando', `'melding update'`],
    ['object', `'M-2027-0004'`],
    ['resultaat', `'niets'`],
    ['details', `'{"categorie":"drugs"}'`],
  ])('finds a row whose %s was changed, and names that row', async (veld, waarde) => {
    knoei(db, (c) => c.prepare(`UPDATE audit SET ${veld} = ${waarde} WHERE id = 3`).run());
    const { code, json } = await check(db);
    expect(code).toBe(1);
    expect(json.auditlog.eerste_fout).toMatchObject({ id: 3, reden: 'de inhoud van deze regel is gewijzigd na het vastleggen' });
  });

  alleenBestand('finds the guarding triggers replaced by no-ops under the same names', async () => {
    knoei(db, (c) => {
      c.exec(`CREATE TRIGGER audit_geen_update BEFORE UPDATE ON audit BEGIN SELECT 1; END;`);
      c.exec(`CREATE TRIGGER audit_geen_delete BEFORE DELETE ON audit BEGIN SELECT 1; END;`);
    }, { triggersTerug: false });
    const { code, json, tekst } = await check(db);
    expect(code).toBe(1);
    expect(json.auditlog).toMatchObject({ ok: true, beveiligd: false, ontbrekende_triggers: [], gewijzigde_triggers: ['audit_geen_delete', 'audit_geen_update'] });
    expect(tekst).toContain('✗ Auditlog: niet meer beveiligd tegen wijzigen; triggers anders dan in schema.sql: audit_geen_delete, audit_geen_update');
  });

  alleenBestand('finds a row whose link to the previous row was changed', async () => {
    knoei(db, (c) => c.prepare(`UPDATE audit SET vorige_hash = ? WHERE id = 3`).run('0'.repeat(64)));
    const { code, json } = await check(db);
    expect(code).toBe(1);
    expect(json.auditlog.eerste_fout).toMatchObject({ id: 3 });
  });

  alleenBestand('finds a changed row even when its own hash was recomputed: the next row no longer follows', async () => {
    knoei(db, (c) => {
      c.prepare(`UPDATE audit SET resultaat = 'niets gebeurd' WHERE id = 5`).run();
      const rij = c.prepare('SELECT * FROM audit WHERE id = 5').get() as AuditRij;
      c.prepare('UPDATE audit SET hash = ? WHERE id = 5').run(auditHash(rij));
    });
    const { code, json } = await check(db);
    expect(code).toBe(1);
    expect(json.auditlog.eerste_fout).toMatchObject({ id: 6, commando: 'melding close', reden: 'deze regel sluit niet aan op regel 5 (een regel is gewijzigd, verwijderd, ingevoegd of verplaatst)' });
    expect(json.auditlog.beveiligd).toBe(true);
  });

  alleenBestand('finds a deleted row: the gap is named', async () => {
    knoei(db, (c) => c.prepare('DELETE FROM audit WHERE id = 4').run());
    const { code, json } = await check(db);
    expect(code).toBe(1);
    expect(json.auditlog.eerste_fout).toMatchObject({ id: 5, commando: 'melding forward', object: 'M-2027-0002', reden: 'regel 4 ontbreekt vóór deze regel (verwijderd buiten kvz om)' });
  });

  alleenBestand('finds deleted rows even when the ids were closed up', async () => {
    knoei(db, (c) => {
      c.prepare('DELETE FROM audit WHERE id = 2').run();
      for (let id = 3; id <= 6; id++) c.prepare('UPDATE audit SET id = ? WHERE id = ?').run(id - 1, id);
    });
    const { json } = await check(db);
    expect(json.auditlog.eerste_fout).toMatchObject({ id: 2, object: 'M-2027-0003' });
    expect(json.auditlog.eerste_fout!.reden).toContain('sluit niet aan op regel 1');
  });

  alleenBestand('finds the first rows deleted', async () => {
    knoei(db, (c) => c.prepare('DELETE FROM audit WHERE id <= 2').run());
    const { json } = await check(db);
    expect(json.auditlog.eerste_fout).toMatchObject({ id: 3, reden: 'de regels 1 tot en met 2 ontbreken vóór deze regel (verwijderd buiten kvz om)' });
  });

  alleenBestand('finds a row inserted in the middle', async () => {
    knoei(db, (c) => {
      for (let id = 6; id >= 4; id--) c.prepare('UPDATE audit SET id = ? WHERE id = ?').run(id + 1, id);
      const vorige = c.prepare('SELECT hash FROM audit WHERE id = 3').pluck().get() as string;
      c.prepare(
        `INSERT INTO audit (id, op, gebruiker, commando, object, resultaat, details, vorige_hash, hash)
         VALUES (4, '2027-03-16T10:00:00.000Z', 'test', 'melding close', 'M-2027-0001', 'melding afgehandeld', '{}', ?, ?)`,
      ).run(vorige, 'a'.repeat(64));
    });
    const { json } = await check(db);
    expect(json.auditlog.eerste_fout).toMatchObject({ id: 4, commando: 'melding close', object: 'M-2027-0001', reden: 'de inhoud van deze regel is gewijzigd na het vastleggen' });
  });

  alleenBestand('finds two rows swapped', async () => {
    knoei(db, (c) => {
      c.prepare('UPDATE audit SET id = 100 WHERE id = 2').run();
      c.prepare('UPDATE audit SET id = 2 WHERE id = 3').run();
      c.prepare('UPDATE audit SET id = 3 WHERE id = 100').run();
    });
    const { json } = await check(db);
    expect(json.auditlog.eerste_fout).toMatchObject({ id: 2, object: 'M-2027-0003' });
    expect(json.auditlog.eerste_fout!.reden).toContain('sluit niet aan op regel 1');
  });

  alleenBestand('finds a row appended behind kvz’s back with a made-up hash', async () => {
    const laatste = lees<{ hash: string }>(db, 'SELECT hash FROM audit WHERE id = 6')[0]!.hash;
    // Appending needs no trigger to be dropped: only the hash gives it away.
    const conn = new Database(db);
    conn.prepare(
      `INSERT INTO audit (id, op, gebruiker, commando, object, resultaat, details, vorige_hash, hash)
       VALUES (7, '2027-03-16T12:00:00.000Z', 'beheerder', 'melding add', 'M-2027-0099', 'melding vastgelegd', '{}', ?, ?)`,
    ).run(laatste, 'f'.repeat(64));
    conn.close();
    const { code, json } = await check(db);
    expect(code).toBe(1);
    expect(json.auditlog.eerste_fout).toMatchObject({ id: 7, commando: 'melding add', object: 'M-2027-0099' });
  });

  alleenBestand('keeps working after a tampered row: kvz appends to the chain as before and check still names the old break', async () => {
    knoei(db, (c) => c.prepare(`UPDATE audit SET object = 'M-2027-0004' WHERE id = 2`).run());
    await kvzOk(MELDING, { db });
    const { json } = await check(db);
    expect(json.auditlog.eerste_fout).toMatchObject({ id: 2 });
  });

  alleenBestand('reports a reference to something that does not exist', async () => {
    const conn = new Database(db);
    conn.pragma('foreign_keys = OFF');
    conn.prepare(`UPDATE melding SET categorie = 'bestaat-niet' WHERE nummer = 'M-2027-0001'`).run();
    conn.close();
    const { code, json, tekst } = await check(db);
    expect(code).toBe(1);
    expect(json.verwijzingen).toMatchObject({ ok: false, fouten: [{ tabel: 'melding', verwijst_naar: 'categorie' }] });
    expect(tekst).toContain('✗ Verwijzingen: 1 rij verwijst naar iets dat niet bestaat, de eerste in melding');
    expect(json.auditlog.ok).toBe(true);
  });

  alleenBestand('explains a damaged index: which one, of which table, and that the rows themselves are whole', async () => {
    // Garbage over an index page: the kind of damage a failing disk or a torn copy leaves.
    const [{ rootpage, grootte }] = lees<{ rootpage: number; grootte: number }>(
      db,
      `SELECT rootpage, (SELECT page_size FROM pragma_page_size) AS grootte FROM sqlite_schema WHERE name = 'melding_dag'`,
    );
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(200, 0xab), 0, 200, rootpage! * grootte! - 200);
    closeSync(fd);
    const { code, json, tekst } = await check(db);
    expect(code).toBe(1);
    expect(json.integriteit).toMatchObject({ ok: false, schade: [{ tabel: 'melding', index: 'melding_dag', melding: expect.stringContaining('malformed') }] });
    expect(tekst).toContain('✗ Integriteit: het bestand is beschadigd, op één plaats:\n    index melding_dag van tabel melding');
    expect(tekst).toContain(`Alleen zoekindexen zijn geraakt; de rijen zelf zijn heel. Bewaar eerst een kopie van het bestand en herbouw ze dan met: sqlite3 ${db} REINDEX`);
  });

  alleenBestand('explains a damaged table: which one and on which page, and that rows may be lost', async () => {
    const [{ rootpage, grootte }] = lees<{ rootpage: number; grootte: number }>(
      db,
      `SELECT rootpage, (SELECT page_size FROM pragma_page_size) AS grootte FROM sqlite_schema WHERE name = 'contact'`,
    );
    // The page's header itself (a leaf page's type byte and cell count) overwritten.
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(8, 0x7f), 0, 8, (rootpage! - 1) * grootte!);
    closeSync(fd);
    const { code, json, tekst } = await check(db);
    expect(code).toBe(1);
    expect(json.integriteit.schade).toEqual([expect.objectContaining({ tabel: 'contact', index: null })]);
    expect(tekst).toMatch(/\n {4}tabel contact( \(pagina \d+\))?: /);
    expect(tekst).toContain('Rijen in deze tabellen kunnen verloren of verminkt zijn: zet de laatste goede back-up terug');
  });

  it('prints JSON that scripts can rely on', async () => {
    const json = await kvzJson<Record<string, unknown>>(['check'], { db });
    expect(Object.keys(json)).toEqual(['ok', 'integriteit', 'verwijzingen', 'auditlog', 'rechten', 'toestand', 'problemen', 'anker', 'anker_toets', 'database']);
    const laatste = lees<{ id: number; hash: string }>(db, 'SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1')[0]!;
    expect(json).toMatchObject({ ok: true, problemen: [], anker: `${laatste.id}:${laatste.hash}`, anker_toets: null });
  });
});

describe('kvz check --vergelijk', () => {
  let db: string;
  let kopie: string;
  beforeEach(async () => {
    db = nieuweDb();
    await vulDb(db);
    kopie = join(tijdelijkeMap(), 'kopie.db');
    await kvzOk(['backup', kopie], { db });
    await kvzOk(MELDING, { db });
  });

  it('passes when every row of the older copy is still here', async () => {
    const { code, json, tekst } = await check(db, '--vergelijk', kopie);
    expect(code).toBe(0);
    expect(json.vergelijking).toMatchObject({ ok: true, eerste_verschil: null });
    expect(tekst).toContain('alle 6 regels van de kopie staan hier ongewijzigd');
    expect(existsSync(`${kopie}-wal`) || existsSync(`${kopie}-shm`)).toBe(false);
  });

  alleenBestand('finds a log rewritten with freshly computed hashes, which the chain alone cannot', async () => {
    knoei(db, (c) => {
      c.prepare('DELETE FROM audit WHERE id = 2').run();
      for (let id = 3; id <= 8; id++) c.prepare('UPDATE audit SET id = ? WHERE id = ?').run(id - 1, id);
      herbereken(c);
    });
    expect((await check(db)).json.auditlog.ok).toBe(true);
    const { code, json } = await check(db, '--vergelijk', kopie);
    expect(code).toBe(1);
    expect(json.vergelijking!.eerste_verschil).toMatchObject({ id: 2, reden: 'deze regel verschilt van de kopie' });
  });

  alleenBestand('finds the newest rows removed', async () => {
    knoei(db, (c) => c.prepare('DELETE FROM audit WHERE id >= 6').run());
    expect((await check(db)).json.auditlog.ok).toBe(true);
    const { json } = await check(db, '--vergelijk', kopie);
    expect(json.vergelijking!.eerste_verschil).toMatchObject({ id: 6, reden: 'deze regel uit de kopie ontbreekt hier' });
  });

  it('refuses a file that is not a kvz copy', async () => {
    const vreemd = join(tijdelijkeMap(), 'vreemd.db');
    writeFileSync(vreemd, 'geen database');
    const u = await kvz(['check', '--vergelijk', vreemd], { db });
    expect(u.code).toBe(1);
    expect(u.stderr).toContain(`${vreemd} is geen kvz-database`);
  });
});

describe('kvz check --anker', () => {
  let db: string;
  let anker: string;
  beforeEach(async () => {
    db = nieuweDb();
    await vulDb(db);
    const tekst = (await kvzOk(['check'], { db })).stdout;
    // Every check ends with the anchor of this moment.
    anker = /\nanker (\d+:[0-9a-f]{64})\n$/.exec(tekst)![1]!;
    expect(anker.startsWith('6:')).toBe(true);
    await kvzOk(MELDING, { db });
  });

  it('passes while the rows up to the anchor are as they were, however the log grew since', async () => {
    const { code, json, tekst } = await check(db, '--anker', anker);
    expect(code).toBe(0);
    expect(json.anker).toMatch(/^7:/);
    expect(tekst).toContain('✓ Anker 6: de regels tot en met 6 staan er zoals toen het anker werd genoteerd');
  });

  alleenBestand('fails on a log rewritten with freshly computed hashes, which the chain alone cannot see', async () => {
    knoei(db, (c) => {
      c.prepare(`UPDATE audit SET resultaat = 'niets' WHERE id = 2`).run();
      herbereken(c);
    });
    expect((await check(db)).code).toBe(0);
    const { code, json, tekst } = await check(db, '--anker', anker);
    expect(code).toBe(1);
    expect((json as unknown as { problemen: string[] }).problemen).toEqual(['anker 6: regel 6 heeft nu een andere hash: het log tot en met die regel is herschreven']);
    expect(tekst).toContain('✗ Anker 6: regel 6 heeft nu een andere hash: het log tot en met die regel is herschreven.');
  });

  alleenBestand('fails when the newest rows were cut off, the anchor among them', async () => {
    knoei(db, (c) => c.prepare('DELETE FROM audit WHERE id >= 5').run());
    // The chain that is left holds, but the data no longer matches its newest records (SPEC §10):
    // what the cut rows recorded (the forward of M-2027-0002, the closing of M-2027-0003, the melding
    // added after the anchor) is named.
    const zonder = await check(db);
    expect(zonder.code).toBe(1);
    expect(zonder.json.auditlog.ok).toBe(true);
    expect(zonder.json.toestand!.verschillen).toEqual([
      { object: 'M-2027-0002', wat: 'gewijzigd' }, { object: 'M-2027-0003', wat: 'gewijzigd' }, { object: 'M-2027-0005', wat: 'toegevoegd' },
    ]);
    const { code, tekst } = await check(db, '--anker', anker);
    expect(code).toBe(1);
    expect(tekst).toContain('✗ Anker 6: regel 6 bestaat niet meer: het log eindigt bij regel 4 (de nieuwste regels zijn weggeknipt).');
  });

  it('refuses an anchor that is not <regel>:<hash>: exit 2', async () => {
    for (const fout of ['6', '6:abc', 'x:' + 'a'.repeat(64), `0:${'a'.repeat(64)}`]) {
      const u = await kvz(['check', '--anker', fout], { db });
      expect([u.code, u.stdout], fout).toEqual([2, '']);
      expect(u.stderr).toMatch(/^--anker verwacht <regel>:<hash>/);
    }
  });

  it('is printed by kvz backup with a hint that runs as printed', async () => {
    // A database whose path needs quoting in a shell.
    const map = join(tijdelijkeMap(), "map met 'spatie'");
    mkdirSync(map);
    const hier = join(map, 'kvz.db');
    await kvzOk(['backup', hier], { db });
    db = hier;
    const u = await kvzOk(['backup', join(map, 'kopie.db')], { db });
    const hint = /Later nagaan dat het auditlog tot hier niet is herschreven: (kvz check .*)\n/.exec(u.stdout)![1]!;
    expect(hint).toMatch(/--anker 7:[0-9a-f]{64}$/);
    // The hint as a shell reads it: the words kvz gets.
    const woorden = execFileSync('sh', ['-c', `for w in ${hint.replace(/^kvz /, '')}; do printf '%s\\0' "$w"; done`], { encoding: 'utf8' }).split('\0').filter(Boolean);
    const r = await kvz(woorden, { db });
    expect([r.code, r.stdout]).toEqual([0, expect.stringContaining('✓ Anker 7:')]);
  });
});

beschrijfBestand('the audit log itself', () => {
  alleenBestand('refuses UPDATE and DELETE, whatever tool is used', async () => {
    const db = nieuweDb();
    await vulDb(db);
    const conn = new Database(db);
    expect(() => conn.prepare(`UPDATE audit SET gebruiker = 'x' WHERE id = 1`).run()).toThrow('het auditlog kan niet worden gewijzigd');
    expect(() => conn.prepare('DELETE FROM audit WHERE id = 6').run()).toThrow('het auditlog kan niet worden verwijderd');
    conn.close();
    expect(lees(db, `SELECT count(*) AS n FROM audit WHERE gebruiker = 'test'`)).toEqual([{ n: 6 }]);
  });
});
