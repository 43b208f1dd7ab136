import { describe, expect, it } from 'vitest';
import { cellenVan, leesNotulen } from '../../src/documents/notulen-lezen.js';
import { inline, mdTabel, ontsnap } from '../../src/documents/markdown.js';

const KOP = '<!-- kvz notulen gio 2027-03-16 db:abc -->';
const TABEL = '| Actie | Omschrijving | Partner | Deadline | Status | Nieuwe status | Nieuwe deadline |';

describe('Markdown text from the database', () => {
  it('escapes what could become markup, on one line, and reads back to the same text', () => {
    for (const t of ['Jansen & Zn | *vet* _schuin_ [link](x) <b> `code` #1 ~~weg~~ a\\b', 'gewoon', 'Café 🚨']) {
      expect(ontsnap(inline(t))).toBe(t);
    }
    expect(inline('twee\nregels\r\n\tdrie')).toBe('twee regels drie');
    expect(inline('a|b')).toBe('a\\|b');
  });

  it('aligns a pipe table, numbers on the right', () => {
    expect(mdTabel(['Kern', 'Aantal'], [['Obdam', '3'], ['Zuid-Spierdijk', '12']], [false, true])).toEqual([
      '| Kern           | Aantal |',
      '|----------------|-------:|',
      '| Obdam          |      3 |',
      '| Zuid-Spierdijk |     12 |',
    ]);
  });
});

describe('reading a filled-in minutes file', () => {
  it('splits cells on pipes, keeps an escaped pipe, and allows the outer pipes to be left out', () => {
    expect(cellenVan('| A-2027-0001 | Bellen \\| mailen |  politie |')).toEqual(['A-2027-0001', 'Bellen | mailen', 'politie']);
    expect(cellenVan('nieuw | x | iv | 1-4-2027 | | |')).toEqual(['nieuw', 'x', 'iv', '1-4-2027', '', '']);
  });

  it('reads the marker, ticked attendance and each zaak table with its line numbers', () => {
    const tekst = [
      KOP,
      '## Aanwezig',
      '- [x] Politie',
      '- [ ] Jongerenwerk',
      '* [X] iv',
      '## 3. Nieuwe zaken',
      '| Kern | Aantal |',
      '|---|---|',
      '| Obdam | 1 |',
      '### z-2027-1 · Titel',
      '',
      TABEL,
      '|:--|--|--|--|--|--|--:|',
      '| A-2027-0001 | x | politie | 01-04-2027 | open | gereed |',
      '| nieuw | Bellen | iv | morgen |',
    ].join('\n');
    const g = leesNotulen(tekst);
    expect(g.fouten).toEqual([]);
    expect(g.kenmerk).toEqual({ soort: 'gio', datum: '2027-03-16', database: 'abc' });
    expect(g.aanwezig).toEqual([
      { regel: 3, label: 'Politie', aangevinkt: true },
      { regel: 4, label: 'Jongerenwerk', aangevinkt: false },
      { regel: 5, label: 'iv', aangevinkt: true },
    ]);
    expect(g.tabellen).toEqual([
      {
        zaak: 'z-2027-1', kopRegel: 10, regel: 12,
        rijen: [
          { regel: 14, cellen: ['A-2027-0001', 'x', 'politie', '01-04-2027', 'open', 'gereed', ''] },
          { regel: 15, cellen: ['nieuw', 'Bellen', 'iv', 'morgen', '', '', ''] },
        ],
      },
    ]);
  });

  it('names the line of every structural problem', () => {
    const tekst = [
      KOP,
      TABEL,
      '### Z-2027-001 · Titel',
      TABEL,
      '| A-2027-0001 | a | b | c | d | e | f | g |',
      '',
      TABEL,
      '### Z-2027-002',
      TABEL.replace('| Status ', ''),
      '### Z-2027-001 · nog eens',
      TABEL,
      KOP,
    ].join('\n');
    expect(leesNotulen(tekst).fouten).toEqual([
      { regel: 2, tekst: 'deze tabel staat niet onder de kop van een zaak (### Z-…); zet haar terug onder haar zaak.' },
      { regel: 5, tekst: 'deze rij heeft 8 cellen in plaats van 7; schrijf een | in een cel als \\|.' },
      { regel: 7, tekst: 'een tweede tabel bij Z-2027-001; zet alles voor deze zaak in één tabel.' },
      { regel: 9, tekst: 'de kolommen van de tabel bij Z-2027-002 zijn gewijzigd; verwacht: | Actie | Omschrijving | Partner | Deadline | Status | Nieuwe status | Nieuwe deadline |.' },
      { regel: 11, tekst: 'zaak Z-2027-001 heeft al een tabel op regel 4; zet alles voor deze zaak in één tabel.' },
      { regel: 12, tekst: 'een tweede regel <!-- kvz notulen … -->; een bestand hoort bij één overleg.' },
    ]);
  });
});
