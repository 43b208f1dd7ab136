/**
 * A process killed halfway (SPEC §5): every command is one transaction, so a kill leaves the state
 * before it or the state after it, never something in between; and a file kvz writes appears whole
 * or not at all.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breekAf, grootte, heeftOpen } from '../helpers/afbreken.js';
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
  // A matrix as large: one zaak with as many acties, each with a long omschrijving.
  conn
    .prepare(
      `INSERT INTO zaak (nummer, jaar, volgnummer, titel, soort, kern, geopend_op, geopend_door, gewijzigd_op)
       VALUES ('Z-2024-001', 2024, 1, 'Overlast', 'overlast', 'Obdam', '2024-02-01T10:00:00.000Z', 'test', '2024-02-01T10:00:00.000Z')`,
    )
    .run();
  const actie = conn.prepare(
    `INSERT INTO actie (nummer, jaar, volgnummer, zaak_id, omschrijving, partner, deadline, aangemaakt_op, aangemaakt_door, gewijzigd_op)
     VALUES (?, 2024, ?, 1, ?, 'politie', '2024-03-01', '2024-02-01T10:00:00.000Z', 'test', '2024-02-01T10:00:00.000Z')`,
  );
  conn.transaction(() => {
    for (let i = 1; i <= AANTAL; i++) actie.run(`A-2024-${String(i).padStart(5, '0')}`, i, tekst);
  })();
  conn.close();
  return db;
}

/** A spreadsheet of `aantal` meldingen, each with a long omschrijving. */
function groteCsv(map: string, aantal: number): string {
  const pad = join(map, 'meldingen.csv');
  const tekst = 'Harde muziek tot diep in de nacht, buren klagen al weken. '.repeat(25);
  const regels = ['Datum;Kern;Categorie;Melding'];
  for (let i = 0; i < aantal; i++) regels.push(`01-02-2027 ${String(8 + (i % 12)).padStart(2, '0')}:00;Obdam;geluidsoverlast;${tekst}${i}`);
  writeFileSync(pad, regels.join('\r\n'));
  return pad;
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

  it('parallel melding add processes, some killed once they work on the database: the survivors all land, numbers unique, check passes', async () => {
    const db = nieuweDb();
    await kvzOk(['init'], { db });
    const args = ['melding', 'add', '--categorie', 'jeugdoverlast', '--kern', 'Hensbroek', '--omschrijving', 'Vuurwerk bij de school'];
    // A kill point set by what the process did, not by the clock: once it has the database open, and
    // then 0 to 21 ms further into its work, so the kills land before, inside and after its transaction.
    const runs = Array.from({ length: 16 }, (_, i) =>
      i % 2 === 0
        ? spawnKvz(args, omgeving(db)).then((u) => ({ gedood: false, code: u.code }))
        : breekAf(args, db, (() => {
            let open: number | null = null;
            return (pid: number) => {
              if (open === null && heeftOpen(pid, db)) open = Date.now();
              return open !== null && Date.now() >= open + (i - 1) * 1.5;
            };
          })()),
    );
    const uitkomsten = await Promise.all(runs);
    const overleefd = uitkomsten.filter((u) => !u.gedood);
    expect(overleefd.every((u) => u.code === 0)).toBe(true);
    expect(uitkomsten.filter((u) => u.gedood).length).toBeGreaterThan(0);
    const meldingen = lees<{ nummer: string }>(db, 'SELECT nummer FROM melding');
    const audit = lees<{ object: string }>(db, `SELECT object FROM audit WHERE commando = 'melding add'`);
    expect(meldingen.length).toBeGreaterThanOrEqual(overleefd.length);
    expect(new Set(meldingen.map((m) => m.nummer)).size).toBe(meldingen.length);
    // Every melding has its audit row and every audit row its melding: no half-done command.
    expect(audit.map((a) => a.object).sort()).toEqual(meldingen.map((m) => m.nummer).sort());
    expect((await spawnKvz(['check'], omgeving(db))).code).toBe(0);
  }, 60_000);

  it('kvz export matrix killed while writing: the old file stays as it was, no audit row, and the next export cleans up', async () => {
    const db = join(tijdelijkeMap(), 'kvz.db');
    copyFileSync(sjabloon, db);
    const map = tijdelijkeMap();
    const doel = join(map, 'matrix.csv');
    writeFileSync(doel, 'de vorige export\r\n');
    const tijdelijk = () => readdirSync(map).filter((f) => f.endsWith('.tmp'));
    const a = await breekAf(['export', 'matrix', '--status', 'alle', '--output', doel], db, () =>
      tijdelijk().some((f) => grootte(join(map, f)) > 2_000_000),
    );
    expect(a.gedood, a.stderr).toBe(true);
    expect(readFileSync(doel, 'utf8')).toBe('de vorige export\r\n');
    expect(lees(db, `SELECT count(*) AS n FROM audit WHERE commando = 'export matrix'`)).toEqual([{ n: 0 }]);
    expect((await spawnKvz(['check'], omgeving(db))).code).toBe(0);
    // The killed process could not remove its temporary file; the next export to the same file does.
    expect(tijdelijk()).toHaveLength(1);
    const u = await spawnKvz(['export', 'matrix', '--status', 'alle', '--output', doel], omgeving(db));
    expect(u.code, u.stderr).toBe(0);
    expect(readdirSync(map)).toEqual(['matrix.csv']);
    expect(readFileSync(doel, 'utf8').split('\r\n')).toHaveLength(AANTAL + 2);
  }, 60_000);

  it('kvz export meldingen --met-melder killed while writing: no file, no audit row, and no copy of melder data left after the next export', async () => {
    const db = join(tijdelijkeMap(), 'kvz.db');
    copyFileSync(sjabloon, db);
    const map = tijdelijkeMap();
    const doel = join(map, 'meldingen.csv');
    const a = await breekAf(['export', 'meldingen', '--met-melder', '--output', doel], db, () =>
      readdirSync(map).some((f) => f.endsWith('.tmp') && grootte(join(map, f)) > 2_000_000),
    );
    expect(a.gedood, a.stderr).toBe(true);
    expect(readdirSync(map)).not.toContain('meldingen.csv');
    expect(lees(db, `SELECT count(*) AS n FROM audit WHERE commando = 'export meldingen'`)).toEqual([{ n: 0 }]);
    const u = await spawnKvz(['export', 'meldingen', '--output', doel], omgeving(db));
    expect(u.code, u.stderr).toBe(0);
    expect(readdirSync(map)).toEqual(['meldingen.csv']);
  }, 60_000);

  it('kvz import meldingen killed while committing a large file: all meldingen with their audit row, or none', async () => {
    const db = nieuweDb();
    await kvzOk(['init'], { db });
    const N = 30_000;
    const csv = groteCsv(tijdelijkeMap(), N);
    // Killed once the commit has written a few MB of the write-ahead log: before it can finish.
    const a = await breekAf(['import', 'meldingen', csv], db, () => grootte(`${db}-wal`) > 8_000_000);
    expect(a.gedood, a.stderr).toBe(true);
    const check = await spawnKvz(['check'], omgeving(db));
    expect(check.code, check.stdout).toBe(0);
    const meldingen = lees<{ n: number }>(db, 'SELECT count(*) AS n FROM melding')[0]!.n;
    const audit = lees<{ n: number }>(db, `SELECT count(*) AS n FROM audit WHERE commando = 'import meldingen'`)[0]!.n;
    expect([[0, 0], [N, 1]]).toContainEqual([meldingen, audit]);
    // The file can simply be imported again.
    if (meldingen === 0) expect((await spawnKvz(['import', 'meldingen', csv], omgeving(db))).code).toBe(0);
    expect(lees(db, 'SELECT count(*) AS n FROM melding')).toEqual([{ n: N }]);
  }, 60_000);
});
