/**
 * Urgent meldingen (seed §2.3 "acuut gereageerd", SPEC §11): first in lists and status, marked !!
 * until forwarded, set and cleared with melding update, apart in rapport doorzetting.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kvz, kvzJson, kvzOk, lees, nieuweDb, telRijen, tijdelijkeMap } from '../helpers/run.js';

const NU = '2027-03-16T10:00:00.000Z';
const ADD = ['melding', 'add', '--categorie', 'treiteren', '--kern', 'Obdam', '--omschrijving'];

async function drie(db: string) {
  await kvzOk([...ADD, 'Gisteren', '--ontvangen', '15-03-2027 10:00'], { db, nu: NU });
  const u = await kvzJson<{ nummer: string; urgent: boolean }>([...ADD, 'Stenen door de ruit', '--ontvangen', '14-03-2027 22:00', '--urgent'], { db, nu: NU });
  await kvzOk([...ADD, 'Vandaag'], { db, nu: NU });
  return u;
}

describe('urgent meldingen', () => {
  it('come first in the list and in status, marked !! until forwarded', async () => {
    const db = nieuweDb();
    const u = await drie(db);
    expect(u).toMatchObject({ nummer: 'M-2027-0002', urgent: true });
    const lijst = await kvzJson<{ nummer: string; urgent: boolean }[]>(['melding', 'list'], { db, nu: NU });
    expect(lijst.map((m) => [m.nummer, m.urgent])).toEqual([['M-2027-0002', true], ['M-2027-0003', false], ['M-2027-0001', false]]);
    const tabel = (await kvzOk(['melding', 'list'], { db, nu: NU })).stdout.split('\n');
    expect(tabel[1]).toMatch(/^M-2027-0002 .*!! urgent: nu doorzetten\s+urgent$/);
    // A page of one still shows the urgent one, and says how many there are in all.
    expect((await kvzJson<{ nummer: string }[]>(['melding', 'list', '--limit', '1'], { db, nu: NU })).map((m) => m.nummer)).toEqual(['M-2027-0002']);
    expect((await kvzOk(['melding', 'list', '--limit', '2'], { db, nu: NU })).stdout).toContain('3 meldingen; de nieuwste 2 staan hierboven');
    const status = (await kvzOk(['status'], { db, nu: NU })).stdout;
    expect(status).toMatch(/Vandaag te doen\n {2}!! 1 urgente melding nog niet doorgezet: M-2027-0002/);
    expect((await kvzJson<{ urgent_door_te_zetten: string[] }>(['status'], { db, nu: NU })).urgent_door_te_zetten).toEqual(['M-2027-0002']);

    await kvzOk(['melding', 'forward', 'M-2027-0002', '--naar', 'politie'], { db, nu: NU });
    const daarna = await kvzJson<{ nummer: string; urgent: boolean }[]>(['melding', 'list'], { db, nu: NU });
    expect(daarna.map((m) => m.nummer)).toEqual(['M-2027-0003', 'M-2027-0001', 'M-2027-0002']);
    expect(daarna[2]!.urgent).toBe(true);
    expect((await kvzOk(['melding', 'list'], { db, nu: NU })).stdout).not.toContain('!!');
    expect((await kvzOk(['status'], { db, nu: NU })).stdout).not.toContain('urgente');
    expect(lees(db, `SELECT details FROM audit WHERE object = 'M-2027-0002' AND commando = 'melding add'`)[0]!.details).toContain('"urgent":true');
  });

  it('is set and cleared with melding update; a closed melding cannot become urgent (exit 1), both flags at once is exit 2', async () => {
    const db = nieuweDb();
    await drie(db);
    const aan = await kvzOk(['melding', 'update', 'M-2027-0001', '--urgent'], { db, nu: NU });
    expect(aan.stdout).toBe('Melding M-2027-0001 bijgewerkt: urgent.\n');
    expect((await kvzJson<{ nummer: string }[]>(['melding', 'list'], { db, nu: NU })).map((m) => m.nummer).slice(0, 2)).toEqual(['M-2027-0001', 'M-2027-0002']); // both urgent: newest first
    await kvzOk(['melding', 'update', 'M-2027-0002', '--niet-urgent'], { db, nu: NU });
    expect(lees(db, 'SELECT nummer, urgent FROM melding ORDER BY id')).toEqual([
      { nummer: 'M-2027-0001', urgent: 1 }, { nummer: 'M-2027-0002', urgent: 0 }, { nummer: 'M-2027-0003', urgent: 0 },
    ]);
    await kvzOk(['melding', 'close', 'M-2027-0003', '--notitie', 'Opgelost'], { db, nu: NU });
    const audit = telRijen(db, 'audit');
    const dicht = await kvz(['melding', 'update', 'M-2027-0003', '--urgent'], { db, nu: NU });
    expect([dicht.code, dicht.stderr]).toEqual([1, 'Melding M-2027-0003 is al afgehandeld; urgent maken kan niet meer. Er is niets gewijzigd.\n']);
    const beide = await kvz(['melding', 'update', 'M-2027-0001', '--urgent', '--niet-urgent'], { db, nu: NU });
    expect([beide.code, beide.stderr]).toEqual([2, 'Geef --urgent of --niet-urgent, niet allebei.\n']);
    expect(telRijen(db, 'audit')).toBe(audit);
    expect(lees(db, `SELECT urgent FROM melding WHERE status = 'afgehandeld'`)).toEqual([{ urgent: 0 }]);
  });

  it('are shown apart in rapport doorzetting, and read from an import column Urgent', async () => {
    const db = nieuweDb();
    await drie(db);
    await kvzOk(['melding', 'forward', 'M-2027-0002', '--naar', 'politie', '--op', '15-03-2027 08:00'], { db, nu: NU });
    const r = await kvzJson<{ totaal: number; urgent: Record<string, unknown> }>(['rapport', 'doorzetting'], { db, nu: NU });
    expect(r.totaal).toBe(3);
    expect(r.urgent).toMatchObject({ totaal: 1, zelfde_dag: 0, later: 1, niet_doorgezet: 0, mediaan_minuten: 600 });
    expect((await kvzOk(['rapport', 'doorzetting'], { db, nu: NU })).stdout).toContain(
      'Urgent: 1 ontvangen; op de dag van ontvangst doorgezet: 0 (0%); later: 1; niet doorgezet: 0; mediane tijd tot de eerste doorzetting: 10 u.',
    );

    const csv = join(tijdelijkeMap(), 'lijst.csv');
    writeFileSync(csv, 'Datum;Dorp;Categorie;Melding;Urgent\n16-03-2027 08:00;Obdam;overig;Acuut;ja\n16-03-2027 08:30;Obdam;overig;Gewoon;nee\n');
    await kvzOk(['import', 'meldingen', csv], { db, nu: NU });
    expect(lees(db, `SELECT omschrijving, urgent FROM melding WHERE omschrijving IN ('Acuut', 'Gewoon') ORDER BY id`)).toEqual([
      { omschrijving: 'Acuut', urgent: 1 }, { omschrijving: 'Gewoon', urgent: 0 },
    ]);
  });

  it('are exported with a column Urgent that an import reads back (a round trip keeps them urgent)', async () => {
    const db = nieuweDb();
    await drie(db);
    const csv = join(tijdelijkeMap(), 'export.csv');
    await kvzOk(['export', 'meldingen', '--output', csv], { db, nu: NU });
    const regels = readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    const kop = regels[0]!.split(';');
    expect(kop.slice(kop.indexOf('Terugkoppeling'), kop.indexOf('Afgehandeld op') + 1)).toEqual(['Terugkoppeling', 'Urgent', 'Afgehandeld op']);
    const urgent = (r: string) => r.split(';')[kop.indexOf('Urgent')];
    expect(regels.slice(1, 4).map((r) => [r.split(';')[0], urgent(r)])).toEqual([['M-2027-0002', 'ja'], ['M-2027-0001', 'nee'], ['M-2027-0003', 'nee']]);
    const ander = nieuweDb();
    await kvzOk(['import', 'meldingen', csv], { db: ander, nu: NU });
    expect(lees(ander, 'SELECT omschrijving, urgent FROM melding ORDER BY ontvangen_op')).toEqual([
      { omschrijving: 'Stenen door de ruit', urgent: 1 }, { omschrijving: 'Gisteren', urgent: 0 }, { omschrijving: 'Vandaag', urgent: 0 },
    ]);
  });
});
