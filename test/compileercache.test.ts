/**
 * V8's compiled code kept between runs (src/cli/compileercache.ts, #17): the second run of a command
 * takes every cache the first one wrote, a damaged cache costs nothing but its own rewrite, and a
 * folder that cannot be written changes nothing about the run. Each test runs its own copy of the
 * built kvz, so the caches it sees are its own.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHEMAP } from '../src/cli/compileercache.js';
import { nieuweDb, ROOT, spawnKvzSync, tijdelijkeMap } from './helpers/run.js';

/** A copy of bin/ and dist/ without caches, beside the repository's node_modules. */
function kopieVanKvz(): { bin: string; caches: string } {
  const map = tijdelijkeMap();
  cpSync(join(ROOT, 'bin'), join(map, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(map, 'dist'), { recursive: true, filter: (bron) => !bron.includes(CACHEMAP) });
  cpSync(join(ROOT, 'package.json'), join(map, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(map, 'node_modules'), 'dir');
  return { bin: join(map, 'bin', 'kvz.cjs'), caches: join(map, 'dist', CACHEMAP) };
}

/**
 * Each cache file (as build/file) with its inode and time of change: a file written again gets a new
 * inode (it is renamed into place).
 */
function cachesNu(map: string): Record<string, string> {
  if (!existsSync(map)) return {};
  return Object.fromEntries(
    readdirSync(map).flatMap((bouw) =>
      readdirSync(join(map, bouw)).map((f) => {
        const s = statSync(join(map, bouw, f));
        return [`${bouw}/${f}`, `${s.ino}:${s.mtimeMs}`];
      }),
    ),
  );
}

const ADD = ['melding', 'add', '--categorie', 'treiteren', '--kern', 'Obdam', '--omschrijving', 'Cache', '--adres', 'Dorpsstraat 1', '--doorzetten', 'politie'];

describe('compiled code kept between runs', () => {
  it('takes on the second run every cache the first wrote, also after an agenda (which changes a V8 flag while it runs)', () => {
    const kvz = kopieVanKvz();
    const env = { KVZ_DB: nieuweDb() };
    expect(spawnKvzSync(ADD, env, [], kvz.bin).code).toBe(0);
    const eerste = spawnKvzSync(['agenda', 'gio'], env, [], kvz.bin);
    expect(eerste.code).toBe(0);
    const na1 = cachesNu(kvz.caches);
    // The packs of main.js, melding add and the agenda (src/bundel.mjs), each with its cache. Every
    // file they loaded came from a pack: a file loaded on its own would have a cache of its own.
    const namen = Object.keys(na1);
    for (const pak of [/pak_cli_main\.js\./, /pak_chunks_add-\w+\.js\./, /pak_chunks_agenda-\w+\.js\./, /pak_chunks_database-\w+\.js\./])
      expect(namen.filter((f) => pak.test(f)), String(pak)).toHaveLength(1);
    for (const f of namen) expect(f).toMatch(/^[0-9a-f]{16}\/pak_/);
    expect(statSync(kvz.caches).mode & 0o777).toBe(0o700);

    const tweede = spawnKvzSync(['agenda', 'gio'], env, [], kvz.bin);
    expect(tweede).toEqual(eerste);
    expect(spawnKvzSync(['melding', 'list'], env, [], kvz.bin).stdout).toMatch(/M-\d{4}-0001 /);
    // Nothing written again: V8 accepted each cache (a new one may come for melding list's own files).
    const na2 = cachesNu(kvz.caches);
    for (const [f, stempel] of Object.entries(na1)) expect([f, na2[f]]).toEqual([f, stempel]);
  });

  it('keeps them per build: the first run of a build removes what an earlier build left', () => {
    const kvz = kopieVanKvz();
    // An earlier build unpacked under this one, with a cache that would fit this build's main.js by name.
    const oud = join(kvz.caches, '0123456789abcdef');
    mkdirSync(oud, { recursive: true });
    const main = join(kvz.bin, '..', '..', 'dist', 'cli', 'main.js');
    const s = statSync(main);
    writeFileSync(join(oud, `cli_main.js.${s.size}.${Math.trunc(s.mtimeMs)}`), 'oud');
    const u = spawnKvzSync(['--version'], {}, [], kvz.bin);
    expect(u.code).toBe(0);
    const bouwen = readdirSync(kvz.caches);
    expect(bouwen).toHaveLength(1);
    expect(bouwen[0]).toMatch(/^[0-9a-f]{16}$/);
    expect(bouwen[0]).not.toBe('0123456789abcdef');
    // Only its owner can read or write them.
    expect(statSync(join(kvz.caches, bouwen[0]!)).mode & 0o777).toBe(0o700);
    for (const f of Object.keys(cachesNu(kvz.caches))) expect(statSync(join(kvz.caches, f)).mode & 0o777, f).toBe(0o600);
  });

  it('runs as usual on damaged caches, and writes them again', () => {
    const kvz = kopieVanKvz();
    const env = { KVZ_DB: nieuweDb() };
    const eerste = spawnKvzSync(['status'], env, [], kvz.bin);
    expect(eerste.code).toBe(0);
    const bestanden = Object.keys(cachesNu(kvz.caches));
    expect(bestanden.length).toBeGreaterThan(3);
    for (const f of bestanden) writeFileSync(join(kvz.caches, f), 'geen code cache');

    const tweede = spawnKvzSync(['status'], env, [], kvz.bin);
    expect(tweede).toEqual(eerste);
    const hersteld = cachesNu(kvz.caches);
    for (const f of bestanden) expect(statSync(join(kvz.caches, f)).size, f).toBeGreaterThan(100);
    // …and the next run takes them.
    expect(spawnKvzSync(['status'], env, [], kvz.bin)).toEqual(eerste);
    expect(cachesNu(kvz.caches)).toEqual(hersteld);
  });

  it('runs every file on its own when its pack is damaged or gone, and keeps a cache per file', () => {
    const kvz = kopieVanKvz();
    const env = { KVZ_DB: nieuweDb() };
    const metPakken = spawnKvzSync(ADD, env, [], kvz.bin);
    expect(metPakken.code).toBe(0);
    // main.js's pack damaged (half of it), the database's empty, the others gone.
    const pakken = join(kvz.bin, '..', '..', 'dist', 'pak');
    const hoofd = readFileSync(join(pakken, 'cli_main.js'), 'utf8');
    const database = readdirSync(pakken).find((f) => /^chunks_database-\w+\.js$/.test(f))!;
    for (const f of readdirSync(pakken)) rmSync(join(pakken, f));
    writeFileSync(join(pakken, 'cli_main.js'), hoofd.slice(0, hoofd.length / 2));
    writeFileSync(join(pakken, database), '');
    rmSync(kvz.caches, { recursive: true });
    const zonder = spawnKvzSync(ADD, env, [], kvz.bin);
    expect(zonder.code).toBe(0);
    expect(zonder.stdout.replace(/M-\d{4}-0002/, 'M-2027-0001')).toBe(metPakken.stdout.replace(/M-\d{4}-0001/, 'M-2027-0001'));
    const namen = Object.keys(cachesNu(kvz.caches));
    expect(namen.some((f) => /\/cli_main\.js\./.test(f))).toBe(true);
    expect(namen.filter((f) => f.includes('/pak_'))).toEqual([]);
    expect(namen.length).toBeGreaterThan(20);
  });

  it('changes nothing about a run when the caches cannot be written', () => {
    const kvz = kopieVanKvz();
    // A file where the folder should be: nothing can be made there.
    writeFileSync(kvz.caches, '');
    const env = { KVZ_DB: nieuweDb() };
    const add = spawnKvzSync(ADD, env, [], kvz.bin);
    expect(add.code).toBe(0);
    expect(add.stderr).toBe('');
    expect(spawnKvzSync(['melding', 'list'], env, [], kvz.bin).stdout).toMatch(/M-\d{4}-0001 /);
    expect(statSync(kvz.caches).isFile()).toBe(true);
    rmSync(kvz.caches);
  });
});
