/**
 * The connection a shared database gets before the command line is read (src/cli/vroeg.ts): only
 * for a postgres:// address, never for help, version or init, and to the address --db names.
 */
import { describe, expect, it } from 'vitest';
import { vroegAdres } from '../../src/cli/vroeg.js';

const PG = 'postgres://iv@server/kvz';

describe('vroegAdres', () => {
  it('takes KVZ_DB, or --db in either spelling, when it is a PostgreSQL address', () => {
    expect(vroegAdres(['melding', 'list'], { KVZ_DB: PG })).toBe(PG);
    expect(vroegAdres(['--db', PG, 'status'], {})).toBe(PG);
    expect(vroegAdres([`--db=${PG}`, 'status'], { KVZ_DB: '/tmp/kvz.db' })).toBe(PG);
    expect(vroegAdres(['status', '--db', PG], {})).toBe(PG);
  });

  it('starts nothing when --gebruiker or KVZ_GEBRUIKER is given, which PostgreSQL refuses anyway', () => {
    expect(vroegAdres(['--gebruiker', 'init', 'status'], { KVZ_DB: PG })).toBeUndefined();
    expect(vroegAdres(['--gebruiker=piet', 'status'], { KVZ_DB: PG })).toBeUndefined();
    expect(vroegAdres(['status'], { KVZ_DB: PG, KVZ_GEBRUIKER: 'piet' })).toBeUndefined();
  });

  it('starts nothing for a file, for help, version or init, or without a command', () => {
    expect(vroegAdres(['melding', 'list'], { KVZ_DB: '/tmp/kvz.db' })).toBeUndefined();
    expect(vroegAdres(['--db', PG, 'status'], { KVZ_DB: PG }) && vroegAdres(['--db', '/tmp/x.db', 'status'], { KVZ_DB: PG })).toBeUndefined();
    for (const args of [['--help'], ['melding', 'add', '-h'], ['--version'], ['-V'], ['help', 'melding'], ['init'], ['--db', PG, 'init'], [], ['--no-color']]) {
      expect(vroegAdres(args, { KVZ_DB: PG }), args.join(' ')).toBeUndefined();
    }
    // After --, nothing is an option any more.
    expect(vroegAdres(['melding', 'list', '--', '--db', PG], {})).toBeUndefined();
  });
});
