/**
 * A real spreadsheet (SPEC §9) for the portefeuillehouders: exceljs' streaming writer, so a sheet of
 * 200,000 rows never sits in memory. Each sheet: a title row with the stand date, the header frozen
 * under it with an autofilter, column widths, real date cells, text kept as text (a phone number
 * keeps its leading 0, an address `1-3` stays `1-3`), highlighted rows, landscape and fit to the page
 * width with the header repeated on every printed page. Every cell is a typed value: never a formula,
 * never an apostrophe (a text starting with `=` is text in an xlsx cell, unlike in CSV).
 */
import type { Datum } from '../domain/tijd.js';

/** How a column's values are stored and shown. */
export type XlsxSoort = 'tekst' | 'datum' | 'tijdstip' | 'getal';

export interface XlsxKolom {
  kop: string;
  soort: XlsxSoort;
  /** Width in characters. */
  breedte: number;
}

/** A cell as the export hands it over: text, a number, a date (`2027-03-16`), an instant (ISO) or empty. */
export type XlsxCel = string | number | null | undefined;

export interface XlsxRij {
  cellen: readonly XlsxCel[];
  /** Highlighted (overdue). */
  markeer?: boolean;
}

export interface XlsxBlad {
  naam: string;
  /** The title row: what it is and the stand date. */
  titel: string;
  rijen: () => AsyncIterable<readonly XlsxRij[]>;
}

const MARKEER = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4E4' } } as const;
const KOP_VULLING = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE5F0' } } as const;
const FORMAAT: Record<XlsxSoort, string | undefined> = { tekst: undefined, datum: 'dd-mm-yyyy', tijdstip: 'dd-mm-yyyy hh:mm', getal: undefined };

/** A date as Excel stores it: midnight, counted in UTC so no zone shifts the day. */
function datumWaarde(d: Datum): Date {
  return new Date(`${d}T00:00:00Z`);
}

/**
 * Summer time in Amsterdam by the EU rule: from 01:00 UTC on the last Sunday of March to 01:00 UTC on
 * the last Sunday of October (the rule domain/tijd.ts computes with), per year worked out once.
 */
const zomertijd = new Map<number, [number, number]>();

function offsetOp(instant: Date): number {
  const jaar = instant.getUTCFullYear();
  let grenzen = zomertijd.get(jaar);
  if (grenzen === undefined) {
    const laatsteZondag = (maand: number) => 31 - new Date(Date.UTC(jaar, maand, 31)).getUTCDay();
    grenzen = [Date.UTC(jaar, 2, laatsteZondag(2), 1), Date.UTC(jaar, 9, laatsteZondag(9), 1)];
    zomertijd.set(jaar, grenzen);
  }
  const t = instant.getTime();
  return (t >= grenzen[0] && t < grenzen[1] ? 2 : 1) * 3_600_000;
}

/** An instant as the wall-clock time in Amsterdam, stored as Excel does (a serial without zone). */
export function tijdstipWaarde(iso: string): Date {
  const instant = new Date(iso);
  const minuut = Math.floor(instant.getTime() / 60_000) * 60_000;
  return new Date(minuut + offsetOp(instant));
}

function waarde(cel: XlsxCel, soort: XlsxSoort): string | number | Date | null {
  if (cel === null || cel === undefined || cel === '') return null;
  if (soort === 'datum' && typeof cel === 'string') return datumWaarde(cel);
  if (soort === 'tijdstip' && typeof cel === 'string') return tijdstipWaarde(cel);
  return cel;
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export function bladNaam(naam: string): string {
  return naam.replace(/[:\\/?*[\]]/g, '-').slice(0, 31) || 'Blad';
}

/**
 * Writes `bladen` (each with the same columns) to the file `pad` (the caller makes it atomic) and
 * returns the number of rows on each sheet.
 */
export async function schrijfXlsx(pad: string, kolommen: readonly XlsxKolom[], bladen: readonly XlsxBlad[]): Promise<number[]> {
  const ExcelJS = (await import('exceljs')).default;
  const boek = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: pad, useStyles: true, useSharedStrings: false });
  boek.creator = 'kvz';
  const aantallen: number[] = [];
  const stijlen = {
    gewoon: kolommen.map((k) => ({ numFmt: FORMAAT[k.soort] ?? 'General' })),
    gemarkeerd: kolommen.map((k) => ({ numFmt: FORMAAT[k.soort] ?? 'General', fill: MARKEER })),
  };
  const laatste = String.fromCharCode(64 + kolommen.length);
  for (const blad of bladen) {
    const ws = boek.addWorksheet(bladNaam(blad.naam), {
      views: [{ state: 'frozen', ySplit: 2, xSplit: 0, topLeftCell: 'A3', activeCell: 'A3' }],
      pageSetup: {
        paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2',
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: `&L${blad.naam.replace(/&/g, '&&')}&Rpagina &P van &N` },
    });
    ws.autoFilter = `A2:${laatste}2`;
    ws.columns = kolommen.map((k, i) => ({ key: String(i), width: k.breedte, style: FORMAAT[k.soort] ? { numFmt: FORMAAT[k.soort]! } : {} }));
    const titel = ws.addRow([blad.titel]);
    titel.font = { bold: true, size: 14 };
    titel.commit();
    const kop = ws.addRow(kolommen.map((k) => k.kop));
    kop.eachCell((c) => {
      c.font = { bold: true };
      c.fill = KOP_VULLING;
      c.border = { bottom: { style: 'thin' } };
      c.alignment = { vertical: 'top', wrapText: true };
    });
    kop.commit();
    let n = 0;
    for await (const rijen of blad.rijen()) {
      for (const r of rijen) {
        const rij = ws.addRow(r.cellen.map((c, i) => waarde(c, kolommen[i]!.soort)));
        // One style object per column (and per highlighted column), shared by every cell: exceljs
        // then finds its style id by identity instead of rendering the style to XML for each cell.
        const stijl = r.markeer ? stijlen.gemarkeerd : stijlen.gewoon;
        for (let i = 0; i < kolommen.length; i++) rij.getCell(i + 1).style = stijl[i]!;
        rij.commit();
        n++;
      }
      // exceljs writes into the zip stream without waiting for it: let the compressor catch up after
      // each batch, so unwritten sheet data does not pile up in memory.
      await new Promise((klaar) => setImmediate(klaar));
    }
    ws.commit();
    aantallen.push(n);
  }
  await boek.commit();
  return aantallen;
}
