import { describe, expect, it } from 'vitest';
import { isTeLaat, isUitstel, pasWijzigingToe } from '../../src/domain/actie.js';
import { UsageError } from '../../src/domain/errors.js';
import { overlegLabel, parseOverlegVerwijzing } from '../../src/domain/overleg-ref.js';

describe('isTeLaat', () => {
  it('is late only when the deadline is before today and the actie is still open or running', () => {
    expect(isTeLaat('2027-03-15', 'open', '2027-03-16')).toBe(true);
    expect(isTeLaat('2027-03-15', 'loopt', '2027-03-16')).toBe(true);
    // The deadline day itself is still in time.
    expect(isTeLaat('2027-03-16', 'open', '2027-03-16')).toBe(false);
    expect(isTeLaat('2027-03-15', 'gereed', '2027-03-16')).toBe(false);
    expect(isTeLaat('2027-03-15', 'vervallen', '2027-03-16')).toBe(false);
  });

  it('compares calendar dates across months and years', () => {
    expect(isTeLaat('2026-12-31', 'open', '2027-01-01')).toBe(true);
    expect(isTeLaat('2027-10-01', 'open', '2027-09-30')).toBe(false);
  });
});

describe('postponement', () => {
  it('counts only a deadline that moves later', () => {
    expect(isUitstel('2027-03-16', '2027-03-30')).toBe(true);
    expect(isUitstel('2027-03-16', '2027-03-10')).toBe(false);
    expect(isUitstel('2027-03-16', '2027-03-16')).toBe(false);
  });

  it('reports the fields that really change, and whether the change postpones', () => {
    const oud = { status: 'open', deadline: '2027-03-16', partner: 'politie' } as const;
    expect(pasWijzigingToe(oud, { status: 'open', deadline: '2027-03-16' })).toEqual({ nieuw: oud, gewijzigd: [], uitgesteld: false });
    expect(pasWijzigingToe(oud, { status: 'loopt', deadline: '2027-04-01', partner: 'zorgteam' })).toEqual({
      nieuw: { status: 'loopt', deadline: '2027-04-01', partner: 'zorgteam' },
      gewijzigd: ['status', 'deadline', 'partner'],
      uitgesteld: true,
    });
    expect(pasWijzigingToe(oud, { deadline: '2027-03-01' }).uitgesteld).toBe(false);
  });
});

describe('--overleg soort:datum', () => {
  it('accepts every soort and every date format', () => {
    expect(parseOverlegVerwijzing('gio:16-03-2027', '--overleg', '2027-03-20')).toEqual({ soort: 'gio', datum: '2027-03-16' });
    expect(parseOverlegVerwijzing('Politie:2027-03-16', '--overleg', '2027-03-20')).toEqual({ soort: 'politie', datum: '2027-03-16' });
    expect(parseOverlegVerwijzing('tweewekelijks:gisteren', '--overleg', '2027-03-20')).toEqual({ soort: 'tweewekelijks', datum: '2027-03-19' });
  });

  it.each([
    ['gio', 'Verwacht soort:datum'],
    ['gi0:16-03-2027', "Bedoelde u 'gio'?"],
    ['gio:30-02-2027', 'bestaat niet'],
    ['gio:16-03-2027 10:00', 'mag hier geen tijd bevatten'],
  ])('refuses %j with a usage error naming the flag', (invoer, bericht) => {
    expect(() => parseOverlegVerwijzing(invoer, '--overleg', '2027-03-20')).toThrow(UsageError);
    expect(() => parseOverlegVerwijzing(invoer, '--overleg', '2027-03-20')).toThrow(bericht);
  });

  it('reads back as the meeting and its date', () => {
    expect(overlegLabel({ soort: 'gio', datum: '2027-03-16' })).toBe('GIO 16-03-2027');
    expect(overlegLabel({ soort: 'politie', datum: '2027-03-16' })).toBe('politieoverleg 16-03-2027');
  });
});
