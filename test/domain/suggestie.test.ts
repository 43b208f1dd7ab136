import { describe, expect, it } from 'vitest';
import { kies } from '../../src/domain/keuze.js';
import { dichtstbij, vindExact } from '../../src/domain/suggestie.js';

const KERNEN = ['Avenhorn', 'De Goorn', 'Obdam', 'Spierdijk', 'Zuid-Spierdijk', 'Ursem'];

describe('choosing from a list', () => {
  it('matches regardless of case, spacing and dashes', () => {
    expect(vindExact('spierdijk', KERNEN)).toBe('Spierdijk');
    expect(vindExact('  de   goorn ', KERNEN)).toBe('De Goorn');
    expect(vindExact('zuid spierdijk', KERNEN)).toBe('Zuid-Spierdijk');
    expect(vindExact('degoorn', KERNEN)).toBe('De Goorn');
  });

  it('suggests the nearest value for typos and abbreviations, and nothing for nonsense', () => {
    expect(dichtstbij('Spierdyk', KERNEN)).toBe('Spierdijk');
    expect(dichtstbij('Obdm', KERNEN)).toBe('Obdam');
    expect(dichtstbij('aven', KERNEN)).toBe('Avenhorn');
    expect(dichtstbij('Amsterdam', KERNEN)).toBeUndefined();
  });

  it('accepts an alias (a partner by its full name) and names the field when wrong', () => {
    const lijst = { soort: 'partner', waarden: ['politie', 'zorgteam'], aliassen: new Map([['Zorgteam Koggenland', 'zorgteam']]) };
    expect(kies('zorgteam koggenland', '--partner', lijst)).toBe('zorgteam');
    expect(() => kies('polite', '--partner', lijst)).toThrow("Onbekende partner 'polite' voor --partner. Bedoelde u 'politie'?");
    expect(() => kies('brandweer', '--partner', lijst)).toThrow('Kies uit: politie, zorgteam.');
  });
});
