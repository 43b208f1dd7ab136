/**
 * The SHA-256 that a small write computes itself (src/store/sha256.ts) against node:crypto's: every
 * audit hash and state hash kvz records must be the one `kvz check` recomputes, whichever computed it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256JsVoorTest } from '../../src/store/sha256.js';

const crypto = (tekst: string) => createHash('sha256').update(tekst).digest('hex');

describe('sha256', () => {
  it('gives the standard digests', () => {
    expect(sha256JsVoorTest('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256JsVoorTest('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256JsVoorTest('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('agrees with node:crypto at every length around the block boundaries', () => {
    for (let n = 0; n <= 300; n++) {
      const tekst = randomBytes(n).toString('latin1');
      expect(sha256JsVoorTest(tekst), `lengte ${n}`).toBe(crypto(tekst));
    }
  });

  it('agrees on non-ASCII text, emoji, line breaks and unpaired surrogates (both write U+FFFD)', () => {
    const teksten = ['Zoë Ünal, € 12,50', 'tab\there\nnewline\r\n', '😀 en 🇳🇱', 'eenzaam \ud800 en \udc00 verkeerd om \udc00\ud800', '\u0000\u001f\u2028', 'x'.repeat(20_000) + 'é'];
    for (let i = 0; i < 200; i++) teksten.push(String.fromCharCode(...Array.from(randomBytes(2 * (i + 1)), (b, j) => (j % 2 ? b << 8 : b) | 0x41)));
    for (const t of teksten) expect(sha256JsVoorTest(t), JSON.stringify(t.slice(0, 40))).toBe(crypto(t));
  });

  it('hashes parts as if joined, the first few here and then through node:crypto alike', () => {
    for (let i = 0; i < 40; i++) {
      const delen = ['a'.repeat(i), '\n', `{"n":${i},"tekst":"Zoë"}`];
      expect(sha256Hex(...delen)).toBe(crypto(delen.join('')));
    }
    expect(sha256Hex('y'.repeat(40_000))).toBe(crypto('y'.repeat(40_000)));
  });
});
