/** The searchable lists at the desk (#15 item 2): prefix first, then words, then text, then a near miss. */
import { describe, expect, it } from 'vitest';
import { zoekKeuzes } from '../../src/cli/zoeken.js';

const KERNEN = ['Avenhorn', 'Berkhout', 'Bobeldijk', 'De Goorn', 'Hensbroek', 'Obdam', 'Oudendijk', 'Scharwoude', 'Spierdijk', 'Ursem', 'Wogmeer', 'Zuid-Spierdijk']
  .map((k) => ({ name: k, value: k }));
const namen = (t: string) => zoekKeuzes(KERNEN, t).map((k) => k.name);

describe('searching a list as people type', () => {
  it('puts what starts with the typed text first: Ob is Obdam, not Bobeldijk', () => {
    expect(namen('Ob')).toEqual(['Obdam', 'Bobeldijk']);
    expect(namen('ob')[0]).toBe('Obdam');
  });

  it('then a word that starts with it, then text inside', () => {
    expect(namen('spier')).toEqual(['Spierdijk', 'Zuid-Spierdijk']);
    expect(namen('dijk')).toEqual(['Bobeldijk', 'Oudendijk', 'Spierdijk', 'Zuid-Spierdijk']);
    expect(namen('goorn')).toEqual(['De Goorn']);
  });

  it('tolerates a typo, as the flags do, after the real matches', () => {
    expect(namen('spierdjik')).toEqual(['Spierdijk', 'Zuid-Spierdijk']);
    expect(namen('obdma')).toEqual(['Obdam']);
    expect(namen('xyz')).toEqual([]);
    expect(namen('')).toHaveLength(KERNEN.length);
  });

  it('matches the code as well as the label, without regard to accents', () => {
    const c = [{ name: 'geluidsoverlast — Geluid van buren of bedrijven', value: 'geluidsoverlast' }, { name: 'café-overlast — Horeca', value: 'cafe-overlast' }];
    expect(zoekKeuzes(c, 'cafe').map((k) => k.value)).toEqual(['cafe-overlast']);
    expect(zoekKeuzes(c, 'buren').map((k) => k.value)).toEqual(['geluidsoverlast']);
  });
});
