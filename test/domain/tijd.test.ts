import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/domain/errors.js';
import { datumLang } from '../../src/domain/datum-nl.js';
import {
  dagenTussen,
  dagVan,
  instantVan,
  isDatum,
  parseDatum,
  parseTijdstip,
  plusDagen,
  plusMaanden,
  tijdstipKort,
  VOORUIT,
  weekdag,
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
    expect(plusDagen('2026-10-24', 1)).toBe('2026-10-25');
    expect(plusDagen('2026-10-25', 1)).toBe('2026-10-26');
    expect(dagenTussen('2027-03-27', '2027-03-29')).toBe(2);
    expect(dagenTussen('2026-10-26', '2026-10-24')).toBe(-2);
    expect(dagenTussen('2027-12-31', '2028-03-01')).toBe(61);
    expect(plusMaanden('2028-01-31', 1)).toBe('2028-02-29');
    expect(plusMaanden('2027-01-31', 1)).toBe('2027-02-28');
    expect(plusMaanden('2027-12-15', -12)).toBe('2026-12-15');
    expect(weekdag('2027-03-28')).toBe(0); // the Sunday of the change to summer time
    expect(weekdag('2026-10-25')).toBe(0);
  });

  it('writes long dates around year ends, leap days and clock changes', () => {
    expect(datumLang('2026-12-31')).toBe('donderdag 31 december 2026');
    expect(datumLang('2027-01-01')).toBe('vrijdag 1 januari 2027');
    expect(datumLang('2028-02-29')).toBe('dinsdag 29 februari 2028');
    expect(datumLang('2027-03-28')).toBe('zondag 28 maart 2027');
    expect(datumLang('2026-10-25')).toBe('zondag 25 oktober 2026');
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
    // The new forms take a time too, and the change to summer time is honoured.
    expect(parseTijdstip('gisteren 09:00', '--ontvangen', new Date('2027-03-29T10:00:00Z')).toISOString()).toBe('2027-03-28T07:00:00.000Z');
    expect(parseTijdstip('zondag 01:30', '--ontvangen', new Date('2027-03-24T10:00:00Z')).toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(parseTijdstip('+2d 12:00', '--op', new Date('2026-10-23T10:00:00Z')).toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });
});

describe('the dates people type at the desk and in meetings (#18)', () => {
  const veld = '--deadline';
  it('reads a day and month without a year as this year, or next year for a date ahead that has passed', () => {
    expect(parseDatum('30-6', veld, '2027-03-16')).toBe('2027-06-30');
    expect(parseDatum('30-06', veld, '2027-03-16')).toBe('2027-06-30');
    expect(parseDatum('1-3', veld, '2027-03-16')).toBe('2027-03-01');
    expect(parseDatum('1-3', veld, '2027-03-16', VOORUIT)).toBe('2028-03-01');
    expect(parseDatum('16-3', veld, '2027-03-16', VOORUIT)).toBe('2027-03-16'); // today is not past
    expect(parseDatum('15-3', veld, '2027-03-16', VOORUIT)).toBe('2028-03-15');
    // Year end: on 31 December, 2-1 ahead is in January.
    expect(parseDatum('2-1', veld, '2026-12-31', VOORUIT)).toBe('2027-01-02');
    expect(parseDatum('2-1', veld, '2026-12-31')).toBe('2026-01-02');
    expect(parseDatum('31-12', veld, '2026-12-31', VOORUIT)).toBe('2026-12-31');
  });

  it('finds the next 29 February for a date ahead, and refuses it in a year without one', () => {
    expect(parseDatum('29-2', veld, '2028-01-10')).toBe('2028-02-29');
    expect(parseDatum('29-2', veld, '2027-03-16', VOORUIT)).toBe('2028-02-29');
    expect(parseDatum('29-2', veld, '2028-03-01', VOORUIT)).toBe('2032-02-29');
    expect(() => parseDatum('29-2', veld, '2027-01-10')).toThrow(/'29-2' bestaat niet in 2027/);
    expect(() => parseDatum('30-2', veld, '2027-01-10', VOORUIT)).toThrow(/'30-2' bestaat niet/);
    expect(() => parseDatum('31-4', veld, '2027-01-10')).toThrow(/bestaat niet/);
  });

  it('reads a weekday as the first such day after today, a week ahead on that day itself', () => {
    // 2027-03-16 is a Tuesday.
    expect(parseDatum('vrijdag', veld, '2027-03-16')).toBe('2027-03-19');
    expect(parseDatum('Vr', veld, '2027-03-16')).toBe('2027-03-19');
    expect(parseDatum('dinsdag', veld, '2027-03-16')).toBe('2027-03-23');
    expect(parseDatum('maandag', veld, '2027-03-16')).toBe('2027-03-22');
    expect(parseDatum('zondag', veld, '2027-03-16')).toBe('2027-03-21');
    // Across a year end and across the change to summer time (Sunday 28 March 2027).
    expect(parseDatum('maandag', veld, '2026-12-31')).toBe('2027-01-04');
    expect(parseDatum('zondag', veld, '2027-03-22')).toBe('2027-03-28');
    expect(parseDatum('maandag', veld, '2027-03-27')).toBe('2027-03-29');
    expect(parseDatum('maandag', veld, '2026-10-24')).toBe('2026-10-26');
  });

  it('reads over N dagen/weken and +Nd/+Nw from today', () => {
    expect(parseDatum('over 2 weken', veld, '2027-03-16')).toBe('2027-03-30');
    expect(parseDatum('over 1 week', veld, '2027-12-25')).toBe('2028-01-01');
    expect(parseDatum('over 3 dagen', veld, '2028-02-27')).toBe('2028-03-01');
    expect(parseDatum('over 1 dag', veld, '2027-02-28')).toBe('2027-03-01');
    expect(parseDatum('+2w', veld, '2027-03-20')).toBe('2027-04-03');
    expect(parseDatum('+3d', veld, '2026-12-30')).toBe('2027-01-02');
    expect(parseDatum('+ 3 d', veld, '2026-12-30')).toBe('2027-01-02');
    expect(parseDatum('Over  2  Weken', veld, '2027-03-16')).toBe('2027-03-30');
  });

  it('reads volgend-gio and its kind only where a deadline is asked, from the dates given', () => {
    const volgend = { gio: '2027-04-27', politie: '2027-05-11', tweewekelijks: undefined };
    expect(parseDatum('volgend-gio', veld, '2027-03-16', { toekomst: true, volgend })).toBe('2027-04-27');
    expect(parseDatum('Volgende politie', veld, '2027-03-16', { toekomst: true, volgend })).toBe('2027-05-11');
    expect(() => parseDatum('volgend-tweewekelijks', veld, '2027-03-16', { volgend })).toThrow(/er is geen tweewekelijks overleg gepland/);
    expect(() => parseDatum('volgend-gio', '--van', '2027-03-16')).toThrow(/--van: 'volgend-gio' kan alleen bij een deadline/);
  });

  it('refuses what it cannot read with every form it accepts', () => {
    for (const fout of ['30-6-27', 'volgende week', 'vrijdagmiddag', 'over twee weken', '+2m', '32-1', '0-5', 'over -1 dagen', 'constructor', 'toString']) {
      expect(() => parseDatum(fout, veld, '2027-03-16'), fout).toThrow(UsageError);
    }
    expect(() => parseDatum('30-6-27', veld, '2027-03-16')).toThrow(/jaar van twee cijfers/);
    const bericht = (() => {
      try {
        parseDatum('volgende week', veld, '2027-03-16', { toekomst: true, volgend: {} });
      } catch (e) {
        return (e as Error).message;
      }
    })();
    for (const vorm of ['16-03-2027', '2027-03-16', '16-3', 'vandaag', 'vrijdag', 'over 2 weken', '+2w', 'volgend-gio']) expect(bericht).toContain(vorm);
  });
});
