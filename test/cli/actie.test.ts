import { describe, expect, it } from 'vitest';
import { kvz, kvzJson, kvzOk, lees, nieuweDb, ScriptPrompter, spawnKvzSync, telRijen } from '../helpers/run.js';
import { auditRegels, metOptie, nieuweActie, nieuweZaak, toestand, zetCadans } from '../helpers/matrix.js';

const add = (zaak: string, ...extra: string[]) => [
  'actie', 'add', zaak, '--omschrijving', 'Gesprek met de groep jongeren', '--partner', 'jongerenwerk', '--deadline', '30-03-2027', ...extra,
];

describe('kvz actie add', () => {
  it('adds a row to the matrix with its first history row and one audit row', async () => {
    const db = nieuweDb();
    const z = await nieuweZaak(db);
    const u = await kvzOk(add(z, '--soort', 'gesprek-melder'), { db });
    expect(u.stdout).toBe(`Actie A-2027-0001 toegevoegd aan zaak ${z}: jongerenwerk, deadline 30-03-2027.\n`);
    expect(lees(db, 'SELECT nummer, zaak_id, omschrijving, soort, partner, deadline, status, keer_uitgesteld, overleg_id, aangemaakt_door FROM actie')).toEqual([
      { nummer: 'A-2027-0001', zaak_id: 1, omschrijving: 'Gesprek met de groep jongeren', soort: 'gesprek-melder', partner: 'jongerenwerk',
        deadline: '2027-03-30', status: 'open', keer_uitgesteld: 0, overleg_id: null, aangemaakt_door: 'test' },
    ]);
    expect(lees(db, 'SELECT op, door, status_oud, status_nieuw, deadline_oud, deadline_nieuw, partner_oud, partner_nieuw, notitie FROM actie_historie')).toEqual([
      { op: '2027-03-16T10:00:00.000Z', door: 'test', status_oud: null, status_nieuw: 'open', deadline_oud: null, deadline_nieuw: '2027-03-30',
        partner_oud: null, partner_nieuw: 'jongerenwerk', notitie: null },
    ]);
    const audit = auditRegels(db).at(-1)!;
    expect(audit).toMatchObject({ commando: 'actie add', object: 'A-2027-0001', resultaat: `actie toegevoegd aan ${z}` });
  });

  it('prints the actie with --json, with the keys of SPEC §2', async () => {
    const db = nieuweDb();
    const z = await nieuweZaak(db);
    const a = await kvzJson<Record<string, unknown>>(add(z), { db });
    expect(a).toMatchObject({
      nummer: 'A-2027-0001', zaak: z, omschrijving: 'Gesprek met de groep jongeren', partner: 'jongerenwerk', deadline: '2027-03-30',
      status: 'open', keer_uitgesteld: 0, te_laat: false, soort: 'overig', afgesproken_in: null,
    });
    expect(a.historie).toHaveLength(1);
  });

  it('records with --overleg where it was agreed, creating the overleg once and reusing it', async () => {
    const db = nieuweDb();
    await zetCadans(db);
    const z = await nieuweZaak(db);
    const u = await kvzOk(add(z, '--overleg', 'gio:02-03-2027'), { db });
    expect(u.stdout).toContain('afgesproken in GIO 02-03-2027.');
    await kvzOk(add(z, '--overleg', 'GIO:2027-03-02'), { db });
    await kvzOk(add(z, '--overleg', 'tweewekelijks:vandaag'), { db });
    await kvzOk(add(z, '--overleg', 'politieoverleg:9-3-2027'), { db });
    expect(lees(db, 'SELECT id, soort, nominale_datum, datum, status FROM overleg ORDER BY id')).toEqual([
      { id: 1, soort: 'gio', nominale_datum: '2027-03-02', datum: '2027-03-02', status: 'gepland' },
      { id: 2, soort: 'tweewekelijks', nominale_datum: '2027-03-16', datum: '2027-03-16', status: 'gepland' },
      { id: 3, soort: 'politie', nominale_datum: '2027-03-09', datum: '2027-03-09', status: 'gepland' },
    ]);
    expect(lees(db, 'SELECT overleg_id FROM actie ORDER BY id').map((r) => r.overleg_id)).toEqual([1, 1, 2, 3]);
    expect(lees(db, 'SELECT overleg_id FROM actie_historie ORDER BY id').map((r) => r.overleg_id)).toEqual([1, 1, 2, 3]);
    expect((await kvzJson<{ afgesproken_in: unknown }>(['actie', 'show', 'A-2027-0001'], { db })).afgesproken_in).toEqual({ soort: 'gio', datum: '2027-03-02' });
  });

  it('finds a moved meeting by its new date, and refuses a day without that meeting, writing nothing', async () => {
    const db = nieuweDb();
    await zetCadans(db);
    const z = await nieuweZaak(db);
    await kvzOk(add(z, '--overleg', 'gio:02-03-2027'), { db });
    await kvzOk(['overleg', 'verzet', 'gio', '02-03-2027', '--naar', '04-03-2027', '--reden', 'Raadsvergadering'], { db });
    await kvzOk(add(z, '--overleg', 'gio:04-03-2027'), { db });
    expect(lees(db, 'SELECT overleg_id FROM actie ORDER BY id').map((r) => r.overleg_id)).toEqual([1, 1]);
    const voor = toestand(db);
    const u = await kvz(add(z, '--overleg', 'politie:16-03-2027'), { db });
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/^Er is geen politieoverleg op dinsdag 16 maart 2027; wel op dinsdag 9 maart 2027/);
    expect(toestand(db)).toEqual(voor);
  });

  it('warns when the deadline is already past', async () => {
    const db = nieuweDb();
    const z = await nieuweZaak(db);
    const u = await kvzOk(add(z, '--deadline', 'gisteren'), { db });
    expect(u.stdout).toContain('! De deadline ligt al in het verleden: de actie is meteen te laat.');
  });

  it.each([
    [['--partner', 'jongerwerk'], 2, "Onbekende partner 'jongerwerk' voor --partner. Bedoelde u 'jongerenwerk'?"],
    [['--partner', 'Zorgteam Koggenlant'], 2, "Bedoelde u 'zorgteam'?"],
    [['--deadline', '31-04-2027'], 2, "Ongeldige datum voor --deadline: '31-04-2027' bestaat niet."],
    [['--deadline', 'volgende week'], 2, "Ongeldige datum voor --deadline: 'volgende week' is geen datum."],
    [['--soort', 'gesprek'], 2, "Onbekende soort actie 'gesprek' voor --soort."],
    [['--overleg', 'gio'], 2, "Ongeldige waarde voor --overleg: 'gio'. Verwacht soort:datum"],
    [['--overleg', 'raad:16-03-2027'], 2, "Onbekende soort overleg 'raad' voor --overleg."],
    [['--overleg', 'gi0:16-03-2027'], 2, "Bedoelde u 'gio'?"],
    [['--overleg', 'gio:2027-02-29'], 2, "Ongeldige datum voor --overleg: '2027-02-29' bestaat niet"],
    [['--overleg', 'gio:02-03-2027 10:00'], 2, 'mag hier geen tijd bevatten'],
    [['--omschrijving', ' '], 2, '--omschrijving mag niet leeg zijn.'],
  ])('refuses %j with a clear message and writes nothing', async (extra, code, bericht) => {
    const db = nieuweDb();
    const z = await nieuweZaak(db);
    const voor = toestand(db);
    const u = await kvz(metOptie(add(z), extra), { db });
    expect(u.code).toBe(code);
    expect(u.stderr).toContain(bericht);
    expect(u.stderr.trim().split('\n')).toHaveLength(1);
    expect(toestand(db)).toEqual(voor);
  });

  it('refuses an unknown zaak with exit 1 and writes nothing, not even the overleg', async () => {
    const db = nieuweDb();
    await nieuweZaak(db);
    const voor = toestand(db);
    const u = await kvz(add('Z-2027-002', '--overleg', 'tweewekelijks:16-03-2027'), { db });
    expect(u.code).toBe(1);
    expect(u.stderr).toBe('Zaak Z-2027-002 bestaat niet. Zie kvz zaak list.\n');
    expect(toestand(db)).toEqual(voor);
  });

  it('names the missing flags without a terminal, and asks on one', async () => {
    const db = nieuweDb();
    const z = await nieuweZaak(db);
    const u = await kvz(['actie', 'add', z, '--partner', 'politie'], { db });
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/--omschrijving, --deadline ontbreken/);
    expect(telRijen(db, 'actie')).toBe(0);

    const prompter = new ScriptPrompter({ Omschrijving: 'Huisbezoek', 'Deadline': '01-04-2027' });
    const v = await kvz(['actie', 'add', z, '--partner', 'politie'], { db, tty: true, prompter });
    expect(v.code).toBe(0);
    expect(prompter.gevraagd.some((q) => q.startsWith('Partner'))).toBe(false);
    expect(lees(db, 'SELECT omschrijving, partner, deadline FROM actie')).toEqual([{ omschrijving: 'Huisbezoek', partner: 'politie', deadline: '2027-04-01' }]);
  });
});

describe('kvz actie update', () => {
  it('keeps every change as history with who, when and the note, and one audit row each', async () => {
    const db = nieuweDb();
    await zetCadans(db);
    const z = await nieuweZaak(db);
    const a = await nieuweActie(db, z, 'politie', '2027-03-30');
    const u = await kvzOk(['actie', 'update', a.toLowerCase(), '--status', 'loopt', '--notitie', 'Eerste gesprek gevoerd', '--overleg', 'tweewekelijks:16-03-2027'], {
      db, nu: '2027-03-17T15:00:00.000Z', env: { KVZ_GEBRUIKER: 'anna' },
    });
    expect(u.stdout).toBe(`Actie ${a} bijgewerkt: status, notitie.\n`);
    await kvzOk(['actie', 'update', a, '--partner', 'Handhaving'], { db, nu: '2027-03-18T08:00:00.000Z' });
    await kvzOk(['actie', 'update', a, '--notitie', 'Wacht op politie'], { db, nu: '2027-03-18T09:00:00.000Z' });
    await kvzOk(['actie', 'update', a, '--status', 'gereed'], { db, nu: '2027-03-19T09:00:00.000Z' });
    expect(lees(db, 'SELECT op, door, status_oud, status_nieuw, partner_oud, partner_nieuw, notitie, overleg_id FROM actie_historie ORDER BY id')).toEqual([
      { op: '2027-03-16T10:00:00.000Z', door: 'test', status_oud: null, status_nieuw: 'open', partner_oud: null, partner_nieuw: 'politie', notitie: null, overleg_id: null },
      { op: '2027-03-17T15:00:00.000Z', door: 'anna', status_oud: 'open', status_nieuw: 'loopt', partner_oud: 'politie', partner_nieuw: 'politie', notitie: 'Eerste gesprek gevoerd', overleg_id: 1 },
      { op: '2027-03-18T08:00:00.000Z', door: 'test', status_oud: 'loopt', status_nieuw: 'loopt', partner_oud: 'politie', partner_nieuw: 'handhaving', notitie: null, overleg_id: null },
      { op: '2027-03-18T09:00:00.000Z', door: 'test', status_oud: 'loopt', status_nieuw: 'loopt', partner_oud: 'handhaving', partner_nieuw: 'handhaving', notitie: 'Wacht op politie', overleg_id: null },
      { op: '2027-03-19T09:00:00.000Z', door: 'test', status_oud: 'loopt', status_nieuw: 'gereed', partner_oud: 'handhaving', partner_nieuw: 'handhaving', notitie: null, overleg_id: null },
    ]);
    // The overleg of a change is recorded on the history row, not as where the actie was agreed.
    expect(lees(db, 'SELECT overleg_id, gewijzigd_op FROM actie')).toEqual([{ overleg_id: null, gewijzigd_op: '2027-03-19T09:00:00.000Z' }]);
    const audit = auditRegels(db).filter((r) => r.commando === 'actie update');
    expect(audit.map((r) => [r.object, r.resultaat])).toEqual([
      [a, 'actie gewijzigd'], [a, 'actie gewijzigd'], [a, 'notitie bij actie'], [a, 'actie gewijzigd'],
    ]);
    expect(JSON.parse(audit[1]!.details)).toEqual({ partner: ['politie', 'handhaving'] });
    // Notes are free text: the log says one was added, not what it says.
    expect(audit[2]!.details).not.toContain('Wacht op politie');
  });

  it('counts a postponement only when the deadline moves later', async () => {
    const db = nieuweDb();
    const z = await nieuweZaak(db);
    const a = await nieuweActie(db, z, 'politie', '2027-03-30');
    const stap = async (deadline: string) => (await kvzJson<{ keer_uitgesteld: number }>(['actie', 'update', a, '--deadline', deadline], { db })).keer_uitgesteld;
    expect(await stap('2027-04-13')).toBe(1);
    expect(await stap('2027-04-06')).toBe(1); // earlier: not a postponement
    expect(await stap('2027-04-20')).toBe(2);
    const u = await kvzOk(['actie', 'update', a, '--deadline', '2027-04-20'], { db });
    expect(u.stdout).toBe(`Actie ${a}: niets gewijzigd (de waarden waren al zo).\n`);
    const v = await kvzOk(['actie', 'update', a, '--deadline', '27-04-2027'], { db });
    expect(v.stdout).toContain('Deadline uitgesteld naar 27-04-2027; deze actie is nu 3× uitgesteld.');
    expect(lees(db, 'SELECT keer_uitgesteld FROM actie')).toEqual([{ keer_uitgesteld: 3 }]);
    // Creation + four real changes; the repeat wrote nothing.
    expect(telRijen(db, 'actie_historie')).toBe(5);
    expect(auditRegels(db).filter((r) => r.commando === 'actie update')).toHaveLength(4);
    expect(JSON.parse(auditRegels(db).at(-1)!.details)).toEqual({ deadline: ['2027-04-20', '2027-04-27'], uitgesteld: true });
  });

  it('refuses an unknown partner with a suggestion and writes nothing', async () => {
    const db = nieuweDb();
    const z = await nieuweZaak(db);
    const a = await nieuweActie(db, z, 'politie', '2027-03-30');
    const voor = toestand(db);
    const u = await kvz(['actie', 'update', a, '--partner', 'zorgtem', '--status', 'loopt'], { db });
    expect(u.code).toBe(2);
    expect(u.stderr).toBe("Onbekende partner 'zorgtem' voor --partner. Bedoelde u 'zorgteam'?\n");
    expect(toestand(db)).toEqual(voor);
  });

  it.each([
    [[], 2, 'Geef minstens een van --status, --deadline, --partner of --notitie'],
    [['--overleg', 'gio:16-03-2027'], 2, 'Geef minstens een van --status, --deadline, --partner of --notitie'],
    [['--status', 'dicht'], 2, "Onbekende status 'dicht' voor --status. Kies uit: open, loopt, gereed, vervallen."],
    [['--deadline', '2027-13-01'], 2, 'bestaat niet'],
    [['--notitie', 'a\u0007b'], 2, '--notitie bevat stuurtekens'],
  ])('refuses %j and writes nothing', async (extra, code, bericht) => {
    const db = nieuweDb();
    const z = await nieuweZaak(db);
    const a = await nieuweActie(db, z, 'politie', '2027-03-30');
    const voor = toestand(db);
    const u = await kvz(['actie', 'update', a, ...extra], { db });
    expect(u.code).toBe(code);
    expect(u.stderr).toContain(bericht);
    expect(toestand(db)).toEqual(voor);
  });

  it('refuses an unknown actie with exit 1', async () => {
    const db = nieuweDb();
    const u = await kvz(['actie', 'update', 'A-2027-0042', '--status', 'gereed'], { db });
    expect(u.code).toBe(1);
    expect(u.stderr).toBe('Actie A-2027-0042 bestaat niet. Zie kvz actie list.\n');
    expect((await kvz(['actie', 'update', 'A-42', '--status', 'gereed'], { db })).code).toBe(2);
  });
});

describe('overdue', () => {
  // 17 March 2027 begins in Amsterdam at 23:00 UTC on the 16th (CET). This suite runs under
  // TZ=Pacific/Kiritimati, where that moment is already the afternoon of the 17th.
  const VOOR_MIDDERNACHT = '2027-03-16T22:59:00.000Z';
  const NA_MIDDERNACHT = '2027-03-16T23:00:00.000Z';

  it('turns on at midnight in Amsterdam, whatever the machine zone', async () => {
    const db = nieuweDb();
    const z = await nieuweZaak(db);
    const a = await nieuweActie(db, z, 'politie', '2027-03-16');
    expect((await kvzJson<{ te_laat: boolean }>(['actie', 'show', a], { db, nu: VOOR_MIDDERNACHT })).te_laat).toBe(false);
    expect((await kvzJson<{ te_laat: boolean }>(['actie', 'show', a], { db, nu: NA_MIDDERNACHT })).te_laat).toBe(true);
    expect(await kvzJson<unknown[]>(['actie', 'list', '--te-laat'], { db, nu: VOOR_MIDDERNACHT })).toEqual([]);
    expect((await kvzJson<{ nummer: string }[]>(['actie', 'list', '--te-laat'], { db, nu: NA_MIDDERNACHT })).map((x) => x.nummer)).toEqual([a]);
    expect((await kvzOk(['matrix'], { db, nu: NA_MIDDERNACHT })).stdout).toContain(`! ${a}`);
    expect((await kvzOk(['matrix'], { db, nu: VOOR_MIDDERNACHT })).stdout).not.toContain('!');
  });

  it('is never judged on a finished actie', async () => {
    const db = nieuweDb();
    const z = await nieuweZaak(db);
    const a = await nieuweActie(db, z, 'politie', '2027-03-01');
    expect((await kvzJson<{ te_laat: boolean }>(['actie', 'show', a], { db })).te_laat).toBe(true);
    await kvzOk(['actie', 'update', a, '--status', 'gereed'], { db });
    expect((await kvzJson<{ te_laat: boolean }>(['actie', 'show', a], { db })).te_laat).toBe(false);
  });

  it.each(['America/Los_Angeles', 'Asia/Tokyo', 'UTC'])('follows Amsterdam in the real binary under TZ=%s', (tz) => {
    const db = nieuweDb();
    const env = (nu: string) => ({ TZ: tz, KVZ_DB: db, KVZ_NU: nu });
    const json = (args: string[], nu: string) => {
      const u = spawnKvzSync([...args, '--json'], env(nu));
      expect(u.code, u.stderr).toBe(0);
      return JSON.parse(u.stdout) as unknown;
    };
    json(['zaak', 'open', '--titel', 'x', '--soort', 'zorg', '--kern', 'Obdam'], VOOR_MIDDERNACHT);
    // 'vandaag' itself is the Amsterdam date: the 16th, though it is the 17th in Tokyo.
    const a = json(['actie', 'add', 'Z-2027-001', '--omschrijving', 'x', '--partner', 'iv', '--deadline', 'vandaag'], VOOR_MIDDERNACHT);
    expect(a).toMatchObject({ deadline: '2027-03-16', te_laat: false });
    const lijst = (nu: string) => json(['actie', 'list', '--te-laat'], nu) as unknown[];
    expect(lijst(VOOR_MIDDERNACHT)).toHaveLength(0);
    expect(lijst(NA_MIDDERNACHT)).toHaveLength(1);
  });
});

describe('kvz actie list and show', () => {
  it('lists newest first with filters on zaak, partner, status and overdue', async () => {
    const db = nieuweDb();
    const z1 = await nieuweZaak(db);
    const z2 = await nieuweZaak(db, ['--vertrouwelijk']);
    const a1 = await nieuweActie(db, z1, 'politie', '2027-03-10');
    const a2 = await nieuweActie(db, z1, 'jongerenwerk', '2027-04-10', [], { nu: '2027-03-16T11:00:00.000Z' });
    const a3 = await nieuweActie(db, z2, 'politie', '2027-04-10', [], { nu: '2027-03-16T12:00:00.000Z' });
    await kvzOk(['actie', 'update', a2, '--status', 'loopt'], { db });
    const nummers = async (...args: string[]) => (await kvzJson<{ nummer: string }[]>(['actie', 'list', ...args], { db })).map((a) => a.nummer);
    expect(await nummers()).toEqual([a3, a2, a1]);
    expect(await nummers('--zaak', z1)).toEqual([a2, a1]);
    expect(await nummers('--partner', 'Politie')).toEqual([a3, a1]);
    expect(await nummers('--status', 'loopt')).toEqual([a2]);
    // SPEC §12: exact statuses, a comma list, and the group words openstaand and alle.
    expect(await nummers('--status', 'open')).toEqual([a3, a1]);
    expect(await nummers('--status', 'loopt,gereed')).toEqual([a2]);
    expect(await nummers('--status', 'openstaand')).toEqual([a3, a2, a1]);
    expect(await nummers('--status', 'gereed,vervallen')).toEqual([]);
    expect(await nummers('--status', 'alle')).toEqual([a3, a2, a1]);
    expect((await kvz(['actie', 'list', '--status', 'open,dicht'], { db })).stderr).toBe("Onbekende status 'dicht' voor --status. Kies uit: open, loopt, gereed, vervallen, openstaand, alle.\n");
    expect(await nummers('--te-laat')).toEqual([a1]);
    expect(await nummers('--limit', '1')).toEqual([a3]);

    const u = await kvzOk(['actie', 'list'], { db });
    expect(u.stdout).toMatch(new RegExp(`${a1}\\s+${z1}\\s+politie\\s+overig\\s+! 10-03-2027\\s+open`));
    expect(u.stdout).toContain(`${z2}*`);
    expect(u.stdout).toContain('3 acties.\n! = te laat');
    expect(u.stdout).toContain('* = vertrouwelijke zaak');
    // A partner typed with an extra dash is still recognised; an unknown one is refused.
    expect(await nummers('--partner', 'jongeren-werk')).toEqual([a2]);
    const onbekend = await kvz(['actie', 'list', '--partner', 'bibliotheek'], { db });
    expect(onbekend.code).toBe(2);
    // The words people use for a status (#15 item 13): 'afgerond' is gereed.
    await kvzOk(['actie', 'update', a1, '--status', 'afgerond'], { db });
    expect(await nummers('--status', 'gereed')).toEqual([a1]);
    expect(await nummers('--status', 'afgerond')).toEqual([a1]); // the same words as actie update and the minutes
    expect((await kvz(['actie', 'list', '--status', ','], { db })).stderr).toBe("--status mag niet leeg zijn; geef een of meer statussen, gescheiden door komma's.\n");
  });

  it('shows one actie with its history, and says so when the list is empty', async () => {
    const db = nieuweDb();
    expect((await kvzOk(['actie', 'list'], { db })).stdout).toBe('Geen acties gevonden.\n');
    await zetCadans(db);
    const z = await nieuweZaak(db);
    const a = await nieuweActie(db, z, 'politie', '2027-03-30', ['--overleg', 'gio:02-03-2027']);
    await kvzOk(['actie', 'update', a, '--deadline', '2027-04-06'], { db });
    const u = await kvzOk(['actie', 'show', a], { db });
    expect(u.stdout).toMatch(/Deadline\s+06-04-2027, 1× uitgesteld/);
    expect(u.stdout).toMatch(/Afgesproken in\s+GIO 02-03-2027/);
    expect(u.stdout).toContain('test: deadline 30-03-2027 → 06-04-2027 (uitgesteld)');
    const niet = await kvz(['actie', 'show', 'A-2027-0009'], { db });
    expect(niet.code).toBe(1);
    expect(niet.stderr).toBe('Actie A-2027-0009 bestaat niet. Zie kvz actie list.\n');
  });
});

describe('the columns of acties on screen', () => {
  it('are measured for the whole matrix of a region, not only for a page of it', async () => {
    const { actieKolommen } = await import('../../src/cli/commands/actie/render.js');
    // `kvz matrix --status alle` on the region-scale set (~194,000 acties) overflowed the stack.
    const acties = Array.from({ length: 250_000 }, (_, i) => ({ partner: i === 123_456 ? 'veiligheidshuis' : 'politie', status: 'open' }));
    expect(actieKolommen(acties)).toEqual({ partner: 15, status: 5 });
    expect(actieKolommen([])).toEqual({ partner: 7, status: 5 });
  });
});
