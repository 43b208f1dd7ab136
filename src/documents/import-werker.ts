/**
 * The worker thread of a large import: reads and checks the file while the main thread writes the
 * rows it has already sent (see cli/commands/import/meldingen.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UsageError } from '../domain/errors.js';
import { bereidVoor, leesVoorbereid, type ImportBasis, type ImportBericht, type Voorbereid } from './import-lezen.js';

const { bytes, bron, nu } = workerData as { bytes: Uint8Array; bron: string; nu: Date };
const zend = (b: ImportBericht) => parentPort!.postMessage(b);
let voorbereid: Voorbereid | undefined;
try {
  // Started before the database is open: what needs nothing from it is done meanwhile.
  voorbereid = bereidVoor(bytes, bron, nu);
} catch (e) {
  // A UsageError does not survive the trip between threads as itself: send its sentence.
  if (!(e instanceof UsageError)) throw e;
  zend({ soort: 'onleesbaar', bericht: e.message });
}
// Then the rest, once the main thread has the numbers and lists (the thread ends after it). postMessage
// copies each batch, so the reader may reuse its arrays.
if (voorbereid) parentPort!.once('message', (basis: ImportBasis) => leesVoorbereid(voorbereid, basis, zend, true));
