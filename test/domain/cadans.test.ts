import { describe, expect, it } from 'vitest';
import { nominaleDatums, overlegUid, type Cadans } from '../../src/domain/cadans.js';
import { plusMaanden } from '../../src/domain/tijd.js';
import { volgensCadans } from '../../src/domain/overleg.js';
import { bepaalVenster, inVenster, laatsteDag } from '../../src/domain/venster.js';
import { plusDagen } from '../../src/domain/tijd.js';

const GIO: Cadans = { soort: 'gio', start: '2027-01-05', interval_weken: 6, tijd: '10:00', locatie: 'Gemeentehuis' };

describe('the series of a cadence', () => {
  it('repeats the GIO every interval from its start, never before it', () => {
    expect(nominaleDatums('gio', GIO, '2026-06-01', '2027-06-30')).toEqual(['2027-01-05', '2027-02-16', '2027-03-30', '2027-05-11', '2027-06-22']);
    expect(nominaleDatums('gio', GIO, '2027-03-31', '2027-05-10')).toEqual([]);
    expect(nominaleDatums('gio', GIO, '2027-03-30', '2027-03-30')).toEqual(['2027-03-30']);
  });

  it('puts a tweewekelijks overleg 14 days before and after each GIO', () => {
    expect(nominaleDatums('tweewekelijks', GIO, '2026-12-01', '2027-04-30')).toEqual([
      '2026-12-22', // before the first GIO
      '2027-01-19', '2027-02-02', '2027-03-02', '2027-03-16', '2027-04-13', '2027-04-27',
    ]);
  });

  it('makes one meeting of the two tweewekelijks dates that coincide with a four-week GIO', () => {
    const vierWeken = { ...GIO, interval_weken: 4 };
    expect(nominaleDatums('tweewekelijks', vierWeken, '2027-01-01', '2027-03-31')).toEqual(['2027-01-19', '2027-02-16', '2027-03-16']);
  });

  it('at other intervals holds the tweewekelijks every 14 days after a GIO while 7 days before the next (SPEC §12)', () => {
    const na = (weken: number, tot = '2027-03-31') => nominaleDatums('tweewekelijks', { ...GIO, interval_weken: weken }, '2026-12-01', tot);
    // Eight weeks: three in between, two weeks apart, not four (GIOs 5 January and 2 March).
    expect(na(8)).toEqual(['2026-12-22', '2027-01-19', '2027-02-02', '2027-02-16', '2027-03-16', '2027-03-30']);
    // Five weeks: the second one is exactly a week before the next GIO.
    expect(na(5, '2027-02-28')).toEqual(['2026-12-22', '2027-01-19', '2027-02-02', '2027-02-23']);
    // Three weeks: one after each GIO; two weeks: none but the one before the first, never on a GIO day.
    expect(na(3, '2027-02-28')).toEqual(['2026-12-22', '2027-01-19', '2027-02-09']);
    expect(na(2, '2027-02-28')).toEqual(['2026-12-22']);
    for (const weken of [2, 3, 4, 5, 6, 7, 8, 9, 10, 12]) {
      const cadans = { ...GIO, interval_weken: weken };
      const gios = new Set(nominaleDatums('gio', cadans, '2026-12-01', '2028-12-31'));
      const twee = nominaleDatums('tweewekelijks', cadans, '2026-12-01', '2028-12-31');
      for (const d of twee) expect(gios.has(d), `${weken} weken: ${d}`).toBe(false);
      // Asked one day at a time, the same dates (isNominaal and the planner agree).
      expect(twee.every((d) => nominaleDatums('tweewekelijks', cadans, d, d).length === 1)).toBe(true);
    }
  });

  it('moves a meeting on a holiday and says why, but keeps its nominal date as identity', () => {
    const o = volgensCadans('tweewekelijks', '2027-04-27', GIO);
    expect(o).toMatchObject({ datum: '2027-04-28', status: 'gepland', verschoven_van: '2027-04-27', reden: 'Koningsdag' });
    expect(overlegUid(o.soort, o.nominale_datum, 'db-1')).toBe('tweewekelijks-2027-04-27-db-1@kvz.koggenland.nl');
  });
});

describe('the window of a meeting', () => {
  it('is half-open: from the previous meeting day up to, not including, its own day', () => {
    const v = bepaalVenster('2027-05-11', { soort: 'gio', datum: '2027-03-30' }, 42);
    expect(v).toEqual({ van: '2027-03-30', tot: '2027-05-11', vorige: { soort: 'gio', datum: '2027-03-30' } });
    expect(inVenster(v, '2027-03-29')).toBe(false);
    expect(inVenster(v, '2027-03-30')).toBe(true); // received on the previous meeting's day
    expect(inVenster(v, '2027-05-10')).toBe(true);
    expect(inVenster(v, '2027-05-11')).toBe(false); // received on the meeting's own day: next window
    expect(laatsteDag(v)).toBe('2027-05-10');
  });

  it('gives consecutive windows no shared day and no gap', () => {
    const a = bepaalVenster('2027-03-30', { soort: 'gio', datum: '2027-02-16' }, 42);
    const b = bepaalVenster('2027-05-11', { soort: 'gio', datum: '2027-03-30' }, 42);
    for (let d = '2027-02-01'; d <= '2027-05-20'; d = plusDagen(d, 1)) {
      const binnen = [a, b].filter((v) => inVenster(v, d)).length;
      expect(binnen, d).toBe(d >= '2027-02-16' && d < '2027-05-11' ? 1 : 0);
    }
  });

  it('gives the first meeting of a series a window of its usual length', () => {
    expect(bepaalVenster('2027-01-05', undefined, 42)).toEqual({ van: '2026-11-24', tot: '2027-01-05', vorige: null });
  });
});

describe('calendar months', () => {
  it('adds months and clamps the day at the end of a shorter month', () => {
    expect(plusMaanden('2027-03-16', 6)).toBe('2027-09-16');
    expect(plusMaanden('2027-08-31', 6)).toBe('2028-02-29');
    expect(plusMaanden('2027-10-31', 3)).toBe('2028-01-31');
    expect(plusMaanden('2027-01-31', -2)).toBe('2026-11-30');
  });
});
