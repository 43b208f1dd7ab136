/**
 * Writing a CSV document: rows come from an iterator (a database cursor), go out in batches, and
 * wait when the reader is slower, so memory stays flat however many rows there are. To stdout, or
 * with --output to a file that appears only when it is complete (temporary file + rename).
 */
import { once } from 'node:events';
import { csvKop, csvRegels, type Cel, type CsvFormaat } from '../documents/csv.js';
import { schrijfAtomischStroom } from './bestand.js';
import type { Context, Uitvoer } from './context.js';

export interface CsvDocument {
  kop: readonly string[];
  /** Called once, when writing starts, for batches of rows: a cursor may not be open while the audit row is written. */
  rijen: () => AsyncIterable<readonly (readonly Cel[])[]>;
  formaat: CsvFormaat;
}

/** An export: a document whose delivery is recorded in the audit log (SPEC §3). */
export interface CsvExport extends CsvDocument {
  /** Writes the one audit row of this export, in its own transaction. */
  audit: (aantal: number) => Promise<void>;
  /** How many rows the export will have (for the audit row written before streaming to stdout). */
  tel: () => Promise<number>;
}

// Large enough that csv-stringify's per-call set-up does not count, small enough to stay flat.
const BATCH = 500;

/**
 * Writes an export with its audit row, so that no row leaves kvz unrecorded: to stdout the audit
 * row comes first; to a file it comes after the last row and before the rename, so a failed write
 * leaves neither a file nor an audit row, and the row records exactly what the file holds.
 */
export async function exporteerCsv(ctx: Context, exp: CsvExport, output?: string): Promise<number> {
  if (output === undefined) {
    await exp.audit(await exp.tel());
    return vul(exp, (deel) => naarUitvoer(ctx.io.stdout, deel));
  }
  let aantal = 0;
  await schrijfAtomischStroom(output, async (schrijf) => {
    aantal = await vul(exp, schrijf);
    await exp.audit(aantal);
  });
  return aantal;
}

async function vul(doc: CsvDocument, schrijf: (deel: string) => Promise<void>): Promise<number> {
  await schrijf(csvKop(doc.kop, doc.formaat));
  let aantal = 0;
  let batch: (readonly Cel[])[] = [];
  for await (const rijen of doc.rijen()) {
    for (const rij of rijen) {
      batch.push(rij);
      if (batch.length === BATCH) {
        aantal += batch.length;
        await schrijf(csvRegels(batch, doc.formaat));
        batch = [];
      }
    }
  }
  if (batch.length > 0) {
    aantal += batch.length;
    await schrijf(csvRegels(batch, doc.formaat));
  }
  return aantal;
}

/** stdout with back-pressure: when the pipe is full, wait for it to drain. */
async function naarUitvoer(uit: Uitvoer, deel: string): Promise<void> {
  const stroom = uit as Uitvoer & Partial<NodeJS.WritableStream>;
  if (uit.write(deel) === false && typeof stroom.once === 'function') await once(stroom as NodeJS.EventEmitter, 'drain');
}
