/**
 * `kvz export matrix|meldingen --formaat xlsx` (SPEC §9), read back with independent readers: exceljs'
 * own reader for the workbook's structure (cell types, frozen pane, autofilter, print settings) and
 * LibreOffice Calc for what a user sees when the file is opened.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { kvz, kvzOk, lees, nieuweDb, tijdelijkeMap } from '../helpers/run.js';
import { leesMetPython, LO_PROFIEL, soffice } from '../helpers/python-csv.js';

const NU = '2027-03-16T10:00:00.000Z';

async function register(): Promise<string> {
  const db = nieuweDb();
  const k = (args: string[]) => kvzOk(args, { db, nu: NU });
  // The acties were agreed in February: the first one's deadline has passed by now.
  const eerder = (args: string[]) => kvzOk(args, { db, nu: '2027-02-20T10:00:00.000Z' });
  await eerder(['zaak', 'open', '--titel', 'Jeugd bij de sporthal', '--soort', 'overlast', '--kern', 'Obdam']);
  await eerder(['zaak', 'open', '--titel', 'Politiezaak', '--soort', 'overlast', '--kern', 'Obdam', '--vertrouwelijk']);
  await eerder(['actie', 'add', 'Z-2027-001', '--omschrijving', 'Extra surveillance', '--partner', 'politie', '--deadline', '2027-03-01']);
  await eerder(['actie', 'add', 'Z-2027-001', '--omschrijving', 'Gesprek met de jongeren', '--partner', 'jongerenwerk', '--deadline', '2027-04-01']);
  await eerder(['actie', 'add', 'Z-2027-002', '--omschrijving', 'Geheime actie', '--partner', 'politie', '--deadline', '2027-04-01']);
  await k(['melding', 'add', '--categorie', 'jeugdoverlast', '--kern', 'Obdam', '--omschrijving', '=HYPERLINK("http://x","klik")', '--adres', '1-3',
    '--melder-naam', 'Anna de Vries', '--melder-telefoon', '0612345678', '--ontvangen', '2027-03-15 09:30', '--doorzetten', 'politie,jongerenwerk']);
  await k(['melding', 'add', '--categorie', 'vandalisme', '--kern', 'Ursem', '--omschrijving', 'Nog niet doorgezet', '--melder-telefoon', '0229-123456',
    '--ontvangen', '2027-03-14 16:00']);
  await k(['melding', 'add', '--categorie', 'drugs', '--kern', 'Obdam', '--omschrijving', 'Geheime tip', '--vertrouwelijk', '--ontvangen', '2027-03-15 11:00']);
  return db;
}

async function leesBoek(pad: string): Promise<ExcelJS.Workbook> {
  const boek = new ExcelJS.Workbook();
  await boek.xlsx.readFile(pad);
  return boek;
}

const waarden = (ws: ExcelJS.Worksheet, rij: number) => (ws.getRow(rij).values as unknown[]).slice(1);

describe('kvz export matrix --formaat xlsx', () => {
  it('writes a workbook with a title, a frozen header with a filter, real dates, highlighted overdue rows and print settings', async () => {
    const db = await register();
    const pad = join(tijdelijkeMap(), 'matrix.xlsx');
    const u = await kvzOk(['export', 'matrix', '--output', pad], { db, nu: NU });
    expect(u.stdout).toBe(`2 acties geëxporteerd naar ${pad}.\n`);
    expect(statSync(pad).mode & 0o777).toBe(0o600);
    const boek = await leesBoek(pad);
    expect(boek.worksheets.map((w) => w.name)).toEqual(['Matrix']);
    const ws = boek.getWorksheet('Matrix')!;
    expect(waarden(ws, 1)).toEqual(['Matrix Integrale Veiligheid Koggenland — stand 16-03-2027']);
    expect(waarden(ws, 2)).toEqual([
      'Zaak', 'Zaaktitel', 'Soort', 'Kern', 'Actie', 'Omschrijving', 'Soort actie', 'Partner', 'Deadline', 'Status', 'Te laat', 'Keer uitgesteld',
      'Laatst bijgewerkt', 'Afgesproken in',
    ]);
    expect(ws.rowCount).toBe(4);
    const te = ws.getRow(3);
    expect(te.getCell(5).value).toBe('A-2027-0001');
    // A date cell, shown as a Dutch date: not the text '01-03-2027'.
    expect(te.getCell(7).value).toBe('overig');
    expect(te.getCell(9).value).toEqual(new Date('2027-03-01T00:00:00Z'));
    expect(te.getCell(9).numFmt).toBe('dd-mm-yyyy');
    expect(te.getCell(12).value).toBe(0);
    expect(te.getCell(13).value).toEqual(new Date('2027-02-20T11:00:00Z')); // 10:00 UTC is 11:00 in Amsterdam
    expect(te.getCell(11).value).toBe('ja');
    // Overdue: highlighted; on time: not.
    expect((te.getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFCE4E4');
    expect((ws.getRow(4).getCell(1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBeUndefined();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe('A2:N2');
    expect(ws.getColumn(6).width).toBe(42);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' });
    // Nothing confidential without --vertrouwelijk, and the one audit row.
    const alles = JSON.stringify(ws.getSheetValues());
    expect(alles).not.toContain('Geheime');
    expect(alles).not.toContain('Politiezaak');
    expect(lees(db, `SELECT resultaat, details FROM audit WHERE commando = 'export matrix'`)).toEqual([
      { resultaat: '2 acties geëxporteerd', details: expect.stringContaining('"formaat":"xlsx"') },
    ]);
  });

  it('adds a sheet per partner with its acties, and with --vertrouwelijk the marked confidential ones', async () => {
    const db = await register();
    const pad = join(tijdelijkeMap(), 'per-partner.xlsx');
    await kvzOk(['export', 'matrix', '--output', pad, '--per-partner', '--vertrouwelijk'], { db, nu: NU });
    const boek = await leesBoek(pad);
    expect(boek.worksheets.map((w) => w.name)).toEqual(['Matrix', 'jongerenwerk', 'politie']);
    const politie = boek.getWorksheet('politie')!;
    expect(waarden(politie, 1)).toEqual(['Acties van politie — stand 16-03-2027']);
    expect(waarden(politie, 2).at(-1)).toBe('Vertrouwelijk');
    expect([3, 4].map((r) => [politie.getRow(r).getCell(6).value, politie.getRow(r).getCell(15).value])).toEqual([
      ['Extra surveillance', 'nee'], ['Geheime actie', 'ja'],
    ]);
    expect(boek.getWorksheet('jongerenwerk')!.rowCount).toBe(3);
    expect(politie.autoFilter).toBe('A2:O2');
  });

  it('refuses what cannot be a workbook, before anything is written: exit 2, no file, no audit row', async () => {
    const db = await register();
    const map = tijdelijkeMap();
    for (const [args, tekst] of [
      [['--formaat', 'xlsx'], 'geef het met --output'],
      [['--formaat', 'xlsx', '--output', join(map, 'matrix.csv')], "hoort bij --formaat xlsx op .xlsx te eindigen"],
      [['--formaat', 'csv', '--output', join(map, 'matrix.xlsx')], 'noem het bestand .csv'],
      [['--per-partner', '--output', join(map, 'matrix.csv')], 'alleen met --formaat xlsx'],
      [['--formaat', 'xls', '--output', join(map, 'matrix.xlsx')], '--formaat'],
    ] as const) {
      const u = await kvz(['export', 'matrix', ...args], { db, nu: NU });
      expect([u.code, u.stderr], args.join(' ')).toEqual([2, expect.stringContaining(tekst)]);
    }
    expect(readdirSync(map)).toEqual([]);
    expect(lees(db, `SELECT count(*) AS n FROM audit WHERE commando = 'export matrix'`)).toEqual([{ n: 0 }]);
  });
});

describe('kvz export meldingen --formaat xlsx', () => {
  it('keeps text as text (a leading 0, an address 1-3, a text starting with =) and melder data only on request', async () => {
    const db = await register();
    const pad = join(tijdelijkeMap(), 'meldingen.xlsx');
    // --output x.xlsx is enough to choose the format.
    await kvzOk(['export', 'meldingen', '--output', pad, '--met-melder', '--per-partner'], { db, nu: NU });
    const boek = await leesBoek(pad);
    expect(boek.worksheets.map((w) => w.name)).toEqual(['Meldingen', 'jongerenwerk', 'politie']);
    const ws = boek.getWorksheet('Meldingen')!;
    const kop = waarden(ws, 2) as string[];
    const cel = (rij: number, naam: string) => ws.getRow(rij).getCell(kop.indexOf(naam) + 1);
    expect([3, 4].map((r) => cel(r, 'Nummer').value)).toEqual(['M-2027-0002', 'M-2027-0001']);
    expect(cel(4, 'Telefoon melder').value).toBe('0612345678');
    expect(cel(3, 'Telefoon melder').value).toBe('0229-123456');
    expect(cel(4, 'Adres').value).toBe('1-3');
    // A typed value: the text itself, no formula, no apostrophe.
    expect(cel(4, 'Omschrijving').value).toBe('=HYPERLINK("http://x","klik")');
    expect(cel(4, 'Omschrijving').type).toBe(ExcelJS.ValueType.String);
    expect(cel(4, 'Ontvangen op').value).toEqual(new Date('2027-03-15T09:30:00Z'));
    // Not forwarded after its day of receipt: overdue by the same-day rule, highlighted.
    expect((cel(3, 'Nummer').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFCE4E4');
    expect(JSON.stringify(ws.getSheetValues())).not.toContain('Geheime tip');
    expect(boek.getWorksheet('politie')!.rowCount).toBe(3);

    const zonder = join(tijdelijkeMap(), 'zonder.xlsx');
    await kvzOk(['export', 'meldingen', '--output', zonder], { db, nu: NU });
    const z = (await leesBoek(zonder)).getWorksheet('Meldingen')!;
    expect(waarden(z, 2)).not.toContain('Telefoon melder');
    expect(JSON.stringify(z.getSheetValues())).not.toMatch(/Anna|0612345678|0229-123456/);
  });

  it('writes phone numbers in the excel CSV grouped, so a spreadsheet keeps the leading 0', async () => {
    const db = await register();
    const u = await kvzOk(['export', 'meldingen', '--met-melder'], { db, nu: NU });
    const rijen = leesMetPython({ tekst: u.stdout }, ';').rijen;
    const kolom = rijen[0]!.indexOf('Telefoon melder');
    expect(rijen.slice(1).map((r) => r[kolom])).toEqual(['0229-123456', '06-12345678']);
    // RFC 4180 CSV is for programs: the number as it was typed.
    const csv = leesMetPython({ tekst: (await kvzOk(['export', 'meldingen', '--met-melder', '--formaat', 'csv'], { db, nu: NU })).stdout }, ',').rijen;
    expect(csv.slice(1).map((r) => r[kolom])).toEqual(['0229-123456', '0612345678']);
  });

  const calc = soffice();
  it.skipIf(!calc)(`opens in LibreOffice Calc with dates as dates and numbers as typed${calc ? '' : ' (overgeslagen: LibreOffice is hier niet geïnstalleerd)'}`, async () => {
    const db = await register();
    const map = tijdelijkeMap();
    const pad = join(map, 'meldingen.xlsx');
    await kvzOk(['export', 'meldingen', '--output', pad, '--met-melder'], { db, nu: NU });
    const uit = join(map, 'calc');
    const r = spawnSync(calc!, [LO_PROFIEL, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true', '--outdir', uit, pad], {
      encoding: 'utf8', timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(uit, 'meldingen.csv'))).toBe(true);
    const rijen = leesMetPython({ pad: join(uit, 'meldingen.csv') }, ',').rijen;
    expect(rijen[0]).toEqual(['Meldingen Integrale Veiligheid Koggenland — stand 16-03-2027', ...Array(19).fill('')]);
    const kop = rijen[1]!;
    const rij = rijen[3]!;
    const cel = (naam: string) => rij[kop.indexOf(naam)];
    expect(cel('Nummer')).toBe('M-2027-0001');
    expect(cel('Ontvangen op')).toBe('15-03-2027 09:30'); // as received, Amsterdam time
    expect(cel('Telefoon melder')).toBe('0612345678');
    expect(cel('Adres')).toBe('1-3');
    expect(cel('Omschrijving')).toBe('=HYPERLINK("http://x","klik")');
  }, 60_000);
});
