import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/domain/errors.js';
import { kvz, kvzJson, kvzOk, lees, nieuweDb, ScriptPrompter, telRijen } from '../helpers/run.js';

const BASIS = ['melding', 'add', '--categorie', 'jeugdoverlast', '--kern', 'Spierdijk', '--omschrijving', 'Groep jongeren bij de bushalte'];

/** Nothing of a rejected command may be in the database: no melding, no forwarding, no audit row. */
function leeg(db: string): void {
  expect(telRijen(db, 'melding')).toBe(0);
  expect(telRijen(db, 'doorzetting')).toBe(0);
  expect(telRijen(db, 'audit')).toBe(0);
}

describe('kvz melding add', () => {
  it('records a melding with every flag and forwards it at the same moment', async () => {
    const db = nieuweDb();
    const u = await kvzOk(
      [
        'melding', 'add',
        '--categorie', 'treiteren',
        '--kern', 'obdam',
        '--omschrijving', 'Scheldwoorden naar de nieuwe bewoners van nummer 12',
        '--adres', 'Dorpsstraat 12',
        '--ontvangen', '16-03-2027 09:15',
        '--kanaal', 'balie',
        '--melder-naam', 'Anna de Vries',
        '--melder-telefoon', '06-12345678',
        '--melder-email', 'anna@example.nl',
        '--terugkoppeling',
        '--vergunninghouder',
        '--vertrouwelijk',
        '--doorzetten', 'politie,Burgemeester',
      ],
      { db },
    );
    expect(u.stdout).toContain('Melding M-2027-0001 vastgelegd.');
    expect(u.stdout).toContain('Doorgezet naar');
    const [m] = lees(db, 'SELECT * FROM melding');
    expect(m).toMatchObject({
      nummer: 'M-2027-0001',
      ontvangen_op: '2027-03-16T08:15:00.000Z',
      ontvangen_dag: '2027-03-16',
      kanaal: 'balie',
      categorie: 'treiteren',
      kern: 'Obdam',
      adres: 'Dorpsstraat 12',
      melder_naam: 'Anna de Vries',
      melder_telefoon: '06-12345678',
      melder_email: 'anna@example.nl',
      terugkoppeling: 1,
      vergunninghouder: 1,
      vertrouwelijk: 1,
      status: 'doorgezet',
      geregistreerd_door: 'test',
    });
    const doorzettingen = lees(db, 'SELECT partner, op, door FROM doorzetting ORDER BY partner');
    expect(doorzettingen).toEqual([
      { partner: 'burgemeester', op: '2027-03-16T10:00:00.000Z', door: 'test' },
      { partner: 'politie', op: '2027-03-16T10:00:00.000Z', door: 'test' },
    ]);
    const audit = lees<{ commando: string; object: string; details: string }>(db, 'SELECT * FROM audit');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ commando: 'melding add', object: 'M-2027-0001' });
    // The audit log must not keep personal data that retention will later erase.
    expect(audit[0]!.details).not.toMatch(/Anna|12345678|example\.nl|Dorpsstraat/);
  });

  it('prints the created melding with --json, including the forwarding', async () => {
    const db = nieuweDb();
    const m = await kvzJson<Record<string, unknown>>([...BASIS, '--doorzetten', 'zorgteam'], { db });
    expect(m).toMatchObject({
      nummer: 'M-2027-0001',
      categorie: 'jeugdoverlast',
      kern: 'Spierdijk',
      status: 'doorgezet',
      zaak: null,
      doorgezet_naar: ['zorgteam'],
      vergunninghouder: false,
      vertrouwelijk: false,
      melder_naam: null,
    });
    expect(m.doorzettingen).toHaveLength(1);
  });

  it('reminds the desk to forward today when nothing was forwarded', async () => {
    const db = nieuweDb();
    const u = await kvzOk(BASIS, { db });
    expect(u.stdout).toContain('Melding M-2027-0001 vastgelegd.');
    expect(u.stdout).toContain('vandaag nog door');
    expect(lees(db, 'SELECT status FROM melding')).toEqual([{ status: 'nieuw' }]);
  });

  it('warns about a melding with the same categorie and address within a day, and records it (#15 item 14)', async () => {
    const db = nieuweDb();
    const adres = [...BASIS, '--adres', 'Dorpsstraat 5'];
    const stil = async (args: string[]) => expect((await kvzOk(args, { db })).stderr).toBe('');
    await stil([...adres, '--ontvangen', '14-03-2027 09:00']);
    // Another address, another categorie, or more than a day apart: no warning.
    await stil([...BASIS, '--adres', 'Dorpsstraat 7', '--ontvangen', '14-03-2027 10:00']);
    await stil(['melding', 'add', '--categorie', 'treiteren', '--kern', 'Spierdijk', '--adres', 'Dorpsstraat 5', '--omschrijving', 'x', '--ontvangen', '14-03-2027 10:00']);
    await stil([...adres, '--ontvangen', '15-03-2027 12:00']);
    await kvzOk(['zaak', 'open', '--titel', 'Jongeren Dorpsstraat', '--soort', 'overlast', '--kern', 'Spierdijk', '--melding', 'M-2027-0001'], { db });

    // Typed a little differently, 23 and 4 hours from two of them: recorded, with a warning that says how to link it.
    const u = await kvzOk([...BASIS, '--adres', ' dorpsstraat  5. ', '--ontvangen', '15-03-2027 08:00'], { db });
    expect(u.stdout).toContain('Melding M-2027-0005 vastgelegd.');
    expect(u.stderr).toBe(
      '! M-2027-0005 lijkt op M-2027-0001 (14-03-2027 09:00, zaak Z-2027-001), M-2027-0004 (15-03-2027 12:00): ' +
        'zelfde categorie, kern en adres, binnen een dag.\n' +
        '  Hoort ze erbij, koppel ze dan:     kvz melding link M-2027-0005 Z-2027-001\n' +
        '  Is het dezelfde melding nog eens: kvz melding close M-2027-0005 --vervallen "dubbel met M-2027-0001"\n',
    );
    expect(telRijen(db, 'melding')).toBe(5);
    const json = await kvzJson<{ nummer: string; lijkt_op: string[] }>([...adres, '--json'], { db }); // 16 March 11:00
    expect(json).toMatchObject({ nummer: 'M-2027-0006', lijkt_op: ['M-2027-0004'] });
    // A closed zaak takes nothing: the hint is then a new zaak, with the meldingen that have none.
    await kvzOk(['zaak', 'close', 'Z-2027-001', '--resultaat', 'Opgelost'], { db });
    const dicht = await kvzOk([...adres, '--ontvangen', '14-03-2027 20:00'], { db });
    expect(dicht.stderr).toBe(
      '! M-2027-0007 lijkt op M-2027-0001 (14-03-2027 09:00, zaak Z-2027-001), M-2027-0005 (15-03-2027 08:00), M-2027-0004 (15-03-2027 12:00): ' +
        'zelfde categorie, kern en adres, binnen een dag.\n' +
        '  Hoort ze erbij, koppel ze dan:     kvz zaak open --melding M-2027-0005,M-2027-0004,M-2027-0007 …\n' +
        '  Is het dezelfde melding nog eens: kvz melding close M-2027-0007 --vervallen "dubbel met M-2027-0001"\n',
    );
  });

  it('names at most five like it, the nearest in time, and how many more there are', async () => {
    // A busy address: eight reports in one morning. The warning stays one readable line.
    const db = nieuweDb();
    const adres = [...BASIS, '--adres', 'Stationsplein 1'];
    for (let uur = 8; uur <= 15; uur++) await kvzOk([...adres, '--ontvangen', `15-03-2027 ${String(uur).padStart(2, '0')}:00`], { db });
    const u = await kvzOk([...adres, '--ontvangen', '15-03-2027 15:30'], { db });
    expect(u.stderr).toBe(
      '! M-2027-0009 lijkt op M-2027-0004 (15-03-2027 11:00), M-2027-0005 (15-03-2027 12:00), M-2027-0006 (15-03-2027 13:00), ' +
        'M-2027-0007 (15-03-2027 14:00), M-2027-0008 (15-03-2027 15:00) en 3 andere: zelfde categorie, kern en adres, binnen een dag.\n' +
        '  Hoort ze erbij, koppel ze dan:     kvz zaak open --melding M-2027-0004,M-2027-0005,M-2027-0006,M-2027-0007,M-2027-0008,M-2027-0009 …\n' +
        '  Is het dezelfde melding nog eens: kvz melding close M-2027-0009 --vervallen "dubbel met M-2027-0004"\n',
    );
    // JSON, for scripts, names them all.
    const json = await kvzJson<{ lijkt_op: string[] }>([...adres, '--ontvangen', '15-03-2027 15:45', '--json'], { db });
    expect(json.lijkt_op).toHaveLength(9);
  });

  it('numbers per year of receipt (Amsterdam) and never reuses a number', async () => {
    const db = nieuweDb();
    await kvzOk([...BASIS, '--ontvangen', '2026-12-31 23:30'], { db });
    await kvzOk(BASIS, { db });
    await kvzOk(BASIS, { db });
    // 31 December 23:30 in Amsterdam is still 2026, though it is 22:30 UTC.
    expect(lees(db, 'SELECT nummer FROM melding ORDER BY id').map((r) => r.nummer)).toEqual(['M-2026-0001', 'M-2027-0001', 'M-2027-0002']);
  });

  it('without a terminal, names every missing required flag, exits 2 and writes nothing', async () => {
    const db = nieuweDb();
    const u = await kvz(['melding', 'add', '--kern', 'Obdam'], { db });
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/--categorie, --omschrijving ontbreken/);
    expect(u.stdout).toBe('');
    leeg(db);
  });

  it('does not ask on a terminal with --no-input', async () => {
    const db = nieuweDb();
    const prompter = new ScriptPrompter({});
    const u = await kvz(['--no-input', 'melding', 'add', '--kern', 'Obdam'], { db, tty: true, prompter });
    expect(u.code).toBe(2);
    expect(prompter.gevraagd).toEqual([]);
    leeg(db);
  });

  it.each([
    [['--kern', 'Spierdyk'], "Onbekende kern 'Spierdyk' voor --kern. Bedoelde u 'Spierdijk'?"],
    [['--categorie', 'jeugdoverlst'], "Bedoelde u 'jeugdoverlast'?"],
    [['--doorzetten', 'politie,jongerwerk'], "Onbekende partner 'jongerwerk' voor --doorzetten. Bedoelde u 'jongerenwerk'?"],
    [['--kanaal', 'fax'], "Onbekend kanaal 'fax' voor --kanaal. Kies uit: telefoon, balie, email, app, politie, anders."],
    [['--ontvangen', '2027-02-30'], "--ontvangen: '2027-02-30' bestaat niet"],
    [['--ontvangen', '31-02-2027 10:00'], 'bestaat niet'],
    [['--ontvangen', 'morgen'], 'ligt in de toekomst'],
    [['--melder-telefoon', 'bel maar'], 'Ongeldig telefoonnummer voor --melder-telefoon'],
    [['--melder-email', 'anna-at-example'], 'Ongeldige waarde voor --melder-email: dat is geen e-mailadres'],
    [['--omschrijving', '   '], 'Verplicht veld ontbreekt: --omschrijving.'],
    [['--terugkoppeling'], '--terugkoppeling vraagt om een manier om de melder te bereiken'],
    [['--zaak', 'Z-2027-007'], 'Zaak Z-2027-007 bestaat niet'],
  ])('refuses %j with a clear message and writes nothing', async (extra, bericht) => {
    const db = nieuweDb();
    const args = [...BASIS];
    for (let i = 0; i < extra.length; i += 2) {
      const plek = args.indexOf(extra[i]!);
      if (plek >= 0 && extra[i + 1] !== undefined) args[plek + 1] = extra[i + 1]!;
      else args.push(...extra.slice(i, i + 2));
    }
    const u = await kvz(args, { db });
    expect(u.stderr).toContain(bericht);
    expect(u.code).toBe(bericht.startsWith('Zaak') ? 1 : 2);
    expect(u.stderr.trim().split('\n')).toHaveLength(1);
    leeg(db);
  });

  it.each([
    ['--melder-telefoon', '06-1234567B'],
    ['--melder-email', 'anna.devries@gmail'],
  ])('does not repeat a rejected %s in its message: it is personal data of the melder', async (vlag, waarde) => {
    const db = nieuweDb();
    const u = await kvz([...BASIS, vlag, waarde], { db });
    expect(u.code).toBe(2);
    expect(u.stderr).toContain(vlag);
    expect(u.stderr).not.toContain(waarde);
    leeg(db);
  });

  it('asks on a terminal for what is missing, with kern and categorie as searchable lists', async () => {
    const db = nieuweDb();
    const prompter = new ScriptPrompter({
      Kanaal: 'balie',
      Categorie: 'burenoverlast',
      'Adres of plek': 'Kerkstraat 3',
      Omschrijving: 'Harde muziek tot diep in de nacht',
      'Naam melder': '',
      'Telefoon melder': '0229-123456',
      'E-mail melder': '',
      'Wil de melder terugkoppeling': true,
      'Betreft het een vergunninghouder': false,
      Vertrouwelijk: false,
      'Nu doorzetten naar': ['politie'],
    });
    const u = await kvz(['melding', 'add', '--kern', 'Ursem'], { db, tty: true, prompter });
    expect(u.stderr).toBe('');
    expect(u.code).toBe(0);
    // The kern was given as a flag, so it is not asked; the categorie list is searchable.
    expect(prompter.gevraagd.some((v) => v.startsWith('Kern'))).toBe(false);
    expect(prompter.keuzes['Categorie (typ om te zoeken)']?.map((c) => c.value)).toContain('treiteren');
    expect(lees(db, 'SELECT kern, categorie, kanaal, adres, melder_naam, melder_telefoon, terugkoppeling, status FROM melding')).toEqual([
      {
        kern: 'Ursem',
        categorie: 'burenoverlast',
        kanaal: 'balie',
        adres: 'Kerkstraat 3',
        melder_naam: null,
        melder_telefoon: '0229-123456',
        terugkoppeling: 1,
        status: 'doorgezet',
      },
    ]);
  });

  it('checks a typed flag before asking anything else', async () => {
    const db = nieuweDb();
    const prompter = new ScriptPrompter({});
    const u = await kvz(['melding', 'add', '--kern', 'Ursum'], { db, tty: true, prompter });
    expect(u.code).toBe(2);
    expect(u.stderr).toContain("Bedoelde u 'Ursem'?");
    expect(prompter.gevraagd).toEqual([]);
  });

  it('exits 130 and writes nothing when the user cancels a prompt', async () => {
    const db = nieuweDb();
    const prompter = new ScriptPrompter({ Kanaal: 'telefoon', Categorie: new CancelledError() });
    const u = await kvz(['melding', 'add'], { db, tty: true, prompter });
    expect(u.code).toBe(130);
    expect(u.stderr).toContain('Afgebroken');
    leeg(db);
  });
});
