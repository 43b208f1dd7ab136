import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/domain/errors.js';
import type { Db } from '../../src/store/db.js';
import { stelCadansIn } from '../../src/store/cadans.js';
import {
  annuleerOverleg,
  overleggen,
  overlegVoor,
  venster,
  verzetOverleg,
  volgendOverleg,
  vorigOverleg,
} from '../../src/store/overleggen.js';
import { nieuweDb, openTest } from '../helpers/run.js';

const open: Db[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.sluit();
});

/** A database whose GIO runs every 6 weeks from 5 January 2027 and politie every 8 weeks from 12 January. */
async function database(nu = '2027-01-01T09:00:00Z'): Promise<{ db: Db; actor: (op?: string) => { gebruiker: string; nu: Date; commando: string } }> {
  const db = await openTest(nieuweDb(), new Date(nu));
  open.push(db);
  const actor = (op = nu) => ({ gebruiker: 'test', nu: new Date(op), commando: 'test' });
  await stelCadansIn(db, actor(), 'gio', { start: '2027-01-05' });
  await stelCadansIn(db, actor(), 'politie', { start: '2027-01-12' });
  return { db, actor };
}

const datums = async (db: Db, soort: 'gio' | 'tweewekelijks' | 'politie', van: string, tot: string) =>
  (await overleggen(db, { soort, van, tot })).map((o) => `${o.datum}${o.status === 'gepland' ? '' : ` ${o.status}`}`);

describe('the tweewekelijks series around moved and cancelled GIOs', async () => {
  it('keeps the tweewekelijks dates when a GIO moves, since they follow its nominal date', async () => {
    const { db, actor } = await database();
    await verzetOverleg(db, actor(), 'gio', '2027-03-30', { naar: '2027-04-08', reden: 'zaal bezet' });
    expect(await datums(db, 'gio', '2027-03-01', '2027-05-31')).toEqual(['2027-04-08 verzet', '2027-05-11']);
    expect(await datums(db, 'tweewekelijks', '2027-03-01', '2027-05-31')).toEqual(['2027-03-02', '2027-03-16', '2027-04-13', '2027-04-28', '2027-05-25']);
  });

  it('keeps the tweewekelijks overleggen when their GIO is cancelled, and starts their window at the last one held', async () => {
    const { db, actor } = await database();
    await annuleerOverleg(db, actor(), 'gio', '2027-03-30', 'geen zaken');
    expect(await datums(db, 'tweewekelijks', '2027-03-01', '2027-04-30')).toEqual(['2027-03-02', '2027-03-16', '2027-04-13', '2027-04-28']);
    // Without the GIO of 30 March, the tweewekelijks of 13 April looks back to that of 16 March.
    expect(await venster(db, 'tweewekelijks', '2027-04-13')).toMatchObject({ van: '2027-03-16', tot: '2027-04-13' });
    // And the next GIO looks back past the cancelled one to 16 February.
    expect(await venster(db, 'gio', '2027-05-11')).toMatchObject({ van: '2027-02-16', tot: '2027-05-11', vorige: { soort: 'gio', datum: '2027-02-16' } });
  });

  it('counts a moved GIO at its new date in the windows after it', async () => {
    const { db, actor } = await database();
    await verzetOverleg(db, actor(), 'gio', '2027-03-30', { naar: '2027-04-08' });
    expect(await venster(db, 'gio', '2027-04-08')).toMatchObject({ van: '2027-02-16', tot: '2027-04-08' });
    // The tweewekelijks of 13 April: the GIO of 8 April is later than the tweewekelijks of 16 March.
    expect(await venster(db, 'tweewekelijks', '2027-04-13')).toMatchObject({ van: '2027-04-08', vorige: { soort: 'gio', datum: '2027-04-08' } });
    expect(await venster(db, 'gio', '2027-05-11')).toMatchObject({ van: '2027-04-08' });
  });

  it('moves a GIO past its tweewekelijks overleg, and the tweewekelijks window follows', async () => {
    const { db, actor } = await database();
    // GIO of 16 February moved to 3 March, after the tweewekelijks of 2 March.
    await verzetOverleg(db, actor(), 'gio', '2027-02-16', { naar: '2027-03-03' });
    expect(await venster(db, 'tweewekelijks', '2027-03-02')).toMatchObject({ van: '2027-02-02', vorige: { soort: 'tweewekelijks' } });
    expect(await venster(db, 'tweewekelijks', '2027-03-16')).toMatchObject({ van: '2027-03-03', vorige: { soort: 'gio' } });
  });
});

describe('windows', async () => {
  it('ends a tweewekelijks window at the GIO or tweewekelijks overleg before it, whichever is later', async () => {
    const { db } = await database();
    expect(await venster(db, 'tweewekelijks', '2027-04-13')).toEqual({ van: '2027-03-30', tot: '2027-04-13', vorige: { soort: 'gio', datum: '2027-03-30' } });
    expect(await venster(db, 'tweewekelijks', '2027-04-28')).toEqual({ van: '2027-04-13', tot: '2027-04-28', vorige: { soort: 'tweewekelijks', datum: '2027-04-13' } });
    expect(await venster(db, 'tweewekelijks', '2027-05-25')).toMatchObject({ van: '2027-05-11', vorige: { soort: 'gio' } });
    // A GIO looks back to the previous GIO only, not to the tweewekelijks overleg in between.
    expect(await venster(db, 'gio', '2027-05-11')).toMatchObject({ van: '2027-03-30' });
  });

  it('gives the politieoverleg its own window, blind to the other meetings', async () => {
    const { db } = await database();
    expect(await venster(db, 'politie', '2027-03-09')).toEqual({ van: '2027-01-12', tot: '2027-03-09', vorige: { soort: 'politie', datum: '2027-01-12' } });
  });

  it('gives the first meeting of a series a window of one interval', async () => {
    const { db } = await database();
    expect(await venster(db, 'gio', '2027-01-05')).toEqual({ van: '2026-11-24', tot: '2027-01-05', vorige: null });
    expect(await venster(db, 'politie', '2027-01-12')).toEqual({ van: '2026-11-17', tot: '2027-01-12', vorige: null });
    expect(await venster(db, 'tweewekelijks', '2026-12-22')).toEqual({ van: '2026-12-08', tot: '2026-12-22', vorige: null });
  });

  it('finds the next and previous meeting, skipping cancelled ones', async () => {
    const { db, actor } = await database();
    await annuleerOverleg(db, actor(), 'politie', '2027-03-09', undefined);
    expect((await volgendOverleg(db, 'politie', '2027-03-01'))?.datum).toBe('2027-05-04');
    expect((await volgendOverleg(db, 'politie', '2027-05-04'))?.datum).toBe('2027-05-04'); // on or after
    expect((await vorigOverleg(db, 'politie', '2027-05-04'))?.datum).toBe('2027-01-12'); // strictly before
    expect(await vorigOverleg(db, 'politie', '2027-01-12')).toBeUndefined();
  });
});

describe('overlegVoor: the row of a meeting that something refers to', async () => {
  it('creates the row once and returns the same id after', async () => {
    const { db } = await database();
    const nu = new Date('2027-03-16T10:00:00Z');
    const id = await overlegVoor(db, 'tweewekelijks', '2027-04-28', nu);
    expect(await overlegVoor(db, 'tweewekelijks', '2027-04-28', nu)).toBe(id);
    expect(await db.alle('SELECT soort, nominale_datum, datum, status FROM overleg')).toEqual([
      { soort: 'tweewekelijks', nominale_datum: '2027-04-27', datum: '2027-04-28', status: 'gepland' },
    ]);
    // The stored row reads back exactly like the computed meeting.
    expect((await overleggen(db, { soort: 'tweewekelijks', van: '2027-04-28', tot: '2027-04-28' }))[0]).toMatchObject({
      verschoven_van: '2027-04-27', reden: 'Koningsdag', id,
    });
  });

  it('refuses a date without such a meeting, naming the nearest ones', async () => {
    const { db } = await database();
    const nu = new Date('2027-03-16T10:00:00Z');
    await expect(overlegVoor(db, 'gio', '2027-03-31', nu)).rejects.toThrow(
      new UsageError('Er is geen GIO op woensdag 31 maart 2027; wel op dinsdag 30 maart 2027 en op dinsdag 11 mei 2027. Zie kvz overleg plan.'),
    );
    await expect(overlegVoor(db, 'tweewekelijks', '2027-04-27', nu)).rejects.toThrow(
      'Er is geen tweewekelijks overleg op dinsdag 27 april 2027: het tweewekelijks overleg van die datum is verschoven naar woensdag 28 april 2027 (Koningsdag).',
    );
    expect(await db.waarde('SELECT count(*) FROM overleg')).toBe(0);
  });

  it('refuses a cancelled meeting', async () => {
    const { db, actor } = await database();
    await annuleerOverleg(db, actor(), 'gio', '2027-03-30', undefined);
    await expect(overlegVoor(db, 'gio', '2027-03-30', new Date())).rejects.toThrow(/^Het GIO van dinsdag 30 maart 2027 is geannuleerd; wel op dinsdag 16 februari 2027 en op dinsdag 11 mei 2027/);
  });
});

describe('changing a cadence', async () => {
  it('keeps the meetings that took place under the old cadence, and drops its future moves', async () => {
    const { db, actor } = await database();
    await verzetOverleg(db, actor(), 'gio', '2027-06-22', { naar: '2027-06-24' });
    // On 1 June the GIO moves to every four weeks from 6 July.
    const uitkomst = await stelCadansIn(db, actor('2027-06-01T09:00:00Z'), 'gio', { start: '2027-07-06', interval_weken: 4 });
    expect(uitkomst.vervallen.map((o) => o.datum)).toEqual(['2027-06-24']);
    expect(await datums(db, 'gio', '2026-12-01', '2027-09-30')).toEqual(['2027-01-05', '2027-02-16', '2027-03-30', '2027-05-11', '2027-07-06', '2027-08-03', '2027-08-31', '2027-09-28']);
    // The old tweewekelijks before the new series begins (22 June) that took place stay; 8 June is in the future and goes.
    expect(await datums(db, 'tweewekelijks', '2027-05-01', '2027-07-31')).toEqual(['2027-05-25', '2027-06-22', '2027-07-20']);
    expect(await venster(db, 'gio', '2027-07-06')).toMatchObject({ van: '2027-05-11' });
    // Setting the same again changes nothing.
    expect((await stelCadansIn(db, actor('2027-06-01T09:00:00Z'), 'gio', { start: '2027-07-06', interval_weken: 4 })).gewijzigd).toBe(false);
  });

  it('keeps a meeting that something refers to (attendance), even off the new cadence', async () => {
    const { db, actor } = await database();
    const id = await overlegVoor(db, 'gio', '2027-06-22', new Date('2027-06-01T09:00:00Z'));
    await db.voer('INSERT INTO aanwezigheid (overleg_id, partner) VALUES (?, ?)', [id, 'politie']);
    await stelCadansIn(db, actor('2027-06-01T09:00:00Z'), 'gio', { start: '2027-07-06', interval_weken: 4 });
    expect(await datums(db, 'gio', '2027-06-01', '2027-07-31')).toEqual(['2027-06-22', '2027-07-06']);
  });
});
