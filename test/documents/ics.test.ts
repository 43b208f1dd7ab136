import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { tekst, vouw } from '../../src/documents/ics.js';
import { instantVan } from '../../src/domain/tijd.js';
import { kvz, kvzOk, lees, nieuweDb, tijdelijkeMap } from '../helpers/run.js';

/** The database's identity, which every meeting's UID carries. */
const dbId = (db: string) => lees<{ waarde: string }>(db, `SELECT waarde FROM instelling WHERE sleutel = 'database_id'`)[0]!.waarde;

interface Gebeurtenis {
  uid: string;
  start: string;
  eind: string;
  wandklok: string;
  sequence: number;
  status: string;
  summary: string;
  location: string;
  description: string;
}

/** Reads an iCalendar file with ical.js, an independent implementation of RFC 5545. */
function leesIcs(inhoud: string): Gebeurtenis[] {
  const kalender = new ICAL.Component(ICAL.parse(inhoud));
  ICAL.TimezoneService.reset();
  ICAL.TimezoneService.register(kalender.getFirstSubcomponent('vtimezone')!);
  return kalender.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    expect(e.startDate.zone?.tzid).toBe('Europe/Amsterdam');
    return {
      uid: e.uid,
      start: e.startDate.toJSDate().toISOString(),
      eind: e.endDate.toJSDate().toISOString(),
      wandklok: e.startDate.toString(),
      sequence: e.sequence,
      status: String(v.getFirstPropertyValue('status')),
      summary: e.summary,
      location: e.location,
      description: e.description,
    };
  });
}

async function plan(db: string, nu: string): Promise<string> {
  const pad = join(tijdelijkeMap(), 'overleggen.ics');
  await kvzOk(['overleg', 'plan', '--van', '2027-03-01', '--tot', '2027-05-31', '--ics', pad], { db, nu });
  return readFileSync(pad, 'utf8');
}

describe('the iCalendar file of kvz overleg plan --ics', () => {
  it('is read back by an independent reader with the right instants, summer and winter time alike', async () => {
    const db = nieuweDb();
    const nu = '2027-02-20T08:00:00Z';
    await kvzOk(['overleg', 'cadans', 'gio', '--start', '2027-01-05'], { db, nu });
    await kvzOk(['overleg', 'cadans', 'politie', '--start', '2027-01-12', '--tijd', '14:30', '--locatie', 'Politiebureau Hoorn, zaal 3; ingang achter'], { db, nu });
    const pad = join(tijdelijkeMap(), 'plan.ics');
    const u = await kvzOk(['overleg', 'plan', '--van', '2027-03-01', '--tot', '2027-05-31', '--ics', pad], { db, nu });
    expect(u.stdout).toContain(`iCalendar-bestand geschreven: ${pad} (9 overleggen).`);
    const inhoud = readFileSync(pad, 'utf8');

    // RFC 5545 §3.1: CRLF line ends, lines of at most 75 octets.
    expect(inhoud.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(inhoud.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const regel of inhoud.split('\r\n')) expect(Buffer.byteLength(regel)).toBeLessThanOrEqual(75);

    const ev = leesIcs(inhoud);
    expect(ev.map((e) => e.uid)).toEqual([
      `tweewekelijks-2027-03-02-${dbId(db)}@kvz.koggenland.nl`,
      `politie-2027-03-09-${dbId(db)}@kvz.koggenland.nl`,
      `tweewekelijks-2027-03-16-${dbId(db)}@kvz.koggenland.nl`,
      `gio-2027-03-30-${dbId(db)}@kvz.koggenland.nl`,
      `tweewekelijks-2027-04-13-${dbId(db)}@kvz.koggenland.nl`,
      `tweewekelijks-2027-04-27-${dbId(db)}@kvz.koggenland.nl`,
      `politie-2027-05-04-${dbId(db)}@kvz.koggenland.nl`,
      `gio-2027-05-11-${dbId(db)}@kvz.koggenland.nl`,
      `tweewekelijks-2027-05-25-${dbId(db)}@kvz.koggenland.nl`,
    ]);
    const gio = ev[3]!;
    // 30 March 2027 is after the switch to summer time (28 March): 10:00 CEST is 08:00 UTC.
    expect(gio).toMatchObject({ wandklok: '2027-03-30T10:00:00', start: instantVan('2027-03-30', '10:00').toISOString(), status: 'CONFIRMED', summary: 'GIO (Groot Integraal Overleg)' });
    expect(gio.start).toBe('2027-03-30T08:00:00.000Z');
    expect(gio.eind).toBe('2027-03-30T10:00:00.000Z');
    expect(ev[0]!.start).toBe('2027-03-02T09:00:00.000Z'); // winter time
    expect(ev[1]!.location).toBe('Politiebureau Hoorn, zaal 3; ingang achter');
    expect(ev[5]).toMatchObject({ wandklok: '2027-04-28T10:00:00', description: 'Verschoven van dinsdag 27 april 2027 (Koningsdag).\nAgenda: kvz agenda tweewekelijks --datum 2027-04-28' });
    expect(lees(db, `SELECT commando, object, resultaat FROM audit WHERE commando = 'overleg plan'`)).toEqual([
      { commando: 'overleg plan', object: 'overleg plan', resultaat: 'iCalendar geschreven' },
    ]);
  });

  it('keeps the UID of a moved or cancelled meeting and raises its SEQUENCE, so that re-importing updates it', async () => {
    const db = nieuweDb();
    const nu = '2027-02-20T08:00:00Z';
    await kvzOk(['overleg', 'cadans', 'gio', '--start', '2027-01-05'], { db, nu });
    const voor = leesIcs(await plan(db, nu));
    await kvzOk(['overleg', 'verzet', 'gio', '2027-03-30', '--naar', '2027-04-01', '--reden', 'Zaal bezet; "grote" verbouwing, ook \\ kelder'], { db, nu });
    await kvzOk(['overleg', 'annuleer', 'tweewekelijks', '2027-04-13', '--reden', 'Meivakantie'], { db, nu });
    const na = leesIcs(await plan(db, nu));
    expect(na.map((e) => e.uid)).toEqual(voor.map((e) => e.uid));

    const gioVoor = voor.find((e) => e.uid === `gio-2027-03-30-${dbId(db)}@kvz.koggenland.nl`)!;
    const gioNa = na.find((e) => e.uid === `gio-2027-03-30-${dbId(db)}@kvz.koggenland.nl`)!;
    expect(gioNa.wandklok).toBe('2027-04-01T10:00:00');
    expect(gioNa.sequence).toBeGreaterThan(gioVoor.sequence);
    expect(gioNa.description).toBe('Verschoven van dinsdag 30 maart 2027 (Zaal bezet; "grote" verbouwing, ook \\ kelder).\nAgenda: kvz agenda gio --datum 2027-04-01');

    const tw = na.find((e) => e.uid === `tweewekelijks-2027-04-13-${dbId(db)}@kvz.koggenland.nl`)!;
    expect(tw).toMatchObject({ status: 'CANCELLED', summary: 'Geannuleerd: Tweewekelijks overleg', description: 'Geannuleerd: Meivakantie.' });
    expect(tw.sequence).toBeGreaterThan(voor.find((e) => e.uid === tw.uid)!.sequence);
    // Untouched meetings keep their SEQUENCE.
    expect(na[0]!.sequence).toBe(voor[0]!.sequence);
  });

  it('writes to standard output with --ics -, and refuses it together with --json', async () => {
    const db = nieuweDb();
    const u = await kvzOk(['overleg', 'plan', '--ics', '-'], { db });
    expect(u.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(leesIcs(u.stdout).length).toBeGreaterThan(5);
    const fout = await kvz(['overleg', 'plan', '--ics', '-', '--json'], { db });
    expect(fout).toMatchObject({ code: 2, stdout: '' });
    expect(lees(db, `SELECT count(*) AS n FROM audit WHERE commando = 'overleg plan'`)).toEqual([{ n: 1 }]);
  });

  it('leaves no file and no audit row when the file cannot be written', async () => {
    const db = nieuweDb();
    await kvzOk(['init', '--gio-start', '2027-01-05', '--politie-start', '2027-01-12'], { db });
    const u = await kvz(['overleg', 'plan', '--ics', join(tijdelijkeMap(), 'bestaat-niet', 'plan.ics')], { db });
    // Checked before anything is done, like --output of the exports.
    expect(u.code).toBe(2);
    expect(u.stdout).toBe('');
    expect(u.stderr).toMatch(/^De map voor --ics bestaat niet: .*bestaat-niet\.\n$/);
    expect(lees(db, `SELECT count(*) AS n FROM audit WHERE commando = 'overleg plan'`)).toEqual([{ n: 0 }]);
  });
});

describe('RFC 5545 text', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(tekst('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it.each([['ascii', 'a'.repeat(200)], ['two-byte', 'é'.repeat(100)], ['mixed', 'aé€'.repeat(40)]])('folds %s text at 75 octets without splitting a character', (_, inhoud) => {
    const regel = `DESCRIPTION:${inhoud}`;
    const delen = vouw(regel).split('\r\n');
    expect(delen.length).toBeGreaterThan(2);
    for (const d of delen) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(75);
    expect(Buffer.byteLength(delen[0]!)).toBeGreaterThan(72); // no needless short lines
    expect(delen.slice(1).every((d) => d.startsWith(' '))).toBe(true);
    expect(delen.map((d, i) => (i === 0 ? d : d.slice(1))).join('')).toBe(regel);
  });

  it('leaves a short line alone', () => {
    expect(vouw('SUMMARY:kort')).toBe('SUMMARY:kort');
  });
});
