/**
 * The worker thread of `kvz check` on a large file: SQLite's own checks of the file (its pages and
 * its foreign keys) on a connection of their own, while the main thread walks the audit chain and
 * recomputes every object's state (see controle.ts). Neither depends on the other's snapshot: what
 * these two checks prove is the file's structure, not which rows it holds at one moment.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { verbind } from './database.js';
import type { IntegriteitUitkomst, Stap } from './controle.js';

const { pad } = workerData as { pad: string };

function stap<T>(werk: () => T): Stap<T> {
  try {
    return { ok: werk() };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return { fout: { code: typeof code === 'string' ? code : undefined, bericht: (e as Error).message } };
  }
}

const db = verbind(pad, { readonly: true, fileMustExist: true });
const uitkomst: IntegriteitUitkomst = {
  integriteit: stap(() => (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check)),
  fk: stap(() => db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[]),
};
db.close();
parentPort!.postMessage(uitkomst);
