/** --formaat, the option the exports share (--output is read by cli/output-pad.ts). */
import { CSV_FORMATEN, type CsvFormaat } from '../documents/csv.js';
import { UsageError } from '../domain/errors.js';
import { kies } from '../domain/keuze.js';

export function leesFormaat(invoer: string | undefined): CsvFormaat {
  return invoer === undefined ? 'excel' : (kies(invoer, '--formaat', { soort: 'formaat', onzijdig: true, waarden: CSV_FORMATEN }) as CsvFormaat);
}

export type ExportFormaat = CsvFormaat | 'xlsx';

const isXlsxNaam = (pad: string | undefined) => pad !== undefined && /\.xlsx$/i.test(pad.trim());

/**
 * --formaat of an export that can also be a real spreadsheet: `--output x.xlsx` implies xlsx; xlsx
 * needs a file (it is a zip, not text for a terminal); a CSV format into an `.xlsx` name is refused,
 * because Excel would refuse to open it. Checked before the database is opened.
 */
export function leesExportFormaat(invoer: string | undefined, output: string | undefined, perPartner: boolean): ExportFormaat {
  const formaat: ExportFormaat = invoer === undefined
    ? (isXlsxNaam(output) ? 'xlsx' : 'excel')
    : (kies(invoer, '--formaat', { soort: 'formaat', onzijdig: true, waarden: [...CSV_FORMATEN, 'xlsx'] }) as ExportFormaat);
  if (formaat === 'xlsx') {
    if (output === undefined) throw new UsageError('--formaat xlsx schrijft een Excel-bestand; geef het met --output, bijvoorbeeld --output matrix.xlsx.');
    if (!isXlsxNaam(output)) throw new UsageError(`--output '${output}' hoort bij --formaat xlsx op .xlsx te eindigen, anders opent Excel het niet.`);
  } else if (isXlsxNaam(output)) {
    throw new UsageError(`--formaat ${formaat} schrijft CSV-tekst, geen Excel-werkmap; noem het bestand .csv, of gebruik --formaat xlsx.`);
  }
  if (perPartner && formaat !== 'xlsx') throw new UsageError('--per-partner maakt een werkblad per partner en kan alleen met --formaat xlsx.');
  return formaat;
}
