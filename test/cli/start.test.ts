/**
 * Start-up (#17, SPEC §6): a run whose input and output are pipes or files never loads the Node
 * modules that only a terminal or a child process needs, neither a command that only reads nor
 * one that writes a melding loads crypto, and no run loads an ES module (the build is CommonJS,
 * src/bundel.mjs). Each of them costs a few milliseconds of a budget measured against `node -e 0`;
 * this holds the saving without timing anything.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alleenBestand } from '../helpers/opslag.js';
import { nieuweDb, spawnKvzSync, tijdelijkeMap } from '../helpers/run.js';

/** Writes Node's own modules that a run loaded to stderr as the process exits (CommonJS itself, so it loads no ES module). */
function melder(): string {
  const pad = join(tijdelijkeMap(), 'meld.cjs');
  writeFileSync(pad, "process.on('exit', () => require('node:fs').writeSync(2, '\\n@@' + JSON.stringify(process.moduleLoadList)));\n");
  return pad;
}

/** What Node loads to run an ES module: a run that loads none never needs it. */
const ES_LADER = 'internal/modules/esm/module_job';

function gebruikteModules(args: string[], env: Record<string, string> = {}): { stdout: string; code: number; modules: string[] } {
  const u = spawnKvzSync(args, env, ['--require', melder()]);
  const [, lijst] = u.stderr.split('\n@@');
  return { stdout: u.stdout, code: u.code, modules: (JSON.parse(lijst!) as string[]).filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)) };
}

/** Needed only for a terminal (tty, and net and the streams under it) or for starting a program. */
const NIET_NODIG = ['tty', 'net', 'child_process', 'dgram', 'internal/fs/sync_write_stream'];

describe('start-up without a terminal', () => {
  it('prints the version without loading what only a terminal or a child process needs', () => {
    const u = gebruikteModules(['--version']);
    expect(u.code).toBe(0);
    expect(u.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(u.modules.filter((m) => NIET_NODIG.includes(m))).toEqual([]);
    expect(u.modules).not.toContain(ES_LADER);
  });

  // (A shared database is reached over the network: there net is needed.)
  alleenBestand('records a melding in a file, and lists it, without them too', () => {
    const db = nieuweDb();
    const add = gebruikteModules(['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', 'Start', '--doorzetten', 'politie'], { KVZ_DB: db });
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/^Melding M-\d{4}-0001 vastgelegd\.\n/);
    expect(add.modules.filter((m) => NIET_NODIG.includes(m))).toEqual([]);
    const list = gebruikteModules(['melding', 'list'], { KVZ_DB: db });
    expect(list.stdout).toContain('M-');
    expect(list.modules.filter((m) => NIET_NODIG.includes(m))).toEqual([]);
    expect(add.modules).not.toContain(ES_LADER);
    expect(list.modules).not.toContain(ES_LADER);
    // A command that only reads never hashes; one that writes a melding hashes a few short texts
    // itself (src/store/sha256.ts): neither loads crypto (~7 ms).
    expect(add.modules).not.toContain('crypto');
    expect(list.modules).not.toContain('crypto');
    expect(gebruikteModules(['status'], { KVZ_DB: db }).modules).not.toContain('crypto');
  });
});

describe('a run that never finishes', () => {
  it('ends with exit 13 and one sentence, not as a success', () => {
    // A command left waiting on something that never comes: kvz's run() stands in for it here.
    const nooit = join(tijdelijkeMap(), 'nooit.cjs');
    writeFileSync(
      nooit,
      `const Module = require('node:module');
const laad = Module._load;
Module._load = function (verzoek, ...rest) {
  return /dist[\\\\/]cli[\\\\/]main\\.js$/.test(verzoek) ? { run: () => new Promise(() => {}) } : laad.call(this, verzoek, ...rest);
};
`,
    );
    const u = spawnKvzSync(['status'], { KVZ_DB: nieuweDb() }, ['--require', nooit]);
    expect(u.code).toBe(13);
    expect(u.stderr).toBe('kvz is gestopt voordat het commando klaar was.\n');
    expect(u.stdout).toBe('');
  });
});
