import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { kvz, kvzJson, kvzOk, lees, nieuweDb, tijdelijkeMap } from '../helpers/run.js';

const MELDING = ['melding', 'add', '--categorie', 'vandalisme', '--kern', 'Berkhout', '--omschrijving', 'Bushokje vernield', '--melder-naam', 'Els'];

describe('kvz backup', () => {
  let db: string;
  let map: string;
  beforeEach(async () => {
    db = nieuweDb();
    await kvzOk(MELDING, { db });
    await kvzOk(MELDING, { db });
    map = tijdelijkeMap();
  });

  it('makes a checked copy, readable by its owner only, that kvz opens as the database', async () => {
    const doel = join(map, 'kvz-backup.db');
    const u = await kvzOk(['backup', doel], { db });
    expect(u.stdout).toContain(`✓ Back-up gemaakt en gecontroleerd: ${doel}`);
    expect(statSync(doel).mode & 0o777).toBe(0o600);
    // Nothing else is left in the directory: no temporary file, no -wal or -shm.
    expect(readdirSync(map)).toEqual(['kvz-backup.db']);
    const lijst = await kvzJson<{ nummer: string }[]>(['melding', 'list'], { db: doel });
    expect(lijst.map((m) => m.nummer)).toEqual(['M-2027-0002', 'M-2027-0001']);
    expect((await kvz(['check'], { db: doel })).code).toBe(0);
  });

  it('writes one audit row in the database, naming the file and the newest audit row in the copy', async () => {
    const doel = join(map, 'b.db');
    const b = await kvzJson<{ bestand: string; bytes: number; laatste_audit: { id: number; hash: string } }>(['backup', doel], { db });
    const [rij] = lees<{ commando: string; object: string; resultaat: string; details: string }>(db, 'SELECT * FROM audit ORDER BY id DESC LIMIT 1');
    expect(rij).toMatchObject({ commando: 'backup', object: doel, resultaat: 'back-up gemaakt' });
    const kop = lees<{ id: number; hash: string }>(db, 'SELECT id, hash FROM audit WHERE id = 2')[0];
    expect(JSON.parse(rij!.details)).toEqual({ bytes: b.bytes, laatste_audit: kop });
    expect(b.laatste_audit).toEqual(kop);
    // The copy is the state before the backup: it does not hold its own audit row.
    expect(lees(doel, 'SELECT count(*) AS n FROM audit')).toEqual([{ n: 2 }]);
  });

  it('refuses to overwrite an existing file unless --overschrijf', async () => {
    const doel = join(map, 'b.db');
    writeFileSync(doel, 'oud');
    const u = await kvz(['backup', doel], { db });
    expect(u.code).toBe(1);
    expect(u.stderr).toContain(`${doel} bestaat al; kies een andere naam of gebruik --overschrijf.`);
    expect(lees(db, 'SELECT count(*) AS n FROM audit')).toEqual([{ n: 2 }]);
    await kvzOk(['backup', doel, '--overschrijf'], { db });
    expect((await kvz(['check'], { db: doel })).code).toBe(0);
  });

  it('kopieer, too, replaces an existing file only with --overschrijf (a copy cannot be made again later; SPEC §12)', async () => {
    const doel = join(map, 'kopie.db');
    writeFileSync(doel, 'oud');
    const u = await kvz(['kopieer', '--naar', doel], { db });
    expect([u.code, u.stderr]).toEqual([1, `${doel} bestaat al; kies een andere naam of gebruik --overschrijf. Er is niets gekopieerd.\n`]);
    expect(readFileSync(doel, 'utf8')).toBe('oud');
    const pg = await kvz(['kopieer', '--naar', 'postgres://beheer@localhost/kvz', '--overschrijf'], { db });
    expect([pg.code, pg.stderr]).toEqual([2, '--overschrijf geldt alleen voor een bestand; een PostgreSQL-database als doel moet leeg zijn (alleen kvz init).\n']);
    expect((await kvzOk(['kopieer', '--naar', doel, '--overschrijf'], { db })).stdout).toContain(`✓ Gekopieerd naar ${doel} en gecontroleerd.`);
    expect((await kvzJson<{ nummer: string }[]>(['melding', 'list'], { db: doel })).map((m) => m.nummer)).toEqual(['M-2027-0002', 'M-2027-0001']);
    // Never over the database's own log, and not over a file that seems in use (a log beside it).
    const wal = await kvz(['kopieer', '--naar', `${db}-wal`, '--overschrijf'], { db });
    expect([wal.code, wal.stderr]).toEqual([1, `${db}-wal is de database zelf (of haar logboek); kies een ander bestand. Er is niets gekopieerd.\n`]);
    writeFileSync(`${doel}-wal`, 'log');
    const bezet = await kvz(['kopieer', '--naar', doel, '--overschrijf'], { db });
    expect([bezet.code, bezet.stderr]).toEqual([1, `${doel} lijkt in gebruik: er staat ${doel}-wal naast. Sluit wat het bestand gebruikt, of kies een ander bestand; er is niets gekopieerd.\n`]);
    expect((await kvz(['backup', doel, '--overschrijf'], { db })).stderr).toContain('lijkt in gebruik');
  });

  it.each([
    ['the database itself', (db: string) => db, 'is de database zelf'],
    ['its write-ahead log', (db: string) => `${db}-wal`, 'is de database zelf'],
  ])('never overwrites %s, not even with --overschrijf', async (_naam, doel, bericht) => {
    const u = await kvz(['backup', doel(db), '--overschrijf'], { db });
    expect(u.code).toBe(1);
    expect(u.stderr).toContain(bericht);
    expect((await kvz(['check'], { db })).code).toBe(0);
  });

  it('refuses a directory, a missing directory and a path through a file, writing nothing', async () => {
    const bestand = join(map, 'gewoon-bestand');
    writeFileSync(bestand, 'x');
    for (const [doel, bericht] of [
      [map, 'is een map; geef de naam van het back-upbestand'],
      [join(map, 'bestaat-niet', 'b.db'), 'bestaat niet; maak haar eerst aan'],
      [join(bestand, 'b.db'), 'is geen map'],
    ] as const) {
      const u = await kvz(['backup', doel], { db });
      expect(u.code, doel).toBe(1);
      expect(u.stderr).toContain(bericht);
    }
    expect(readdirSync(map)).toEqual(['gewoon-bestand']);
    expect(lees(db, 'SELECT count(*) AS n FROM audit')).toEqual([{ n: 2 }]);
  });

  it('refuses when there is no database, rather than backing up a new empty one', async () => {
    const geen = join(tijdelijkeMap(), 'geen.db');
    const u = await kvz(['backup', join(map, 'b.db')], { db: geen });
    expect(u.code).toBe(1);
    expect(u.stderr).toContain(`Er is geen kvz-database in '${geen}'`);
    expect(existsSync(geen)).toBe(false);
    expect(readdirSync(map)).toEqual([]);
  });

  it('needs a file name', async () => {
    const u = await kvz(['backup', ' '], { db });
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('het back-upbestand mag niet leeg zijn');
    const zonder = await kvz(['backup'], { db });
    expect(zonder.code).toBe(2);
  });
});
