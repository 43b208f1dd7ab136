/**
 * SHA-256 of text (its UTF-8 bytes), as lowercase hex. A command that writes one melding hashes a
 * handful of short texts (the audit row, the states it records); loading node:crypto for them costs
 * ~7 ms of the desk's `melding add` budget (#17, SPEC §6), hashing them here well under one. A long
 * text, or any after the first few hashes (a run that hashes in bulk: an import, check, a
 * migration), goes to node:crypto, which is faster per byte. Both give the same digest; test/store/sha256.test.ts holds
 * them together over texts of every length around the block size, non-ASCII and unpaired surrogates
 * (both encode those as U+FFFD).
 */
import { nodeCrypto } from './crypto-lui.js';

/** Hashes done here before a run switches to node:crypto, and the longest text hashed here (UTF-16 units). */
const ZELF = 16;
const KORT = 16_384;
let gedaan = 0;

/** The hex SHA-256 of the parts joined (no separator is added). */
export function sha256Hex(...delen: string[]): string {
  let lengte = 0;
  for (const d of delen) lengte += d.length;
  if (gedaan >= ZELF || lengte > KORT) {
    if (delen.length === 1) return nodeCrypto().hash('sha256', delen[0]!);
    const h = nodeCrypto().createHash('sha256');
    for (const d of delen) h.update(d);
    return h.digest('hex');
  }
  gedaan++;
  return sha256Js(new TextEncoder().encode(delen.length === 1 ? delen[0]! : delen.join('')));
}

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** FIPS 180-4, section 6.2: the message padded to whole 64-byte blocks, each mixed into the state. */
function sha256Js(bytes: Uint8Array): string {
  const lengte = bytes.length;
  const blokken = Math.ceil((lengte + 9) / 64);
  const m = new Uint8Array(blokken * 64);
  m.set(bytes);
  m[lengte] = 0x80;
  const v = new DataView(m.buffer);
  // The length in bits, big-endian, in the last 8 bytes (texts here stay far below 2^32 bytes).
  v.setUint32(m.length - 8, Math.floor(lengte / 0x20000000));
  v.setUint32(m.length - 4, (lengte << 3) >>> 0);

  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  for (let blok = 0; blok < m.length; blok += 64) {
    for (let t = 0; t < 16; t++) w[t] = v.getUint32(blok + t * 4);
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15]!;
      const y = w[t - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) >>> 0;
    }
    let a = h[0]!;
    let b = h[1]!;
    let c = h[2]!;
    let d = h[3]!;
    let e = h[4]!;
    let f = h[5]!;
    let g = h[6]!;
    let hh = h[7]!;
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[t]! + w[t]!) >>> 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = h[0]! + a;
    h[1] = h[1]! + b;
    h[2] = h[2]! + c;
    h[3] = h[3]! + d;
    h[4] = h[4]! + e;
    h[5] = h[5]! + f;
    h[6] = h[6]! + g;
    h[7] = h[7]! + hh;
  }
  let hex = '';
  for (const x of h) hex += x.toString(16).padStart(8, '0');
  return hex;
}

/** For the test: the hash computed here, whatever the count. */
export const sha256JsVoorTest = (tekst: string): string => sha256Js(new TextEncoder().encode(tekst));
