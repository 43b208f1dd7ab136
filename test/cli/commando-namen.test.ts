/**
 * The names people type (#15 item 9): Dutch verbs, plural nouns and any case reach the command;
 * what matches nothing gets the nearest command and the right help; swapped arguments are named.
 */
import { describe, expect, it } from 'vitest';
import { nieuweMelding, nieuweZaak, zetCadans } from '../helpers/matrix.js';
import { alleenBestand } from '../helpers/opslag.js';
import { kvz, kvzOk, lees, nieuweDb, telRijen } from '../helpers/run.js';

describe('other names for commands', () => {
  it('reads Dutch verbs, plurals and capitals as the command itself', async () => {
    const db = nieuweDb();
    const m = await nieuweMelding(db);
    const z = await nieuweZaak(db);
    await kvzOk(['melding', 'doorzetten', m, '--naar', 'politie'], { db });
    expect(lees(db, 'SELECT partner FROM doorzetting')).toEqual([{ partner: 'politie' }]);
    await kvzOk(['Melding', 'Koppelen', m, z], { db });
    expect((await kvzOk(['meldingen', 'lijst'], { db })).stdout).toBe((await kvzOk(['melding', 'list'], { db })).stdout);
    expect((await kvzOk(['melding', 'tonen', m, '--json'], { db })).stdout).toBe((await kvzOk(['melding', 'show', m, '--json'], { db })).stdout);
    expect((await kvzOk(['agenda', 'GIO', '--json'], { db })).stdout).toBe((await kvzOk(['agenda', 'gio', '--json'], { db })).stdout);
    // A word that is another name elsewhere is still itself where it is a command: export Meldingen.
    expect((await kvzOk(['export', 'Meldingen', '--formaat', 'csv'], { db })).stdout).toBe((await kvzOk(['export', 'meldingen', '--formaat', 'csv'], { db })).stdout);
  });

  // On PostgreSQL the login is the user: --gebruiker is for a file.
  alleenBestand('leaves option values alone, even when they look like a command', async () => {
    const db = nieuweDb();
    const u = await kvzOk(['--gebruiker', 'Toon', 'melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', 'lijst'], { db });
    expect(u.stdout).toContain('vastgelegd');
    expect(lees(db, 'SELECT omschrijving, geregistreerd_door FROM melding')).toEqual([{ omschrijving: 'lijst', geregistreerd_door: 'Toon' }]);
  });
});

describe('a word that is no command', () => {
  it.each([
    [['agenda', 'gioo'], "Onbekend commando 'gioo' voor kvz agenda. Bedoelde u 'kvz agenda gio'? Zie kvz agenda --help."],
    [['melding', 'forwrd'], "Onbekend commando 'forwrd' voor kvz melding. Bedoelde u 'kvz melding forward'? Zie kvz melding --help."],
    [['melding', 'doorzeten'], "Onbekend commando 'doorzeten' voor kvz melding. Bedoelde u 'kvz melding forward'? Zie kvz melding --help."],
    [['meldng', 'list'], "Onbekend commando 'meldng'. Bedoelde u 'kvz melding'? Zie kvz --help."],
    [['overleg', 'xyz'], "Onbekend commando 'xyz' voor kvz overleg. Zie kvz overleg --help."],
  ])('kvz %s: exit 2 with the nearest command and the help to read', async (args, bericht) => {
    const u = await kvz(args, { db: nieuweDb() });
    expect(u.code).toBe(2);
    expect(u.stderr).toBe(`${bericht}\n`);
  });
});

describe('arguments the wrong way round', () => {
  it('melding link with the zaak first: says so, exit 2, nothing linked', async () => {
    const db = nieuweDb();
    const m = await nieuweMelding(db);
    const z = await nieuweZaak(db);
    const audit = telRijen(db, 'audit');
    const u = await kvz(['melding', 'link', z, m], { db });
    expect(u.code).toBe(2);
    expect(u.stderr).toBe(`De argumenten staan andersom: eerst de melding, dan de zaak. Bedoelde u kvz melding link ${m} ${z}?\n`);
    expect(lees(db, 'SELECT zaak_id FROM melding')).toEqual([{ zaak_id: null }]);
    expect(telRijen(db, 'audit')).toBe(audit);
  });

  it('overleg verzet with the date first: says so, exit 2, nothing moved', async () => {
    const db = nieuweDb();
    await zetCadans(db);
    const audit = telRijen(db, 'audit');
    const u = await kvz(['overleg', 'verzet', '13-04-2027', 'gio', '--naar', '14-04-2027'], { db });
    expect(u.code).toBe(2);
    expect(u.stderr).toBe('De argumenten staan andersom: eerst de soort, dan de datum. Bedoelde u kvz overleg verzet gio 13-04-2027?\n');
    expect(telRijen(db, 'audit')).toBe(audit);
    const show = await kvz(['overleg', 'show', '02-03-2027', 'GIO'], { db });
    expect(show.code).toBe(2);
    expect(show.stderr).toContain('Bedoelde u kvz overleg show GIO 02-03-2027?');
  });
});

describe('one meaning per flag (#15 item 11, SPEC §12)', () => {
  it('takes --met-vertrouwelijk for exports and --proef for import, and the old spellings still', async () => {
    const db = nieuweDb();
    await kvzOk(['melding', 'add', '--categorie', 'drugs', '--kern', 'Ursem', '--omschrijving', 'Handel bij de haven', '--vertrouwelijk'], { db });
    const nieuw = (await kvzOk(['export', 'meldingen', '--met-vertrouwelijk', '--formaat', 'csv'], { db })).stdout;
    const oud = (await kvzOk(['export', 'meldingen', '--vertrouwelijk', '--formaat', 'csv'], { db })).stdout;
    expect(nieuw).toContain('Handel bij de haven');
    expect(oud).toBe(nieuw);
    expect((await kvzOk(['export', 'meldingen', '--formaat', 'csv'], { db })).stdout).not.toContain('Handel bij de haven');
    const help = (await kvzOk(['export', 'meldingen', '--help'])).stdout;
    expect(help).toContain('--met-vertrouwelijk');
    expect(help).not.toMatch(/^\s+--vertrouwelijk/m);
    expect((await kvzOk(['import', 'meldingen', '--help'])).stdout).toMatch(/^\s+--proef\s/m);
  });
});
