import { describe, expect, it } from 'vitest';
import { decodeerCsv, elkeRij, herkenScheiding, leesCsv } from '../../src/documents/csv-lezen.js';
import { UsageError } from '../../src/domain/errors.js';

describe('leesCsv', () => {
  it('reads quoted fields, doubled quotes and line breaks inside quotes (RFC 4180)', () => {
    const t = leesCsv('a;b;c\r\n"x;y";"zei ""hoi""";"regel 1\r\nregel 2"\r\n');
    expect(t.rijen).toEqual([
      ['a', 'b', 'c'],
      ['x;y', 'zei "hoi"', 'regel 1\r\nregel 2'],
    ]);
  });

  it('accepts LF, CRLF and a lone CR between records, and a last record without one', () => {
    expect(leesCsv('a,b\nc,d\r\ne,f\rg,h').rijen).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('names the line on which each record starts, past line breaks in cells and empty lines', () => {
    const t = leesCsv('kop;x\n"een\ntwee\ndrie";1\n\n;;\nvier;2\n');
    expect(t.rijen).toEqual([
      ['kop', 'x'],
      ['een\ntwee\ndrie', '1'],
      ['vier', '2'],
    ]);
    expect(t.regels).toEqual([1, 2, 7]);
  });

  it('skips a byte-order mark and keeps empty cells, also a trailing one', () => {
    expect(leesCsv('\uFEFFa;b;\n;2;').rijen).toEqual([
      ['a', 'b', ''],
      ['', '2', ''],
    ]);
  });

  it('detects the separator from the header, ignoring separators inside quotes', () => {
    expect(herkenScheiding('Datum;Kern;Omschrijving\n1,2,3,4,5')).toBe(';');
    expect(herkenScheiding('"Datum; tijd",Kern,Omschrijving')).toBe(',');
    expect(leesCsv('a,b\n"1;2",3').rijen).toEqual([
      ['a', 'b'],
      ['1;2', '3'],
    ]);
  });

  it('refuses a quote that is never closed, naming the line where it opens', () => {
    expect(() => leesCsv('a;b\n1;2\n"open;3\n4;5\n')).toThrow(new UsageError('Regel 3: een veld dat met een aanhalingsteken (") begint, wordt nergens afgesloten.'));
  });

  it('refuses text after a closing quote', () => {
    expect(() => leesCsv('a;b\n"x"y;2\n')).toThrow(/Regel 2: na een afsluitend aanhalingsteken/);
  });

  it('reads an empty file as no records', () => {
    expect(leesCsv('').rijen).toEqual([]);
    expect(leesCsv('\uFEFF').rijen).toEqual([]);
  });
});

describe('decodeerCsv', () => {
  it('reads UTF-8, and falls back to Windows-1252 for files that are not UTF-8', () => {
    expect(decodeerCsv(Buffer.from('Café €', 'utf8'))).toEqual({ tekst: 'Café €', codering: 'utf-8' });
    // 'Café €' as older Dutch Excel saves it: é = E9, € = 80.
    expect(decodeerCsv(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80]))).toEqual({ tekst: 'Café €', codering: 'windows-1252' });
  });

  it('leaves a byte-order mark out of the text, also when it is part of a larger buffer', () => {
    expect(decodeerCsv(Buffer.from('\uFEFFCafé €', 'utf8'))).toEqual({ tekst: 'Café €', codering: 'utf-8' });
    const groot = Buffer.from('xx\uFEFFa;b\n', 'utf8');
    expect(decodeerCsv(groot.subarray(2))).toEqual({ tekst: 'a;b\n', codering: 'utf-8' });
    // A BOM that is not at the start stays: it is text.
    expect(decodeerCsv(Buffer.from('a\uFEFF', 'utf8')).tekst).toBe('a\uFEFF');
    // Not UTF-8 after a BOM: read as Windows-1252, without the BOM.
    expect(decodeerCsv(Buffer.from([0xef, 0xbb, 0xbf, 0x43, 0xe9]))).toEqual({ tekst: 'Cé', codering: 'windows-1252' });
  });
});

describe('elkeRij with only some cells taken', () => {
  it('hands the others on as empty, and still leaves out only records that are empty throughout', () => {
    const gezien: [string[], number][] = [];
    const alleen: { kolommen?: boolean[] } = {};
    elkeRij(
      'a;b;c\nx;"y\n""z""";w\n;"";\n;;\n;"q";\nv;;\n',
      undefined,
      (rij, regel) => {
        gezien.push([rij, regel]);
        alleen.kolommen ??= [false, true];
      },
      alleen,
    );
    expect(gezien).toEqual([
      [['a', 'b', 'c'], 1],
      [['', 'y\n"z"', ''], 2],
      [['', 'q', ''], 6],
      [['', '', ''], 7],
    ]);
  });
});

describe('leesCsv: work that grows with the file, not faster', () => {
  /** The characters String.prototype.indexOf scans while `werk` runs: the reader's searches. */
  function gescand(werk: () => void): number {
    const origineel = String.prototype.indexOf;
    let totaal = 0;
    String.prototype.indexOf = function (this: string, zoek: string, vanaf?: number) {
      const uit = origineel.call(this, zoek, vanaf);
      totaal += (uit === -1 ? this.length : uit) - (vanaf ?? 0);
      return uit;
    } as typeof String.prototype.indexOf;
    try {
      werk();
    } finally {
      String.prototype.indexOf = origineel;
    }
    return totaal;
  }

  it.each([
    ['a cell of doubled quotes', (n: number) => `kop\n"${'""'.repeat(n)}"\n`],
    ['many small quoted cells', (n: number) => `${'"a""b";'.repeat(n)}\n`],
    ['quotes, then the line ends far after', (n: number) => `"${'""'.repeat(n)}x"${';'.repeat(n)}\n`],
  ])('%s: the reader scans each character a bounded number of times', (_naam, maak) => {
    for (const n of [10_000, 40_000]) {
      const tekst = maak(n);
      const werk = gescand(() => leesCsv(tekst, ';'));
      expect(werk, `n = ${n}`).toBeLessThanOrEqual(3 * tekst.length);
    }
  });
});
