import { describe, expect, it } from 'vitest';
import { eersteWerkdag, feestdag, feestdagen, pasen } from '../../src/domain/feestdagen.js';

describe('Easter by the computus', () => {
  it('matches the published dates, including the earliest and latest possible', () => {
    const bekend: Record<number, string> = {
      1943: '1943-04-25', // the latest possible date
      2000: '2000-04-23',
      2008: '2008-03-23',
      2011: '2011-04-24',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2028: '2028-04-16',
      2029: '2029-04-01',
      2030: '2030-04-21',
      2035: '2035-03-25',
      2038: '2038-04-25',
      2160: '2160-03-23',
    };
    for (const [jaar, datum] of Object.entries(bekend)) expect(pasen(Number(jaar)), jaar).toBe(datum);
  });
});

describe('Dutch public holidays', () => {
  it('lists every holiday of an ordinary year, derived from Easter where they move', () => {
    expect([...feestdagen(2027)]).toEqual([
      ['2027-01-01', 'Nieuwjaarsdag'],
      ['2027-03-29', 'Tweede Paasdag'],
      ['2027-04-27', 'Koningsdag'],
      ['2027-05-06', 'Hemelvaartsdag'],
      ['2027-05-17', 'Tweede Pinksterdag'],
      ['2027-12-25', 'Eerste Kerstdag'],
      ['2027-12-26', 'Tweede Kerstdag'],
    ]);
    expect(feestdag('2028-04-17')).toBe('Tweede Paasdag');
    expect(feestdag('2028-05-25')).toBe('Hemelvaartsdag');
    expect(feestdag('2028-06-05')).toBe('Tweede Pinksterdag');
    expect(feestdag('2027-03-28')).toBeUndefined(); // Eerste Paasdag: a Sunday anyway
  });

  it('keeps Koningsdag on 26 April when the 27th is a Sunday', () => {
    expect(feestdag('2025-04-26')).toBe('Koningsdag');
    expect(feestdag('2025-04-27')).toBeUndefined();
    expect(feestdag('2031-04-26')).toBe('Koningsdag');
    expect(feestdag('2031-04-27')).toBeUndefined();
    expect(feestdag('2026-04-27')).toBe('Koningsdag');
    expect(feestdag('2026-04-26')).toBeUndefined();
  });

  it('has Bevrijdingsdag only in lustrum years', () => {
    expect(feestdag('2025-05-05')).toBe('Bevrijdingsdag');
    expect(feestdag('2030-05-05')).toBe('Bevrijdingsdag');
    expect(feestdag('2026-05-05')).toBeUndefined();
    expect(feestdag('2027-05-05')).toBeUndefined();
    // 2005: Hemelvaartsdag fell on Bevrijdingsdag itself.
    expect(feestdag('2005-05-05')).toBe('Hemelvaartsdag en Bevrijdingsdag');
  });
});

describe('moving a meeting to the next working day', () => {
  const gevallen: [string, string, string | undefined][] = [
    ['2027-03-16', '2027-03-16', undefined], // an ordinary Tuesday stays
    ['2027-04-27', '2027-04-28', 'Koningsdag'], // Koningsdag on a Tuesday
    ['2031-04-26', '2031-04-28', 'Koningsdag'], // Koningsdag on Saturday 26 April (27th a Sunday)
    ['2031-04-27', '2031-04-28', 'zondag'], // the 27th is then no holiday, just a Sunday
    ['2027-03-29', '2027-03-30', 'Tweede Paasdag'],
    ['2028-05-25', '2028-05-26', 'Hemelvaartsdag'],
    ['2027-05-17', '2027-05-18', 'Tweede Pinksterdag'],
    ['2025-05-05', '2025-05-06', 'Bevrijdingsdag'], // lustrum: a Monday off
    ['2026-05-05', '2026-05-05', undefined], // not a lustrum year: a working Tuesday
    ['2029-12-25', '2029-12-27', 'Eerste Kerstdag'], // Tuesday Christmas: past Tweede Kerstdag too
    ['2026-12-25', '2026-12-28', 'Eerste Kerstdag'], // Friday Christmas: past the weekend
    ['2030-01-01', '2030-01-02', 'Nieuwjaarsdag'],
    ['2027-03-20', '2027-03-22', 'zaterdag'],
    ['2027-03-21', '2027-03-22', 'zondag'],
  ];
  it.each(gevallen)('%s goes to %s (%s)', (nominaal, datum, reden) => {
    expect(eersteWerkdag(nominaal)).toEqual(reden === undefined ? { datum } : { datum, reden });
  });
});
