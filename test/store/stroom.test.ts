/**
 * Reading many rows in batches (Db.stroom), on both stores: what the exports, `check` and `kopieer`
 * rely on. On PostgreSQL the next batch is already asked for while the caller handles this one, and
 * the stream's own transaction plans for its first rows (#17): neither may change what is read, leave
 * a read behind when the caller stops early, or reach the queries after it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { stelCadansIn } from '../../src/store/cadans.js';
import type { Db } from '../../src/store/db.js';
import { OP_POSTGRES } from '../helpers/opslag.js';
import { nieuweDb, openTest } from '../helpers/run.js';

const open: Db[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.sluit();
});

async function database(): Promise<Db> {
  const db = await openTest(nieuweDb());
  open.push(db);
  return db;
}

/** 1..n, largest first: a sort no index can spare the database. */
const getallen = (n: number) => `WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < ${n}) SELECT i, 'rij ' || i FROM r ORDER BY i DESC`;

async function alles(db: Db, sql: string): Promise<{ rijen: [number, string][]; batches: number[] }> {
  const rijen: [number, string][] = [];
  const batches: number[] = [];
  for await (const batch of db.stroom<[number, string]>(sql, [], { eersteRijen: true })) {
    batches.push(batch.length);
    rijen.push(...batch);
  }
  return { rijen, batches };
}

describe('reading rows in batches', () => {
  it('hands on every row once, in the order asked, in batches of at most 500', async () => {
    const db = await database();
    const { rijen, batches } = await alles(db, getallen(1234));
    expect(rijen.map((r) => Number(r[0]))).toEqual(Array.from({ length: 1234 }, (_, i) => 1234 - i));
    expect(rijen[0]![1]).toBe('rij 1234');
    expect(batches).toEqual([500, 500, 234]);
    // Exactly a whole number of batches: the last read finds nothing more and the loop ends.
    expect((await alles(db, getallen(1000))).batches).toEqual([500, 500]);
    expect((await alles(db, 'SELECT 1 WHERE 1 = 0')).rijen).toEqual([]);
  });

  it('leaves the connection ready when the caller stops after the first batch', async () => {
    const db = await database();
    for await (const batch of db.stroom<[number, string]>(getallen(5000))) {
      expect(batch).toHaveLength(500);
      break;
    }
    // The next statements run as usual: a read, a write in a transaction, and another stream.
    expect(Number(await db.waarde('SELECT 41 + 1'))).toBe(42);
    await stelCadansIn(db, { gebruiker: 'test', nu: new Date('2027-03-16T10:00:00Z'), commando: 'test' }, 'gio', { start: '2027-04-06' });
    expect(await db.waarde(`SELECT start FROM cadans WHERE soort = 'gio'`)).toBe('2027-04-06');
    expect((await alles(db, getallen(700))).batches).toEqual([500, 200]);
  });

  // PostgreSQL's own: a file has no planner settings, and SQLite reads its rows as they are asked for.
  if (OP_POSTGRES) {
    it('plans for its first rows only when asked, and only inside its own transaction', async () => {
      const db = await database();
      const instelling = async (opties?: { eersteRijen: boolean }) => {
        const rijen: unknown[][] = [];
        for await (const batch of db.stroom(`SELECT current_setting('enable_sort')`, [], opties)) rijen.push(...batch);
        return rijen;
      };
      expect(await instelling({ eersteRijen: true })).toEqual([['off']]);
      // A filter that leaves few rows is sorted: walking a whole index in order would be slower.
      expect(await instelling()).toEqual([['on']]);
      expect(await instelling({ eersteRijen: false })).toEqual([['on']]);
      // The queries after it plan as before.
      expect(await db.waarde('SHOW enable_sort')).toBe('on');
      // Inside a snapshot the stream leaves the caller's planner settings alone.
      await db.momentopname(async () => {
        expect(await instelling({ eersteRijen: true })).toEqual([['on']]);
        expect(await db.waarde('SHOW enable_sort')).toBe('on');
      });
    });

    it('hands a read that fails while the caller is busy to the caller, and the connection goes on', async () => {
      const db = await database();
      // Row 800 divides by zero: the batch after the first fails while the caller still waits on its own I/O.
      const sql = 'SELECT i, 10 / (i - 800) FROM generate_series(1, 1000) AS g(i)';
      let gezien = 0;
      const lezen = (async () => {
        for await (const batch of db.stroom<[number, number]>(sql)) {
          gezien += batch.length;
          await new Promise((klaar) => setTimeout(klaar, 50));
        }
      })();
      await expect(lezen).rejects.toThrow(/division by zero/);
      expect(gezien).toBe(500);
      expect(Number(await db.waarde('SELECT 41 + 1'))).toBe(42);
      expect(await db.waarde('SHOW enable_sort')).toBe('on');
    });
  }
});
