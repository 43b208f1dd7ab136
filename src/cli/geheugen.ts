/**
 * Fresh memory is what a short command pays most for on a virtual machine of this kind: the first
 * touch of each 4 KB page is a page fault, 11–15 µs each here (touching 64 MB took 180–260 ms, #17).
 * V8 lets its young generation double from 1 MB up to 16 MB as a command allocates, and every
 * doubling means new pages, into which the next scavenge copies everything still alive.
 */
import type { Db } from '../store/db.js';
import type { SqliteDb } from '../store/sqlite.js';

/** Whether the run's end already sets the default back (once per process: tests run many commands in one). */
let terugGezet = false;

/** V8's own growth factor of the young generation (`node --v8-options`); test/compileercache.test.ts holds it. */
const GROEI_STANDAARD = 2;

/**
 * Keeps the young generation at its first size for the rest of the run: for a command that builds one
 * large text from rows it holds until the end (the agendas and minutes in Markdown or JSON; a GIO
 * agenda at region scale has ~10,000 lines). Measured in-process on the bench's data, 12 runs each:
 * `agenda gio` 311 → 284 ms (median), `agenda tweewekelijks` 442 → 375 ms, `agenda politie` (530
 * lines) +3 ms, the cost of loading node:v8. A Word document, which builds a large object tree, became
 * 15% slower, and `kvz status` did not gain: neither uses it. V8 reads the growth factor each time it
 * would grow the young generation, so setting it while running takes effect.
 */
export function kleineJongeGeneratie(): void {
  // Loaded only here: node:v8 costs ~2 ms to load, which the desk's commands do not pay.
  const v8 = process.getBuiltinModule('node:v8');
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  // V8's default again before the compile caches are written as the run ends (compileercache.ts):
  // V8 marks a cache with the flags of the moment and refuses it under other flags at the next start.
  if (!terugGezet) process.prependOnceListener('exit', () => v8.setFlagsFromString(`--semi-space-growth-factor=${GROEI_STANDAARD}`));
  terugGezet = true;
}

/**
 * SQLite's page cache at 400 KB instead of its default 2 MB, for a command that reads its pages once
 * (agendas, minutes, status): each page it reads then takes the buffer of one it is done with instead
 * of fresh memory, and so do the temporary b-trees of its sorts and groupings. Counted on the bench's
 * data (page faults, which unlike time do not depend on the machine's load): `status` 8,260 → 4,240,
 * `agenda gio` 8,550 → 6,900, `agenda politie` 5,080 → 4,720; in-process time, 12 runs each: `status`
 * 276 → 215 ms (median). Not for writing in bulk (an import sets its own, large cache): a cache too
 * small for the indexes being changed spills them mid-transaction.
 */
export function kleinePaginacache(db: Db): void {
  if (db.soort === 'sqlite') (db as SqliteDb).ruw.pragma('cache_size = -400');
}
