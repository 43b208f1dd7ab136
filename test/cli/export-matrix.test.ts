import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kvz, kvzOk, lees, nieuweDb, telRijen, tijdelijkeMap, voer } from '../helpers/run.js';
import { leesMetPython } from '../helpers/python-csv.js';
import { nieuweActie, nieuweMelding, nieuweZaak, toestand, zetCadans } from '../helpers/matrix.js';

const KOP = [
  'Zaak', 'Zaaktitel', 'Soort', 'Kern', 'Actie', 'Omschrijving', 'Soort actie', 'Partner', 'Deadline', 'Status', 'Te laat',
  'Keer uitgesteld', 'Laatst bijgewerkt', 'Afgesproken in',
];
const FORMULES = ['=HYPERLINK("http://x","klik")', '+31 6 12345678', '-1+2', '@SOM(A1)', '\tTAB vooraan', '\rCR vooraan'];

/**
 * Z-2027-001 (title with ; and quotes, a melder with data): an overdue actie postponed twice, agreed
 * in a GIO; a running one with a two-line omschrijving; a finished one. Z-2027-002 vertrouwelijk.
 * Z-2027-003 with one actie per formula-leading character.
 */
async function matrixDb(): Promise<{ db: string; a: string[] }> {
  const db = nieuweDb();
  await zetCadans(db);
  const m = await nieuweMelding(db, ['--melder-naam', 'Anna de Vries', '--melder-telefoon', '06-11223344', '--melder-email', 'anna@example.nl']);
  const z1 = await nieuweZaak(db, ['--melding', m, '--titel', 'Bushalte "De Kolk"; jongeren']);
  const z2 = await nieuweZaak(db, ['--titel', 'Geheim onderzoek', '--soort', 'zorg', '--kern', 'Obdam', '--vertrouwelijk']);
  const z3 = await nieuweZaak(db, ['--titel', 'Formules', '--kern', 'Ursem']);
  const a1 = await nieuweActie(db, z1, 'politie', '2027-03-01', ['--omschrijving', 'Surveillance', '--overleg', 'gio:02-03-2027', '--soort', 'handhaving']);
  await kvzOk(['actie', 'update', a1, '--deadline', '2027-03-08'], { db });
  await kvzOk(['actie', 'update', a1, '--deadline', '2027-03-10'], { db });
  const a2 = await nieuweActie(db, z1, 'jongerenwerk', '2027-04-01', ['--omschrijving', 'Gesprek met de groep\nen met de ouders']);
  await kvzOk(['actie', 'update', a2, '--status', 'loopt'], { db });
  const a3 = await nieuweActie(db, z1, 'iv', '2027-03-20', ['--omschrijving', 'Brief aan bewoners']);
  await kvzOk(['actie', 'update', a3, '--status', 'gereed'], { db });
  const a4 = await nieuweActie(db, z2, 'politie', '2027-03-30', ['--omschrijving', 'Informant spreken']);
  const a5: string[] = [];
  for (const [i] of FORMULES.entries()) a5.push(await nieuweActie(db, z3, 'zorgteam', '2027-04-10', ['--omschrijving', `f${i}`]));
  // kvz's own input trims a leading tab or CR; data that came in another way may still have one.
  FORMULES.forEach((f, i) => voer(db, 'UPDATE actie SET omschrijving = ? WHERE nummer = ?', f, a5[i]));
  return { db, a: [a1, a2, a3, a4, ...a5] };
}

const exportAudit = (db: string) =>
  lees<{ object: string | null; resultaat: string; details: string }>(db, "SELECT object, resultaat, details FROM audit WHERE commando = 'export matrix'");

async function rijen(db: string, args: string[] = []): Promise<string[][]> {
  return leesMetPython({ tekst: (await kvzOk(['export', 'matrix', ...args], { db })).stdout }, ';').rijen;
}

describe('kvz export matrix', () => {
  it('writes an excel CSV of the open acties that an independent reader reads back cell for cell', async () => {
    const { db, a } = await matrixDb();
    const { stdout } = await kvzOk(['export', 'matrix'], { db });
    const csv = leesMetPython({ tekst: stdout }, ';');
    expect(csv.bom).toBe(true);
    expect(csv.rijen[0]).toEqual(KOP);
    // Every record ends in CRLF; the only bare LF is the one inside the two-line omschrijving.
    expect(csv.tekst.split('\r\n').length - 1).toBe(csv.rijen.length);
    expect(csv.tekst.replaceAll('\r\n', '').split('\n').length - 1).toBe(1);

    const rij = (nummer: string) => csv.rijen.find((r) => r[4] === nummer);
    expect(rij(a[0]!)).toEqual([
      'Z-2027-001', 'Bushalte "De Kolk"; jongeren', 'overlast', 'Spierdijk', a[0], 'Surveillance', 'handhaving', 'politie', '10-03-2027', 'open', 'ja',
      '2', '16-03-2027 11:00', 'GIO 02-03-2027',
    ]);
    expect(rij(a[1]!)!.slice(5, 12)).toEqual(['Gesprek met de groep\nen met de ouders', 'overig', 'jongerenwerk', '01-04-2027', 'loopt', 'nee', '0']);
    // Default --status openstaand: what partners still owe; no finished acties, no vertrouwelijke zaak.
    expect(rij(a[2]!)).toBeUndefined();
    expect(rij(a[3]!)).toBeUndefined();
    expect(stdout).not.toContain('Geheim');
    expect(csv.rijen.slice(1).map((r) => r[4])).toEqual([a[0], a[1], ...a.slice(4)]);
    expect(csv.rijen.every((r) => r.length === 14)).toBe(true);
  });

  it('never holds melder data', async () => {
    const { db } = await matrixDb();
    for (const args of [[], ['--status', 'alle', '--vertrouwelijk'], ['--formaat', 'csv']]) {
      expect((await kvzOk(['export', 'matrix', ...args], { db })).stdout).not.toMatch(/Anna|Vries|11223344|example\.nl/);
    }
  });

  it('neutralises every formula-leading character with an apostrophe', async () => {
    const { db, a } = await matrixDb();
    const csv = await rijen(db);
    const omschrijvingen = a.slice(4).map((n) => csv.find((r) => r[4] === n)![5]);
    expect(omschrijvingen).toEqual(FORMULES.map((f) => `'${f}`));
  });

  it('takes every status with --status alle, and filters on partner and zaak', async () => {
    const { db, a } = await matrixDb();
    expect((await rijen(db, ['--status', 'alle'])).slice(1).map((r) => [r[4], r[9]])).toEqual([
      // By zaak, then deadline.
      [a[0], 'open'], [a[2], 'gereed'], [a[1], 'loopt'], ...a.slice(4).map((n) => [n, 'open']),
    ]);
    expect((await rijen(db, ['--partner', 'politie'])).slice(1).map((r) => r[4])).toEqual([a[0]]);
    expect((await rijen(db, ['--zaak', 'z-2027-1', '--status', 'alle'])).slice(1).map((r) => r[4])).toEqual([a[0], a[2], a[1]]);
    expect((await rijen(db, ['--partner', 'handhaving']))).toEqual([KOP]);
  });

  it('adds vertrouwelijke zaken only with --vertrouwelijk: marked in a column, warned about, audited', async () => {
    const { db, a } = await matrixDb();
    const u = await kvzOk(['export', 'matrix', '--vertrouwelijk'], { db });
    const csv = leesMetPython({ tekst: u.stdout }, ';').rijen;
    expect(csv[0]).toEqual([...KOP, 'Vertrouwelijk']);
    const geheim = csv.find((r) => r[4] === a[3])!;
    expect([geheim[0], geheim[1], geheim[14]]).toEqual(['Z-2027-002', 'Geheim onderzoek', 'ja']);
    expect(csv.find((r) => r[4] === a[0])![14]).toBe('nee');
    expect(u.stderr).toContain('Met vertrouwelijke zaken');
    const audit = exportAudit(db);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.resultaat).toBe(`${csv.length - 1} acties geëxporteerd met vertrouwelijke zaken`);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ aantal: csv.length - 1, vertrouwelijk: true, status: 'openstaand', formaat: 'excel' });
  });

  it('writes one audit row per export, naming the filter and the zaak', async () => {
    const { db } = await matrixDb();
    await kvzOk(['export', 'matrix'], { db });
    await kvzOk(['export', 'matrix', '--zaak', 'Z-2027-001', '--partner', 'jongerenwerk', '--status', 'alle'], { db });
    const audit = exportAudit(db);
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ object: null, resultaat: '8 acties geëxporteerd' });
    expect(JSON.parse(audit[0]!.details)).toEqual({ aantal: 8, status: 'openstaand', partner: null, zaak: null, vertrouwelijk: false, formaat: 'excel', bestand: null });
    expect(audit[1]).toMatchObject({ object: 'Z-2027-001', resultaat: '1 actie geëxporteerd' });
    expect(JSON.parse(audit[1]!.details)).toMatchObject({ aantal: 1, status: 'alle', partner: 'jongerenwerk', zaak: 'Z-2027-001' });
  });

  it('writes RFC 4180 with --formaat csv: commas, CRLF, no BOM, ISO dates', async () => {
    const { db, a } = await matrixDb();
    const { stdout } = await kvzOk(['export', 'matrix', '--formaat', 'csv'], { db });
    const csv = leesMetPython({ tekst: stdout }, ',');
    expect(csv.bom).toBe(false);
    expect(stdout.startsWith('Zaak,Zaaktitel,Soort,')).toBe(true);
    expect(csv.tekst.split('\r\n').length - 1).toBe(csv.rijen.length);
    const rij = csv.rijen.find((r) => r[4] === a[0])!;
    expect([rij[1], rij[8], rij[12], rij[13]]).toEqual(['Bushalte "De Kolk"; jongeren', '2027-03-10', '2027-03-16 11:00', 'GIO 2027-03-02']);
  });

  it('writes --output atomically: the same bytes as stdout, no temporary file left, the file named in the audit row', async () => {
    const { db } = await matrixDb();
    const map = tijdelijkeMap();
    const pad = join(map, 'matrix.csv');
    const u = await kvzOk(['export', 'matrix', '--output', pad], { db });
    expect(u.stdout).toBe(`8 acties geëxporteerd naar ${pad}.\n`);
    expect(readFileSync(pad, 'utf8')).toBe((await kvzOk(['export', 'matrix'], { db })).stdout);
    expect(readdirSync(map)).toEqual(['matrix.csv']);
    expect(JSON.parse(exportAudit(db)[0]!.details)).toMatchObject({ aantal: 8, bestand: pad });
  });

  it('exports an empty matrix as a header only, and still records the export', async () => {
    const db = nieuweDb();
    expect(await rijen(db)).toEqual([KOP]);
    expect(exportAudit(db)).toHaveLength(1);
  });

  it.each([
    [['--formaat', 'ods'], 2, "Onbekend formaat 'ods' voor --formaat. Kies uit: excel, csv, xlsx."],
    [['--formaat', 'xlsx'], 2, '--formaat xlsx schrijft een Excel-bestand; geef het met --output'],
    [['--status', 'dicht'], 2, "Onbekende status 'dicht' voor --status. Kies uit: open, loopt, gereed, vervallen, openstaand, alle."],
    [['--partner', 'polite'], 2, "Bedoelde u 'politie'?"],
    [['--zaak', 'Z-27'], 2, "Ongeldig nummer voor --zaak: 'Z-27'"],
    [['--output', '/bestaat/niet/uit.csv'], 2, 'De map voor --output bestaat niet'],
    [['--zaak', 'Z-2027-099'], 1, 'Zaak Z-2027-099 bestaat niet'],
    [['--zaak', 'Z-2027-002'], 1, 'Zaak Z-2027-002 is vertrouwelijk; exporteren kan alleen met --met-vertrouwelijk'],
  ])('refuses %j with exit %i, exports nothing and writes no audit row', async (args, code, bericht) => {
    const { db } = await matrixDb();
    const voor = toestand(db);
    const u = await kvz(['export', 'matrix', ...args], { db });
    expect(u.code).toBe(code);
    expect(u.stderr).toContain(bericht);
    expect(u.stdout).toBe('');
    expect(toestand(db)).toEqual(voor);
    expect(telRijen(db, 'audit')).toBe(voor.audit!.length);
  });

  it('refuses an --output that is not a regular file (a pipe, a device), instead of renaming a file over it', async () => {
    const { db } = await matrixDb();
    const voor = toestand(db);
    const pijp = join(tijdelijkeMap(), 'pijp');
    execFileSync('mkfifo', [pijp]);
    const u = await kvz(['export', 'matrix', '--output', pijp], { db });
    expect(u.code).toBe(2);
    expect(u.stderr).toBe(`--output '${pijp}' is geen gewoon bestand; laat --output weg om naar de standaarduitvoer te schrijven.\n`);
    expect(statSync(pijp).isFIFO()).toBe(true);
    expect(toestand(db)).toEqual(voor);
  });
});
