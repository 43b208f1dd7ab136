/**
 * Reading filled-in minutes back from Word (SPEC §9), as Word or LibreOffice saved them: the meeting's
 * identity from the custom document properties or, when a program dropped those, from the footer; the
 * attendance table, ticked with ☒ ☑ ✓ X or [x] (or a name typed on an empty line); and per zaak heading
 * its matrix table. The result has the shape the Markdown reader gives (documents/notulen-lezen.ts), so
 * the same judging, dry run and processing follow; a problem is named by table and row.
 *
 * The package is read with JSZip; every part is read with a ceiling on its unpacked size, so a zip
 * bomb is refused instead of filling the memory.
 */
import JSZip from 'jszip';
import { OVERLEG_SOORTEN, type OverlegSoort } from '../domain/cadans.js';
import { UsageError } from '../domain/errors.js';
import { vakTekst, verslagVerzamelaar, type GelezenNotulen, type Kenmerk, type ZaakTabel } from '../domain/notulen.js';
import { isDatum } from '../domain/tijd.js';
import { EIGENSCHAP } from './agenda-docx.js';
import { NOTULEN_KOLOMMEN } from './notulen-md.js';

/** Most a part may unpack to: a minutes document of a region-scale GIO is a few MB. */
const MAX_DEEL = 64 * 1024 * 1024;
/** Most the .docx itself may be. */
export const MAX_BESTAND = 32 * 1024 * 1024;

type Cel = string[];
interface Tabel { soort: 'tabel'; rijen: Cel[][] }
interface Alinea { soort: 'alinea'; stijl: string; tekst: string }
type Blok = Tabel | Alinea;

/** Tick boxes Word inserts as symbols, by font and character code. */
const SYMBOLEN: Record<string, Record<string, string>> = {
  wingdings: { F0FD: '☒', F0FE: '☑', F0FC: '✓', F078: 'X', F0A8: '☐', F06F: '☐' },
  'wingdings 2': { F054: '☒', F052: '☑', F050: '✓', F0A3: '☐', F02A: '☐' },
};
/** Most entries a .docx may have: Word writes a dozen or two. */
const MAX_DELEN = 1000;

function ontsnapXml(t: string): string {
  return t.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
    }
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!;
  });
}

const attribuut = (tag: string, naam: string) => new RegExp(`${naam}="([^"]*)"`).exec(tag)?.[1];

/** The body as paragraphs (with their style) and tables (rows of cells of text), in document order. */
export function blokkenVan(xml: string): Blok[] {
  const uit: Blok[] = [];
  const tabellen: { rijen: Cel[][]; cel: string[] | null }[] = [];
  let alinea: { stijl: string; tekst: string } | null = null;
  let inTekst = false;
  let overslaan = 0; // inside deleted text, field instructions
  const re = /<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) {
    if (m[5] !== undefined) {
      if (inTekst && overslaan === 0 && alinea) alinea.tekst += ontsnapXml(m[5]);
      continue;
    }
    const [, sluit, naam, attr, leeg] = m as unknown as [string, string, string, string, string];
    const open = sluit === '';
    switch (naam) {
      case 'w:p':
        if (overslaan > 0) break;
        if (open && leeg === '') alinea = { stijl: '', tekst: '' };
        else if (!open || leeg === '/') {
          const a = alinea ?? { stijl: '', tekst: '' };
          alinea = null;
          const t = tabellen.at(-1);
          if (t?.cel) t.cel.push(a.tekst);
          else uit.push({ soort: 'alinea', stijl: a.stijl, tekst: a.tekst });
        }
        break;
      case 'w:pStyle':
        if (alinea) alinea.stijl = attribuut(attr, 'w:val') ?? '';
        break;
      case 'w:t':
        inTekst = open && leeg === '';
        break;
      case 'w:delText':
      case 'w:instrText':
      case 'w:moveFrom': // text moved away with tracked changes: it stands again where it was moved to
      case 'w:txbxContent': // a text box: not part of the paragraph it is anchored in
        if (leeg === '') overslaan += open ? 1 : -1;
        break;
      case 'w:tab':
        // A tab in the text (a tab stop in the paragraph's properties has a w:val).
        if (alinea && attr.indexOf('w:val') === -1) alinea.tekst += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (alinea) alinea.tekst += ' ';
        break;
      case 'w:sym':
        if (alinea && overslaan === 0) alinea.tekst += SYMBOLEN[(attribuut(attr, 'w:font') ?? 'wingdings').toLowerCase()]?.[(attribuut(attr, 'w:char') ?? '').toUpperCase()] ?? '';
        break;
      case 'w:tbl':
        if (open) tabellen.push({ rijen: [], cel: null });
        else {
          const t = tabellen.pop()!;
          const ouder = tabellen.at(-1);
          // A table inside a cell counts as its text.
          if (ouder?.cel) ouder.cel.push(...t.rijen.flat().flat());
          else uit.push({ soort: 'tabel', rijen: t.rijen });
        }
        break;
      case 'w:tr':
        if (open && leeg === '') tabellen.at(-1)?.rijen.push([]);
        break;
      case 'w:tc':
        if (open && leeg === '') {
          const t = tabellen.at(-1)!;
          t.cel = [];
          t.rijen.at(-1)?.push(t.cel);
        } else if (!open) tabellen.at(-1)!.cel = null;
        break;
    }
  }
  return uit;
}

const celTekst = (c: Cel) => c.join(' ').replace(/\s+/g, ' ').trim();
const normaal = (c: string) => c.toLowerCase().replace(/\s+/g, ' ').trim();
const KOLOMMEN_NORMAAL = NOTULEN_KOLOMMEN.map((k) => k.toLowerCase());
const ZAAK = /^(Z-?\d{4}-?\d+)\s*·/i;
const isKop = (stijl: string, niveau: number) => new RegExp(`^(heading|kop)\\s*${niveau}$`, 'i').test(stijl);
/** ☒ ☑ ✓ ✔ X x, or [x]: ticked. ☐, nothing, or ✗ ✘ (which many use for absent): not. */
export function isAangevinkt(cel: string): boolean {
  const t = cel.replace(/[☐\s]/g, '');
  return /^(\[[xX]\]|[☒☑✓✔xX]+)$/.test(t);
}

async function leesDeel(zip: JSZip, naam: string): Promise<string | undefined> {
  const f = zip.file(naam);
  if (!f) return undefined;
  return new Promise((klaar, faal) => {
    const delen: Buffer[] = [];
    let omvang = 0;
    const stroom = f.nodeStream('nodebuffer');
    stroom.on('data', (d: Buffer) => {
      omvang += d.length;
      if (omvang > MAX_DEEL) {
        stroom.removeAllListeners('data');
        stroom.pause();
        faal(new UsageError('Dit Word-bestand pakt uit tot meer dan 64 MB; zo groot is geen notulenbestand. Er is niets verwerkt.'));
        return;
      }
      delen.push(d);
    });
    stroom.on('error', (e: Error) => faal(new UsageError(`Dit bestand is geen geldig Word-document (.docx): ${e.message}. Er is niets verwerkt.`)));
    stroom.on('end', () => klaar(Buffer.concat(delen).toString('utf8')));
  });
}

async function kenmerkVan(zip: JSZip, fout: (regel: number, t: string) => void): Promise<{ kenmerk: Kenmerk | null; gedrukt?: string[] }> {
  const eigen = (await leesDeel(zip, 'docProps/custom.xml')) ?? '';
  const prop = (naam: string) => {
    const w = new RegExp(`name="${naam.replace('.', '\\.')}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(eigen)?.[1];
    return w === undefined ? undefined : ontsnapXml(w);
  };
  let soort = prop(EIGENSCHAP.soort);
  let datum = prop(EIGENSCHAP.datum);
  let database = prop(EIGENSCHAP.database);
  let gedrukt: string[] | undefined;
  try {
    const namen: unknown = JSON.parse(prop(EIGENSCHAP.deelnemers) ?? 'null');
    if (Array.isArray(namen) && namen.every((n) => typeof n === 'string')) gedrukt = namen as string[];
  } catch {
    // An edited property: fall back on today's participants.
  }
  if (!soort || !datum || !database) {
    // A program that dropped the custom properties kept the footer.
    const voeten = Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n));
    for (const n of voeten) {
      const tekst = blokkenVan((await leesDeel(zip, n)) ?? '').map((b) => (b.soort === 'alinea' ? b.tekst : '')).join(' ');
      const m = /Kenmerk:\s*notulen\s+(\S+)\s+(\d{4}-\d{2}-\d{2})\s*·\s*(\S+)/.exec(tekst);
      if (m) [, soort, datum, database] = m;
    }
  }
  if (!soort || !datum || !database) {
    fout(0, 'het kenmerk van kvz ontbreekt (in de eigenschappen van het document en onderaan de pagina); dit is geen notulenbestand van kvz notulen, of het kenmerk is verwijderd.');
    return { kenmerk: null };
  }
  if (!(OVERLEG_SOORTEN as readonly string[]).includes(soort) || !isDatum(datum)) {
    fout(0, 'het kenmerk van kvz in dit document is gewijzigd; maak een nieuw skelet met kvz notulen.');
    return { kenmerk: null };
  }
  return { kenmerk: { soort: soort as OverlegSoort, datum, database }, ...(gedrukt ? { gedrukt } : {}) };
}

export interface DocxNotulen extends GelezenNotulen {
  plaatsen: Map<number, string>;
}

/**
 * Reads a .docx; `deelnemers` gives the participants' names of a soort, so a name typed on an empty
 * line of the attendance counts as present. A file that is no zip (or a broken one) is refused.
 */
export async function leesNotulenDocx(inhoud: Buffer, deelnemers: (soort: OverlegSoort) => ReadonlySet<string>): Promise<DocxNotulen> {
  let zip: JSZip;
  try {
    // Only the directory is read here; each part kvz needs is unpacked later, under a ceiling.
    zip = await JSZip.loadAsync(inhoud, { checkCRC32: false });
  } catch {
    throw new UsageError('Dit bestand is geen geldig Word-document (.docx): het is beschadigd of iets anders. Er is niets verwerkt.');
  }
  if (Object.keys(zip.files).length > MAX_DELEN) {
    throw new UsageError(`Dit bestand heeft meer dan ${MAX_DELEN} onderdelen; zo ziet geen Word-document eruit. Er is niets verwerkt.`);
  }
  const documentXml = await leesDeel(zip, 'word/document.xml');
  if (documentXml === undefined) throw new UsageError('Dit bestand is geen Word-document (.docx): word/document.xml ontbreekt. Er is niets verwerkt.');
  const uit: DocxNotulen = { kenmerk: null, aanwezig: [], tabellen: [], verslag: [], fouten: [], plaatsen: new Map() };
  const fout = (regel: number, tekst: string) => uit.fouten.push({ regel, tekst });
  const { kenmerk, gedrukt } = await kenmerkVan(zip, fout);
  uit.kenmerk = kenmerk;
  // The names printed in the attendance (or, when that property is gone, today's participants).
  const bekend = new Set([...(gedrukt ?? (kenmerk ? deelnemers(kenmerk.soort) : []))].map(normaal));

  let volgnummer = 0;
  const plaats = (p: string) => {
    volgnummer += 1;
    uit.plaatsen.set(volgnummer, p);
    return volgnummer;
  };
  let inAanwezig = false;
  let zaak: { nummer: string; regel: number; tabel: boolean } | null = null;
  let punt: string | null = null;
  const verslag = verslagVerzamelaar();
  const tabelVan = new Map<string, string>();
  for (const b of blokkenVan(documentXml)) {
    if (b.soort === 'alinea') {
      const tekst = b.tekst.trim();
      if (isKop(b.stijl, 2) || isKop(b.stijl, 1)) {
        inAanwezig = /^aanwezig\b/i.test(tekst);
        zaak = null;
        // An item: every heading of level 2 but the attendance (Word may have turned its number into list numbering).
        punt = isKop(b.stijl, 2) && !inAanwezig && tekst !== '' ? tekst.replace(/\s+/g, ' ') : null;
      }
      const z = ZAAK.exec(tekst);
      if (z && (isKop(b.stijl, 3) || b.stijl === '')) zaak = { nummer: z[1]!, regel: plaats(`de kop van zaak ${z[1]}`), tabel: false };
      continue;
    }
    const [kop = [], ...rijen] = b.rijen;
    const kopCellen = kop.map(celTekst);
    if (inAanwezig && normaal(kopCellen[0] ?? '') === 'aanwezig') {
      rijen.forEach((r, i) => {
        const naam = celTekst(r[1] ?? []);
        if (naam === '') return;
        const vinkje = isAangevinkt(celTekst(r[0] ?? []));
        // A name typed on one of the empty lines: that person was there.
        uit.aanwezig.push({ regel: plaats(`aanwezigheid, rij ${i + 1}`), label: naam, aangevinkt: vinkje || !bekend.has(normaal(naam)) });
      });
      continue;
    }
    if (normaal(kopCellen[0] ?? '') === 'besproken' || normaal(kopCellen[0] ?? '') === 'afspraken') {
      if (punt === null) continue;
      const waar = zaak ? `de vakken bij ${zaak.nummer}` : `de vakken bij punt ${punt}`;
      for (const r of b.rijen) {
        const label = normaal(celTekst(r[0] ?? []));
        // Each paragraph of the cell is a line; Word keeps line breaks within one as spaces.
        const alineas = r.slice(1).flat();
        if (vakTekst(alineas) === '' || (label !== 'besproken' && label !== 'afspraken')) continue;
        verslag.vak(punt, zaak?.nummer ?? null, label, () => plaats(waar)).push(...alineas);
      }
      continue;
    }
    if (normaal(kopCellen[0] ?? '') !== 'actie') continue;
    const waar = zaak ? `de tabel van ${zaak.nummer}` : 'een tabel';
    if (!zaak) {
      fout(plaats('een tabel met de kolom Actie'), 'deze tabel staat niet onder de kop van een zaak (Z-… · titel); zet haar terug onder haar zaak.');
      continue;
    }
    if (kopCellen.length !== NOTULEN_KOLOMMEN.length || kopCellen.some((c, k) => normaal(c) !== KOLOMMEN_NORMAAL[k])) {
      fout(plaats(`de kop van ${waar}`), `de kolommen van de tabel bij ${zaak.nummer} zijn gewijzigd; verwacht: ${NOTULEN_KOLOMMEN.join(', ')}.`);
      continue;
    }
    const sleutel = zaak.nummer.toUpperCase().replace(/^Z-?(\d{4})-?0*(\d+)$/, '$1-$2');
    if (zaak.tabel || tabelVan.has(sleutel)) {
      fout(plaats(`een tweede tabel bij ${zaak.nummer}`), `zaak ${zaak.nummer} heeft al een tabel; zet alles voor deze zaak in één tabel.`);
      continue;
    }
    zaak.tabel = true;
    tabelVan.set(sleutel, zaak.nummer);
    const tabel: ZaakTabel = { zaak: zaak.nummer, kopRegel: zaak.regel, regel: plaats(`de kop van de tabel van ${zaak.nummer}`), rijen: [] };
    rijen.forEach((r, i) => {
      const regel = plaats(`tabel ${zaak!.nummer}, rij ${i + 1}`);
      const cellen = r.map(celTekst);
      if (cellen.length > NOTULEN_KOLOMMEN.length) {
        fout(regel, `deze rij heeft ${cellen.length} cellen in plaats van ${NOTULEN_KOLOMMEN.length}; voeg geen kolommen toe.`);
        return;
      }
      while (cellen.length < NOTULEN_KOLOMMEN.length) cellen.push('');
      tabel.rijen.push({ regel, cellen });
    });
    uit.tabellen.push(tabel);
  }
  uit.verslag = verslag.klaar();
  return uit;
}
