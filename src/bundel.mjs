// `npm run build` bundles kvz with esbuild into dist/: one entry per program, and per command a chunk
// that only loads when that command runs. Plain JavaScript, so it runs before anything is compiled.
//
// dist/ is CommonJS. esbuild splits only ES modules, so it bundles as ES modules and then turns each
// file into CommonJS (its own transform: import() becomes require(), import.meta.url the file's URL).
// Node 20 loads an ES module asynchronously, with a resolve, a read and a link per file, and sets up
// its ES loader for the first one; require() reads and runs a file at once. With ~40 files per command
// that was measured alternately at ~10 ms of a `melding add` (~130 ms, `node -e 0` ~65 ms) and of
// `agenda gio`, ~5 ms of `status` (#17). bin/kvz.cjs is CommonJS too, so no ES module loads at all.
// The sources stay ES modules (tests run them as such); none may use a top-level await.
//
// Hooks that esbuild's command line cannot express keep Node's own modules out of every start (#17),
// measured on `melding add` and `status` at 10–15 ms of a ~100 ms floor:
// - chalk's colour detection imports node:process as an ES module, which makes Node create the stdout
//   and stderr streams (and with them net, streams and the report object) before kvz has decided
//   anything. kvz decides colour itself (src/cli/context.ts) and hands chalk the level, so the detection
//   is replaced by src/cli/kleurdetectie.ts.
// - commander loads child_process for executable subcommands, which kvz has none of; it now loads it
//   only if that code path ever runs.
// - nodemailer's shared helpers import its HTTP client (for attachments given as a URL, which kvz never
//   has), and with it node:http, node:https and node:zlib: ~2.5 ms of CPU in a CPU profile of a
//   `melding add` that mails. Through these helpers it now loads only when called; nodemailer's mailer
//   (messages with a calendar part or an attachment) still imports it itself.
// (An ES import of one of Node's own modules built a facade that read every export, node:fs's lazy
// ReadStream among them, and so loaded all of Node's streams; as CommonJS they are plain require()s.)
import { build, transform } from 'esbuild';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const kleurdetectie = fileURLToPath(new URL('./cli/kleurdetectie.ts', import.meta.url));
const KINDPROCES = "const childProcess = require('node:child_process');";
const KINDPROCES_LUI = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
const NMFETCH = "import nmfetch from '../fetch/index.js';";
const NMFETCH_LUI = "const nmfetch = (...a) => require('../fetch/index.js').default(...a);";

/** The patches below; the build checks that each was made. */
const VERVANGINGEN = ['commander laadt child_process', 'nodemailer laadt zijn fetch'];
const vervangen = new Set();

/**
 * A source file with one line replaced. The build fails if that line is gone, or (after the build) if
 * the file was never met: a new version must be looked at again.
 */
async function vervang(pad, oud, nieuw, wat) {
  const bron = await readFile(pad, 'utf8');
  if (!bron.includes(oud)) throw new Error(`${wat} niet meer zoals verwacht (${pad})`);
  vervangen.add(wat);
  return { contents: bron.replace(oud, nieuw), loader: 'js' };
}

/** @type {import('esbuild').Plugin} */
const startKlein = {
  name: 'kvz-start-klein',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (a) => (/[\\/]chalk[\\/]/.test(a.importer) ? { path: kleurdetectie } : undefined));
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (a) => vervang(a.path, KINDPROCES, KINDPROCES_LUI, 'commander laadt child_process'));
    b.onLoad({ filter: /[\\/]nodemailer[\\/]dist[\\/]esm[\\/]shared[\\/]index\.js$/ }, (a) => vervang(a.path, NMFETCH, NMFETCH_LUI, 'nodemailer laadt zijn fetch'));
  },
};

const { outputFiles, metafile } = await build({
  entryPoints: [
    'src/cli/main.ts',
    'src/cli/compileercache.ts',
    'src/cli/referentie.ts',
    'src/bench/run.ts',
    'src/bench/schrijver.ts',
    'src/bench/smtp-werker.ts',
    'src/documents/import-werker.ts',
    'src/store/integriteit-werker.ts',
  ],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  outbase: 'src',
  chunkNames: 'chunks/[name]-[hash]',
  // Loaded only by the commands that write Office files, straight from node_modules.
  external: ['exceljs', 'docx', 'jszip'],
  // __KVZ_BOUW__: this build, for the folder of its compile caches (src/cli/compileercache.ts).
  define: { __KVZ_BUNDEL__: 'true', __KVZ_BOUW__: JSON.stringify(randomBytes(8).toString('hex')) },
  logLevel: 'warning',
  plugins: [startKlein],
  write: false,
  metafile: true,
});

const gemist = VERVANGINGEN.filter((w) => !vervangen.has(w));
if (gemist.length > 0) throw new Error(`bundel: niet aangepast: ${gemist.join(', ')} (is het bestand verplaatst?)`);

// Every file as CommonJS: import() becomes require(), import.meta.url the file's own URL.
const commonJs = new Map();
for (const f of outputFiles) {
  const code = await alsCommonJs(f.text, f.path);
  await mkdir(dirname(f.path), { recursive: true });
  await writeFile(f.path, code);
  commonJs.set(relatief(f.path), code);
}
await writeFile('dist/package.json', '{ "type": "commonjs" }\n');
await pakIn(commonJs);

/** One bundled ES file as CommonJS; a top-level await fails the build (CommonJS has none). */
async function alsCommonJs(tekst, pad) {
  const eigenUrl = tekst.includes('import.meta.url');
  const { code } = await transform(tekst, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcefile: pad,
    supported: { 'dynamic-import': false },
    define: eigenUrl ? { 'import.meta.url': '__kvzUrl' } : {},
    // Strict, as every ES module was (the bundled CommonJS packages included).
    banner: `'use strict';${eigenUrl ? "const __kvzUrl = require('node:url').pathToFileURL(__filename).href;" : ''}`,
    // Any other import.meta (dirname, filename) would become an empty object.
    logOverride: { 'empty-import-meta': 'error' },
    logLevel: 'warning',
  });
  if (code.includes('import.meta')) throw new Error(`bundel: import.meta blijft over in ${pad}`);
  return code;
}

/** A path under dist/ with '/' between its parts, as the packs and src/cli/compileercache.ts name files. */
function relatief(pad) {
  return relative('dist', pad).split(sep).join('/');
}

/**
 * Packs (#17): what one step of a run loads at once, as one file. A command loads ~45 of dist's files,
 * and Node's require() pays per file: a resolve, a read, a compile (with the code cache: a read of the
 * cache, a V8 script) and a module wrapper. A pack holds, for main.js and for each file a dynamic
 * import() loads (a command, the database), that file and every file it imports statically, each as a
 * function of its own that runs only when required (src/cli/compileercache.ts runs a file from the
 * pack that has it). Files of main.js's pack are left out of the others (always loaded by then), and
 * so is what bin/kvz.cjs loads before the packs are in use. Measured alternately on the bench's data
 * (16–30 runs each; `node -e 0` ~62 ms): `melding add` 99.5 → 94.0 ms, `--version` 76.8 → 72.5,
 * `status` 117.7 → 112.9, `agenda gio` 137.6 → 130.6, `agenda politie` 99.2 → 92.6. A file shared by
 * many commands is in each of their packs: ~12 MB beside dist's 3.2 MB, the price of a cache per
 * command that holds just what that command compiled (one shared pack would keep the functions of
 * whichever command ran first).
 */
async function pakIn(inhoud) {
  const uitvoer = new Map(Object.entries(metafile.outputs).map(([pad, o]) => [relatief(pad), o.imports.filter((i) => !i.external)]));
  const statisch = (wortel) => {
    const gezien = new Set([wortel]);
    for (const f of gezien) for (const i of uitvoer.get(f) ?? []) if (i.kind === 'import-statement') gezien.add(relatief(i.path));
    return gezien;
  };
  const vooraf = statisch('cli/compileercache.js');
  const hoofd = new Set([...statisch('cli/main.js')].filter((f) => !vooraf.has(f)));
  // Every file a run of kvz can reach, and of those the ones an import() loads.
  const bereikbaar = new Set(['cli/main.js']);
  const dynamisch = new Set();
  for (const f of bereikbaar)
    for (const i of uitvoer.get(f) ?? []) {
      bereikbaar.add(relatief(i.path));
      if (i.kind === 'dynamic-import') dynamisch.add(relatief(i.path));
    }
  const pakken = new Map([['cli/main.js', [...hoofd]]]);
  for (const wortel of dynamisch) pakken.set(wortel, [...statisch(wortel)].filter((f) => !hoofd.has(f) && !vooraf.has(f)));
  await mkdir('dist/pak', { recursive: true });
  for (const [wortel, bestanden] of pakken) {
    const delen = bestanden.map((f) => `${JSON.stringify(f)}: function (exports, require, module, __filename, __dirname) {${inhoud.get(f)}\n},\n`);
    await writeFile(`dist/pak/${wortel.split('/').join('_')}`, `({\n${delen.join('')}})\n`);
  }
}
