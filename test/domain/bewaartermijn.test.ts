import { describe, expect, it } from 'vitest';
import { bewaarGrens, isVerlopen, leesBewaartermijn, minMaanden } from '../../src/domain/bewaartermijn.js';
import { UsageError } from '../../src/domain/errors.js';
import { plusDagen } from '../../src/domain/tijd.js';

describe('the retention term in calendar months', () => {
  it('counts back calendar months, keeping the day where the month has it', () => {
    expect(minMaanden('2027-03-16', 24)).toBe('2025-03-16');
    expect(minMaanden('2027-03-31', 1)).toBe('2027-02-28');
    expect(minMaanden('2028-03-31', 1)).toBe('2028-02-29');
    expect(minMaanden('2027-01-15', 1)).toBe('2026-12-15');
    expect(minMaanden('2027-01-15', 0)).toBe('2027-01-15');
  });

  it('makes a melding due exactly when the term has run from its closing day, on every day of four years', () => {
    const fout: string[] = [];
    for (const maanden of [0, 1, 6, 24]) {
      for (let vandaag = '2027-01-01'; vandaag <= '2030-12-31'; vandaag = plusDagen(vandaag, 1)) {
        const grens = bewaarGrens(vandaag, maanden);
        // The boundary: the grens itself is due, the day after is not.
        if (!isVerlopen(grens, vandaag, maanden) || isVerlopen(plusDagen(grens, 1), vandaag, maanden)) fout.push(`${vandaag} −${maanden}: ${grens}`);
      }
    }
    expect(fout).toEqual([]);
  });

  it('lets the term run from the closing day forward at the end of a month', () => {
    // Closed on 31 January: one month later is 28 February.
    expect(bewaarGrens('2027-02-28', 1)).toBe('2027-01-31');
    expect(bewaarGrens('2027-02-27', 1)).toBe('2027-01-27');
  });

  it('reads --bewaartermijn as whole months from 0, default 24', () => {
    expect(leesBewaartermijn(undefined)).toBe(24);
    expect(leesBewaartermijn('0')).toBe(0);
    expect(leesBewaartermijn(' 36 ')).toBe(36);
    for (const fout of ['', 'twee', '-1', '1.5', '1e3', '1201', '2027-03-16', '0x10']) {
      expect(() => leesBewaartermijn(fout), fout).toThrow(UsageError);
    }
  });
});
