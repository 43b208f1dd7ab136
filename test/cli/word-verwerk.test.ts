/**
 * Minutes back from Word (SPEC §9): a skeleton made by kvz, filled in the way Word stores edits (text
 * typed into a cell's paragraph, ☐ replaced by ☒ or X, a name typed on an empty line), and the same
 * after LibreOffice opened and saved it again; then `kvz notulen verwerk` with its dry run,
 * --uitvoeren and idempotence, and the files it must refuse.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { kvz, kvzOk, lees, nieuweDb, telRijen, tijdelijkeMap } from '../helpers/run.js';
import { LO_PROFIEL, writer } from '../helpers/python-csv.js';

const NU = '2027-03-30T14:00:00.000Z';

async function register(): Promise<string> {
  const db = nieuweDb();
  const eerder = (args: string[]) => kvzOk(args, { db, nu: '2027-02-20T10:00:00.000Z' });
  await eerder(['overleg', 'cadans', 'gio', '--start', '2027-01-05']);
  await eerder(['zaak', 'open', '--titel', 'Jeugd bij de sporthal', '--soort', 'overlast', '--kern', 'Obdam']);
  await eerder(['actie', 'add', 'Z-2027-001', '--omschrijving', 'Extra surveillance', '--partner', 'politie', '--deadline', '2027-03-20']);
  await eerder(['actie', 'add', 'Z-2027-001', '--omschrijving', 'Gesprek met de jongeren', '--partner', 'jongerenwerk', '--deadline', '2027-04-01']);
  return db;
}

/** The skeleton of the GIO of 30 March 2027, as kvz writes it. */
async function skelet(db: string): Promise<string> {
  const pad = join(tijdelijkeMap(), 'notulen-gio.docx');
  await kvzOk(['notulen', 'gio', '--datum', '2027-03-30', '--output', pad], { db, nu: NU });
  return pad;
}

type Bewerking = (xml: string) => string;

/** Opens the .docx, changes word/document.xml as Word would store the edits, and saves it under a new name. */
async function bewerk(pad: string, ...bewerkingen: Bewerking[]): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(pad));
  let xml = await zip.file('word/document.xml')!.async('string');
  for (const b of bewerkingen) xml = b(xml);
  zip.file('word/document.xml', xml);
  const uit = join(tijdelijkeMap(), 'ingevuld.docx');
  writeFileSync(uit, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return uit;
}

const tekstVan = (x: string) => [...x.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/** Types `tekst` into cell `kolom` of the first table row whose first cell reads `eerste` (the `n`-th such row, after the text `na`). */
function typInCel(eerste: string, kolom: number, tekst: string, n = 0, na?: string): Bewerking {
  return (xml) => {
    let gezien = 0;
    const begin = na === undefined ? 0 : xml.indexOf(na);
    if (begin < 0) throw new Error(`niet gevonden: ${na}`);
    return xml.slice(0, begin) + xml.slice(begin).replace(/<w:tr\b[\s\S]*?<\/w:tr>/g, (rij) => {
      const cellen = rij.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
      if (cellen.length === 0 || tekstVan(cellen[0]!) !== eerste || gezien++ !== n) return rij;
      const oud = cellen[kolom]!;
      // A paragraph's runs replaced by one with the typed text, as Word saves a cell that was retyped.
      const run = `<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">${tekst}</w:t></w:r>`;
      const nieuw = oud.includes('<w:p/>')
        ? oud.replace('<w:p/>', `<w:p>${run}</w:p>`)
        : oud.replace(/(<w:p\b[^>]*>(?:<w:pPr>[\s\S]*?<\/w:pPr>)?)[\s\S]*?(<\/w:p>)/, `$1${run}$2`);
      const begin = rij.indexOf(oud, cellen.slice(0, kolom).reduce((n, c) => rij.indexOf(c, n) + c.length, 0));
      return rij.slice(0, begin) + nieuw + rij.slice(begin + oud.length);
    });
  };
}

async function vulIn(pad: string): Promise<string> {
  return bewerk(
    pad,
    typInCel('☐', 0, '☒'), // Politie, the first participant
    typInCel('☐', 0, 'X', 1), // Jongerenwerk: the second row still unticked (Zorgteam is the first)
    typInCel('☐', 1, 'Handhaving', 3), // a name typed on the first empty line, without a tick
    typInCel('A-2027-0001', 5, 'gereed'),
    typInCel('A-2027-0002', 6, '15-04-2027'),
    typInCel('nieuw', 1, 'Buurtgesprek organiseren'),
    typInCel('nieuw', 2, 'jongerenwerk'),
    typInCel('nieuw', 3, '30-04-2027'),
    typInCel('Afspraken', 1, 'Jongerenwerk organiseert een buurtgesprek.', 0, 'Z-2027-001 · '),
    typInCel('Besproken', 1, 'De opening &amp; de mededelingen.'),
  );
}

const VERSLAG = [
  { punt: '1. Opening', zaak: null, besproken: 'De opening & de mededelingen.', afspraken: '' },
  { punt: '3. Nieuwe zaken: aanpak bepalen', zaak: 'Z-2027-001', besproken: '', afspraken: 'Jongerenwerk organiseert een buurtgesprek.' },
];

describe('kvz notulen verwerk <bestand>.docx', () => {
  it('reads ticks, a typed name, new statuses and deadlines and a new actie: a dry run first, then --uitvoeren, then nothing again', async () => {
    const db = await register();
    const ingevuld = await vulIn(await skelet(db));
    const proef = await kvzOk(['notulen', 'verwerk', ingevuld], { db, nu: NU });
    expect(proef.stderr).toBe('');
    expect(proef.stdout).toContain('Verslag: 2 punten met tekst, waarvan 1 met afspraken.');
    expect(proef.stdout).toContain('A-2027-0001');
    expect(proef.stdout).toContain('gereed');
    expect(proef.stdout).toContain('Buurtgesprek organiseren');
    expect(lees(db, `SELECT nummer, status, deadline FROM actie ORDER BY nummer`)).toEqual([
      { nummer: 'A-2027-0001', status: 'open', deadline: '2027-03-20' },
      { nummer: 'A-2027-0002', status: 'open', deadline: '2027-04-01' },
    ]);

    await kvzOk(['notulen', 'verwerk', ingevuld, '--uitvoeren'], { db, nu: NU });
    expect(lees(db, `SELECT nummer, omschrijving, partner, status, deadline FROM actie ORDER BY nummer`)).toEqual([
      { nummer: 'A-2027-0001', omschrijving: 'Extra surveillance', partner: 'politie', status: 'gereed', deadline: '2027-03-20' },
      { nummer: 'A-2027-0002', omschrijving: 'Gesprek met de jongeren', partner: 'jongerenwerk', status: 'open', deadline: '2027-04-15' },
      { nummer: 'A-2027-0003', omschrijving: 'Buurtgesprek organiseren', partner: 'jongerenwerk', status: 'open', deadline: '2027-04-30' },
    ]);
    expect(lees<{ partner: string }>(db, 'SELECT partner FROM aanwezigheid ORDER BY partner').map((r) => r.partner)).toEqual(['handhaving', 'jongerenwerk', 'politie']);
    expect(JSON.parse((await kvzOk(['overleg', 'show', 'gio', '30-03-2027', '--json'], { db, nu: NU })).stdout)).toEqual({
      soort: 'gio', datum: '2027-03-30', status: 'gehouden', verschoven_van: null, aanwezig: ['handhaving', 'jongerenwerk', 'politie'], verslag: VERSLAG,
    });
    const audit = telRijen(db, 'audit');
    // The same file again: nothing to change, nothing written.
    const nogmaals = await kvzOk(['notulen', 'verwerk', ingevuld, '--uitvoeren'], { db, nu: NU });
    expect(nogmaals.stdout).not.toContain('Buurtgesprek organiseren');
    expect(telRijen(db, 'audit')).toBe(audit);
    expect(telRijen(db, 'actie')).toBe(3);
  });

  const lo = writer();
  it.skipIf(!lo)(`reads the same after LibreOffice opened and saved it, and without the custom properties from the footer${lo ? '' : ' (overgeslagen: LibreOffice Writer is hier niet geïnstalleerd)'}`, async () => {
    const db = await register();
    const ingevuld = await vulIn(await skelet(db));
    const map = tijdelijkeMap();
    const r = spawnSync(lo!, [LO_PROFIEL, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', map, ingevuld], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const opgeslagen = join(map, 'ingevuld.docx');
    expect(existsSync(opgeslagen)).toBe(true);
    // The footer carries the identity too: drop the custom properties, as some programs do.
    const zip = await JSZip.loadAsync(readFileSync(opgeslagen));
    zip.remove('docProps/custom.xml');
    const zonder = join(map, 'zonder-eigenschappen.docx');
    writeFileSync(zonder, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    for (const bestand of [opgeslagen, zonder]) {
      const u = await kvzOk(['notulen', 'verwerk', bestand, '--json'], { db, nu: NU });
      const v = JSON.parse(u.stdout);
      expect(JSON.stringify(v), bestand).toContain('Buurtgesprek organiseren');
      expect(JSON.stringify(v), bestand).toContain('"nieuw":"gereed"');
      expect(v.aanwezig?.partners?.sort(), bestand).toEqual(['handhaving', 'jongerenwerk', 'politie']);
      expect(v.verslag, bestand).toEqual({ punten: VERSLAG, gewijzigd: true, eerder: 0 });
    }
    await kvzOk(['notulen', 'verwerk', opgeslagen, '--uitvoeren'], { db, nu: NU });
    expect(lees(db, `SELECT status FROM actie WHERE nummer = 'A-2027-0001'`)).toEqual([{ status: 'gereed' }]);
    expect(lees(db, 'SELECT punt, besproken, afspraken FROM verslag ORDER BY volgorde')).toEqual(VERSLAG.map(({ zaak: _, ...p }) => p));
  }, 180_000);

  it('refuses what it cannot read, naming the table and row of each problem: exit 2, nothing applied', async () => {
    const db = await register();
    const pad = await skelet(db);
    const map = tijdelijkeMap();
    const kapot = join(map, 'kapot.docx');
    writeFileSync(kapot, Buffer.concat([readFileSync(pad).subarray(0, 2000), Buffer.alloc(500)]));
    const agenda = join(map, 'agenda.docx');
    await kvzOk(['agenda', 'gio', '--datum', '2027-03-30', '--output', agenda], { db, nu: NU });
    // A zip bomb: a document.xml that unpacks to 100 MB.
    const bom = new JSZip();
    bom.file('word/document.xml', Buffer.alloc(100 * 1024 * 1024, 0x20), { compression: 'DEFLATE' });
    const bomPad = join(map, 'bom.docx');
    writeFileSync(bomPad, await bom.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(readFileSync(bomPad).length).toBeLessThan(1024 * 1024);
    const fout = await bewerk(pad, typInCel('A-2027-0001', 5, 'misschien'), typInCel('nieuw', 1, 'Alleen een omschrijving'));
    const anderDb = await register();
    for (const [bestand, tekst, database] of [
      [kapot, 'geen geldig Word-document', db],
      [agenda, 'het kenmerk van kvz ontbreekt', db],
      [bomPad, 'meer dan 64 MB', db],
      [pad, 'hoort bij een andere kvz-database', anderDb],
    ] as const) {
      const u = await kvz(['notulen', 'verwerk', bestand, '--uitvoeren'], { db: database, nu: NU });
      expect([u.code, u.stderr], bestand).toEqual([2, expect.stringContaining(tekst)]);
    }
    const u = await kvz(['notulen', 'verwerk', fout, '--uitvoeren'], { db, nu: NU });
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/(^|\n)Tabel Z-2027-001, rij 1: .*misschien/);
    expect(u.stderr).toMatch(/(^|\n)Tabel Z-2027-001, rij 3: een nieuwe actie heeft een omschrijving, partner en deadline nodig; partner en deadline ontbreekt/);
    expect(u.stderr).toContain('2 problemen in het bestand; er is niets verwerkt.');
    expect(lees(db, `SELECT count(*) AS n FROM audit WHERE commando = 'notulen verwerk'`)).toEqual([{ n: 0 }]);
    expect(lees(db, `SELECT status FROM actie WHERE nummer = 'A-2027-0001'`)).toEqual([{ status: 'open' }]);
  }, 60_000);
});
