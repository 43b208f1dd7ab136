/**
 * A database locked by another process (SPEC §5): kvz waits (busy timeout 5 s), then succeeds when
 * the lock is released in time, or fails clearly with exit 1 and writes nothing when it is not.
 * kvz runs as a real process here: the in-process runner would block the test's own event loop.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { kvzOk, lees, nieuweDb, spawnKvz, STANDAARD_NU, tijdelijkeMap } from '../helpers/run.js';
import { houdSlot } from '../helpers/slot.js';

const MELDING = ['melding', 'add', '--categorie', 'drugs', '--kern', 'Wogmeer', '--omschrijving', 'Handel achter de sporthal'];
const BEZET = 'De database is bezet door een ander proces; na 5 seconden wachten is het opgegeven. Probeer het zo opnieuw.';

const omgeving = (db: string) => ({ KVZ_DB: db, KVZ_NU: STANDAARD_NU });
const wacht = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a database locked by another process', () => {
  let db: string;
  beforeEach(async () => {
    db = nieuweDb();
    await kvzOk(MELDING, { db });
  });

  it('makes kvz wait, and succeed once the lock is released within the busy timeout', async () => {
    const slot = await houdSlot(db);
    let klaar = false;
    const bezig = spawnKvz(MELDING, omgeving(db)).finally(() => (klaar = true));
    await wacht(1500);
    // Still waiting, not failed at once.
    expect(klaar).toBe(false);
    await slot.los();
    const u = await bezig;
    expect(u.stderr).toBe('');
    expect(u.code).toBe(0);
    expect(u.stdout).toContain('Melding M-2027-0002 vastgelegd.');
    expect(lees(db, 'SELECT count(*) AS n FROM audit')).toEqual([{ n: 2 }]);
  });

  it('fails clearly with exit 1 when the lock is held longer, and writes nothing: not the melding, not the backup', async () => {
    const map = tijdelijkeMap();
    const slot = await houdSlot(db);
    try {
      const [add, backup] = await Promise.all([spawnKvz(MELDING, omgeving(db)), spawnKvz(['backup', join(map, 'b.db')], omgeving(db))]);
      for (const u of [add, backup]) {
        expect(u.code).toBe(1);
        expect(u.stderr.trim()).toBe(BEZET);
        expect(u.stdout).toBe('');
      }
    } finally {
      await slot.los();
    }
    expect(lees(db, 'SELECT count(*) AS n FROM melding')).toEqual([{ n: 1 }]);
    expect(lees(db, 'SELECT count(*) AS n FROM audit')).toEqual([{ n: 1 }]);
    // Neither the backup nor its temporary file is left behind.
    expect(readdirSync(map)).toEqual([]);
  });

  it('does not stop readers: list, log and check answer while another process writes', async () => {
    const slot = await houdSlot(db, `INSERT INTO kern (naam) VALUES ('Halfweg')`);
    try {
      const [list, log, check] = await Promise.all([
        spawnKvz(['melding', 'list', '--json'], omgeving(db)),
        spawnKvz(['log', '--json'], omgeving(db)),
        spawnKvz(['check'], omgeving(db)),
      ]);
      expect(list.code, list.stderr).toBe(0);
      expect(JSON.parse(list.stdout)).toHaveLength(1);
      expect(log.code, log.stderr).toBe(0);
      expect(check.code, check.stdout + check.stderr).toBe(0);
    } finally {
      await slot.los();
    }
  });

  it('backs up the committed state only: a write in progress elsewhere is not in the copy', async () => {
    const doel = join(tijdelijkeMap(), 'b.db');
    const slot = await houdSlot(db, `INSERT INTO kern (naam) VALUES ('Halfweg'); INSERT INTO melding
      (id, jaar, volgnummer, ontvangen_op, ontvangen_dag, kanaal, categorie, kern, adres, omschrijving, status, geregistreerd_door, aangemaakt_op, gewijzigd_op)
      SELECT id + 100, jaar, 100, ontvangen_op, ontvangen_dag, kanaal, categorie, kern, adres, omschrijving,
             'nieuw', geregistreerd_door, aangemaakt_op, gewijzigd_op FROM melding`);
    const bezig = spawnKvz(['backup', doel], omgeving(db));
    // The copy is taken while the other write is open; only the backup's own audit row waits for the lock.
    // Commit the other write once the copy is on disk, however slow the machine is (a fixed wait was
    // too short under a full test run), and a moment later, when the backup checks it.
    const map = dirname(doel);
    for (const tot = Date.now() + 20_000; Date.now() < tot; await wacht(50)) {
      if (readdirSync(map).some((f) => f.endsWith('.tmp') && statSync(join(map, f)).size > 0)) break;
    }
    await wacht(500);
    await slot.los('commit');
    const u = await bezig;
    expect(u.code, u.stderr).toBe(0);
    expect(lees(db, `SELECT count(*) AS n FROM kern WHERE naam = 'Halfweg'`)).toEqual([{ n: 1 }]);
    expect(lees(doel, `SELECT count(*) AS n FROM kern WHERE naam = 'Halfweg'`)).toEqual([{ n: 0 }]);
    expect(lees(doel, 'SELECT nummer FROM melding')).toEqual([{ nummer: 'M-2027-0001' }]);
    expect((await spawnKvz(['check'], omgeving(doel))).code).toBe(0);
    expect(existsSync(`${doel}-wal`)).toBe(false);
  });
});
