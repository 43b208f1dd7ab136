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

export type DocumentFormaat = 'md' | 'docx';

const isDocxNaam = (pad: string | undefined) => pad !== undefined && /\.docx$/i.test(pad.trim());

/**
 * --formaat of an agenda or minutes skeleton: `--output x.docx` implies Word; Word needs a file (it is
 * a zip, not text for a terminal); Markdown into a `.docx` name is refused, as Word would refuse it.
 */
export function leesDocumentFormaat(invoer: string | undefined, output: string | undefined, json = false, mail = false): DocumentFormaat {
  const formaat: DocumentFormaat = invoer === undefined
    ? (isDocxNaam(output) ? 'docx' : 'md')
    : (kies(invoer, '--formaat', { soort: 'formaat', onzijdig: true, waarden: ['md', 'docx'], aliassen: new Map([['markdown', 'md'], ['word', 'docx']]) }) as DocumentFormaat);
  if (formaat === 'docx') {
    if (json) throw new UsageError('--json en --formaat docx gaan niet samen; kies er één.');
    if (output === undefined && !mail) throw new UsageError('--formaat docx schrijft een Word-document; geef het met --output, bijvoorbeeld --output agenda.docx.');
    if (output !== undefined && !isDocxNaam(output)) throw new UsageError(`--output '${output}' hoort bij --formaat docx op .docx te eindigen, anders opent Word het niet.`);
  } else if (isDocxNaam(output)) {
    throw new UsageError('--formaat md schrijft Markdown-tekst, geen Word-document; noem het bestand .md, of gebruik --formaat docx.');
  }
  return formaat;
}
