import { describe, expect, it } from 'vitest';
import { staaf, staafdiagram } from '../../src/documents/staaf.js';

describe('staaf', () => {
  it('draws the maximum full width and the rest in eighths', () => {
    expect(staaf(10, 10, 4)).toBe('████');
    expect(staaf(5, 10, 4)).toBe('██');
    expect(staaf(9, 16, 4)).toBe('██▎');
  });

  it('shows a sliver for a small non-zero value and nothing for zero', () => {
    expect(staaf(1, 1000, 10)).toBe('▏');
    expect(staaf(0, 10)).toBe('');
    expect(staaf(3, 0)).toBe('');
  });

  it('lines up labels and numbers in a chart', () => {
    expect(staafdiagram([{ label: 'jan 2027', waarde: 12 }, { label: 'feb 2027', waarde: 3 }, { label: 'mrt 2027', waarde: 0 }], 8)).toEqual([
      'jan 2027  12  ████████',
      'feb 2027   3  ██',
      'mrt 2027   0',
    ]);
  });
});
