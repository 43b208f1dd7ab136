/**
 * Day rules must not depend on the machine's TZ. The whole suite runs under Pacific/Kiritimati
 * (UTC+14, see vitest.config.ts); here the real binary also runs under zones on both sides of
 * Amsterdam, around midnight in Amsterdam.
 */
import { describe, expect, it } from 'vitest';
import { nieuweDb, spawnKvzSync } from './helpers/run.js';

describe('the machine time zone', () => {
  it('is far from Amsterdam in this suite, so local-date mistakes show', () => {
    expect(new Date('2027-03-16T12:00:00Z').getTimezoneOffset()).toBe(-14 * 60);
  });

  it.each(['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Europe/Amsterdam'])(
    'under TZ=%s the same-day rule and the year of the number follow Amsterdam',
    (tz) => {
      const db = nieuweDb();
      const env = { TZ: tz, KVZ_DB: db, KVZ_NU: '2027-01-01T12:00:00.000Z' };
      const add = (ontvangen: string) =>
        spawnKvzSync(['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', 'x', '--ontvangen', ontvangen, '--json'], env);
      // 31-12-2026 23:30 in Amsterdam: still 2026 there, 2027 in Tokyo, 30 December in Los Angeles.
      const oud = JSON.parse(add('31-12-2026 23:30').stdout) as { nummer: string; ontvangen_dag: string };
      expect(oud).toMatchObject({ nummer: 'M-2026-0001', ontvangen_dag: '2026-12-31' });
      const forward = spawnKvzSync(['melding', 'forward', oud.nummer, '--naar', 'politie', '--op', '01-01-2027 00:10'], env);
      expect(forward.code).toBe(0);
      const lijst = JSON.parse(spawnKvzSync(['melding', 'list', '--te-laat-doorgezet', '--json'], env).stdout) as { nummer: string }[];
      expect(lijst.map((m) => m.nummer)).toEqual(['M-2026-0001']);
      const show = spawnKvzSync(['melding', 'show', oud.nummer], env).stdout;
      expect(show).toContain('31-12-2026 23:30');
    },
  );
});

describe('the dates people type, under other zones (#18)', () => {
  // Santiago moves its clocks at midnight (a day there can start at 01:00); Apia skipped a whole day
  // in 2011; Kathmandu is 5:45 ahead. Amsterdam decides, whatever the machine says.
  it.each(['America/Santiago', 'Pacific/Apia', 'Asia/Kathmandu', 'America/Los_Angeles'])('under TZ=%s a weekday, 30-6 and over 2 weken read the same', (tz) => {
    const db = nieuweDb();
    // Saturday 5 September 2026, 23:30 in Amsterdam: Sunday 6 September in Kathmandu, still the 5th in Santiago.
    const env = { TZ: tz, KVZ_DB: db, KVZ_NU: '2026-09-05T21:30:00.000Z' };
    const zaak = spawnKvzSync(['zaak', 'open', '--titel', 'x', '--soort', 'overlast', '--kern', 'Obdam', '--json'], env);
    expect(zaak.code, zaak.stderr).toBe(0);
    const deadline = (invoer: string) => {
      const u = spawnKvzSync(['actie', 'add', 'Z-2026-001', '--omschrijving', 'x', '--partner', 'politie', '--deadline', invoer, '--json'], env);
      expect(u.code, u.stderr).toBe(0);
      return (JSON.parse(u.stdout) as { deadline: string }).deadline;
    };
    expect(deadline('zondag')).toBe('2026-09-06');
    expect(deadline('zaterdag')).toBe('2026-09-12');
    expect(deadline('over 2 weken')).toBe('2026-09-19');
    expect(deadline('30-6')).toBe('2027-06-30');
    expect(deadline('5-9')).toBe('2026-09-05');
  });
});
