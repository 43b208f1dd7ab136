/**
 * Trends compare like with like (#15 item 5): an agenda made while its window still runs sets the
 * days so far against as many days of the window before, and says so.
 */
import { describe, expect, it } from 'vitest';
import { kvzJson, kvzOk, nieuweDb } from '../helpers/run.js';

const NU = '2027-03-20T10:00:00.000Z';

async function vul(db: string): Promise<void> {
  // Politieoverleg on 9 March 2027 and every 8 weeks: the window of 4 May runs from 9 March, 56 days;
  // the first of the series has no predecessor, so the window before is the 56 days before 9 March.
  await kvzOk(['overleg', 'cadans', 'politie', '--start', '2027-03-09'], { db, nu: NU });
  const add = (dag: string) =>
    kvzOk(['melding', 'add', '--categorie', 'burenoverlast', '--kern', 'Ursem', '--omschrijving', 'x', '--ontvangen', `${dag} 10:00`, '--doorzetten', 'politie'], { db, nu: NU });
  for (const dag of ['2027-01-15', '2027-01-20']) await add(dag); // in the first 12 days of the window before
  for (const dag of ['2027-02-10', '2027-02-20', '2027-03-01']) await add(dag); // later in it
  for (const dag of ['2027-03-10', '2027-03-19']) await add(dag); // this window, so far
}

interface Trend {
  vorig_venster: { van: string; tot_en_met: string };
  periode_loopt: { tot_en_met: string; dagen: number; van_dagen: number } | null;
  trends: { aantal: number; vorige_periode: number };
}

describe('trends in the politie agenda', () => {
  it('while the window runs: 12 days so far against the first 12 days before, and says so', async () => {
    const db = nieuweDb();
    await vul(db);
    const a = await kvzJson<Trend>(['agenda', 'politie'], { db, nu: NU });
    expect(a.periode_loopt).toEqual({ tot_en_met: '2027-03-20', dagen: 12, van_dagen: 56 });
    expect(a.vorig_venster).toEqual({ van: '2027-01-12', tot_en_met: '2027-01-23' });
    expect(a.trends).toMatchObject({ aantal: 2, vorige_periode: 2 });
    const md = (await kvzOk(['agenda', 'politie'], { db, nu: NU })).stdout;
    expect(md).toContain('in de periode ervoor (12-01-2027 tot en met 23-01-2027) 2');
    expect(md).toContain('De periode loopt nog: geteld tot en met 20-03-2027, 12 van de 56 dagen, tegen evenveel dagen van de periode ervoor.');
  });

  it('once the window is over: the whole window before, and nothing about running', async () => {
    const db = nieuweDb();
    await vul(db);
    const a = await kvzJson<Trend>(['agenda', 'politie', '--datum', '2027-05-04'], { db, nu: '2027-05-04T08:00:00.000Z' });
    expect(a.periode_loopt).toBeNull();
    expect(a.vorig_venster).toEqual({ van: '2027-01-12', tot_en_met: '2027-03-08' });
    expect(a.trends).toMatchObject({ aantal: 2, vorige_periode: 5 });
    expect((await kvzOk(['agenda', 'politie', '--datum', '2027-05-04'], { db, nu: '2027-05-04T08:00:00.000Z' })).stdout).not.toContain('loopt nog');
  });
});
