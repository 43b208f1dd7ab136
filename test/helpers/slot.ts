/**
 * Another process that holds the database: it takes the write lock (BEGIN EXCLUSIVE), optionally
 * writes without committing, and lets go only when told. For tests of waiting, giving up, and of
 * copies that must not contain a half-written state.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';

const BETTER_SQLITE3 = createRequire(import.meta.url).resolve('better-sqlite3');

const HOUDER = `
const Database = require(process.argv[1]);
const db = new Database(process.argv[2]);
db.exec('BEGIN EXCLUSIVE');
if (process.argv[3]) db.exec(process.argv[3]);
process.stdout.write('vast\\n');
process.stdin.once('data', (d) => {
  db.exec(d.toString().trim() === 'commit' ? 'COMMIT' : 'ROLLBACK');
  db.close();
  process.stdout.write('los\\n');
  process.exit(0);
});`;

export interface Slot {
  /** Ends the other process's transaction (commit or roll back) and waits until it has let go. */
  los(hoe?: 'commit' | 'rollback'): Promise<void>;
}

/** Returns once the other process holds the write lock (and has run `sql` inside it, uncommitted). */
export async function houdSlot(db: string, sql?: string): Promise<Slot> {
  const kind: ChildProcessWithoutNullStreams = spawn(process.execPath, ['-e', HOUDER, BETTER_SQLITE3, db, sql ?? '']);
  let uit = '';
  let fout = '';
  kind.stderr.on('data', (d) => (fout += d));
  await new Promise<void>((resolve, reject) => {
    kind.stdout.on('data', (d) => {
      uit += d;
      if (uit.includes('vast')) resolve();
    });
    kind.on('exit', (code) => reject(new Error(`de slothouder stopte (${code}): ${fout}`)));
  });
  return {
    async los(hoe = 'rollback') {
      const klaar = once(kind, 'exit');
      kind.stdin.write(`${hoe}\n`);
      await klaar;
    },
  };
}
