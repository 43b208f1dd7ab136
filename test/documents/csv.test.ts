import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvKop, csvRegels, isGeneutraliseerd, jaNeeCel, neutraliseer, tijdstipCel, datumCel, type Cel } from '../../src/documents/csv.js';
import { leesCsv } from '../../src/documents/csv-lezen.js';
import { tijdstipKort } from '../../src/domain/tijd.js';

describe('neutraliseer', () => {
  it.each(['=1+1', '+31 6 1234', '-5', '@SUM(A1)', '\tx', '\rx', '＝1', '＋1', '－1', '＠x'])('puts an apostrophe before %j', (cel) => {
    expect(neutraliseer(cel)).toBe(`'${cel}`);
    expect(isGeneutraliseerd(neutraliseer(cel))).toBe(true);
  });

  it.each(['', 'Obdam', "'al tekst", ' =spatie eerst', '1-2'])('leaves %j alone', (cel) => {
    expect(neutraliseer(cel)).toBe(cel);
    expect(isGeneutraliseerd(cel)).toBe(false);
  });
});

/** What csv-stringify itself makes of the rows, with the settings the SPEC asks for. */
function referentie(rijen: Cel[][], scheiding: string): string {
  return stringify(rijen, {
    delimiter: scheiding,
    record_delimiter: '\r\n',
    quote_record_delimiter: true,
    eof: true,
    cast: { string: (w: string) => neutraliseer(w) },
  });
}

const LASTIGE_CELLEN: Cel[] = [
  'gewoon', '', null, undefined, 0, -3, 2.5, 'a;b', 'a,b', 'zei "hallo"', 'regel 1\nregel 2', 'cr\ralleen', 'crlf\r\nin cel',
  '=SOM(A1:A3)', '-min', '+plus', '@at', '\ttab', '\rcr', 'é ü ß 😀', '\uE000 privé', '"', ';', ',', '\n', ' ',
];

function willekeurig(zaad: number): () => number {
  let s = zaad;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

describe('csvRegels', () => {
  it.each([
    ['excel', ';'],
    ['csv', ','],
  ] as const)('gives the same bytes as csv-stringify for every kind of cell (%s)', (formaat, scheiding) => {
    const r = willekeurig(7);
    const rijen: Cel[][] = [];
    for (let i = 0; i < 2000; i++) {
      const breedte = 1 + Math.floor(r() * 6);
      // Mostly plain rows, as in real exports, with awkward cells mixed in.
      rijen.push(Array.from({ length: breedte }, () => (r() < 0.8 ? `tekst ${Math.floor(r() * 100)}` : LASTIGE_CELLEN[Math.floor(r() * LASTIGE_CELLEN.length)])));
    }
    expect(csvRegels(rijen, formaat)).toBe(referentie(rijen, scheiding));
  });

  it('quotes a cell with a bare line feed even though records end in CRLF (adaltas/node-csv #467)', () => {
    expect(csvRegels([['a\nb', 'c']], 'excel')).toBe('"a\nb";c\r\n');
  });

  it('keeps a line feed in a cell a line feed, and ends every record in CRLF', () => {
    const tekst = csvRegels([['een\ntwee'], ['drie']], 'csv');
    expect(tekst).toBe('"een\ntwee"\r\ndrie\r\n');
    expect(leesCsv(tekst).rijen).toEqual([['een\ntwee'], ['drie']]);
  });

  it('still gives the right bytes when a cell holds the private-use character used for line breaks', () => {
    const rijen: Cel[][] = [['x\uE000y\nz', 'a'], ['b\nc', '=d']];
    expect(csvRegels(rijen, 'excel')).toBe(referentie(rijen, ';'));
    expect(leesCsv(csvRegels(rijen, 'excel'), ';').rijen).toEqual([['x\uE000y\nz', 'a'], ['b\nc', "'=d"]]);
  });
});

describe('csvKop', () => {
  it('starts an excel file with the byte-order mark, a csv file without', () => {
    expect(csvKop(['Nummer', 'Kern'], 'excel')).toBe('\uFEFFNummer;Kern\r\n');
    expect(csvKop(['Nummer', 'Kern'], 'csv')).toBe('Nummer,Kern\r\n');
  });
});

describe('cells for dates and yes/no', () => {
  it('writes the Amsterdam wall clock: Dutch order for excel, ISO order for csv', () => {
    // 08:30 UTC in March is 09:30 in Amsterdam (winter time); in July 10:30 (summer time).
    expect(tijdstipCel('2027-03-16T08:30:00.000Z', 'excel')).toBe('16-03-2027 09:30');
    expect(tijdstipCel('2027-07-16T08:30:00.000Z', 'csv')).toBe('2027-07-16 10:30');
    expect(tijdstipCel(null, 'excel')).toBe('');
    expect(datumCel('2027-03-16', 'excel')).toBe('16-03-2027');
    expect(datumCel('2027-03-16', 'csv')).toBe('2027-03-16');
    expect([jaNeeCel(1), jaNeeCel(false)]).toEqual(['ja', 'nee']);
  });

  it('agrees with the Amsterdam clock of domain/tijd.ts on every quarter hour of two years, clock changes included', () => {
    const verschillen: string[] = [];
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 15 * 60_000) {
      const iso = new Date(ms).toISOString();
      const kort = tijdstipKort(new Date(ms));
      const isoVolgorde = `${kort.slice(6, 10)}-${kort.slice(3, 5)}-${kort.slice(0, 2)}${kort.slice(10)}`;
      if (tijdstipCel(iso, 'excel') !== kort || tijdstipCel(iso, 'csv') !== isoVolgorde) verschillen.push(iso);
    }
    expect(verschillen).toEqual([]);
  });
});
