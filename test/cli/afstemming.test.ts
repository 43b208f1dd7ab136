/**
 * Afstemming tussendoor (seed §2.2, SPEC §11): contact between police and OOV outside the meetings,
 * numbered AF-2027-001, listed, on the politie agenda since the previous politieoverleg, confidential
 * when asked or when its zaak is, and never on another meeting's agenda.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { OP_POSTGRES } from '../helpers/opslag.js';
import { kvz, kvzJson, kvzOk, lees, nieuweDb, telRijen } from '../helpers/run.js';

const NU = '2027-03-16T10:00:00.000Z';
const ADD = ['afstemming', 'add', '--tussen', 'politie,oov'];

async function metZaken(): Promise<string> {
  const db = nieuweDb();
  await kvzOk(['overleg', 'cadans', 'politie', '--start', '2027-03-02', '--interval', '4'], { db, nu: NU });
  await kvzOk(['zaak', 'open', '--titel', 'Treiteren Kerkstraat', '--soort', 'overlast', '--kern', 'Obdam'], { db, nu: NU });
  await kvzOk(['zaak', 'open', '--titel', 'Dreiging De Kolk', '--soort', 'overlast', '--kern', 'Obdam', '--vertrouwelijk'], { db, nu: NU });
  return db;
}

describe('kvz afstemming', () => {
  it('records contact in between with a number of its own, one audit row without the text, and lists it with the keys of SPEC §11', async () => {
    const db = await metZaken();
    const a = await kvzJson<Record<string, unknown>>([...ADD, '--onderwerp', 'Dreiging na incident', '--zaak', 'z-2027-1', '--op', 'gisteren 21:30', '--notitie', 'Extra surveillance afgesproken'], { db, nu: NU });
    expect(a).toEqual({ nummer: 'AF-2027-001', op: '2027-03-15T20:30:00.000Z', tussen: ['oov', 'politie'], onderwerp: 'Dreiging na incident', zaak: 'Z-2027-001', vertrouwelijk: false });
    const tekst = await kvzOk(['afstemming', 'add', '--tussen', 'Politie, burgemeester', '--onderwerp', 'Sluiting pand'], { db, nu: NU });
    expect(tekst.stdout).toBe('Afstemming AF-2027-002 vastgelegd: burgemeester en politie, 16-03-2027 11:00.\nZe staat op de agenda van het volgende politieoverleg.\n');
    // Confidential when asked, or because its zaak is.
    await kvzOk([...ADD, '--onderwerp', 'Informant', '--vertrouwelijk'], { db, nu: NU });
    await kvzOk([...ADD, '--onderwerp', 'Over de geheime zaak', '--zaak', 'Z-2027-002'], { db, nu: NU });
    const lijst = await kvzJson<{ nummer: string; vertrouwelijk: boolean }[]>(['afstemming', 'list'], { db, nu: NU });
    expect(lijst.map((x) => [x.nummer, x.vertrouwelijk])).toEqual([['AF-2027-001', false], ['AF-2027-002', false], ['AF-2027-003', true], ['AF-2027-004', true]]);
    expect(Object.keys(lijst[0]!)).toEqual(['nummer', 'op', 'tussen', 'onderwerp', 'zaak', 'vertrouwelijk']);
    const tabel = (await kvzOk(['afstemming', 'list'], { db, nu: NU })).stdout;
    expect(tabel).toMatch(/AF-2027-003\*\s+16-03-2027 11:00\s+oov, politie\s+Informant/);
    expect(tabel).toContain('4 afstemmingen.\n* = vertrouwelijk (alleen politieoverleg).');
    expect((await kvzJson<{ nummer: string }[]>(['afstemming', 'list', '--tot', '15-03-2027'], { db, nu: NU })).map((x) => x.nummer)).toEqual(['AF-2027-001']);
    const audit = lees<{ object: string; resultaat: string; details: string }>(db, `SELECT object, resultaat, details FROM audit WHERE commando = 'afstemming add' ORDER BY id`);
    expect(audit.map((r) => [r.object, r.resultaat])).toEqual([
      ['AF-2027-001', 'afstemming vastgelegd'], ['AF-2027-002', 'afstemming vastgelegd'], ['AF-2027-003', 'afstemming vastgelegd'], ['AF-2027-004', 'afstemming vastgelegd'],
    ]);
    expect(audit.map((r) => r.details).join()).not.toMatch(/Dreiging|Informant|Extra surveillance/);
    expect(JSON.parse(audit[3]!.details)).toMatchObject({ zaak: 'Z-2027-002', vertrouwelijk: true });
  });

  it.each([
    [['--tussen', 'politie', '--onderwerp', 'x'], 2, '--tussen vraagt minstens twee partners (wie stemden met wie af?), bijvoorbeeld politie,oov; gegeven: politie.'],
    [['--tussen', 'politie,politie', '--onderwerp', 'x'], 2, '--tussen vraagt minstens twee partners'],
    [['--tussen', 'politie,ovv', '--onderwerp', 'x'], 2, "Onbekende partner 'ovv' voor --tussen. Bedoelde u 'oov'?"],
    [['--tussen', 'politie,oov'], 2, '--onderwerp'],
    [['--tussen', 'politie,oov', '--onderwerp', 'x', '--zaak', 'Q-12'], 2, "Ongeldig nummer voor --zaak: 'Q-12'"],
    [['--tussen', 'politie,oov', '--onderwerp', 'x', '--op', '31-02-2027 10:00'], 2, '--op'],
    [['--tussen', 'politie,oov', '--onderwerp', 'x', '--op', 'morgen 10:00'], 2, '--op ligt in de toekomst'],
    [['--tussen', 'politie,oov', '--onderwerp', 'x', '--zaak', 'Z-2027-099'], 1, 'Zaak Z-2027-099 bestaat niet. Zie kvz zaak list. Er is niets vastgelegd.'],
  ])('refuses %j with exit %i and one sentence, writing nothing', async (args, code, bericht) => {
    const db = await metZaken();
    const audit = telRijen(db, 'audit');
    const u = await kvz(['afstemming', 'add', ...args], { db, nu: NU });
    expect(u.code, u.stderr).toBe(code);
    expect(u.stderr).toContain(bericht);
    expect(u.stderr.trim().split('\n')).toHaveLength(1);
    expect(telRijen(db, 'afstemming')).toBe(0);
    expect(telRijen(db, 'audit')).toBe(audit);
  });

  it('puts the afstemmingen since the previous politieoverleg on its agenda, the confidential ones marked, and on no other agenda', async () => {
    const db = await metZaken();
    await kvzOk([...ADD, '--onderwerp', 'Vorige periode', '--op', '01-03-2027 10:00'], { db, nu: NU });
    // On the day of the politieoverleg of 2 March itself: for the next one, not for that one.
    await kvzOk([...ADD, '--onderwerp', 'Op de dag zelf', '--op', '02-03-2027 18:00'], { db, nu: NU });
    await kvzOk([...ADD, '--onderwerp', 'Dreiging na incident', '--zaak', 'Z-2027-001', '--op', '10-03-2027 22:00'], { db, nu: NU });
    await kvzOk([...ADD, '--onderwerp', 'GEHEIM informant', '--vertrouwelijk', '--op', '15-03-2027 09:00'], { db, nu: NU });
    // The politieoverleg of 30 March covers 2 March up to 29 March.
    const politie = (await kvzOk(['agenda', 'politie', '--datum', '30-03-2027'], { db, nu: NU })).stdout;
    const punt = politie.slice(politie.indexOf('## 5. Afstemming tussendoor sinds het vorige politieoverleg'), politie.indexOf('## 6.'));
    expect(punt).toContain('3 keer tussendoor afgestemd in de periode; de vertrouwelijke staan alleen op deze agenda.');
    expect(punt).toMatch(/\| AF-2027-003 +\| 10-03-2027 \| oov, politie \| Dreiging na incident +\| Z-2027-001 \|/);
    expect(punt).toMatch(/\| AF-2027-004 \(vertrouwelijk\) \| 15-03-2027 \|/);
    expect(punt).not.toContain('Vorige periode');
    const json = await kvzJson<{ afstemmingen: { nummer: string }[] }>(['agenda', 'politie', '--datum', '30-03-2027'], { db, nu: NU });
    expect(json.afstemmingen.map((x) => x.nummer)).toEqual(['AF-2027-002', 'AF-2027-003', 'AF-2027-004']);
    const vorige = await kvzJson<{ afstemmingen: { nummer: string }[] }>(['agenda', 'politie', '--datum', '02-03-2027'], { db, nu: NU });
    expect(vorige.afstemmingen.map((x) => x.nummer)).toEqual(['AF-2027-001']);
    // The log finds an afstemming by its number, typed loosely.
    expect((await kvzJson<{ object: string }[]>(['log', '--object', 'af-2027-2'], { db, nu: NU })).map((r) => r.object)).toEqual(['AF-2027-002']);
    for (const soort of ['gio', 'tweewekelijks']) {
      const u = await kvzOk(['agenda', soort, '--json'], { db, nu: NU });
      expect(u.stdout, soort).not.toMatch(/AF-2027|GEHEIM informant|Dreiging na incident/);
    }
  });

  if (!OP_POSTGRES) {
    it('is proven by check: an afstemming changed behind kvz\'s back is named', async () => {
      const db = await metZaken();
      await kvzOk([...ADD, '--onderwerp', 'Dreiging na incident'], { db, nu: NU });
      expect((await kvz(['check'], { db, nu: NU })).code).toBe(0);
      const c = new Database(db);
      c.exec(`UPDATE afstemming SET onderwerp = 'Iets anders'`);
      c.close();
      const u = await kvz(['check', '--json'], { db, nu: NU });
      expect(u.code).toBe(1);
      expect(JSON.parse(u.stdout).toestand.verschillen).toEqual([{ object: 'AF-2027-001', wat: 'gewijzigd' }]);
    });
  }
});
