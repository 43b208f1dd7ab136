import { describe, expect, it } from 'vitest';
import { gioPlek, trend } from '../../src/domain/agenda.js';

describe('where an open zaak goes on the GIO agenda', () => {
  const venster = { van: '2027-03-02', tot: '2027-04-13' };
  const zaak = (geopend_dag: string, ...statussen: ('open' | 'loopt' | 'gereed' | 'vervallen')[]) => ({
    geopend_dag,
    heeft_acties: statussen.length > 0,
    acties: statussen.map((status) => ({ status })),
  });

  it('is new when opened in the window (its first day included, the meeting day not) or without any actie', () => {
    expect(gioPlek(zaak('2027-03-02', 'open'), venster)).toBe('nieuw');
    expect(gioPlek(zaak('2027-04-12', 'gereed'), venster)).toBe('nieuw');
    expect(gioPlek(zaak('2026-01-01'), venster)).toBe('nieuw');
    expect(gioPlek(zaak('2027-04-13', 'open'), venster)).toBe('lopend');
  });

  it('is ready to close when every actie is gereed or vervallen, else running', () => {
    expect(gioPlek(zaak('2027-01-01', 'gereed', 'vervallen'), venster)).toBe('klaar');
    expect(gioPlek(zaak('2027-01-01', 'gereed', 'loopt'), venster)).toBe('lopend');
    // Finished long ago: not in the list the agenda shows, but the zaak has acties.
    expect(gioPlek({ geopend_dag: '2027-01-01', heeft_acties: true, acties: [] }, venster)).toBe('klaar');
  });
});

describe('a trend', () => {
  it('compares each key of either window, most first', () => {
    expect(trend(new Map([['Obdam', 2], ['Ursem', 5]]), new Map([['Obdam', 4], ['Avenhorn', 1]]))).toEqual([
      { sleutel: 'Ursem', aantal: 5, vorige_periode: 0 },
      { sleutel: 'Obdam', aantal: 2, vorige_periode: 4 },
      { sleutel: 'Avenhorn', aantal: 0, vorige_periode: 1 },
    ]);
  });
});
