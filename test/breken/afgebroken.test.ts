/**
 * A process killed halfway (SPEC §5): every command is one transaction, so a kill leaves the state
 * before it or the state after it, never something in between; and a file kvz writes appears whole
 * or not at all.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breekAf, grootte } from '../helpers/afbreken.js';
import { kvzOk, lees, nieuweDb, spawnKvz, STANDAARD_NU, tijdelijkeMap } from '../helpers/run.js';

const AANTAL = 40_000;
const omgeving = (db: string) => ({ KVZ_DB: db, KVZ_NU: STANDAARD_NU });

/**
 * A database big enough that one transaction over it outgrows SQLite's page cache (16 MB) and spills
 * into the write-ahead log before it commits: then there is a moment to kill it in.
 */
async function groteDb(map: string): Promise<string> {
  const db = join(map, 'groot.db');
  await kvzOk(['init'], { db });
  const conn = new Database(db);
  const insert = conn.prepare(
    `INSERT INTO melding (jaar, volgnummer, ontvangen_op, ontvangen_dag, kanaal, categorie, kern, omschrijving,
       melder_naam, melder_telefoon, melder_email, status, afgehandeld_op, geregistreerd_door, aangemaakt_op, gewijzigd_op)
     VALUES (2024, ?, '2024-02-01T10:00:00.000Z', '2024-02-01', 'telefoon', 'burenoverlast', 'Obdam', ?,
       ?, '06-12345678', 'melder@example.nl', 'afgehandeld', '2024-03-01T10:00:00.000Z', 'test', '2024-02-01T10:00:00.000Z', '2024-02-01T10:00:00.000Z')`,
  );
  const tekst = 'Geluidsoverlast van de buren, al weken elke nacht. '.repeat(20);
  conn.transaction(() => {
    for (let i = 1; i <= AANTAL; i++) insert.run(i, tekst, `Melder ${i}`);
  })();
  conn.close();
  return db;
}

describe('a process killed halfway', () => {
  // Outlives the single tests (tijdelijkeMap is emptied after each).
  const blijvend = mkdtempSync(join(tmpdir(), 'kvz-groot-'));
  let sjabloon: string;
  beforeAll(async () => {
    sjabloon = await groteDb(blijvend);
  }, 60_000);
  afterAll(() => rmSync(blijvend, { recursive: true, force: true }));

  it('kvz opschonen killed during its transaction: all melder data erased with its audit row, or none', async () => {
    const db = join(tijdelijkeMap(), 'kvz.db');
    copyFileSync(sjabloon, db);
    // Killed once the transaction has spilled a few MB into the WAL: well before it can commit.
    const a = await breekAf(['opschonen', '--uitvoeren'], db, () => grootte(`${db}-wal`) > 4_000_000);
    expect(a.gedood, a.stderr).toBe(true);
    const check = await spawnKvz(['check'], omgeving(db));
    expect(check.code, check.stdout).toBe(0);
    const gewist = lees<{ n: number }>(db, 'SELECT count(*) AS n FROM melding WHERE melder_naam IS NULL')[0]!.n;
    const audit = lees<{ n: number }>(db, `SELECT count(*) AS n FROM audit WHERE commando = 'opschonen'`)[0]!.n;
    expect([[0, 0], [AANTAL, 1]]).toContainEqual([gewist, audit]);
    // And the next run does what is left.
    const opnieuw = await spawnKvz(['opschonen', '--uitvoeren', '--json'], omgeving(db));
    expect(JSON.parse(opnieuw.stdout).aantal).toBe(AANTAL - gewist);
  }, 60_000);

  it('kvz backup killed while copying: no backup file, a whole database, and the next backup cleans up', async () => {
    const db = join(tijdelijkeMap(), 'kvz.db');
    copyFileSync(sjabloon, db);
    const map = tijdelijkeMap();
    const doel = join(map, 'b.db');
    const tijdelijk = () => readdirSync(map).filter((f) => f.endsWith('.tmp'));
    const a = await breekAf(['backup', doel], db, () => tijdelijk().some((f) => grootte(join(map, f)) > 2_000_000));
    expect(a.gedood, a.stderr).toBe(true);
    expect(readdirSync(map)).not.toContain('b.db');
    expect((await spawnKvz(['check'], omgeving(db))).code).toBe(0);
    const u = await spawnKvz(['backup', doel], omgeving(db));
    expect(u.code, u.stderr).toBe(0);
    expect(readdirSync(map)).toEqual(['b.db']);
  }, 60_000);

  it('parallel melding add processes, some killed at random moments: the survivors all land, numbers unique, check passes', async () => {
    const db = nieuweDb();
    await kvzOk(['init'], { db });
    const args = ['melding', 'add', '--categorie', 'jeugdoverlast', '--kern', 'Hensbroek', '--omschrijving', 'Vuurwerk bij de school'];
    const runs = Array.from({ length: 16 }, (_, i) =>
      i % 2 === 0
        ? spawnKvz(args, omgeving(db)).then((u) => ({ gedood: false, code: u.code }))
        : breekAf(args, db, (() => {
            const tot = Date.now() + 100 + i * 40;
            return () => Date.now() > tot;
          })()),
    );
    const uitkomsten = await Promise.all(runs);
    const overleefd = uitkomsten.filter((u) => !u.gedood);
    expect(overleefd.every((u) => u.code === 0)).toBe(true);
    const meldingen = lees<{ nummer: string }>(db, 'SELECT nummer FROM melding');
    const audit = lees<{ object: string }>(db, `SELECT object FROM audit WHERE commando = 'melding add'`);
    expect(meldingen.length).toBeGreaterThanOrEqual(overleefd.length);
    expect(new Set(meldingen.map((m) => m.nummer)).size).toBe(meldingen.length);
    // Every melding has its audit row and every audit row its melding: no half-done command.
    expect(audit.map((a) => a.object).sort()).toEqual(meldingen.map((m) => m.nummer).sort());
    expect((await spawnKvz(['check'], omgeving(db))).code).toBe(0);
  }, 60_000);
});
