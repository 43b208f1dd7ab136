/** --formaat, the option the CSV exports share (--output is read by cli/output-pad.ts). */
import { CSV_FORMATEN, type CsvFormaat } from '../documents/csv.js';
import { kies } from '../domain/keuze.js';

export function leesFormaat(invoer: string | undefined): CsvFormaat {
  return invoer === undefined ? 'excel' : (kies(invoer, '--formaat', { soort: 'formaat', onzijdig: true, waarden: CSV_FORMATEN }) as CsvFormaat);
}
