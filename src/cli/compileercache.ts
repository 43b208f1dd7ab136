/**
 * V8's compiled code for kvz's own files, kept between runs (#17). Node 20 compiles every file of
 * dist/ from its source on every start: the top level at once, and each function the first time it
 * runs. V8 can hand that work back as a code cache (bytecode, never a value the run computed) and
 * take it at the next start; Node 22 does this itself (module.enableCompileCache), Node 20 does not.
 * Measured alternately on the bench's region-scale data (20–30 runs each): `melding add` 139 → 115 ms,
 * `status` 168 → 149 ms, `agenda gio` 205 → 171 ms; `--version` the same.
 *
 * The caches live in dist/.v8-cache/<build>, one folder per build: V8 compares a cache with its
 * source only by length, and a new build can have files of the old sizes (an entry that only lists
 * its chunks), unpacked over the old one with the old times. Every build also removes dist/ whole.
 * Each file's cache is named after its size and time of change too, so an edited file never gets an
 * old one. V8 itself refuses a cache of another V8 or with other flags (then the file is compiled as
 * usual and its cache written again). A cache is written as the run ends, for each file that had none,
 * through a new temporary file, so a run beside it reads either the whole cache or none. The folder is
 * its owner's alone (0700): code another user could write there would run as whoever starts kvz. A
 * folder that cannot be written (an installation of another user) means no cache, and nothing else.
 */
import Module from 'node:module';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Script } from 'node:vm';

/** Where the caches live, inside dist/. */
export const CACHEMAP = '.v8-cache';

/** This build, set by src/bundel.mjs (a fresh value per build); 'bron' when not bundled. */
declare const __KVZ_BOUW__: string | undefined;
const BOUW = typeof __KVZ_BOUW__ === 'string' ? __KVZ_BOUW__ : 'bron';

type Compileer = (this: Module, inhoud: string, bestand: string, ...rest: unknown[]) => unknown;
type Functie = (exports: unknown, require: unknown, module: Module, filename: string, dirname: string) => unknown;
type Laders = Record<string, (module: Module, bestand: string) => unknown>;
/** The parts of Node's CommonJS loader that kvz's own loading uses (as Node's loader itself does). */
type Lader = {
  _extensions: Laders;
  _cache: Record<string, Module>;
  _resolveFilename: (verzoek: string, ouder: Module, isMain: boolean, opties?: unknown) => string;
  _nodeModulePaths: (map: string) => string[];
  _resolveLookupPaths: (verzoek: string, ouder: Module) => string[] | null;
  new (id: string, ouder?: Module): Module;
};

/**
 * Compiles the files of `dist` (an absolute path) from their cache where one fits, and keeps new caches
 * for the next run. Most files run from a pack: src/bundel.mjs writes dist/pak/, where the pack of
 * main.js, and of each file an import() loads, holds that file and all it imports as one script, so a
 * command reads and compiles a few files instead of ~45 (#17), each pack with one cache. A file no pack
 * holds is compiled on its own, with a cache of its own. Within a pack a file's own relative require()s
 * are answered without Node's resolve (the pack says the file is there); everything else goes through
 * Node. An error's stack names the pack and its line. A pack that cannot be read or compiled is passed
 * over: its files then load on their own. The build writes the packs with the files, from the same
 * code; a file of dist/ edited by hand needs `npm run build`.
 */
export function gebruikCompileercache(dist: string): void {
  const wortel = dist.endsWith(sep) ? dist : dist + sep;
  const map = join(wortel, CACHEMAP, BOUW);
  const nieuw: { script: Script; pad: string }[] = [];
  const M = Module as unknown as Lader;
  const inPak = new Map<string, Functie>();
  const geprobeerd = new Set<string>();
  const naam = (bestand: string) => bestand.slice(wortel.length).split(sep).join('/');

  /**
   * `bron`, the code of `bestand`, compiled with its cache where one fits, and run by `draai`; when
   * that succeeds and no cache fitted, a new one is written as the run ends.
   */
  const compileer = <T>(bron: string, bestand: string, draai: (script: Script) => T): T => {
    const pad = cachePad(map, wortel, bestand);
    let cachedData: Buffer | undefined;
    try {
      if (pad) cachedData = readFileSync(pad);
    } catch {
      // No cache yet.
    }
    const script = new Script(bron, { filename: bestand, cachedData });
    const uitkomst = draai(script);
    if (pad && (!cachedData || script.cachedDataRejected)) nieuw.push({ script, pad });
    return uitkomst;
  };

  /** The pack whose first file is `rel`, if there is one and it was not read before. */
  const laadPak = (rel: string) => {
    if (geprobeerd.has(rel)) return;
    geprobeerd.add(rel);
    const pak = join(wortel, 'pak', rel.split('/').join('_'));
    let functies: [string, Functie][];
    try {
      functies = compileer(readFileSync(pak, 'utf8'), pak, (script) => {
        // Only defines functions: nothing of the pack runs yet.
        const uitkomst: unknown = script.runInThisContext();
        const f = Object.entries(uitkomst as Record<string, Functie>);
        if (typeof uitkomst !== 'object' || f.some(([, functie]) => typeof functie !== 'function')) throw new Error(`${pak} is geen pakket`);
        return f;
      });
    } catch {
      // No pack, or a damaged one (cut off, empty, not one of kvz's): its files load on their own.
      return;
    }
    for (const [f, functie] of functies) if (!inPak.has(f)) inPak.set(f, functie);
  };

  /** Runs `module` (file `bestand`, compiled as `functie`), as Node would run it from its file. */
  const voerUit = (module: Module, bestand: string, functie: Functie) => {
    const map = dirname(bestand);
    const require = (id: string) => {
      if (id.startsWith('./') || id.startsWith('../')) {
        const pad = resolve(map, id);
        const geladen = M._cache[pad];
        if (geladen) {
          if (!module.children.includes(geladen)) module.children.push(geladen);
          return geladen.exports;
        }
        const eigen = pad.startsWith(wortel) ? inPak.get(naam(pad)) : undefined;
        if (eigen) {
          const kind = new M(pad, module);
          kind.filename = pad;
          kind.paths = M._nodeModulePaths(dirname(pad));
          M._cache[pad] = kind;
          try {
            voerUit(kind, pad, eigen);
          } catch (e) {
            // As Node does: a file whose top level failed runs again when required again.
            delete M._cache[pad];
            module.children.splice(module.children.indexOf(kind), 1);
            throw e;
          }
          kind.loaded = true;
          return kind.exports;
        }
      }
      return module.require(id);
    };
    require.resolve = Object.assign((id: string, opties?: unknown) => M._resolveFilename(id, module, false, opties), {
      paths: (id: string) => M._resolveLookupPaths(id, module),
    });
    require.cache = M._cache;
    require.extensions = M._extensions;
    require.main = process.mainModule;
    return functie.call(module.exports, module.exports, require, module, bestand, map);
  };

  // A file of dist/: from its pack, which is read the first time one of its files is needed.
  const js = M._extensions['.js']!;
  M._extensions['.js'] = function (this: unknown, module: Module, bestand: string) {
    if (bestand.startsWith(wortel)) {
      const rel = naam(bestand);
      if (!inPak.has(rel)) laadPak(rel);
      const functie = inPak.get(rel);
      if (functie) return voerUit(module, bestand, functie);
    }
    return js.call(this, module, bestand);
  };
  // A file of dist/ in no pack: compiled on its own.
  const proto = Module.prototype as unknown as { _compile: Compileer };
  const gewoon = proto._compile;
  proto._compile = function (this: Module, inhoud: string, bestand: string, ...rest: unknown[]) {
    if (!bestand.startsWith(wortel)) return gewoon.call(this, inhoud, bestand, ...rest);
    // The same wrapper as Node's own, so line numbers in a stack trace stay those of the file.
    const bron = `(function (exports, require, module, __filename, __dirname) { ${inhoud}\n});`;
    return voerUit(this, bestand, compileer(bron, bestand, (script) => script.runInThisContext({ displayErrors: true }) as Functie));
  };

  // After the run, so each cache holds the functions it compiled as well as the top level.
  process.once('exit', () => {
    if (nieuw.length === 0 || !maakMap(join(wortel, CACHEMAP), map)) return;
    for (const { script, pad } of nieuw) {
      const tijdelijk = `${pad}.${process.pid}`;
      try {
        // 'wx': a new file, never one (or a link) that is already there.
        writeFileSync(tijdelijk, script.createCachedData(), { flag: 'wx', mode: 0o600 });
        renameSync(tijdelijk, pad);
      } catch {
        // This cache not, the others still; the run's outcome stands.
        try {
          unlinkSync(tijdelijk);
        } catch {
          // Never made.
        }
      }
    }
  });
}

/** This build's cache folder, made if needed (and the folders of earlier builds removed); false if it cannot be. */
function maakMap(boven: string, map: string): boolean {
  let gemaakt: string | undefined;
  try {
    gemaakt = mkdirSync(map, { recursive: true, mode: 0o700 });
  } catch {
    return false;
  }
  // The first run of a build: what earlier builds left (a build unpacked over an older one) goes.
  if (gemaakt) {
    try {
      for (const oud of readdirSync(boven)) if (oud !== BOUW) rmSync(join(boven, oud), { recursive: true, force: true });
    } catch {
      // Left for a later run.
    }
  }
  return true;
}

/** The cache file of `bestand`: its path under dist/, its size and its time of change. */
function cachePad(map: string, wortel: string, bestand: string): string | undefined {
  try {
    const s = statSync(bestand);
    return join(map, `${relative(wortel, bestand).split(sep).join('_')}.${s.size}.${Math.trunc(s.mtimeMs)}`);
  } catch {
    return undefined;
  }
}
