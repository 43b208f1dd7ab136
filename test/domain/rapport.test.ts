import { describe, expect, it } from 'vitest';
import { duurTekst, leesPeriode, maandenVan, maandLabel, mediaan, telDoorzetting, vorigePeriode } from '../../src/domain/rapport.js';

describe('the report period', () => {
  it('defaults to twelve calendar months up to and including today', () => {
    const p = leesPeriode(undefined, undefined, '2027-03-16');
    expect(p).toEqual({ van: '2026-04-01', tot: '2027-03-16' });
    expect(maandenVan(p)).toHaveLength(12);
    expect(maandenVan(p)[0]).toBe('2026-04');
    expect(maandLabel('2027-03')).toBe('mrt 2027');
  });

  it('takes --van and --tot in any accepted form and refuses them reversed', () => {
    expect(leesPeriode('01-01-2027', '2027-01-31', '2027-03-16')).toEqual({ van: '2027-01-01', tot: '2027-01-31' });
    expect(leesPeriode(undefined, '2027-01-15', '2027-03-16').van).toBe('2026-02-01');
    expect(() => leesPeriode('2027-02-01', '2027-01-01', '2027-03-16')).toThrow('--van ligt na --tot');
    expect(() => leesPeriode('2027-02-30', undefined, '2027-03-16')).toThrow("'2027-02-30' bestaat niet");
  });

  it('compares with the period of the same length just before', () => {
    expect(vorigePeriode({ van: '2027-01-01', tot: '2027-01-31' })).toEqual({ van: '2026-12-01', tot: '2026-12-31' });
  });
});

describe('figures', () => {
  it('takes the median of odd and even counts', () => {
    expect(mediaan([])).toBeNull();
    expect(mediaan([5, 1, 3])).toBe(3);
    expect(mediaan([4, 1, 3, 2])).toBe(2.5);
  });

  it('reads durations as people say them', () => {
    expect(duurTekst(45)).toBe('45 min');
    expect(duurTekst(135)).toBe('2 u 15 min');
    expect(duurTekst(120)).toBe('2 u');
    expect(duurTekst(3 * 1440 + 240)).toBe('3 d 4 u');
    expect(duurTekst(null)).toBe('—');
  });

  it('counts same-day forwarding and leaves meldingen of today that are not forwarded yet out of the share', () => {
    const t = telDoorzetting(
      [
        { maand: '2027-03', categorie: 'overig', ontvangen_dag: '2027-03-10', eerste_dag: '2027-03-10', minuten: 30, onbekend: 0, urgent: 0 },
        { maand: '2027-03', categorie: 'overig', ontvangen_dag: '2027-03-10', eerste_dag: '2027-03-11', minuten: 1500, onbekend: 0, urgent: 0 },
        { maand: '2027-03', categorie: 'overig', ontvangen_dag: '2027-03-12', eerste_dag: null, minuten: null, onbekend: 0, urgent: 0 },
        { maand: '2027-03', categorie: 'overig', ontvangen_dag: '2027-03-16', eerste_dag: null, minuten: null, onbekend: 0, urgent: 0 },
        // Forwarded at a moment nobody knows (#15 item 4): neither in time nor late, outside the share.
        { maand: '2027-03', categorie: 'overig', ontvangen_dag: '2027-03-01', eerste_dag: null, minuten: null, onbekend: 1, urgent: 0 },
      ],
      '2027-03-16',
    );
    expect(t).toEqual({
      totaal: 5,
      zelfde_dag: 1,
      later: 1,
      niet_doorgezet: 1,
      vandaag_nog: 1,
      tijd_onbekend: 1,
      aandeel_zelfde_dag: 1 / 3,
      mediaan_minuten: 765,
    });
  });
});
