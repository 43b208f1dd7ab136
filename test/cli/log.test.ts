import { beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { OP_POSTGRES } from '../helpers/opslag.js';
import { kvz, kvzJson, kvzOk, lees, nieuweDb, tijdelijkeMap, voer } from '../helpers/run.js';

const MELDING = ['melding', 'add', '--categorie', 'jeugdoverlast', '--kern', 'Obdam', '--omschrijving', 'Brommers op het plein', '--melder-naam', 'Kees Geheim'];

interface Regel {
  id: number;
  op: string;
  gebruiker: string;
  actie: string;
  object: string | null;
  resultaat: string;
  details: Record<string, unknown>;
}

describe('kvz log', () => {
  let db: string;
  beforeEach(async () => {
    db = nieuweDb();
    await kvzOk(MELDING, { db, nu: '2027-03-01T09:00:00Z', env: { KVZ_GEBRUIKER: 'anna' } });
    await kvzOk(MELDING, { db, nu: '2027-03-10T09:00:00Z', env: { KVZ_GEBRUIKER: 'bram' } });
    // 23:30 UTC on 15 March is 00:30 on 16 March in Amsterdam.
    await kvzOk(['melding', 'forward', 'm-2027-1', '--naar', 'politie'], { db, nu: '2027-03-15T23:30:00Z', env: { KVZ_GEBRUIKER: 'anna' } });
    await kvzOk(['kern', 'add', 'Nieuwe Kern'], { db, nu: '2027-03-16T09:00:00Z' });
  });

  it('shows who did what, newest first, with the SPEC keys in JSON', async () => {
    const regels = await kvzJson<Regel[]>(['log'], { db });
    expect(regels.map((r) => [r.actie, r.object, r.gebruiker])).toEqual([
      ['kern add', 'Nieuwe Kern', 'test'],
      ['melding forward', 'M-2027-0001', 'anna'],
      ['melding add', 'M-2027-0002', 'bram'],
      ['melding add', 'M-2027-0001', 'anna'],
    ]);
    expect(regels[1]).toMatchObject({ op: '2027-03-15T23:30:00.000Z', resultaat: 'doorgezet naar politie', details: { naar: ['politie'] } });
    expect(Object.keys(regels[0]!)).toEqual(['id', 'op', 'gebruiker', 'actie', 'object', 'resultaat', 'details', 'hash']);
  });

  it('prints a table with Amsterdam times', async () => {
    const u = await kvzOk(['log'], { db });
    const regels = u.stdout.trim().split('\n');
    expect(regels[0]).toMatch(/^Nr\s+Op\s+Gebruiker\s+Actie\s+Object\s+Resultaat$/);
    expect(regels[2]).toMatch(/^3\s+16-03-2027 00:30\s+anna\s+melding forward\s+M-2027-0001\s+doorgezet naar politie$/);
    expect(regels.at(-1)).toBe('4 regels.');
  });

  it('never shows melder data, because the log never holds it', async () => {
    const u = await kvzOk(['log', '--json'], { db });
    expect(u.stdout).not.toContain('Kees');
  });

  it('filters by object (any case), user and Amsterdam dates', async () => {
    const perObject = await kvzJson<Regel[]>(['log', '--object', 'm-2027-1'], { db });
    expect(perObject.map((r) => r.actie)).toEqual(['melding forward', 'melding add']);
    expect((await kvzJson<Regel[]>(['log', '--object', 'nieuwe kern'], { db })).map((r) => r.actie)).toEqual(['kern add']);
    expect((await kvzJson<Regel[]>(['log', '--door', 'anna'], { db })).map((r) => r.id)).toEqual([3, 1]);
    expect((await kvzJson<Regel[]>(['log', '--van', '16-03-2027'], { db })).map((r) => r.id)).toEqual([4, 3]);
    expect((await kvzJson<Regel[]>(['log', '--tot', '2027-03-15'], { db })).map((r) => r.id)).toEqual([2, 1]);
    expect((await kvzJson<Regel[]>(['log', '--van', '2027-03-02', '--tot', '2027-03-15'], { db })).map((r) => r.id)).toEqual([2]);
  });

  it('shows every event that touched an object, also those written under another (#15 item 15)', async () => {
    await kvzOk(['zaak', 'open', '--titel', 'Brommers', '--soort', 'overlast', '--kern', 'Obdam', '--melding', 'M-2027-0001'], { db });
    await kvzOk(['melding', 'link', 'M-2027-0002', 'Z-2027-001'], { db });
    await kvzOk(['actie', 'add', 'Z-2027-001', '--omschrijving', 'Surveillance', '--partner', 'politie', '--deadline', '2027-04-01'], { db });
    await kvzOk(['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', 'los'], { db });
    const van = async (o: string) => (await kvzJson<Regel[]>(['log', '--object', o], { db })).map((r) => [r.actie, r.object]);
    expect(await van('M-2027-0001')).toEqual([['zaak open', 'Z-2027-001'], ['melding forward', 'M-2027-0001'], ['melding add', 'M-2027-0001']]);
    expect(await van('Z-2027-001')).toEqual([['actie add', 'A-2027-0001'], ['melding link', 'M-2027-0002'], ['zaak open', 'Z-2027-001']]);
    expect(await van('M-2027-0002')).toEqual([['melding link', 'M-2027-0002'], ['melding add', 'M-2027-0002']]);
    // Never the rows of other meldingen, nor the first row that recorded every object's state at once.
    expect(await van('M-2027-0003')).toEqual([['melding add', 'M-2027-0003']]);
    if (!OP_POSTGRES) {
      // A copy starts with one row that records the state of every object (its basis): that touched none.
      const kopie = join(tijdelijkeMap(), 'kopie.db');
      await kvzOk(['kopieer', '--naar', kopie], { db });
      expect(lees<{ n: number }>(kopie, `SELECT count(*) AS n FROM audit WHERE toestand LIKE '{"basis":true,%"M-2027-0002"%'`)).toEqual([{ n: 1 }]);
      const inKopie = await kvzJson<Regel[]>(['log', '--object', 'M-2027-0002'], { db: kopie });
      expect(inKopie.map((r) => r.actie)).toEqual(['melding link', 'melding add']);
    }
  });

  it('limits the table to the newest rows and says how many more there are', async () => {
    const u = await kvzOk(['log', '--limit', '2'], { db });
    expect(u.stdout).toContain('4 regels; de nieuwste 2 staan hierboven, nog 2 met --limit 4.');
    expect(await kvzJson<Regel[]>(['log', '--limit', '1'], { db })).toHaveLength(1);
  });

  it('says so when nothing matches', async () => {
    const u = await kvzOk(['log', '--object', 'Z-2027-001'], { db });
    expect(u.stdout.trim()).toBe('Geen regels in het auditlog gevonden.');
    expect(await kvzJson(['log', '--door', 'niemand'], { db })).toEqual([]);
  });

  it('is not itself logged: reading changes nothing', async () => {
    await kvzOk(['log'], { db });
    expect(lees(db, 'SELECT count(*) AS n FROM audit')).toEqual([{ n: 4 }]);
  });

  it('shows escape sequences that another tool wrote into the log as text, not as terminal commands', async () => {
    voer(
      db,
      `INSERT INTO audit (id, op, gebruiker, commando, object, resultaat, details, vorige_hash, hash)
       VALUES (5, '2027-03-16T10:00:00.000Z', ?, 'melding add', NULL, 'x', 'geen json', (SELECT hash FROM audit ORDER BY id DESC LIMIT 1), ?)`,
      '\u001b]0;gehackt\u0007\u001b[2J', '0'.repeat(64),
    );
    const u = await kvzOk(['log', '--limit', '1'], { db });
    expect(u.stdout).not.toContain('\u001b');
    expect(u.stdout).toContain('\\x1B]0;gehackt\\x07\\x1B[2J');
    const [regel] = await kvzJson<Regel[]>(['log', '--limit', '1'], { db });
    expect(regel!.details).toBe('geen json');
  });

  it.each([
    [['--van', '2027-02-30'], "Ongeldige datum voor --van: '2027-02-30' bestaat niet"],
    [['--van', '2027-03-10', '--tot', '2027-03-01'], '--van ligt na --tot'],
    [['--limit', 'tien'], "Ongeldige waarde voor --limit: 'tien'"],
    [['--object', 'M-2027-0'], "Ongeldig nummer voor --object: 'M-2027-0'"],
    [['--object', ' '], '--object mag niet leeg zijn'],
    [['--door', ''], '--door mag niet leeg zijn'],
  ])('refuses %j with exit 2', async (extra, bericht) => {
    const u = await kvz(['log', ...extra], { db });
    expect(u.code).toBe(2);
    expect(u.stderr).toContain(bericht);
    expect(u.stdout).toBe('');
  });
});
