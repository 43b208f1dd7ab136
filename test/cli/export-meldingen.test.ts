import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kvz, kvzOk, lees, nieuweDb, telRijen, tijdelijkeMap, voer } from '../helpers/run.js';
import { leesMetCalc, leesMetPython, soffice } from '../helpers/python-csv.js';

const FORMULES = ['=HYPERLINK("http://x","klik")', '+31 6 12345678', '-1+2', '@SOM(A1)', '\tTAB vooraan', '\rCR vooraan'];

/** A small register: one of each kind of awkward cell, a melder with data, a vertrouwelijke melding. */
async function vulRegister(): Promise<string> {
  const db = nieuweDb();
  const add = (extra: string[]) => kvzOk(['melding', 'add', '--categorie', 'jeugdoverlast', '--kern', 'Obdam', ...extra], { db });
  await add(['--omschrijving', 'Gewone melding', '--ontvangen', '2027-01-05 09:30', '--doorzetten', 'politie,jongerenwerk']);
  await add(['--omschrijving', 'Zei "wegwezen"; daarna\nweggefietst', '--adres', 'Kerkstraat 1, Obdam', '--ontvangen', '2027-01-06 14:00']);
  for (const [i, f] of FORMULES.entries()) await add(['--omschrijving', `x${i}`, '--adres', f, '--ontvangen', `2027-02-0${i + 1} 10:00`]);
  await add([
    '--omschrijving', 'Melder met gegevens', '--melder-naam', 'Anna de Vries', '--melder-telefoon', '06-11223344',
    '--melder-email', 'anna@example.nl', '--terugkoppeling', '--vergunninghouder', '--ontvangen', '2027-03-01 08:00',
  ]);
  await add(['--omschrijving', 'Geheim verhaal', '--vertrouwelijk', '--ontvangen', '2027-03-02 08:00']);
  return db;
}

function exportAudit(db: string) {
  return lees<{ commando: string; resultaat: string; details: string }>(db, "SELECT commando, resultaat, details FROM audit WHERE commando = 'export meldingen'");
}

describe('kvz export meldingen', () => {
  it('writes an excel CSV that an independent reader reads back cell for cell', async () => {
    const db = await vulRegister();
    const { stdout } = await kvzOk(['export', 'meldingen'], { db });
    const csv = leesMetPython({ tekst: stdout }, ';');

    expect(csv.bom).toBe(true);
    expect(csv.rijen[0]).toEqual([
      'Nummer', 'Ontvangen op', 'Kanaal', 'Categorie', 'Kern', 'Adres', 'Omschrijving', 'Status', 'Zaak', 'Doorgezet naar',
      'Eerst doorgezet op', 'Doorgezet op dag van ontvangst', 'Vergunninghouder', 'Vertrouwelijk', 'Terugkoppeling', 'Urgent', 'Afgehandeld op',
    ]);
    // Every record ends in CRLF; the only bare LF is the one inside the two-line cell.
    const records = csv.rijen.length;
    expect(csv.tekst.split('\r\n').length - 1).toBe(records);
    expect(csv.tekst.replaceAll('\r\n', '').split('\n').length - 1).toBe(1);
    expect(csv.tekst).not.toContain(',Obdam');

    const rij = (omschrijving: string) => csv.rijen.find((r) => r[6] === omschrijving)!;
    expect(rij('Gewone melding')).toEqual([
      'M-2027-0001', '05-01-2027 09:30', 'telefoon', 'jeugdoverlast', 'Obdam', '', 'Gewone melding', 'doorgezet', '',
      'jongerenwerk, politie', '16-03-2027 11:00', 'nee', 'nee', 'nee', 'nee', 'nee', '',
    ]);
    expect(rij('Zei "wegwezen"; daarna\nweggefietst')[5]).toBe('Kerkstraat 1, Obdam');
    expect(csv.rijen.slice(1).every((r) => r.length === 17)).toBe(true);
  });

  it('neutralises every formula-leading character with an apostrophe', async () => {
    const db = await vulRegister();
    // kvz's own input trims a leading tab or CR; data that came in another way may still have one.
    FORMULES.forEach((f, i) => voer(db, 'UPDATE melding SET adres = ? WHERE omschrijving = ?', f, `x${i}`));
    const csv = leesMetPython({ tekst: (await kvzOk(['export', 'meldingen'], { db })).stdout }, ';');
    const adressen = FORMULES.map((_, i) => csv.rijen.find((r) => r[6] === `x${i}`)![5]);
    expect(adressen).toEqual(FORMULES.map((f) => `'${f}`));
  });

  it('leaves out melder data and vertrouwelijke meldingen by default, and says so in the audit row', async () => {
    const db = await vulRegister();
    const { stdout } = await kvzOk(['export', 'meldingen'], { db });
    expect(stdout).not.toMatch(/Anna|11223344|example\.nl|Geheim/);
    const csv = leesMetPython({ tekst: stdout }, ';');
    expect(csv.rijen).toHaveLength(1 + 9);
    const audit = exportAudit(db);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ aantal: 9, vertrouwelijk: false, met_melder: false, formaat: 'excel', bestand: null });
  });

  it('adds melder data with --met-melder and vertrouwelijke meldingen with --vertrouwelijk, both audited without the data', async () => {
    const db = await vulRegister();
    const u = await kvzOk(['export', 'meldingen', '--met-melder', '--vertrouwelijk'], { db });
    const csv = leesMetPython({ tekst: u.stdout }, ';');
    expect(csv.rijen[0]!.slice(-3)).toEqual(['Naam melder', 'Telefoon melder', 'E-mail melder']);
    expect(csv.rijen.find((r) => r[6] === 'Melder met gegevens')!.slice(-3)).toEqual(['Anna de Vries', '06-11223344', 'anna@example.nl']);
    expect(csv.rijen.find((r) => r[6] === 'Geheim verhaal')![13]).toBe('ja');
    expect(u.stderr).toContain('Met gegevens van melders');
    // As export matrix --vertrouwelijk: a warning, and the log's own line says what left the database.
    expect(u.stderr).toContain('Met vertrouwelijke meldingen (kolom Vertrouwelijk): deel dit bestand alleen binnen het politieoverleg.');
    const audit = exportAudit(db);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.resultaat).toBe('10 meldingen geëxporteerd met vertrouwelijke meldingen en gegevens van melders');
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ aantal: 10, vertrouwelijk: true, met_melder: true });
    expect(audit[0]!.details).not.toMatch(/Anna|11223344|example/);
  });

  it('leaves out meldingen of a vertrouwelijke zaak unless --vertrouwelijk', async () => {
    const db = await vulRegister();
    voer(
      db,
      `INSERT INTO zaak (id, nummer, jaar, volgnummer, titel, soort, kern, vertrouwelijk, geopend_op, geopend_door, gewijzigd_op)
       VALUES (1, 'Z-2027-001', 2027, 1, 'Onderzoek', 'overlast', 'Obdam', 1, '2027-03-01T00:00:00.000Z', 'test', '2027-03-01T00:00:00.000Z')`,
    );
    voer(db, "UPDATE melding SET zaak_id = 1 WHERE jaar = 2027 AND volgnummer = 1");
    expect((await kvzOk(['export', 'meldingen'], { db })).stdout).not.toContain('M-2027-0001');
    expect((await kvzOk(['export', 'meldingen', '--vertrouwelijk'], { db })).stdout).toContain('M-2027-0001;');
    // Asked for by number, it is refused as export matrix refuses it, not exported as an empty sheet.
    const voor = telRijen(db, 'audit');
    const u = await kvz(['export', 'meldingen', '--zaak', 'Z-2027-001'], { db });
    expect(u.code).toBe(1);
    expect(u.stderr).toBe('Zaak Z-2027-001 is vertrouwelijk; exporteren kan alleen met --met-vertrouwelijk (dat komt in het auditlog). Er is niets geëxporteerd.\n');
    expect(u.stdout).toBe('');
    expect(telRijen(db, 'audit')).toBe(voor);
    expect((await kvz(['export', 'meldingen', '--zaak', 'Z-2027-009'], { db })).stderr).toBe('Zaak Z-2027-009 bestaat niet; er is niets geëxporteerd. Zie kvz zaak list.\n');
    expect((await kvzOk(['export', 'meldingen', '--zaak', 'Z-2027-001', '--vertrouwelijk'], { db })).stdout).toContain('M-2027-0001;');
  });

  it('writes RFC 4180 with --formaat csv: commas, CRLF, no BOM, ISO dates', async () => {
    const db = await vulRegister();
    const { stdout } = await kvzOk(['export', 'meldingen', '--formaat', 'csv'], { db });
    const csv = leesMetPython({ tekst: stdout }, ',');
    expect(csv.bom).toBe(false);
    expect(stdout.startsWith('Nummer,Ontvangen op,')).toBe(true);
    expect(csv.tekst.split('\r\n').length - 1).toBe(csv.rijen.length);
    const rij = csv.rijen.find((r) => r[0] === 'M-2027-0002')!;
    expect(rij[1]).toBe('2027-01-06 14:00');
    expect(rij[5]).toBe('Kerkstraat 1, Obdam');
    expect(rij[6]).toBe('Zei "wegwezen"; daarna\nweggefietst');
  });

  it('writes --output atomically: the same bytes as stdout, no temporary file left, one audit row naming the file', async () => {
    const db = await vulRegister();
    const map = tijdelijkeMap();
    const pad = join(map, 'meldingen.csv');
    const u = await kvzOk(['export', 'meldingen', '--output', pad], { db });
    expect(u.stdout).toBe(`9 meldingen geëxporteerd naar ${pad}.\n`);
    const naarStdout = (await kvzOk(['export', 'meldingen'], { db })).stdout;
    expect(readFileSync(pad, 'utf8')).toBe(naarStdout);
    expect(readdirSync(map)).toEqual(['meldingen.csv']);
    expect(JSON.parse(exportAudit(db)[0]!.details)).toMatchObject({ aantal: 9, bestand: pad });
  });

  it('filters like melding list', async () => {
    const db = await vulRegister();
    const rijen = async (args: string[]) => leesMetPython({ tekst: (await kvzOk(['export', 'meldingen', ...args], { db })).stdout }, ';').rijen.slice(1).map((r) => r[0]);
    expect(await rijen(['--van', '2027-02-01', '--tot', '03-02-2027'])).toEqual(['M-2027-0003', 'M-2027-0004', 'M-2027-0005']);
    expect(await rijen(['--status', 'doorgezet'])).toEqual(['M-2027-0001']);
    expect(await rijen(['--vergunninghouder'])).toEqual(['M-2027-0009']);
    expect(await rijen(['--kern', 'ursem'])).toEqual([]);
  });

  it.each([
    [['--formaat', 'ods'], "Onbekend formaat 'ods' voor --formaat. Kies uit: excel, csv, xlsx."],
    [['--formaat', 'xlsx'], '--formaat xlsx schrijft een Excel-bestand; geef het met --output'],
    [['--kern', 'Obdan'], "Bedoelde u 'Obdam'?"],
    [['--van', '2027-02-30'], "'2027-02-30' bestaat niet"],
    [['--van', '2027-03-01', '--tot', '2027-01-01'], '--van ligt na --tot'],
    [['--output', '/bestaat/niet/uit.csv'], 'De map voor --output bestaat niet'],
  ])('refuses %j, exports nothing and writes no audit row', async (args, bericht) => {
    const db = await vulRegister();
    const voor = telRijen(db, 'audit');
    const u = await kvz(['export', 'meldingen', ...args], { db });
    expect(u.code).toBe(2);
    expect(u.stderr).toContain(bericht);
    expect(u.stdout).toBe('');
    expect(telRijen(db, 'audit')).toBe(voor);
  });

  it('exports an empty register as a header only, and still records the export', async () => {
    const db = nieuweDb();
    const csv = leesMetPython({ tekst: (await kvzOk(['export', 'meldingen'], { db })).stdout }, ';');
    expect(csv.rijen).toHaveLength(1);
    expect(exportAudit(db)).toHaveLength(1);
  });

  const calc = soffice();
  it.skipIf(!calc)(`opens in LibreOffice Calc with every cell where it belongs${calc ? '' : ' (overgeslagen: LibreOffice is hier niet geïnstalleerd)'}`, async () => {
    const db = await vulRegister();
    const pad = join(tijdelijkeMap(), 'meldingen.csv');
    await kvzOk(['export', 'meldingen', '--output', pad], { db });
    expect(existsSync(pad)).toBe(true);
    const rijen = leesMetCalc(pad, ';');
    expect(rijen).toEqual(leesMetPython({ pad }, ';').rijen);
  }, 60_000);
});
