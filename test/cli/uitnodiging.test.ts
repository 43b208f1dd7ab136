/**
 * Meeting invitations by mail (SPEC §8), against a real SMTP server in this process: what arrives is
 * parsed as a mailbox would (mailparser) and its calendar part as a calendar would (ical.js). Moving,
 * cancelling and re-planning an invited meeting mail the update or cancellation by themselves; the
 * plan's iCalendar file keeps the meetings a new cadence dropped, as cancelled, under the same UID.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kvz, kvzJson, kvzOk, lees, nieuweDb, telRijen, tijdelijkeMap } from '../helpers/run.js';
import { startSmtp, type Ontvangen, type TestSmtp } from '../helpers/smtp.js';

const AFZENDER = 'integraleveiligheid@koggenland.test';
const NU = '2027-02-20T08:00:00Z';

let smtp: TestSmtp;
beforeEach(async () => {
  smtp = await startSmtp();
});
afterEach(async () => {
  await smtp.stop();
});

const mailEnv = () => ({ KVZ_SMTP: smtp.url, KVZ_AFZENDER: AFZENDER });

interface Uitnodiging {
  methode: string;
  uid: string;
  sequence: number;
  start: string;
  status: string;
  organisator: string;
  deelnemers: string[];
  namen: string[];
  summary: string;
}

/** The calendar part of a received mail, read with ical.js, an independent implementation of RFC 5545/5546. */
function kalenderVan(o: Ontvangen): Uitnodiging {
  const deel = o.mail.attachments.find((a) => a.contentType === 'text/calendar');
  expect(deel, 'een text/calendar-deel').toBeDefined();
  const inhoud = deel!.content.toString('utf8');
  const kalender = new ICAL.Component(ICAL.parse(inhoud));
  ICAL.TimezoneService.reset();
  ICAL.TimezoneService.register(kalender.getFirstSubcomponent('vtimezone')!);
  const v = kalender.getFirstSubcomponent('vevent')!;
  const e = new ICAL.Event(v);
  return {
    methode: String(kalender.getFirstPropertyValue('method')),
    uid: e.uid,
    sequence: e.sequence,
    start: e.startDate.toString(),
    status: String(v.getFirstPropertyValue('status')),
    organisator: String(v.getFirstPropertyValue('organizer')),
    deelnemers: v.getAllProperties('attendee').map((p) => String(p.getFirstValue())),
    namen: v.getAllProperties('attendee').map((p) => String(p.getParameter('cn'))),
    summary: e.summary,
  };
}

async function metDeelnemers(db: string): Promise<void> {
  await kvzOk(['overleg', 'cadans', 'gio', '--start', '2027-01-05'], { db, nu: NU });
  await kvzOk(['overleg', 'deelnemer', 'add', 'gio', '--naam', 'Wijkagent Obdam', '--email', 'wijkagent@politie.test', '--partner', 'politie'], { db, nu: NU });
  await kvzOk(['overleg', 'deelnemer', 'add', 'gio', '--naam', 'Jongerenwerker Özdemir', '--email', 'jw@jongerenwerk.test'], { db, nu: NU });
}

const uidVan = async (db: string, soort: string, datum: string) =>
  (await kvzJson<{ datum: string; uid: string }[]>(['overleg', 'plan', '--soort', soort, '--van', datum, '--tot', datum, '--json'], { db, nu: NU }))[0]!.uid;

describe('kvz overleg uitnodig', () => {
  it('mails one invitation per meeting to the participants with an address, with the UID of the plan', async () => {
    const db = nieuweDb();
    await metDeelnemers(db);
    const u = await kvzOk(['overleg', 'uitnodig', 'gio'], { db, nu: NU, env: mailEnv() });
    expect(u.stderr).toBe('');
    expect(u.stdout).toContain('Uitnodiging voor het GIO van dinsdag 30 maart 2027 aan 2 deelnemers.');
    expect(u.stdout).toContain('Gemaild: Uitnodiging: GIO (Groot Integraal Overleg), dinsdag 30 maart 2027 10:00 (aan wijkagent@politie.test, jw@jongerenwerk.test).');
    expect(smtp.ontvangen).toHaveLength(1);
    const m = smtp.ontvangen[0]!;
    expect(m.aan.sort()).toEqual(['jw@jongerenwerk.test', 'wijkagent@politie.test']);
    expect(m.mail.subject).toBe('Uitnodiging: GIO (Groot Integraal Overleg), dinsdag 30 maart 2027 10:00');
    expect(m.mail.text).toContain('Datum:    dinsdag 30 maart 2027');
    expect(m.mail.text).toContain('Tijd:     10:00 tot 12:00');
    expect(m.mail.text).not.toMatch(/kvz /);
    expect(m.ruw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/);
    const k = kalenderVan(m);
    expect(k).toMatchObject({ methode: 'REQUEST', start: '2027-03-30T10:00:00', status: 'CONFIRMED', organisator: `mailto:${AFZENDER}` });
    expect(k.deelnemers).toEqual(['mailto:wijkagent@politie.test', 'mailto:jw@jongerenwerk.test']);
    expect(k.namen).toEqual(['Wijkagent Obdam', 'Jongerenwerker Özdemir']);
    // The same UID as the plan's iCalendar file, carrying this database's identity.
    const id = lees<{ waarde: string }>(db, `SELECT waarde FROM instelling WHERE sleutel = 'database_id'`)[0]!.waarde;
    expect(k.uid).toBe(await uidVan(db, 'gio', '2027-03-30'));
    expect(k.uid).toBe(`gio-2027-03-30-${id}@kvz.koggenland.nl`);
    expect(lees(db, 'SELECT soort, object, status FROM bericht')).toEqual([{ soort: 'uitnodiging', object: 'gio 2027-03-30', status: 'verzonden' }]);

    // Again: nothing new to say, nothing sent. A participant added since gets the invitation alone.
    const nogmaals = await kvzOk(['overleg', 'uitnodig', 'gio', '--datum', '2027-03-30'], { db, nu: NU, env: mailEnv() });
    expect(nogmaals.stdout).toBe('Alle deelnemers zijn al uitgenodigd voor het GIO van dinsdag 30 maart 2027; er is niets verstuurd.\n');
    expect(smtp.ontvangen).toHaveLength(1);
    await kvzOk(['overleg', 'deelnemer', 'add', 'gio', '--naam', 'Zorgteam', '--email', 'zorg@koggenland.test'], { db, nu: NU });
    const erbij = await kvzOk(['overleg', 'uitnodig', 'gio', '--datum', '2027-03-30'], { db, nu: NU, env: mailEnv() });
    expect(erbij.stdout).toContain('aan 1 deelnemer.');
    expect(smtp.ontvangen).toHaveLength(2);
    expect(smtp.ontvangen[1]!.aan).toEqual(['zorg@koggenland.test']);
    const k2 = kalenderVan(smtp.ontvangen[1]!);
    expect([k2.uid, k2.sequence]).toEqual([k.uid, k.sequence]);
    expect(k2.deelnemers).toHaveLength(3);
  });

  it('invites every meeting of a period, and mails the update, the cancellation and the return of an invited meeting by itself', async () => {
    const db = nieuweDb();
    await metDeelnemers(db);
    const u = await kvzOk(['overleg', 'uitnodig', 'gio', '--van', '2027-01-01', '--tot', '2027-06-30'], { db, nu: NU, env: mailEnv() });
    // Meetings already held are not invited: from today (20 February) on.
    expect(u.stdout).toContain('Uitnodiging voor het GIO van dinsdag 30 maart 2027 aan 2 deelnemers.');
    expect(u.stdout).toContain('Uitnodiging voor het GIO van dinsdag 11 mei 2027 aan 2 deelnemers.');
    expect(u.stdout).toContain('Uitnodiging voor het GIO van dinsdag 22 juni 2027 aan 2 deelnemers.');
    expect(smtp.ontvangen).toHaveLength(3);
    const eerst = kalenderVan(smtp.ontvangen.find((o) => o.mail.subject!.includes('30 maart'))!);

    const verzet = await kvzOk(['overleg', 'verzet', 'gio', '2027-03-30', '--naar', '2027-04-01', '--reden', 'Raadsvergadering'], { db, nu: NU, env: mailEnv() });
    expect(verzet.stderr).toBe('');
    expect(verzet.stdout).toContain('Het GIO van dinsdag 30 maart 2027 is verzet naar donderdag 1 april 2027 10:00');
    expect(verzet.stdout).toContain('Gemaild: Gewijzigd: GIO (Groot Integraal Overleg), donderdag 1 april 2027 10:00');
    const gewijzigd = smtp.ontvangen[3]!;
    expect(gewijzigd.mail.text).toContain('Eerder stond het op dinsdag 30 maart 2027 om 10:00');
    const k = kalenderVan(gewijzigd);
    expect(k).toMatchObject({ methode: 'REQUEST', uid: eerst.uid, start: '2027-04-01T10:00:00', status: 'CONFIRMED' });
    expect(k.sequence).toBeGreaterThan(eerst.sequence);

    const annuleer = await kvzOk(['overleg', 'annuleer', 'gio', '2027-04-01', '--reden', 'Te weinig agendapunten'], { db, nu: NU, env: mailEnv() });
    expect(annuleer.stdout).toContain('Gemaild: Geannuleerd: GIO (Groot Integraal Overleg), donderdag 1 april 2027 10:00');
    const afgezegd = smtp.ontvangen[4]!;
    expect(afgezegd.mail.text).toContain('gaat niet door');
    expect(afgezegd.mail.text).toContain('Reden: Te weinig agendapunten.');
    expect(afgezegd.ruw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/);
    const c = kalenderVan(afgezegd);
    expect(c).toMatchObject({ methode: 'CANCEL', uid: eerst.uid, status: 'CANCELLED' });
    expect(c.sequence).toBeGreaterThan(k.sequence);

    const terug = await kvzOk(['overleg', 'verzet', 'gio', '2027-04-01', '--naar', '2027-03-30'], { db, nu: NU, env: mailEnv() });
    expect(terug.stdout).toContain('gaat weer door');
    const weer = kalenderVan(smtp.ontvangen[5]!);
    expect(weer).toMatchObject({ methode: 'REQUEST', uid: eerst.uid, start: '2027-03-30T10:00:00', status: 'CONFIRMED' });
    expect(weer.sequence).toBeGreaterThan(c.sequence);
    expect(smtp.ontvangen[5]!.mail.subject).toBe('Uitnodiging: GIO (Groot Integraal Overleg), dinsdag 30 maart 2027 10:00');

    // A meeting nobody was invited to moves without any mail.
    await kvzOk(['overleg', 'verzet', 'tweewekelijks', '2027-03-16', '--naar', '2027-03-17'], { db, nu: NU, env: mailEnv() });
    expect(smtp.ontvangen).toHaveLength(6);
    expect(lees(db, 'SELECT soort, object, status FROM bericht ORDER BY id').map((b) => Object.values(b).join(' '))).toEqual([
      'uitnodiging gio 2027-03-30 verzonden', 'uitnodiging gio 2027-05-11 verzonden', 'uitnodiging gio 2027-06-22 verzonden',
      'uitnodiging gio 2027-04-01 verzonden', 'annulering gio 2027-04-01 verzonden', 'uitnodiging gio 2027-03-30 verzonden',
    ]);

    // Once held, a meeting is not mailed about again: a new time for the series reaches only the meetings ahead.
    const voorCadans = smtp.ontvangen.length;
    await kvzOk(['overleg', 'cadans', 'gio', '--tijd', '15:00'], { db, nu: '2027-04-02T08:00:00Z', env: mailEnv() });
    expect(smtp.ontvangen.slice(voorCadans).map((m) => m.mail.subject)).toEqual([
      'Gewijzigd: GIO (Groot Integraal Overleg), dinsdag 11 mei 2027 15:00',
      'Gewijzigd: GIO (Groot Integraal Overleg), dinsdag 22 juni 2027 15:00',
    ]);
  });

  it('mails the invited tweewekelijks meetings ahead their own new time and place, and nothing about the GIO (#15 item 12)', async () => {
    const db = nieuweDb();
    await metDeelnemers(db);
    await kvzOk(['overleg', 'deelnemer', 'add', 'tweewekelijks', '--naam', 'Casemanager Obdam', '--email', 'cm@koggenland.test'], { db, nu: NU });
    await kvzOk(['overleg', 'uitnodig', 'gio', '--van', '2027-03-01', '--tot', '2027-04-30'], { db, nu: NU, env: mailEnv() });
    await kvzOk(['overleg', 'uitnodig', 'tweewekelijks', '--van', '2027-03-01', '--tot', '2027-04-30'], { db, nu: NU, env: mailEnv() });
    const eerst = smtp.ontvangen.length;
    const uid = await uidVan(db, 'tweewekelijks', '2027-03-16');

    const u = await kvzOk(['overleg', 'cadans', 'tweewekelijks', '--tijd', '13:30', '--locatie', 'Zaal 3'], { db, nu: NU, env: mailEnv() });
    expect(u.stdout).toContain('Tijd en plek van het tweewekelijks overleg ingesteld: 13:30, Zaal 3.');
    const nieuw = smtp.ontvangen.slice(eerst);
    expect(nieuw.map((m) => m.mail.subject)).toEqual([
      'Gewijzigd: Tweewekelijks overleg, dinsdag 2 maart 2027 13:30',
      'Gewijzigd: Tweewekelijks overleg, dinsdag 16 maart 2027 13:30',
      'Gewijzigd: Tweewekelijks overleg, dinsdag 13 april 2027 13:30',
      'Gewijzigd: Tweewekelijks overleg, woensdag 28 april 2027 13:30',
    ]);
    const k = kalenderVan(nieuw[1]!);
    expect(k).toMatchObject({ methode: 'REQUEST', uid, start: '2027-03-16T13:30:00', status: 'CONFIRMED' });
    expect(nieuw[1]!.mail.text).toContain('Zaal 3');
  });

  it('cancels the invited meetings a new cadence drops, and the plan file keeps them as cancelled under their UID', async () => {
    const db = nieuweDb();
    await metDeelnemers(db);
    await kvzOk(['overleg', 'uitnodig', 'gio', '--van', '2027-03-01', '--tot', '2027-05-31'], { db, nu: NU, env: mailEnv() });
    const pad = join(tijdelijkeMap(), 'plan.ics');
    await kvzOk(['overleg', 'plan', '--soort', 'gio', '--van', '2027-03-01', '--tot', '2027-08-31', '--ics', pad], { db, nu: NU });
    const voor = leesPlan(readFileSync(pad, 'utf8'));

    const u = await kvzOk(['overleg', 'cadans', 'gio', '--start', '2027-04-06', '--interval', '8'], { db, nu: NU, env: mailEnv() });
    expect(u.stderr).toBe('');
    expect(u.stdout).toContain('Gemaild: Geannuleerd: GIO (Groot Integraal Overleg), dinsdag 30 maart 2027 10:00');
    expect(u.stdout).toContain('Gemaild: Geannuleerd: GIO (Groot Integraal Overleg), dinsdag 11 mei 2027 10:00');
    const afgezegd = smtp.ontvangen.slice(2).map(kalenderVan);
    expect(afgezegd.map((a) => [a.methode, a.uid])).toEqual([
      ['CANCEL', voor.get('2027-03-30')!.uid],
      ['CANCEL', voor.get('2027-05-11')!.uid],
    ]);

    await kvzOk(['overleg', 'plan', '--soort', 'gio', '--van', '2027-03-01', '--tot', '2027-08-31', '--ics', pad], { db, nu: NU });
    const na = leesPlan(readFileSync(pad, 'utf8'));
    // Every event a calendar imported before is in the new file: the dropped ones cancelled, with a higher SEQUENCE.
    for (const [datum, e] of voor) {
      expect(na.get(datum)?.uid, datum).toBe(e.uid);
      expect(na.get(datum)!.status).toBe('CANCELLED');
      expect(na.get(datum)!.sequence).toBeGreaterThan(e.sequence);
    }
    expect(na.get('2027-04-06')).toMatchObject({ status: 'CONFIRMED' });
    expect(na.get('2027-06-01')).toMatchObject({ status: 'CONFIRMED' });
    // The table and JSON show only the meetings that take place or were cancelled by hand.
    const plan = await kvzJson<{ datum: string }[]>(['overleg', 'plan', '--soort', 'gio', '--van', '2027-03-01', '--tot', '2027-08-31', '--json'], { db, nu: NU });
    expect(plan.map((p) => p.datum)).toEqual(['2027-04-06', '2027-06-01', '2027-07-27']);
  });

  it('refuses without participants with an address, a date without a meeting, and a half-given period: nothing written', async () => {
    const db = nieuweDb();
    await kvzOk(['overleg', 'cadans', 'gio', '--start', '2027-01-05'], { db, nu: NU });
    const geen = await kvz(['overleg', 'uitnodig', 'politie'], { db, nu: NU, env: mailEnv() });
    expect(geen.code).toBe(1);
    expect(geen.stderr).toContain('Geen enkele deelnemer van het politieoverleg heeft een e-mailadres; er is niets verstuurd.');
    await metDeelnemers(db);
    for (const [args, code, tekst] of [
      [['--datum', '2027-03-31'], 2, 'Er is geen GIO op woensdag 31 maart 2027'],
      [['--datum', '2027-02-16'], 1, 'al geweest'],
      [['--van', '2027-03-01'], 2, 'Geef bij --van ook --tot'],
      [['--datum', '2027-03-30', '--van', '2027-03-01', '--tot', '2027-04-01'], 2, 'niet allebei'],
      [['--datum', '30-02-2027'], 2, '--datum'],
      [['--van', '2027-01-01', '--tot', '2027-02-01'], 1, 'ligt in het verleden'],
    ] as const) {
      const u = await kvz(['overleg', 'uitnodig', 'gio', ...args], { db, nu: NU, env: mailEnv() });
      expect([u.code, u.stderr], args.join(' ')).toEqual([code, expect.stringContaining(tekst)]);
    }
    expect([telRijen(db, 'bericht'), telRijen(db, 'kalender'), smtp.ontvangen.length]).toEqual([0, 0, 0]);
    // A malformed mail setting does not stand in the way of moving a meeting nobody was invited to.
    const verzet = await kvz(['overleg', 'verzet', 'gio', '2027-03-30', '--naar', '2027-03-31'], { db, nu: NU, env: { KVZ_SMTP: 'ftp://nergens' } });
    expect(verzet.code).toBe(0);
  });

  it('keeps the invitations of a copy with mail switched off: status uit, nothing sent', async () => {
    const db = nieuweDb();
    await metDeelnemers(db);
    await kvzOk(['instelling', 'mail', '--uit'], { db, nu: NU });
    const u = await kvzOk(['overleg', 'uitnodig', 'gio'], { db, nu: NU, env: mailEnv() });
    expect(u.stdout).toContain('E-mail staat uit in deze database');
    await kvzOk(['overleg', 'annuleer', 'gio', '2027-03-30'], { db, nu: NU, env: mailEnv() });
    expect(smtp.ontvangen).toHaveLength(0);
    expect(lees(db, 'SELECT soort, status FROM bericht ORDER BY id')).toEqual([{ soort: 'uitnodiging', status: 'uit' }, { soort: 'annulering', status: 'uit' }]);
  });
});

/** The plan's events by date, read with ical.js. */
function leesPlan(inhoud: string): Map<string, { uid: string; sequence: number; status: string }> {
  const kalender = new ICAL.Component(ICAL.parse(inhoud));
  expect(kalender.getFirstPropertyValue('method')).toBe('PUBLISH');
  return new Map(
    kalender.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return [e.startDate.toString().slice(0, 10), { uid: e.uid, sequence: e.sequence, status: String(v.getFirstPropertyValue('status')) }];
    }),
  );
}

describe('kvz agenda <soort> --mail', () => {
  it('mails the Word agenda to the meeting\'s participants, with a summary in the body', async () => {
    const db = nieuweDb();
    await metDeelnemers(db);
    await kvzOk(['overleg', 'deelnemer', 'add', 'politie', '--naam', 'Teamchef', '--email', 'teamchef@politie.test'], { db, nu: NU });
    const u = await kvzOk(['agenda', 'gio', '--datum', '2027-03-30', '--mail'], { db, nu: NU, env: mailEnv() });
    expect(u.stderr).toBe('');
    expect(u.stdout).toContain('Agenda van het GIO van dinsdag 30 maart 2027 als Word-document naar 2 deelnemers.');
    expect(smtp.ontvangen).toHaveLength(1);
    const m = smtp.ontvangen[0]!;
    expect(m.aan.sort()).toEqual(['jw@jongerenwerk.test', 'wijkagent@politie.test']);
    expect(m.mail.subject).toBe('Agenda GIO (Groot Integraal Overleg), dinsdag 30 maart 2027');
    expect(m.mail.text).toContain('Agendapunten:\n1. Opening');
    const bijlage = m.mail.attachments.find((a) => a.filename === 'agenda-gio-30-03-2027.docx')!;
    expect(bijlage.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect((await mammoth.extractRawText({ buffer: bijlage.content })).value).toContain('Agenda GIO (Groot Integraal Overleg)');
    expect(lees(db, 'SELECT soort, object, status FROM bericht')).toEqual([{ soort: 'agenda', object: 'gio 2027-03-30', status: 'verzonden' }]);
  });

  it('sends the politie agenda only to the politieoverleg\'s participants, with a neutral body and a Vertrouwelijk subject', async () => {
    const db = nieuweDb();
    await metDeelnemers(db);
    await kvzOk(['overleg', 'cadans', 'politie', '--start', '2027-03-09'], { db, nu: NU });
    await kvzOk(['overleg', 'deelnemer', 'add', 'politie', '--naam', 'Teamchef', '--email', 'teamchef@politie.test'], { db, nu: NU });
    await kvzOk(['zaak', 'open', '--titel', 'Drugshandel achter de sporthal', '--soort', 'overlast', '--kern', 'Obdam', '--vertrouwelijk'], { db, nu: NU });
    await kvzOk(['agenda', 'politie', '--mail'], { db, nu: NU, env: mailEnv() });
    expect(smtp.ontvangen.map((o) => o.aan)).toEqual([['teamchef@politie.test']]);
    const m = smtp.ontvangen[0]!;
    expect(m.mail.subject).toBe('Vertrouwelijk: agenda politieoverleg, dinsdag 9 maart 2027');
    expect(m.mail.text).not.toMatch(/Drugshandel|Z-2027|Trends|Agendapunten/);
    const tekst = (await mammoth.extractRawText({ buffer: m.mail.attachments[0]!.content })).value;
    expect(tekst).toContain('Drugshandel achter de sporthal');
    expect(tekst).toContain('Vertrouwelijk: dit stuk bevat vertrouwelijke zaken');
  });

  it('refuses without participants with an address, and with --json: nothing written', async () => {
    const db = nieuweDb();
    await kvzOk(['overleg', 'cadans', 'gio', '--start', '2027-01-05'], { db, nu: NU });
    const geen = await kvz(['agenda', 'tweewekelijks', '--mail'], { db, nu: NU, env: mailEnv() });
    expect([geen.code, geen.stderr]).toEqual([1, expect.stringContaining('Geen enkele deelnemer van het tweewekelijks overleg heeft een e-mailadres')]);
    const zonderBestand = await kvz(['agenda', 'gio', '--mail', '--formaat', 'docx'], { db, nu: NU, env: mailEnv() });
    expect(zonderBestand.stderr).not.toContain('--output');
    const json = await kvz(['agenda', 'gio', '--mail', '--json'], { db, nu: NU, env: mailEnv() });
    expect([json.code, json.stderr]).toEqual([2, expect.stringContaining('--mail en --json')]);
    expect([telRijen(db, 'bericht'), smtp.ontvangen.length]).toEqual([0, 0]);
    expect(lees(db, `SELECT count(*) AS n FROM audit WHERE resultaat LIKE 'agenda%'`)).toEqual([{ n: 0 }]);
  });
});
