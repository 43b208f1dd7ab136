/**
 * Writing an export as an Excel workbook (SPEC §9): to a file only, atomically, with its one audit
 * row written after the last row and before the rename, as for a CSV file (cli/csv-uitvoer.ts).
 */
import type { XlsxBlad, XlsxKolom } from '../documents/xlsx.js';
import { schrijfAtomischPad } from './bestand.js';

export interface XlsxExport {
  kolommen: readonly XlsxKolom[];
  bladen: readonly XlsxBlad[];
  /** Writes the one audit row; `aantal` is the number of rows on the first sheet (the whole export). */
  audit: (aantal: number) => Promise<void>;
}

/** Returns the number of rows on each sheet. */
export async function exporteerXlsx(exp: XlsxExport, output: string): Promise<number[]> {
  return schrijfAtomischPad(output, async (tmp) => {
    const { schrijfXlsx } = await import('../documents/xlsx.js');
    const aantallen = await schrijfXlsx(tmp, exp.kolommen, exp.bladen);
    await exp.audit(aantallen[0] ?? 0);
    return aantallen;
  });
}
