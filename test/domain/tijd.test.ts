import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/domain/errors.js';
import {
  dagVan,
  datumLang,
  instantVan,
  isDatum,
  parseDatum,
  parseTijdstip,
  plusDagen,
  tijdstipKort,
} from '../../src/domain/tijd.js';

describe('the Amsterdam calendar', () => {
  it('gives the Amsterdam date of an instant, not the UTC or local one', () => {
    expect(dagVan(new Date('2027-03-15T23:30:00Z'))).toBe('2027-03-16'); // 00:30 CET
    expect(dagVan(new Date('2027-03-15T22:59:00Z'))).toBe('2027-03-15'); // 23:59 CET
    expect(dagVan(new Date('2027-07-01T22:30:00Z'))).toBe('2027-07-02'); // 00:30 CEST
    expect(dagVan(new Date('2027-07-01T21:59:00Z'))).toBe('2027-07-01');
  });

  it('agrees with the time-zone database on every hour of 1996–2040', () => {
    const intl = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    const alsIntl = (d: Date) => intl.format(d).replace(',', '');
    for (let t = Date.UTC(1996, 0, 1); t < Date.UTC(2041, 0, 1); t += 3_600_000 * 7 + 60_000 * 13) {
      const d = new Date(t);
      expect(`${dagVan(d)} ${tijdstipKort(d).slice(11)}`).toBe(alsIntl(d));
    }
    // Exactly at the switches.
    for (const iso of ['2027-03-28T00:59:59Z', '2027-03-28T01:00:00Z', '2027-10-31T00:59:59Z', '2027-10-31T01:00:00Z']) {
      expect(`${dagVan(new Date(iso))} ${tijdstipKort(new Date(iso)).slice(11)}`).toBe(alsIntl(new Date(iso)));
    }
  });

  it('turns Amsterdam wall-clock time into the right instant, in winter and in summer', () => {
    expect(instantVan('2027-03-16', '09:30').toISOString()).toBe('2027-03-16T08:30:00.000Z');
    expect(instantVan('2027-07-16', '09:30').toISOString()).toBe('2027-07-16T07:30:00.000Z');
    expect(instantVan('2027-03-28', '00:00').toISOString()).toBe('2027-03-27T23:00:00.000Z'); // DST starts that night
    expect(instantVan('2027-10-31', '12:00').toISOString()).toBe('2027-10-31T11:00:00.000Z'); // DST ended
    // 02:30 does not exist on 28 March 2027: read with the winter offset, it is 03:30 summer time.
    expect(instantVan('2027-03-28', '02:30').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(tijdstipKort(instantVan('2027-03-28', '02:30'))).toBe('28-03-2027 03:30');
    // 02:30 happens twice on 31 October 2027: the first time (summer time).
    expect(instantVan('2027-10-31', '02:30').toISOString()).toBe('2027-10-31T00:30:00.000Z');
  });

  it('writes dates the Dutch way', () => {
    expect(datumLang('2027-03-16')).toBe('dinsdag 16 maart 2027');
    expect(tijdstipKort(new Date('2027-03-16T08:30:00Z'))).toBe('16-03-2027 09:30');
  });

  it('shifts calendar dates across month, year and DST boundaries', () => {
    expect(plusDagen('2027-03-27', 1)).toBe('2027-03-28');
    expect(plusDagen('2027-03-28', 1)).toBe('2027-03-29');
    expect(plusDagen('2027-12-31', 1)).toBe('2028-01-01');
    expect(plusDagen('2028-03-01', -1)).toBe('2028-02-29');
  });
});

describe('dates typed by people', () => {
  const vandaag = '2027-03-16';
  it('accepts ISO, Dutch order and the words vandaag, gisteren, morgen', () => {
    expect(parseDatum('2027-03-20', '--deadline', vandaag)).toBe('2027-03-20');
    expect(parseDatum('20-03-2027', '--deadline', vandaag)).toBe('2027-03-20');
    expect(parseDatum('1-4-2027', '--deadline', vandaag)).toBe('2027-04-01');
    expect(parseDatum('vandaag', '--deadline', vandaag)).toBe('2027-03-16');
    expect(parseDatum('Gisteren', '--deadline', vandaag)).toBe('2027-03-15');
    expect(parseDatum('morgen', '--deadline', vandaag)).toBe('2027-03-17');
  });

  it('refuses impossible dates and names the field', () => {
    for (const fout of ['2027-02-30', '31-04-2027', '2027-13-01', '2027-00-10', '29-02-2027', 'volgende week', '', '16/03/2027']) {
      expect(() => parseDatum(fout, '--deadline', vandaag)).toThrow(UsageError);
    }
    expect(() => parseDatum('2027-02-30', '--deadline', vandaag)).toThrow(/--deadline: '2027-02-30' bestaat niet/);
    expect(isDatum('2028-02-29')).toBe(true);
    expect(isDatum('2027-02-29')).toBe(false);
  });

  it('reads a moment in Amsterdam time, with or without a time of day', () => {
    const nu = new Date('2027-03-16T10:00:00Z');
    expect(parseTijdstip('15-03-2027 23:30', '--ontvangen', nu).toISOString()).toBe('2027-03-15T22:30:00.000Z');
    expect(parseTijdstip('2027-03-15T08:05', '--ontvangen', nu).toISOString()).toBe('2027-03-15T07:05:00.000Z');
    expect(parseTijdstip('vandaag', '--ontvangen', nu)).toBe(nu);
    expect(parseTijdstip('gisteren 14:00', '--ontvangen', nu).toISOString()).toBe('2027-03-15T13:00:00.000Z');
    expect(parseTijdstip('2027-03-10', '--ontvangen', nu).toISOString()).toBe('2027-03-10T11:00:00.000Z'); // 12:00
    expect(() => parseTijdstip('2027-03-15 24:00', '--ontvangen', nu)).toThrow(/tijd die niet bestaat/);
    expect(() => parseDatum('2027-03-15 10:00', '--deadline', '2027-03-16')).toThrow(/geen tijd/);
  });
});
