/**
 * Tables on screen and in a pipe (cli/output.ts tabel): cli-table3 draws them, but passes all rows to
 * one call when it does, which overflowed the stack past ~100,000 rows (`kvz log --limit 200000`),
 * and it takes time that grows with the square of the rows (20,000 audit rows: 31 s). kvz hands it
 * parts of rows with one set of column widths; the result must read as one table.
 */
import { describe, expect, it } from 'vitest';
import type { Context } from '../src/cli/context.js';
import { tabel } from '../src/cli/output.js';

const pijp = { kleur: false, io: { stdout: { isTTY: false } } } as unknown as Context;

describe('a table of many rows', () => {
  it('is drawn as one table, every column where the heading says, however many parts it takes', async () => {
    // Widths that differ per part: the widest cells come late, in the last part.
    const rijen = Array.from({ length: 1_234 }, (_, i) => [`M-${i + 1}`, i === 1_200 ? 'veiligheidshuis' : 'iv', i % 2 ? 'ja' : 'nee']);
    const regels = (await tabel(pijp, ['Nummer', 'Partner', 'Klaar'], rijen)).split('\n');
    expect(regels).toHaveLength(1 + 1_234);
    expect(regels[0]).toBe('Nummer  Partner          Klaar');
    expect(regels[1]).toBe('M-1     iv               nee');
    expect(regels[1_201]).toBe('M-1201  veiligheidshuis  nee');
    expect(regels[1_234]).toBe('M-1234  iv               ja');
    const kolom = regels[0]!.indexOf('Klaar');
    for (const r of regels.slice(1)) expect(r.slice(kolom)).toMatch(/^(ja|nee)$/);
  });

  it('wraps nothing in a pipe, wide characters included', async () => {
    const rijen = Array.from({ length: 600 }, (_, i) => [String(i), i === 300 ? 'bewoners 👍 tevreden 日本' : 'ok']);
    const regels = (await tabel(pijp, ['Nr', 'Resultaat'], rijen)).split('\n');
    expect(regels).toHaveLength(601);
    expect(regels[301]).toBe('300  bewoners 👍 tevreden 日本');
  });

  it('has room for a region: 150,000 rows', async () => {
    const rijen = Array.from({ length: 150_000 }, (_, i) => [String(i), 'ok']);
    const uit = await tabel(pijp, ['Nr', 'Resultaat'], rijen);
    expect(uit.split('\n')).toHaveLength(150_001);
    expect(uit.endsWith('\n149999  ok')).toBe(true);
  }, 60_000);
});
