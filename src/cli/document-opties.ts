/** The options every document command shares: --formaat for CSV and --output. */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CSV_FORMATEN, type CsvFormaat } from '../documents/csv.js';
import { UsageError } from '../domain/errors.js';
import { kies } from '../domain/keuze.js';
import { leesPad } from './invoer.js';

export function leesFormaat(invoer: string | undefined): CsvFormaat {
  return invoer === undefined ? 'excel' : (kies(invoer, '--formaat', { soort: 'formaat', onzijdig: true, waarden: CSV_FORMATEN }) as CsvFormaat);
}

/**
 * --output (or another file to write): checked before anything is exported, so a typo in the path
 * leaves no audit row; an unprintable or broken name is refused like any other path (cli/invoer.ts).
 */
export function leesOutput(invoer: string | undefined, veld = '--output'): string | undefined {
  if (invoer === undefined) return undefined;
  if (invoer.trim() === '') throw new UsageError(`${veld} mag niet leeg zijn; geef een bestandsnaam.`);
  leesPad(invoer, veld);
  const pad = resolve(invoer);
  if (existsSync(pad) && statSync(pad).isDirectory()) throw new UsageError(`${veld} '${invoer}' is een map; geef een bestandsnaam.`);
  const map = dirname(pad);
  if (!existsSync(map) || !statSync(map).isDirectory()) throw new UsageError(`De map voor ${veld} bestaat niet: ${map}.`);
  return invoer;
}
