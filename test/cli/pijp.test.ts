/** `kvz … | head`: a reader that stops early is not an error. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, kvzOk, nieuweDb } from '../helpers/run.js';

describe('output into a pipe that closes early', () => {
  it('ends quietly with exit 0', async () => {
    const db = nieuweDb();
    await kvzOk(['demo', '--db', db]);
    // head stops reading after ten bytes, long before the ~180 KB of JSON are written.
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" melding list --json 2>&1 >/dev/stdout | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`], {
      env: { PATH: process.env.PATH ?? '', KVZ_DB: db },
      encoding: 'utf8',
    });
    expect(r.stdout.trim()).toBe('0');
  });
});
