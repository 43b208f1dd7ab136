/**
 * Agendas and minutes skeletons as Word documents (SPEC §9), read back by independent readers:
 * mammoth (text and tables as a reader of .docx sees them), the package's own XML (page size,
 * header, footer, custom properties), and LibreOffice Writer, which lays the document out as Word
 * would and renders it to PDF: there we check that no number or date is broken over two lines and
 * that every page of a politie document carries the confidentiality mark.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { kvz, kvzOk, lees, nieuweDb, tijdelijkeMap } from '../helpers/run.js';
import { LO_PROFIEL, writer } from '../helpers/python-csv.js';

const NU = '2027-03-16T10:00:00.000Z';

/** A register with a zaak whose acties have long descriptions, overdue ones, and a confidential zaak. */
async function register(): Promise<string> {
  const db = nieuweDb();
  const eerder = (args: string[]) => kvzOk(args, { db, nu: '2027-02-20T10:00:00.000Z' });
  await eerder(['overleg', 'cadans', 'gio', '--start', '2027-01-05']);
  await eerder(['overleg', 'cadans', 'politie', '--start', '2027-01-12']);
  await eerder(['zaak', 'open', '--titel', 'Jeugd bij de sporthal', '--soort', 'overlast', '--kern', 'Obdam']);
  await eerder(['zaak', 'open', '--titel', 'Drugshandel achter de sporthal', '--soort', 'overlast', '--kern', 'Obdam', '--vertrouwelijk']);
  for (let i = 0; i < 6; i++) {
    await eerder(['actie', 'add', 'Z-2027-001', '--omschrijving', `Surveillance voortzetten en bevindingen terugkoppelen in het volgende GIO, ronde ${i + 1}`,
      '--partner', i % 2 ? 'casemanager-jeugd' : 'jongerenwerk', '--deadline', i < 3 ? '2027-03-01' : '2027-04-30']);
  }
  await eerder(['actie', 'add', 'Z-2027-002', '--omschrijving', 'Geheime observatie', '--partner', 'politie', '--deadline', '2027-04-01']);
  await kvzOk(['melding', 'add', '--categorie', 'jeugdoverlast', '--kern', 'Obdam', '--omschrijving', 'Groep bij de sporthal', '--adres', 'Sportlaan 1',
    '--melder-naam', 'Anna de Vries', '--melder-telefoon', '0612345678', '--ontvangen', '2027-03-15 09:30', '--zaak', 'Z-2027-001'], { db, nu: NU });
  return db;
}

async function word(db: string, args: string[]): Promise<{ pad: string; tekst: string; html: string; zip: JSZip }> {
  const pad = join(tijdelijkeMap(), `${args.join('-')}.docx`);
  await kvzOk([...args, '--output', pad], { db, nu: NU });
  const buf = readFileSync(pad);
  return {
    pad,
    tekst: (await mammoth.extractRawText({ buffer: buf })).value,
    html: (await mammoth.convertToHtml({ buffer: buf })).value,
    zip: await JSZip.loadAsync(buf),
  };
}

const xml = (zip: JSZip, naam: string) => zip.file(naam)!.async('string');
/** The text of a part of the package, its runs joined. */
const tekstVan = (x: string) => [...x.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

async function kopEnVoet(zip: JSZip): Promise<{ kop: string; voet: string; velden: string }> {
  const namen = Object.keys(zip.files);
  const kop = await Promise.all(namen.filter((n) => /^word\/header\d*\.xml$/.test(n)).map((n) => xml(zip, n)));
  const voet = await Promise.all(namen.filter((n) => /^word\/footer\d*\.xml$/.test(n)).map((n) => xml(zip, n)));
  return { kop: kop.map(tekstVan).join(' '), voet: voet.map(tekstVan).join(' '), velden: voet.join(' ') };
}

describe('kvz agenda <soort> --formaat docx', () => {
  it('writes an A4 agenda with the facts, the items, the zaken and their acties, a running header and page numbers', async () => {
    const db = await register();
    const d = await word(db, ['agenda', 'gio', '--datum', '2027-03-30']);
    expect(d.tekst).toContain('Agenda GIO (Groot Integraal Overleg)');
    expect(d.tekst).toContain('dinsdag 30 maart 2027, 10:00 uur');
    expect(d.tekst).toMatch(/1\.\s+Opening/);
    expect(d.html).toContain('<h3>Z-2027-001 · Jeugd bij de sporthal</h3>');
    expect(d.html).toMatch(/<td><p>A-2027-0001<\/p><\/td><td><p>Surveillance voortzetten/);
    // Nothing confidential, no melder data, no command lines in a document for the partners.
    for (const geheim of ['Drugshandel', 'Geheime observatie', 'Z-2027-002', 'Anna', '0612345678', 'Sportlaan 1']) expect(d.tekst).not.toContain(geheim);
    expect(d.tekst).not.toMatch(/\bkvz /);
    const documentXml = await xml(d.zip, 'word/document.xml');
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(documentXml).toContain('<w:tblLayout w:type="fixed"/>');
    // Every table fits the text width (A4 less 1.8 cm on each side).
    for (const [, grid] of documentXml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)) {
      const som = [...grid!.matchAll(/w:w="(\d+)"/g)].reduce((a, m) => a + Number(m[1]), 0);
      expect(som).toBeLessThanOrEqual(11906 - 2 * 1021);
    }
    const { kop, voet, velden } = await kopEnVoet(d.zip);
    expect(kop).toContain('Agenda GIO (Groot Integraal Overleg) — dinsdag 30 maart 2027');
    expect(voet).toContain('pagina');
    expect(velden).toMatch(/PAGE/);
    expect(velden).toMatch(/NUMPAGES/);
    expect(kop + voet).not.toContain('VERTROUWELIJK');
  });

  it('refuses Word without a file, Markdown into a .docx name and JSON as Word: exit 2, nothing written', async () => {
    const db = await register();
    const map = tijdelijkeMap();
    for (const [args, tekst] of [
      [['--formaat', 'docx'], 'geef het met --output'],
      [['--formaat', 'md', '--output', join(map, 'a.docx')], 'noem het bestand .md'],
      [['--formaat', 'docx', '--output', join(map, 'a.md')], 'op .docx te eindigen'],
      [['--json', '--output', join(map, 'a.docx')], '--json en --formaat docx'],
      [['--formaat', 'pdf'], '--formaat'],
    ] as const) {
      const u = await kvz(['agenda', 'gio', ...args], { db, nu: NU });
      expect([u.code, u.stderr], args.join(' ')).toEqual([2, expect.stringContaining(tekst)]);
    }
    expect(readdirSync(map)).toEqual([]);
  });
});

describe('kvz notulen <soort> --formaat docx', () => {
  it('carries its identity in the custom properties and the footer, boxes to tick and to write in, and the matrix per zaak', async () => {
    const db = await register();
    const d = await word(db, ['notulen', 'gio', '--datum', '2027-03-30']);
    const id = lees<{ waarde: string }>(db, `SELECT waarde FROM instelling WHERE sleutel = 'database_id'`)[0]!.waarde;
    const eigen = await xml(d.zip, 'docProps/custom.xml');
    for (const [naam, waarde] of [['kvz.document', 'notulen'], ['kvz.soort', 'gio'], ['kvz.datum', '2027-03-30'], ['kvz.database', id]]) {
      expect(eigen).toMatch(new RegExp(`name="${naam.replace('.', '\\.')}"><vt:lpwstr>${waarde}</vt:lpwstr>`));
    }
    const { voet } = await kopEnVoet(d.zip);
    expect(voet).toContain(`Kenmerk: notulen gio 2027-03-30 · ${id}`);
    // Attendance: a box per participant (and empty lines for whoever else came).
    expect(d.html).toContain('<td><p>☐</p></td><td><p>Politie</p></td>');
    expect(d.html.match(/<td><p>☐<\/p><\/td><td><\/td>/g)).toHaveLength(3);
    expect(d.html.match(/<td><p><strong>Besproken<\/strong><\/p><\/td><td><\/td>/g)!.length).toBeGreaterThanOrEqual(9);
    expect(d.html).toContain('<th><p><strong>Actie</strong></p></th><th><p><strong>Omschrijving</strong></p></th>');
    expect(d.html).toContain('<p><strong>Nieuwe deadline</strong></p>');
    expect(d.html.match(/<td><p>nieuw<\/p><\/td>/g)).toHaveLength(3);
    expect(d.tekst).not.toMatch(/\bkvz /);
    for (const geheim of ['Drugshandel', 'Geheime observatie', 'Z-2027-002', 'Anna', '0612345678']) expect(d.tekst).not.toContain(geheim);
  });

  const lo = writer();
  it.skipIf(!lo)(`lays out in LibreOffice Writer with no number or date broken, and VERTROUWELIJK on every politie page${lo ? '' : ' (overgeslagen: LibreOffice Writer of pdftotext is hier niet geïnstalleerd)'}`, async () => {
    const db = await register();
    const map = tijdelijkeMap();
    const bestanden = [
      (await word(db, ['notulen', 'gio', '--datum', '2027-03-30'])).pad,
      (await word(db, ['agenda', 'gio', '--datum', '2027-03-30'])).pad,
      (await word(db, ['agenda', 'politie', '--datum', '2027-03-09'])).pad,
      (await word(db, ['notulen', 'politie', '--datum', '2027-03-09'])).pad,
    ];
    const r = spawnSync(lo!, [LO_PROFIEL, '--headless', '--convert-to', 'pdf', '--outdir', map, ...bestanden], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    for (const b of bestanden) {
      const pdf = join(map, b.split('/').pop()!.replace(/\.docx$/, '.pdf'));
      expect(existsSync(pdf), pdf).toBe(true);
      const tekst = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
      // A number or date broken at a hyphen leaves a piece without the rest on its line.
      expect(tekst).not.toMatch(/\b[AMZ]-\d{4}-(?!\d{3,4})/);
      expect(tekst).not.toMatch(/\b\d{2}-\d{2}-(?!\d{4})/);
      if (b.includes('gio')) for (const n of ['A-2027-0001', 'A-2027-0006', '01-03-2027', '30-04-2027']) expect(tekst, b).toContain(n);
      const paginas = tekst.split('\f').filter((p) => p.trim() !== '');
      expect(paginas.length).toBeGreaterThan(0);
      for (const [i, p] of paginas.entries()) {
        expect(p, `${b} pagina ${i + 1}`).toContain(`pagina ${i + 1} van ${paginas.length}`);
        if (b.includes('politie')) expect(p, `${b} pagina ${i + 1}`).toContain('VERTROUWELIJK — alleen voor het politieoverleg');
      }
    }
  }, 180_000);
});
