/** ~/.pgpass as libpq reads it (src/store/pgpass.ts). */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zoekInPgpass } from '../../src/store/pgpass.js';
import { tijdelijkeMap } from '../helpers/run.js';

function bestand(inhoud: string, mode = 0o600): Record<string, string> {
  const thuis = tijdelijkeMap();
  const pad = join(thuis, '.pgpass');
  writeFileSync(pad, inhoud);
  chmodSync(pad, mode);
  return { HOME: thuis };
}

const doel = { host: 'db.koggenland.local', port: '5432', database: 'koggenland', user: 'a.jansen' };

describe('zoekInPgpass', () => {
  it('takes the first line that matches, with * for anything and \\: \\\\ escaped', () => {
    const env = bestand(
      [
        '# balie',
        'db.koggenland.local:5432:andere:a.jansen:niet-deze',
        'db.koggenland.local:*:koggenland:a.jansen:ge\\:heim\\\\1:2',
        '*:*:*:*:te-laat',
      ].join('\n'),
    );
    expect(zoekInPgpass(env, doel)).toEqual({ wachtwoord: 'ge:heim\\1' });
    expect(zoekInPgpass(env, { ...doel, user: 'p.devries' })).toEqual({ wachtwoord: 'te-laat' });
  });

  it('matches a Unix socket as localhost, and PGPASSFILE before ~/.pgpass', () => {
    const env = bestand('localhost:5432:koggenland:a.jansen:via-socket\n');
    expect(zoekInPgpass(env, { ...doel, host: '/var/run/postgresql' })).toEqual({ wachtwoord: 'via-socket' });
    const ander = bestand('*:*:*:*:uit-pgpassfile\n');
    expect(zoekInPgpass({ ...env, PGPASSFILE: join(ander.HOME!, '.pgpass') }, doel)).toEqual({ wachtwoord: 'uit-pgpassfile' });
  });

  it('takes a star written as \\* literally, and another socket directory by its path', () => {
    const env = bestand(['\\*:*:*:*:ster-als-naam', '/srv/pg:*:*:*:eigen-socket', '*:*:*:*:rest'].join('\n'));
    expect(zoekInPgpass(env, doel)).toEqual({ wachtwoord: 'rest' });
    expect(zoekInPgpass(env, { ...doel, host: '*' })).toEqual({ wachtwoord: 'ster-als-naam' });
    expect(zoekInPgpass(env, { ...doel, host: '/srv/pg' })).toEqual({ wachtwoord: 'eigen-socket' });
    expect(zoekInPgpass(env, { ...doel, host: '/tmp' })).toEqual({ wachtwoord: 'rest' });
  });

  it('ignores a file others can read, and says which', () => {
    const env = bestand('*:*:*:*:zichtbaar\n', 0o644);
    expect(zoekInPgpass(env, doel)).toEqual({ teOpen: join(env.HOME!, '.pgpass') });
    expect(zoekInPgpass({ HOME: tijdelijkeMap() }, doel)).toEqual({});
  });
});
