import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/domain/errors.js';
import { kvz, kvzJson, kvzOk, lees, nieuweDb, ScriptPrompter, telRijen } from '../helpers/run.js';
import { auditRegels, metOptie, nieuweActie, nieuweMelding, nieuweZaak, toestand, zetCadans } from '../helpers/matrix.js';

const OPEN = ['zaak', 'open', '--titel', 'Jeugdoverlast bushalte', '--soort', 'overlast', '--kern', 'Spierdijk'];

describe('kvz zaak open', () => {
  it('opens a zaak with its meldingen, stores every flag and writes one audit row', async () => {
    const db = nieuweDb();
    const m1 = await nieuweMelding(db);
    const m2 = await nieuweMelding(db);
    const u = await kvzOk(
      ['zaak', 'open', '--titel', 'Treiteren nieuwe bewoners', '--soort', 'Overlast', '--kern', 'obdam', '--melding', `${m1},${m2.toLowerCase()}`,
        '--eigenaar', 'Politie', '--vertrouwelijk'],
      { db },
    );
    expect(u.stdout).toContain('Zaak Z-2027-001 geopend: Treiteren nieuwe bewoners.');
    expect(u.stdout).toContain('Vertrouwelijk: deze zaak komt alleen in het politieoverleg.');
    expect(u.stdout).toContain('Gekoppelde meldingen: M-2027-0001, M-2027-0002.');
    expect(lees(db, 'SELECT nummer, titel, soort, kern, eigenaar, vertrouwelijk, status, geopend_door FROM zaak')).toEqual([
      { nummer: 'Z-2027-001', titel: 'Treiteren nieuwe bewoners', soort: 'overlast', kern: 'Obdam', eigenaar: 'politie', vertrouwelijk: 1, status: 'open', geopend_door: 'test' },
    ]);
    expect(lees(db, 'SELECT count(*) AS n FROM melding WHERE zaak_id = 1')).toEqual([{ n: 2 }]);
    const audit = auditRegels(db).filter((a) => a.commando === 'zaak open');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ object: 'Z-2027-001', resultaat: 'zaak geopend' });
    // A title may name people: the log keeps the facts, not the text.
    expect(audit[0]!.details).not.toContain('Treiteren');
  });

  it('prints the opened zaak with --json, with the keys of SPEC §2', async () => {
    const db = nieuweDb();
    const m = await nieuweMelding(db);
    const z = await kvzJson<Record<string, unknown>>([...OPEN, '--melding', m], { db });
    expect(z).toMatchObject({ nummer: 'Z-2027-001', titel: 'Jeugdoverlast bushalte', soort: 'overlast', kern: 'Spierdijk', status: 'open', vertrouwelijk: false, eigenaar: 'iv' });
    // SPEC §12: lists of numbers, as in zaak list, and their counts.
    expect(z).toMatchObject({ meldingen: [m], acties: [], aantal_meldingen: 1, aantal_acties: 0 });
  });

  it('moves a melding that belonged to another zaak, and says so', async () => {
    const db = nieuweDb();
    const m = await nieuweMelding(db);
    await nieuweZaak(db, ['--melding', m]);
    const u = await kvzOk([...OPEN, '--melding', m], { db });
    expect(u.stdout).toContain(`! Melding ${m} hoorde bij zaak Z-2027-001 en hoort nu bij Z-2027-002.`);
    expect(lees(db, 'SELECT z.nummer FROM melding m JOIN zaak z ON z.id = m.zaak_id')).toEqual([{ nummer: 'Z-2027-002' }]);
  });

  it.each([
    [['--kern', 'Spierdyk'], 2, "Onbekende kern 'Spierdyk' voor --kern. Bedoelde u 'Spierdijk'?"],
    [['--soort', 'overlst'], 2, "Onbekende soort zaak 'overlst' voor --soort. Bedoelde u 'overlast'?"],
    [['--eigenaar', 'politi'], 2, "Onbekende partner 'politi' voor --eigenaar. Bedoelde u 'politie'?"],
    [['--titel', '  '], 2, '--titel mag niet leeg zijn.'],
    [['--melding', 'M-2027-0099'], 1, 'Melding M-2027-0099 bestaat niet; de zaak is niet geopend.'],
    [['--melding', 'Z-2027-001'], 2, "Ongeldig nummer voor --melding: 'Z-2027-001'"],
  ])('refuses %j with exit %i, a clear message, and writes nothing', async (extra, code, bericht) => {
    const db = nieuweDb();
    await nieuweMelding(db);
    const voor = toestand(db);
    const u = await kvz(metOptie(OPEN, extra), { db });
    expect(u.code).toBe(code);
    expect(u.stderr).toContain(bericht);
    expect(u.stderr.trim().split('\n')).toHaveLength(1);
    expect(toestand(db)).toEqual(voor);
  });

  it('without a terminal, names every missing required flag and writes nothing', async () => {
    const db = nieuweDb();
    const u = await kvz(['zaak', 'open', '--kern', 'Obdam'], { db });
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/--titel, --soort ontbreken/);
    expect(telRijen(db, 'zaak')).toBe(0);
    expect(telRijen(db, 'audit')).toBe(0);
  });

  it('asks on a terminal for what is missing', async () => {
    const db = nieuweDb();
    const prompter = new ScriptPrompter({ 'Titel van de zaak': 'Zorgen om bewoner', 'Soort zaak': 'zorg', Kern: 'Ursem' });
    const u = await kvz(['zaak', 'open'], { db, tty: true, prompter });
    expect(u.stderr).toBe('');
    expect(u.code).toBe(0);
    expect(prompter.keuzes['Kern (typ om te zoeken)']?.map((k) => k.value)).toContain('Zuid-Spierdijk');
    expect(lees(db, 'SELECT titel, soort, kern FROM zaak')).toEqual([{ titel: 'Zorgen om bewoner', soort: 'zorg', kern: 'Ursem' }]);
  });

  it('exits 130 and writes nothing when the user cancels a question', async () => {
    const db = nieuweDb();
    const prompter = new ScriptPrompter({ 'Titel van de zaak': 'Zorgen', 'Soort zaak': new CancelledError() });
    const u = await kvz(['zaak', 'open'], { db, tty: true, prompter });
    expect(u.code).toBe(130);
    expect(telRijen(db, 'zaak')).toBe(0);
  });
});

describe('kvz zaak list', () => {
  it('counts meldingen, open and overdue acties per zaak, newest first', async () => {
    const db = nieuweDb();
    const m = await nieuweMelding(db);
    const z1 = await nieuweZaak(db, ['--melding', m]);
    await nieuweActie(db, z1, 'politie', '2027-03-10');
    await nieuweActie(db, z1, 'jongerenwerk', '2027-04-01');
    const klaar = await nieuweActie(db, z1, 'zorgteam', '2027-03-01');
    await kvzOk(['actie', 'update', klaar, '--status', 'gereed'], { db });
    const z2 = await nieuweZaak(db, ['--titel', 'Zorgen om bewoner', '--soort', 'zorg', '--kern', 'Obdam', '--vertrouwelijk'], {
      nu: '2027-03-17T10:00:00.000Z',
    });

    const zaken = await kvzJson<Record<string, unknown>[]>(['zaak', 'list'], { db });
    expect(zaken.map((z) => z.nummer)).toEqual([z2, z1]);
    expect(zaken[1]).toMatchObject({ nummer: z1, meldingen: [m], aantal_meldingen: 1, aantal_acties: 3, open_acties: 2, te_laat_acties: 1, vertrouwelijk: false });
    expect(zaken[1]!.acties).toEqual(['A-2027-0001', 'A-2027-0002', 'A-2027-0003']);
    expect(zaken[0]).toMatchObject({ nummer: z2, meldingen: [], acties: [], aantal_meldingen: 0, aantal_acties: 0, vertrouwelijk: true, soort: 'zorg' });

    const u = await kvzOk(['zaak', 'list'], { db });
    const regel = u.stdout.split('\n').find((r) => r.startsWith(z1))!;
    expect(regel).toMatch(/Jeugdoverlast bushalte\s+overlast\s+Spierdijk\s+open\s+1\s+2\s+! 1$/);
    expect(u.stdout).toContain('Zorgen om bewoner [vertrouwelijk]');
    expect(u.stdout).toContain('2 zaken.');
  });

  it('filters on status, kern and soort, and limits the table', async () => {
    const db = nieuweDb();
    const z1 = await nieuweZaak(db);
    await nieuweZaak(db, ['--kern', 'Obdam', '--soort', 'zorg']);
    await kvzOk(['zaak', 'close', z1, '--resultaat', 'Rust teruggekeerd'], { db });
    const nummers = async (args: string[]) => (await kvzJson<{ nummer: string }[]>(['zaak', 'list', ...args], { db })).map((z) => z.nummer);
    expect(await nummers(['--status', 'open'])).toEqual(['Z-2027-002']);
    expect(await nummers(['--status', 'gesloten'])).toEqual(['Z-2027-001']);
    expect(await nummers(['--status', 'alle'])).toEqual(['Z-2027-002', 'Z-2027-001']);
    // SPEC §12: the group word openstaand and a comma list mean the same on every list.
    expect(await nummers(['--status', 'openstaand'])).toEqual(['Z-2027-002']);
    expect(await nummers(['--status', 'open,gesloten'])).toEqual(['Z-2027-002', 'Z-2027-001']);
    expect(await nummers(['--kern', 'spierdijk'])).toEqual(['Z-2027-001']);
    expect(await nummers(['--soort', 'zorg'])).toEqual(['Z-2027-002']);
    const u = await kvzOk(['zaak', 'list', '--limit', '1'], { db });
    expect(u.stdout).toContain('2 zaken; de nieuwste staat hierboven, nog 1 met --limit 2.');
    const fout = await kvz(['zaak', 'list', '--status', 'dicht'], { db });
    expect(fout.code).toBe(2);
    expect(fout.stderr).toContain("Onbekende status 'dicht' voor --status. Kies uit: open, gesloten, openstaand, alle.");
  });

  it('says so when there are none', async () => {
    const u = await kvzOk(['zaak', 'list'], { db: nieuweDb() });
    expect(u.stdout).toBe('Geen zaken gevonden.\n');
  });
});

describe('kvz zaak show', () => {
  it('shows meldingen, acties with their history, and the overleggen where they were agreed', async () => {
    const db = nieuweDb();
    await zetCadans(db);
    const m = await nieuweMelding(db);
    const z = await nieuweZaak(db, ['--melding', m]);
    const a = await nieuweActie(db, z, 'politie', '2027-03-30', ['--overleg', 'gio:02-03-2027']);
    await kvzOk(['actie', 'update', a, '--deadline', '2027-04-13', '--notitie', 'Capaciteit', '--overleg', 'tweewekelijks:30-03-2027'], {
      db,
      nu: '2027-03-30T12:00:00.000Z',
    });
    const u = await kvzOk(['zaak', 'show', z.toLowerCase()], { db, nu: '2027-03-30T12:00:00.000Z' });
    expect(u.stdout).toContain(`Zaak ${z}`);
    expect(u.stdout).toContain(`${m}  16-03-2027 11:00  jeugdoverlast  Spierdijk  nieuw`);
    expect(u.stdout).toMatch(/A-2027-0001 {2}politie {2}13-04-2027 {2}open +1× uitgesteld/);
    // History lines wrap at 80 columns; read them as one text.
    const tekst = u.stdout.replace(/\n\s+/g, ' ');
    expect(tekst).toContain('16-03-2027 11:00 test: aangemaakt: politie, deadline 30-03-2027 [GIO 02-03-2027]');
    expect(tekst).toContain('30-03-2027 14:00 test: deadline 30-03-2027 → 13-04-2027 (uitgesteld) — Capaciteit [tweewekelijks overleg 30-03-2027]');
    expect(u.stdout).toMatch(/Overleggen\n {2}GIO 02-03-2027 \(gepland\)\n {2}tweewekelijks overleg 30-03-2027 \(gepland\)/);

    const json = await kvzJson<Record<string, any>>(['zaak', 'show', z], { db });
    expect(json).toMatchObject({ meldingen: [m], acties: [a], aantal_meldingen: 1, aantal_acties: 1 });
    const actie = await kvzJson<Record<string, any>>(['actie', 'show', a], { db });
    expect(actie).toMatchObject({ nummer: a, zaak: z, partner: 'politie', deadline: '2027-04-13', status: 'open', keer_uitgesteld: 1, te_laat: false });
    expect(actie.historie).toHaveLength(2);
    expect(json.overleggen).toEqual([
      { soort: 'gio', datum: '2027-03-02', status: 'gepland', verschoven_van: null },
      { soort: 'tweewekelijks', datum: '2027-03-30', status: 'gepland', verschoven_van: null },
    ]);
    // No melder data reaches the zaak view.
    expect(JSON.stringify(json)).not.toContain('melder_naam');
  });

  it('marks a vertrouwelijke zaak, and refuses an unknown one with exit 1', async () => {
    const db = nieuweDb();
    const z = await nieuweZaak(db, ['--vertrouwelijk']);
    expect((await kvzOk(['zaak', 'show', z], { db })).stdout).toContain('[vertrouwelijk: alleen politieoverleg]');
    expect((await kvzJson<{ vertrouwelijk: boolean }>(['zaak', 'show', z], { db })).vertrouwelijk).toBe(true);
    const u = await kvz(['zaak', 'show', 'Z-2027-009'], { db });
    expect(u.code).toBe(1);
    expect(u.stderr).toBe('Zaak Z-2027-009 bestaat niet. Zie kvz zaak list.\n');
  });
});

describe('kvz zaak update', () => {
  it('changes the given fields, with one audit row naming old and new', async () => {
    const db = nieuweDb();
    const z = await nieuweZaak(db);
    const u = await kvzOk(['zaak', 'update', z, '--kern', 'obdam', '--vertrouwelijk', '--titel', 'Nieuwe titel', '--eigenaar', 'zorgteam'], { db });
    expect(u.stdout).toBe(`Zaak ${z} bijgewerkt: titel, kern, eigenaar, vertrouwelijk.\n`);
    expect(lees(db, 'SELECT titel, kern, eigenaar, vertrouwelijk FROM zaak')).toEqual([{ titel: 'Nieuwe titel', kern: 'Obdam', eigenaar: 'zorgteam', vertrouwelijk: 1 }]);
    const audit = auditRegels(db).filter((a) => a.commando === 'zaak update');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toEqual({ titel: 'gewijzigd', kern: ['Spierdijk', 'Obdam'], eigenaar: ['iv', 'zorgteam'], vertrouwelijk: [0, 1] });

    await kvzOk(['zaak', 'update', z, '--no-vertrouwelijk'], { db });
    expect(lees(db, 'SELECT vertrouwelijk FROM zaak')).toEqual([{ vertrouwelijk: 0 }]);
  });

  it('writes nothing when nothing changes, and refuses bad input', async () => {
    const db = nieuweDb();
    const z = await nieuweZaak(db);
    const voor = toestand(db);
    expect((await kvzOk(['zaak', 'update', z, '--kern', 'Spierdijk'], { db })).stdout).toContain('niets gewijzigd');
    const leeg = await kvz(['zaak', 'update', z], { db });
    expect(leeg.code).toBe(2);
    expect(leeg.stderr).toContain('Geef minstens één veld om te wijzigen');
    const kern = await kvz(['zaak', 'update', z, '--kern', 'Ursum'], { db });
    expect(kern.code).toBe(2);
    expect(kern.stderr).toContain("Bedoelde u 'Ursem'?");
    expect((await kvz(['zaak', 'update', 'Z-2027-005', '--kern', 'Ursem'], { db })).code).toBe(1);
    expect(toestand(db)).toEqual(voor);
  });
});

describe('kvz zaak close', () => {
  it('refuses while acties are open or running, naming them, and writes nothing', async () => {
    const db = nieuweDb();
    const z = await nieuweZaak(db);
    const a1 = await nieuweActie(db, z, 'politie', '2027-03-30');
    const a2 = await nieuweActie(db, z, 'jongerenwerk', '2027-03-30');
    const a3 = await nieuweActie(db, z, 'zorgteam', '2027-03-30');
    await kvzOk(['actie', 'update', a2, '--status', 'loopt'], { db });
    await kvzOk(['actie', 'update', a3, '--status', 'gereed'], { db });
    const voor = toestand(db);
    const u = await kvz(['zaak', 'close', z, '--resultaat', 'Opgelost'], { db });
    expect(u.code).toBe(1);
    expect(u.stderr).toBe(
      `Zaak ${z} heeft nog 2 lopende acties: ${a1} (politie, open), ${a2} (jongerenwerk, loopt); ` +
        'rond ze af met kvz actie update of sluit met --forceer (ze vervallen dan).\n',
    );
    expect(toestand(db)).toEqual(voor);
  });

  it('with --forceer closes the zaak and lets its running acties lapse, each with a history row, under one audit row', async () => {
    const db = nieuweDb();
    const z = await nieuweZaak(db);
    const a1 = await nieuweActie(db, z, 'politie', '2027-03-30');
    const a2 = await nieuweActie(db, z, 'jongerenwerk', '2027-03-30');
    await kvzOk(['actie', 'update', a2, '--status', 'gereed'], { db });
    const auditVoor = telRijen(db, 'audit');
    const u = await kvzOk(['zaak', 'close', z, '--resultaat', 'Overlast gestopt', '--forceer'], { db, nu: '2027-03-20T09:00:00.000Z' });
    expect(u.stdout).toBe(`Zaak ${z} gesloten.\nVervallen (vastgelegd in hun geschiedenis): ${a1}.\n`);
    expect(lees(db, 'SELECT status, resultaat, gesloten_op FROM zaak')).toEqual([
      { status: 'gesloten', resultaat: 'Overlast gestopt', gesloten_op: '2027-03-20T09:00:00.000Z' },
    ]);
    expect(lees(db, 'SELECT nummer, status FROM actie ORDER BY id')).toEqual([
      { nummer: a1, status: 'vervallen' },
      { nummer: a2, status: 'gereed' },
    ]);
    expect(lees(db, 'SELECT status_oud, status_nieuw, notitie, door, op FROM actie_historie WHERE actie_id = 1 ORDER BY id DESC LIMIT 1')).toEqual([
      { status_oud: 'open', status_nieuw: 'vervallen', notitie: `Vervallen bij het sluiten van zaak ${z}.`, door: 'test', op: '2027-03-20T09:00:00.000Z' },
    ]);
    expect(telRijen(db, 'audit')).toBe(auditVoor + 1);
    const audit = auditRegels(db).at(-1)!;
    expect(audit).toMatchObject({ commando: 'zaak close', object: z, resultaat: 'zaak gesloten; 1 actie vervallen' });
    expect(JSON.parse(audit.details)).toMatchObject({ vervallen: [a1] });
  });

  it('closes a zaak whose acties are all done, and refuses a second close', async () => {
    const db = nieuweDb();
    const z = await nieuweZaak(db);
    const zaak = await kvzJson<{ status: string; resultaat: string }>(['zaak', 'close', z, '--resultaat', 'Rust'], { db });
    expect(zaak).toMatchObject({ status: 'gesloten', resultaat: 'Rust' });
    const u = await kvz(['zaak', 'close', z, '--resultaat', 'Rust'], { db });
    expect(u.code).toBe(1);
    expect(u.stderr).toBe(`Zaak ${z} is al gesloten.\n`);
  });

  it('requires --resultaat', async () => {
    const db = nieuweDb();
    const z = await nieuweZaak(db);
    const u = await kvz(['zaak', 'close', z], { db });
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('De optie --resultaat ontbreekt');
    expect(lees(db, 'SELECT status FROM zaak')).toEqual([{ status: 'open' }]);
  });

  it('takes no new acties, changes and links once closed', async () => {
    const db = nieuweDb();
    const z = await nieuweZaak(db);
    const a = await nieuweActie(db, z, 'politie', '2027-03-30');
    await kvzOk(['zaak', 'close', z, '--resultaat', 'Rust', '--forceer'], { db });
    const voor = toestand(db);
    const add = await kvz(['actie', 'add', z, '--omschrijving', 'x', '--partner', 'politie', '--deadline', '2027-04-01'], { db });
    expect(add.code).toBe(1);
    expect(add.stderr).toBe(`Zaak ${z} is gesloten; een actie kan alleen bij een open zaak.\n`);
    const upd = await kvz(['actie', 'update', a, '--status', 'open'], { db });
    expect(upd.code).toBe(1);
    expect(upd.stderr).toBe(`Actie ${a} hoort bij gesloten zaak ${z}; wijzigen kan niet meer.\n`);
    expect(toestand(db)).toEqual(voor);
  });
});
