import { describe, expect, it } from 'vitest';
import { tijdstipWaarde } from '../../src/documents/xlsx.js';
import { tijdstipKort } from '../../src/domain/tijd.js';

describe('timestamps in a workbook', () => {
  it('are Amsterdam wall-clock times on both sides of every switch to and from summer time', () => {
    for (const rond of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2027-03-28T01:00:00Z', '2027-10-31T01:00:00Z', '2028-03-26T01:00:00Z']) {
      for (let min = -180; min <= 180; min += 15) {
        const instant = new Date(new Date(rond).getTime() + min * 60_000);
        const w = tijdstipWaarde(instant.toISOString()).toISOString();
        // dd-mm-jjjj uu:mm, as the rest of kvz shows the same instant in Amsterdam.
        const zoals = `${w.slice(8, 10)}-${w.slice(5, 7)}-${w.slice(0, 4)} ${w.slice(11, 16)}`;
        expect(zoals, instant.toISOString()).toBe(tijdstipKort(instant));
      }
    }
  });
});
