/**
 * Who can read the file, and writing where one may not (SPEC §3, §5): the database, its -wal and
 * -shm and every backup are readable by their owner only; an unwritable target fails clearly and
 * leaves nothing behind.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, kvz, kvzOk, lees, nieuweDb, tijdelijkeMap } from '../helpers/run.js';
import { alleenLezenMap } from '../helpers/rechten.js';
import { aanwezig } from '../helpers/vereist.js';

const modus = (pad: string) => (statSync(pad).mode & 0o777).toString(8);
const MELDING = ['melding', 'add', '--categorie', 'overig', '--kern', 'Zuidermeer', '--omschrijving', 'Test', '--melder-naam', 'Geheim'];

/** Runs `werk` with a permissive umask, as on a badly set up machine: kvz must not rely on the umask. */
async function zonderUmask<T>(werk: () => Promise<T>): Promise<T> {
  const oud = process.umask(0);
  try {
    return await werk();
  } finally {
    process.umask(oud);
  }
}

describe('file permissions', () => {
  it('creates the database, its -wal and its -shm readable by the owner only', async () => {
    const db = nieuweDb();
    await zonderUmask(() => kvzOk(MELDING, { db }));
    // While a connection is open (another kvz, say), the -wal and -shm files exist.
    const conn = new Database(db);
    try {
      conn.prepare(`INSERT INTO kern (naam) VALUES ('Proef')`).run();
      expect([modus(db), modus(`${db}-wal`), modus(`${db}-shm`)]).toEqual(['600', '600', '600']);
    } finally {
      conn.close();
    }
  });

  it('creates the default data directory for the owner only', async () => {
    const home = tijdelijkeMap();
    await zonderUmask(() => kvzOk(['init'], { env: { HOME: home } }));
    const map = join(home, '.local', 'share', 'kvz');
    expect(modus(map)).toBe('700');
    expect(modus(join(map, 'kvz.db'))).toBe('600');
  });

  it('makes every backup readable by the owner only, whatever the umask', async () => {
    const db = nieuweDb();
    await kvzOk(MELDING, { db });
    const doel = join(tijdelijkeMap(), 'b.db');
    await zonderUmask(() => kvzOk(['backup', doel], { db }));
    expect(modus(doel)).toBe('600');
  });

  it('warns in kvz check when others can read the database', async () => {
    const db = nieuweDb();
    await kvzOk(MELDING, { db });
    chmodSync(db, 0o644);
    const u = await kvz(['check'], { db });
    expect(u.stdout).toContain(`! Rechten: ook anderen kunnen het bestand lezen (0644); zet ze met: chmod 600 ${db}`);
  });
});

describe('an unwritable target', () => {
  const alleenLezen = alleenLezenMap();
  aanwezig(`een map die dit proces niet kan beschrijven (${'reden' in alleenLezen ? alleenLezen.reden : ''})`, !('reden' in alleenLezen));
  afterAll(() => {
    if ('herstel' in alleenLezen) alleenLezen.herstel();
  });

  it.skipIf('reden' in alleenLezen)(
    `kvz backup into a read-only directory fails with exit 1 and a clear message, writing nothing${'reden' in alleenLezen ? ` (overgeslagen: ${alleenLezen.reden})` : ''}`,
    async () => {
      const { map } = alleenLezen as { map: string };
      const db = nieuweDb();
      await kvzOk(MELDING, { db });
      const u = await kvz(['backup', join(map, 'b.db')], { db });
      expect(u.code).toBe(1);
      expect(u.stderr.trim()).toBe(`Kan de back-up niet schrijven in ${map}: geen schrijfrechten. Er is niets geschreven.`);
      expect(readdirSync(map)).toEqual([]);
      expect(lees(db, 'SELECT count(*) AS n FROM audit')).toEqual([{ n: 1 }]);
    },
  );

  it.skipIf('reden' in alleenLezen).each([
    ['export matrix', (pad: string) => ['export', 'matrix', '--output', pad]],
    ['export meldingen', (pad: string) => ['export', 'meldingen', '--met-melder', '--output', pad]],
    ['overleg plan', (pad: string) => ['overleg', 'plan', '--ics', pad]],
    ['demo', (pad: string) => ['demo', '--db', pad]],
    ['agenda', (pad: string) => ['agenda', 'gio', '--output', pad]],
    ['notulen', (pad: string) => ['notulen', 'politie', '--output', pad]],
  ])(
    `kvz %s into a read-only directory fails with exit 1 and a clear message, writing nothing and recording no export${'reden' in alleenLezen ? ` (overgeslagen: ${alleenLezen.reden})` : ''}`,
    async (_naam, args) => {
      const { map } = alleenLezen as { map: string };
      const db = nieuweDb();
      await kvzOk(MELDING, { db });
      const u = await kvz(args(join(map, 'uit.csv')), { db });
      expect(u.code).toBe(1);
      // (overleg plan may first remind that the cadence is still the default)
      expect(u.stderr.trimEnd().split('\n').at(-1)).toBe(`Kan niet schrijven in ${map}: geen schrijfrechten. Er is niets geschreven.`);
      expect(u.stdout).toBe('');
      expect(readdirSync(map)).toEqual([]);
      expect(lees(db, 'SELECT count(*) AS n FROM audit')).toEqual([{ n: 1 }]);
    },
  );
});

describe('a database that cannot take the audit row of an export', () => {
  // As root the file's mode stops nobody: the file is made immutable (SQLite then opens it read-only).
  const alsRoot = process.getuid?.() === 0;
  it.each([['export', 'meldingen'], ['export', 'matrix'], ['export', 'matrix', '--formaat', 'xlsx']])(
    'kvz %s %s blames the database, not the output folder: exit 1, one sentence, no file, no stack trace',
    async (...args) => {
      const db = nieuweDb();
      await kvzOk(MELDING, { db });
      const map = tijdelijkeMap();
      const doel = join(map, args.includes('xlsx') ? 'uit.xlsx' : 'uit.csv');
      if (alsRoot) spawnSync('chattr', ['+i', db]);
      else chmodSync(db, 0o444);
      try {
        const r = spawnSync(process.execPath, [BIN, ...args, '--output', doel], {
          env: { PATH: process.env.PATH ?? '', HOME: tijdelijkeMap(), KVZ_DB: db, KVZ_GEBRUIKER: 'test' },
          encoding: 'utf8',
        });
        expect(r.status, r.stderr).toBe(1);
        expect(r.stderr).toBe(`De export kon niet in het auditlog van de database worden vastgelegd: de database is alleen-lezen. Er is niets geschreven; ${doel} is niet aangeraakt.\n`);
        expect(readdirSync(map)).toEqual([]);
      } finally {
        if (alsRoot) spawnSync('chattr', ['-i', db]);
        else chmodSync(db, 0o600);
      }
      expect(lees(db, `SELECT count(*) AS n FROM audit WHERE commando LIKE 'export%'`)).toEqual([{ n: 0 }]);
    },
  );
});

describe('standard output that cannot be written', () => {
  it.skipIf(!aanwezig('/dev/full', existsSync('/dev/full'))).each([['melding', 'list'], ['agenda', 'gio'], ['export', 'matrix']])(
    'kvz %s %s to a full disk ends with exit 1 and one Dutch sentence, not a stack trace',
    async (...args) => {
      const db = nieuweDb();
      await kvzOk(MELDING, { db });
      const vol = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [BIN, ...args], {
          env: { PATH: process.env.PATH ?? '', HOME: tijdelijkeMap(), KVZ_DB: db, KVZ_GEBRUIKER: 'test' },
          stdio: ['ignore', vol, 'pipe'],
          encoding: 'utf8',
        });
        expect(r.status).toBe(1);
        // (agenda may first remind that the cadence is still the default)
        expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('De uitvoer kon niet worden geschreven: de schijf is vol.');
        expect(r.stderr).not.toMatch(/ at |Error/);
      } finally {
        closeSync(vol);
      }
    },
  );
});
