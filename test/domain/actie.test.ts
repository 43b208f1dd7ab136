import { describe, expect, it } from 'vitest';
import { isTeLaat, isUitstel, pasWijzigingToe } from '../../src/domain/actie.js';

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
