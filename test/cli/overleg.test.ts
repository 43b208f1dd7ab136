import { describe, expect, it } from 'vitest';
import { kvz, kvzJson, kvzOk, lees, nieuweDb, telRijen, voer } from '../helpers/run.js';

/** The database's identity, which every meeting's UID carries. */
const dbId = (db: string) => lees<{ waarde: string }>(db, `SELECT waarde FROM instelling WHERE sleutel = 'database_id'`)[0]!.waarde;

/** A database whose GIO runs every 6 weeks from 5 January 2027, politie every 8 weeks from 12 January. */
async function metCadans(): Promise<string> {
  const db = nieuweDb();
  await kvzOk(['overleg', 'cadans', 'gio', '--start', '2027-01-05'], { db, nu: '2027-01-01T09:00:00Z' });
  await kvzOk(['overleg', 'cadans', 'politie', '--start', '12-01-2027', '--tijd', '14:30', '--locatie', 'Politiebureau Hoorn'], { db, nu: '2027-01-01T09:00:00Z' });
  return db;
}

const auditRijen = (db: string) => lees<{ commando: string; object: string; resultaat: string; details: string }>(db, 'SELECT commando, object, resultaat, details FROM audit ORDER BY id');

describe('kvz overleg cadans', () => {
  it('shows the default of a fresh database (the first Tuesday after creation) and says it is not set yet', async () => {
    const db = nieuweDb();
    const u = await kvzOk(['overleg', 'cadans'], { db }); // 16 March 2027, a Tuesday
    expect(u.stdout).toMatch(/GIO\s+elke 6 weken vanaf di 23-03-2027\s+10:00\s+Gemeentehuis Koggenland\s+di 23-03-2027/);
    expect(u.stdout).toMatch(/tweewekelijks overleg\s+14 dagen voor en na elk GIO/);
    expect(u.stdout).toMatch(/politieoverleg\s+elke 8 weken vanaf di 23-03-2027\s+14:00/);
    expect(u.stdout).toContain('! De cadans van het GIO staat nog op de standaard');
    expect(telRijen(db, 'audit')).toBe(0);
  });

  it('sets a cadence, audits it, and shows it', async () => {
    const db = nieuweDb();
    const u = await kvzOk(['overleg', 'cadans', 'gio', '--start', '2027-01-05', '--interval', '6', '--tijd', '9:30', '--locatie', 'Raadzaal'], { db });
    expect(u.stdout).toContain('Cadans van het GIO ingesteld: elke 6 weken vanaf dinsdag 5 januari 2027, 09:30, Raadzaal.');
    expect(u.stdout).toContain('Eerstvolgende: tweewekelijks overleg dinsdag 16 maart 2027; GIO dinsdag 30 maart 2027.');
    const [a] = auditRijen(db);
    expect(a).toMatchObject({ commando: 'overleg cadans', object: 'cadans gio', resultaat: 'cadans ingesteld' });
    expect(JSON.parse(a!.details)).toMatchObject({ start: ['2027-03-23', '2027-01-05'], tijd: ['10:00', '09:30'], locatie: ['Gemeentehuis Koggenland', 'Raadzaal'] });
    const json = await kvzJson<Record<string, unknown>[]>(['overleg', 'cadans', 'gio'], { db });
    expect(json).toEqual([{ soort: 'gio', start: '2027-01-05', interval_weken: 6, tijd: '09:30', locatie: 'Raadzaal', ingesteld: true, volgende: '2027-03-30' }]);
  });

  it.each([
    [['tweewekelijks', '--start', '2027-01-05'], 'Het tweewekelijks overleg heeft geen eigen cadans'],
    [['tweewekelijks', '--interval', '4', '--tijd', '13:00'], 'alleen een eigen --tijd en --locatie kan het tweewekelijks overleg wel krijgen'],
    [['tweewekelijks', '--tijd', '13.75'], "Ongeldige tijd voor --tijd: '13.75'"],
    [['gio', '--interval', '4'], 'Geef bij --interval ook --start'],
    [['gio', '--start', '2027-02-30'], "Ongeldige datum voor --start: '2027-02-30' bestaat niet"],
    [['gio', '--start', '2027-01-05', '--interval', '0'], "Ongeldige waarde voor --interval: '0'. Verwacht een heel getal van 1 tot en met 52."],
    [['politie', '--tijd', '25:00'], "Ongeldige tijd voor --tijd: '25:00'"],
    [['politie', '--locatie', '  '], '--locatie mag niet leeg zijn.'],
    [['gi', '--start', '2027-01-05'], "Onbekende soort overleg 'gi' voor het argument <soort>. Bedoelde u 'gio'?"],
    [['--start', '2027-01-05'], 'Zeg welke cadans u instelt'],
  ])('refuses %j, changing nothing', async (args, fout) => {
    const db = nieuweDb();
    await kvzOk(['init'], { db });
    const voor = lees(db, 'SELECT * FROM cadans ORDER BY soort');
    const audit = telRijen(db, 'audit');
    const u = await kvz(['overleg', 'cadans', ...args], { db });
    expect(u.code).toBe(2);
    expect(u.stderr).toContain(fout);
    expect(lees(db, 'SELECT * FROM cadans ORDER BY soort')).toEqual(voor);
    expect(telRijen(db, 'audit')).toBe(audit);
  });

  it('gives the tweewekelijks overleg its own time and place, while its dates keep following the GIO (#15 item 12)', async () => {
    const db = await metCadans();
    const audit = telRijen(db, 'audit');
    const u = await kvzOk(['overleg', 'cadans', 'tweewekelijks', '--tijd', '13:30', '--locatie', 'Gemeentehuis, zaal 3'], { db });
    expect(u.stdout).toContain('Tijd en plek van het tweewekelijks overleg ingesteld: 13:30, Gemeentehuis, zaal 3. De data volgen het GIO.');
    const [a] = auditRijen(db).slice(audit);
    expect(a).toMatchObject({ commando: 'overleg cadans', object: 'cadans gio', resultaat: 'cadans ingesteld' });
    expect(JSON.parse(a!.details)).toEqual({ tweewekelijks_tijd: [null, '13:30'], tweewekelijks_locatie: [null, 'Gemeentehuis, zaal 3'] });

    const plan = await kvzOk(['overleg', 'plan', '--tot', '2027-04-30'], { db });
    expect(plan.stdout).toMatch(/di 30-03-2027\s+GIO\s+10:00\s+Gemeentehuis Koggenland\s/);
    expect(plan.stdout).toMatch(/di 13-04-2027\s+tweewekelijks overleg\s+13:30\s+Gemeentehuis, zaal 3\s/);
    expect(plan.stdout).toMatch(/wo 28-04-2027\s+tweewekelijks overleg\s+13:30\s+Gemeentehuis, zaal 3\s+gepland\s+verschoven van 27-04-2027/);
    const agenda = await kvzOk(['agenda', 'tweewekelijks', '--datum', '13-04-2027'], { db });
    expect(agenda.stdout).toContain('- **Datum:** dinsdag 13 april 2027, 13:30 uur');
    expect(agenda.stdout).toContain('- **Locatie:** Gemeentehuis, zaal 3');
    const cadans = await kvzJson<Record<string, unknown>[]>(['overleg', 'cadans', 'tweewekelijks'], { db });
    expect(cadans).toEqual([{ soort: 'tweewekelijks', start: null, interval_weken: null, tijd: '13:30', locatie: 'Gemeentehuis, zaal 3', volgt: 'gio', eigen_tijd: true, eigen_locatie: true, volgende: '2027-03-16' }]);
    expect((await kvzOk(['overleg', 'cadans'], { db })).stdout).toMatch(/tweewekelijks overleg\s+14 dagen voor en na elk GIO\s+13:30\s+Gemeentehuis, zaal 3/);

    // The same again changes nothing; a move keeps the tweewekelijks time without storing it on the row.
    expect((await kvzOk(['overleg', 'cadans', 'tweewekelijks', '--tijd', '13:30'], { db })).stdout).toContain('stond al zo ingesteld; er is niets gewijzigd');
    expect(telRijen(db, 'audit')).toBe(audit + 1);
    await kvzOk(['overleg', 'verzet', 'tweewekelijks', '13-04-2027', '--naar', '14-04-2027'], { db });
    expect(lees(db, `SELECT datum, tijd, locatie FROM overleg WHERE soort = 'tweewekelijks'`)).toEqual([{ datum: '2027-04-14', tijd: null, locatie: null }]);
    expect((await kvzOk(['overleg', 'plan', '--tot', '2027-04-30'], { db })).stdout).toMatch(/wo 14-04-2027\s+tweewekelijks overleg\s+13:30\s+Gemeentehuis, zaal 3\s+! verzet/);
  });

  it('is what kvz init --gio-start sets too', async () => {
    const db = nieuweDb();
    await kvzOk(['init', '--gio-start', '2027-01-05', '--politie-start', '2027-01-12'], { db });
    const json = await kvzJson<{ soort: string; start: string; ingesteld: boolean }[]>(['overleg', 'cadans'], { db });
    expect(json.map((c) => [c.soort, c.start, c.ingesteld])).toEqual([['gio', '2027-01-05', true], ['tweewekelijks', null, undefined], ['politie', '2027-01-12', true]]);
    // (On PostgreSQL kvz init also records that it made the database, in a row of its own.)
    expect(auditRijen(db).filter((a) => a.object !== null).map((a) => [a.commando, a.object])).toEqual([['init', 'cadans gio'], ['init', 'cadans politie']]);
  });
});

describe('kvz overleg plan', () => {
  it('lists the next six months with the weekday, and says which holiday moved a meeting', async () => {
    const db = await metCadans();
    const u = await kvzOk(['overleg', 'plan'], { db });
    expect(u.stdout).toContain('Overleggen van dinsdag 16 maart 2027 tot en met donderdag 16 september 2027:');
    expect(u.stdout).toMatch(/wo 28-04-2027\s+tweewekelijks overleg\s+10:00\s+Gemeentehuis Koggenland\s+gepland\s+verschoven van 27-04-2027 \(Koningsdag\)/);
    expect(u.stdout).toMatch(/di 04-05-2027\s+politieoverleg\s+14:30\s+Politiebureau Hoorn/);
    const regels = u.stdout.split('\n').filter((r) => /^\w\w \d\d-\d\d-\d{4}/.test(r));
    expect(regels[0]).toMatch(/^di 16-03-2027\s+tweewekelijks/); // today's meeting is in the plan
    expect(regels.at(-1)).toMatch(/^di 14-09-2027\s+GIO/);
    expect(regels).toHaveLength(17);
  });

  it('gives JSON with the stable keys, filtered by soort and period', async () => {
    const db = await metCadans();
    const json = await kvzJson<Record<string, unknown>[]>(['overleg', 'plan', '--soort', 'tweewekelijks', '--van', '2027-04-01', '--tot', '30-04-2027'], { db });
    expect(json).toEqual([
      {
        soort: 'tweewekelijks', datum: '2027-04-13', tijd: '10:00', locatie: 'Gemeentehuis Koggenland', status: 'gepland',
        verschoven_van: null, reden: null, nominale_datum: '2027-04-13', uid: `tweewekelijks-2027-04-13-${dbId(db)}@kvz.koggenland.nl`,
      },
      {
        soort: 'tweewekelijks', datum: '2027-04-28', tijd: '10:00', locatie: 'Gemeentehuis Koggenland', status: 'gepland',
        verschoven_van: '2027-04-27', reden: 'Koningsdag', nominale_datum: '2027-04-27', uid: `tweewekelijks-2027-04-27-${dbId(db)}@kvz.koggenland.nl`,
      },
    ]);
  });

  it('reminds on stderr that a cadence is still the default', async () => {
    const db = nieuweDb();
    await kvzOk(['overleg', 'cadans', 'gio', '--start', '2027-01-05'], { db });
    expect((await kvzOk(['overleg', 'plan'], { db })).stderr).toBe(
      '! De cadans van het politieoverleg staat nog op de standaard; stel haar in met kvz overleg cadans politie --start <datum>.\n',
    );
    expect((await kvzOk(['overleg', 'plan', '--soort', 'tweewekelijks'], { db })).stderr).toBe('');
  });

  it('says so when a period has no meetings, and refuses a reversed period', async () => {
    const db = await metCadans();
    expect((await kvzOk(['overleg', 'plan', '--soort', 'gio', '--van', '2027-04-01', '--tot', '2027-04-30'], { db })).stdout)
      .toBe('Geen overleggen van donderdag 1 april 2027 tot en met vrijdag 30 april 2027.\n');
    expect(await kvzJson(['overleg', 'plan', '--soort', 'gio', '--van', '2027-04-01', '--tot', '2027-04-30'], { db })).toEqual([]);
    const u = await kvz(['overleg', 'plan', '--van', '2027-05-01', '--tot', '2027-04-01'], { db });
    expect(u).toMatchObject({ code: 2, stderr: '--van ligt na --tot; draai ze om.\n' });
  });
});

describe('kvz overleg verzet and annuleer', () => {
  it('moves a meeting, shows why in the plan, and audits old and new date', async () => {
    const db = await metCadans();
    const u = await kvzOk(['overleg', 'verzet', 'gio', '11-05-2027', '--naar', '2027-05-13', '--tijd', '13:00', '--reden', 'Voorzitter op cursus'], { db });
    expect(u.stdout).toBe('Het GIO van dinsdag 11 mei 2027 is verzet naar donderdag 13 mei 2027 13:00, Gemeentehuis Koggenland.\n');
    const plan = await kvzOk(['overleg', 'plan', '--soort', 'gio'], { db });
    expect(plan.stdout).toMatch(/do 13-05-2027\s+GIO\s+13:00\s+Gemeentehuis Koggenland\s+! verzet\s+verschoven van 11-05-2027 \(Voorzitter op cursus\)/);
    expect(lees(db, 'SELECT soort, nominale_datum, datum, status, verschoven_van, reden, tijd, locatie FROM overleg')).toEqual([
      { soort: 'gio', nominale_datum: '2027-05-11', datum: '2027-05-13', status: 'verzet', verschoven_van: '2027-05-11', reden: 'Voorzitter op cursus', tijd: '13:00', locatie: null },
    ]);
    const a = auditRijen(db).at(-1)!;
    expect(a).toMatchObject({ commando: 'overleg verzet', object: 'gio:2027-05-11', resultaat: 'verzet' });
    expect(JSON.parse(a.details)).toEqual({ datum: ['2027-05-11', '2027-05-13'], tijd: ['10:00', '13:00'], reden: 'Voorzitter op cursus' });
  });

  it('moves a meeting back to its cadence date, which makes it planned again', async () => {
    const db = await metCadans();
    await kvzOk(['overleg', 'verzet', 'gio', '2027-05-11', '--naar', '2027-05-13'], { db });
    const json = await kvzJson<Record<string, unknown>>(['overleg', 'verzet', 'gio', '2027-05-13', '--naar', '2027-05-11'], { db });
    expect(json).toMatchObject({ datum: '2027-05-11', status: 'gepland', verschoven_van: null, reden: null });
  });

  it('refuses to move a meeting to a day off, naming the next working day (exit 2, nothing moved)', async () => {
    const db = await metCadans();
    const voor = telRijen(db, 'audit');
    const u = await kvz(['overleg', 'verzet', 'politie', '2027-05-04', '--naar', '2027-05-06'], { db });
    expect(u.code).toBe(2);
    expect(u.stderr).toBe('--naar donderdag 6 mei 2027 is geen werkdag (Hemelvaartsdag); kies een werkdag, bijvoorbeeld vrijdag 7 mei 2027. Er is niets verzet.\n');
    expect((await kvz(['overleg', 'verzet', 'politie', '2027-05-04', '--naar', '2027-05-08'], { db })).code).toBe(2); // a Saturday
    expect(telRijen(db, 'audit')).toBe(voor);
  });

  it('names the date the plan had after two moves, not the one in between (the agenda too)', async () => {
    const db = await metCadans();
    await kvzOk(['overleg', 'verzet', 'gio', '2027-05-11', '--naar', '2027-05-13'], { db });
    const json = await kvzJson<Record<string, unknown>>(['overleg', 'verzet', 'gio', '2027-05-13', '--naar', '2027-05-18'], { db });
    expect(json).toMatchObject({ datum: '2027-05-18', status: 'verzet', verschoven_van: '2027-05-11' });
    const agenda = (await kvzOk(['agenda', 'gio', '--datum', '2027-05-18'], { db, nu: '2027-05-12T09:00:00.000Z' })).stdout;
    expect(agenda).toContain('**Verschoven:** van dinsdag 11 mei 2027');
    expect(agenda).not.toContain('13 mei');
  });

  it('cancels a meeting and brings it back', async () => {
    const db = await metCadans();
    const u = await kvzOk(['overleg', 'annuleer', 'gio', '2027-03-30', '--reden', 'Geen zaken'], { db });
    expect(u.stdout).toBe('Het GIO van dinsdag 30 maart 2027 is geannuleerd. De tweewekelijkse overleggen ervoor en erna gaan gewoon door.\n');
    expect((await kvzOk(['overleg', 'plan', '--soort', 'gio', '--tot', '2027-04-30'], { db })).stdout).toMatch(/di 30-03-2027\s+GIO\s+10:00\s+Gemeentehuis Koggenland\s+✗ geannuleerd\s+reden: Geen zaken/);
    expect(auditRijen(db).at(-1)).toMatchObject({ commando: 'overleg annuleer', object: 'gio:2027-03-30', resultaat: 'geannuleerd' });
    const terug = await kvzOk(['overleg', 'verzet', 'gio', '2027-03-30', '--naar', '2027-03-30'], { db });
    expect(terug.stdout).toBe('Het GIO van dinsdag 30 maart 2027 gaat weer door: dinsdag 30 maart 2027 10:00, Gemeentehuis Koggenland.\n');
    expect(lees(db, 'SELECT status, versie FROM overleg')).toEqual([{ status: 'gepland', versie: 2 }]);
  });

  it.each([
    [['verzet', 'gio', '2027-03-31', '--naar', '2027-04-01'], 2, 'Er is geen GIO op woensdag 31 maart 2027; wel op dinsdag 30 maart 2027 en op dinsdag 11 mei 2027. Zie kvz overleg plan.'],
    [['verzet', 'gio', '2027-03-30'], 2, 'Geef met --naar de nieuwe datum'],
    [['verzet', 'gio', '2027-03-30', '--naar', '2027-03-30'], 2, 'Het GIO van dinsdag 30 maart 2027 staat al zo gepland'],
    [['verzet', 'gio', '2027-03-30', '--naar', '2027-05-12'], 2, '--naar 2027-05-12 ligt voorbij het volgende GIO (dinsdag 11 mei 2027)'],
    [['verzet', 'gio', '2027-03-30', '--naar', '2027-02-15'], 2, '--naar 2027-02-15 ligt voorbij het vorige GIO (dinsdag 16 februari 2027)'],
    [['verzet', 'tweewekelijks', '2027-04-13', '--naar', '2027-04-28'], 1, 'Op woensdag 28 april 2027 is al een tweewekelijks overleg; kies een andere datum.'],
    [['verzet', 'gio', '2027-03-30', '--naar', 'overmorgen'], 2, "Ongeldige datum voor --naar: 'overmorgen' is geen datum."],
    [['verzet', 'overleg', '2027-03-30', '--naar', '2027-03-31'], 2, "Onbekende soort overleg 'overleg'"],
    [['annuleer', 'tweewekelijks', '2027-04-27'], 2, 'Er is geen tweewekelijks overleg op dinsdag 27 april 2027: het tweewekelijks overleg van die datum is verschoven naar woensdag 28 april 2027 (Koningsdag).'],
    [['annuleer', 'politie', '2027-05-04', '--reden', 'a\u0007b'], 2, '--reden bevat stuurtekens'],
  ])('refuses %j, changing nothing', async (args, code, fout) => {
    const db = await metCadans();
    const audit = telRijen(db, 'audit');
    const u = await kvz(['overleg', ...args], { db });
    expect(u.code).toBe(code);
    expect(u.stderr).toContain(fout);
    expect(u.stdout).toBe('');
    expect(telRijen(db, 'overleg')).toBe(0);
    expect(telRijen(db, 'audit')).toBe(audit);
  });

  it('refuses to cancel twice, or to cancel a meeting with recorded attendance', async () => {
    const db = await metCadans();
    await kvzOk(['overleg', 'annuleer', 'gio', '2027-03-30'], { db });
    expect(await kvz(['overleg', 'annuleer', 'gio', '2027-03-30'], { db })).toMatchObject({ code: 1, stderr: 'Het GIO van dinsdag 30 maart 2027 is al geannuleerd.\n' });
    // The minutes of the GIO of 16 February recorded who was there: it took place.
    voer(db, `INSERT INTO overleg (id, soort, nominale_datum, datum, gewijzigd_op) VALUES (2, 'gio', '2027-02-16', '2027-02-16', '')`);
    voer(db, `INSERT INTO aanwezigheid (overleg_id, partner) VALUES (2, 'politie')`);
    expect(await kvz(['overleg', 'annuleer', 'gio', '2027-02-16'], { db })).toMatchObject({
      code: 1,
      stderr: 'Het GIO van dinsdag 16 februari 2027 kan niet worden geannuleerd: er zijn acties of aanwezigen bij vastgelegd.\n',
    });
    expect(lees(db, 'SELECT nominale_datum, status FROM overleg ORDER BY id')).toEqual([
      { nominale_datum: '2027-03-30', status: 'geannuleerd' },
      { nominale_datum: '2027-02-16', status: 'gepland' },
    ]);
    expect(telRijen(db, 'audit')).toBe(3);
  });
});

describe('kvz status', () => {
  it('shows the next meeting of each soort, the first first', async () => {
    const db = await metCadans();
    await kvzOk(['overleg', 'verzet', 'politie', '2027-05-04', '--naar', '2027-05-07'], { db });
    const u = await kvzOk(['status'], { db, nu: '2027-03-17T10:00:00Z' });
    expect(u.stdout).toContain('Volgende overleggen\n');
    expect(u.stdout).toContain('  GIO                    dinsdag 30 maart 2027 10:00, Gemeentehuis Koggenland\n');
    expect(u.stdout).toContain('  tweewekelijks overleg  dinsdag 13 april 2027 10:00, Gemeentehuis Koggenland\n');
    expect(u.stdout).toContain('  politieoverleg         vrijdag 7 mei 2027 14:30, Politiebureau Hoorn (verschoven van 04-05-2027)\n');
    expect(u.stdout.indexOf('  GIO ')).toBeLessThan(u.stdout.indexOf('  tweewekelijks overleg '));
    const json = await kvzJson<{ volgende_overleggen: { datum: string }[] }>(['status'], { db, nu: '2027-03-16T10:00:00Z' });
    expect(json.volgende_overleggen.map((o) => o.datum)).toEqual(['2027-03-16', '2027-03-30', '2027-05-07']);
    expect(json.volgende_overleggen[0]).toEqual({
      soort: 'tweewekelijks', datum: '2027-03-16', tijd: '10:00', locatie: 'Gemeentehuis Koggenland', status: 'gepland', verschoven_van: null, reden: null,
    });
  });
});
