/**
 * The interactive front-desk flow through the real inquirer prompts, on a pseudo-terminal
 * (test/helpers/pty_drive.py plays the person at the keyboard).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, kvzOk, lees, nieuweDb, ROOT } from './helpers/run.js';

const ENTER = '\r';
const OMLAAG = '\x1b[B';

function drive(db: string, argv: string[], steps: [string, string][], env: Record<string, string> = {}) {
  const spec = { argv: [process.execPath, BIN, ...argv], env: { KVZ_DB: db, KVZ_GEBRUIKER: 'balie', TERM: 'xterm', ...env }, steps };
  return spawnSync('python3', [join(ROOT, 'test/helpers/pty_drive.py'), JSON.stringify(spec)], { encoding: 'utf8', timeout: 60_000 });
}

describe('kvz melding add on a terminal', () => {
  it('asks for the missing fields with searchable lists and records the melding', () => {
    const db = nieuweDb();
    const r = drive(db, ['melding', 'add'], [
      ['Kanaal', OMLAAG + ENTER], // balie
      ['Categorie', 'treit'],
      ['treiteren', ENTER],
      ['Kern', 'obd'],
      ['Obdam', ENTER],
      ['Adres', 'Dorpsstraat 5' + ENTER],
      ['Omschrijving', 'Bewoners gepest door buurjongens' + ENTER],
      ['Naam melder', ENTER],
      ['Telefoon melder', '0612345678' + ENTER],
      ['E-mail melder', ENTER],
      ['terugkoppeling', 'j' + ENTER],
      ['vergunninghouder', 'ja' + ENTER],
      ['Vertrouwelijk', ENTER],
      ['doorzetten', ' ' + ENTER], // the first choice: politie
    ]);
    expect(r.stdout).toContain('Melding M-');
    expect(r.stdout).toContain('vastgelegd.');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(lees(db, 'SELECT kanaal, categorie, kern, adres, omschrijving, melder_telefoon, terugkoppeling, vergunninghouder, vertrouwelijk, status FROM melding')).toEqual([
      {
        kanaal: 'balie',
        categorie: 'treiteren',
        kern: 'Obdam',
        adres: 'Dorpsstraat 5',
        omschrijving: 'Bewoners gepest door buurjongens',
        melder_telefoon: '0612345678',
        terugkoppeling: 1,
        vergunninghouder: 1,
        vertrouwelijk: 0,
        status: 'doorgezet',
      },
    ]);
    expect(lees(db, 'SELECT partner FROM doorzetting')).toEqual([{ partner: 'politie' }]);
  });

  it('picks Obdam for Ob + Enter (prefix first), Spierdijk for a typo, and speaks Dutch when nothing matches', () => {
    const db = nieuweDb();
    const r = drive(db, ['melding', 'add', '--kanaal', 'balie', '--categorie', 'overig', '--omschrijving', 'x', '--doorzetten', 'politie'], [
      ['Kern', 'xyz'],
      ['Niets gevonden', '\x7f\x7f\x7fOb'],
      ['Obdam', ENTER],
      ['Adres', ENTER],
      ['Naam melder', ENTER],
      ['Telefoon melder', ENTER],
      ['E-mail melder', ENTER],
      ['vergunninghouder', ENTER],
      ['Vertrouwelijk', ENTER],
    ]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toContain('No results');
    expect(lees(db, 'SELECT kern FROM melding')).toEqual([{ kern: 'Obdam' }]);
  });

  it('asks about a melding that looks like one from earlier today, and links it to that zaak when chosen (#15 item 14)', async () => {
    const db = nieuweDb();
    const nu = '2027-03-16T10:00:00Z';
    await kvzOk(['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--adres', 'Dorpsstraat 5', '--omschrijving', 'Geluidsoverlast', '--ontvangen', '16-03-2027 09:00'], { db, nu });
    await kvzOk(['zaak', 'open', '--titel', 'Overlast Dorpsstraat', '--soort', 'overlast', '--kern', 'Obdam', '--melding', 'M-2027-0001'], { db, nu });
    const vast = ['melding', 'add', '--kanaal', 'balie', '--categorie', 'overig', '--kern', 'obdam', '--adres', 'dorpsstraat 5', '--melder-naam', 'X', '--melder-telefoon', '', '--melder-email', '', '--doorzetten', 'politie'];
    const r = drive(db, vast, [
      ['Omschrijving', 'Weer harde muziek' + ENTER],
      ['vergunninghouder', ENTER],
      ['Vertrouwelijk', ENTER],
      ['Wat wilt u', OMLAAG + ENTER], // the second choice: with the zaak of the earlier one
    ], { KVZ_NU: nu });
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('Deze melding lijkt op M-2027-0001 (16-03-2027 09:00, zaak Z-2027-001): zelfde categorie, kern en adres, binnen een dag. Wat wilt u?');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(lees(db, 'SELECT m.omschrijving, z.nummer AS zaak FROM melding m LEFT JOIN zaak z ON z.id = m.zaak_id ORDER BY m.id')).toEqual([
      { omschrijving: 'Geluidsoverlast', zaak: 'Z-2027-001' },
      { omschrijving: 'Weer harde muziek', zaak: 'Z-2027-001' },
    ]);
    // Stopping there records nothing.
    const stop = drive(db, vast, [['Omschrijving', 'Nog eens' + ENTER], ['vergunninghouder', ENTER], ['Vertrouwelijk', ENTER], ['Wat wilt u', OMLAAG + OMLAAG + ENTER]], { KVZ_NU: nu });
    expect(stop.status).toBe(130);
    expect(lees(db, 'SELECT count(*) AS n FROM melding')).toEqual([{ n: 2 }]);
  });

  it('exits 130 and writes nothing when the user presses Ctrl-C at a prompt', () => {
    const db = nieuweDb();
    const r = drive(db, ['melding', 'add', '--kern', 'Obdam'], [['Kanaal', '\x03']]);
    expect(r.status, r.stdout + r.stderr).toBe(130);
    expect(r.stdout).toContain('Afgebroken');
    expect(lees(db, 'SELECT count(*) AS n FROM melding')).toEqual([{ n: 0 }]);
  });
});
