/**
 * The worker thread of a large import: reads and checks the file while the main thread writes the
 * rows it has already sent (see cli/commands/import/meldingen.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UsageError } from '../domain/errors.js';
import { leesImport, type ImportBasis, type ImportBericht } from './import-lezen.js';

const { bytes, bron, basis } = workerData as { bytes: Uint8Array; bron: string; basis: ImportBasis };
const zend = (b: ImportBericht) => parentPort!.postMessage(b);
try {
  leesImport(bytes, bron, basis, zend);
} catch (e) {
  // A UsageError does not survive the trip between threads as itself: send its sentence.
  if (!(e instanceof UsageError)) throw e;
  zend({ soort: 'onleesbaar', bericht: e.message });
}
