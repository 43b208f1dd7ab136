/** The options every document command shares: --formaat for CSV and --output. */
import { CSV_FORMATEN, type CsvFormaat } from '../documents/csv.js';
import { kies } from '../domain/keuze.js';

export function leesFormaat(invoer: string | undefined): CsvFormaat {
  return invoer === undefined ? 'excel' : (kies(invoer, '--formaat', { soort: 'formaat', onzijdig: true, waarden: CSV_FORMATEN }) as CsvFormaat);
}

export { leesOutput } from './output-pad.js';
