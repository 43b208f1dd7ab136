/**
 * A melding that lapses (#15 item 14): a duplicate or one made in error is closed with a reason
 * (`melding close --vervallen <reden>`). It stays in the list and the log, under status vervallen,
 * and counts nowhere: not in status, agendas, reports or the forwarding figures.
 */
import { describe, expect, it } from 'vitest';
import { kvz, kvzJson, kvzOk, lees, nieuweDb, telRijen } from '../helpers/run.js';

const NU = '2027-03-16T10:00:00.000Z';
const ADD = ['melding', 'add', '--categorie', 'jeugdoverlast', '--kern', 'Obdam', '--adres', 'Dorpsstraat 5', '--omschrijving'];

/** Two of the same (the second a duplicate) and one other, all about a vergunninghouder, none forwarded. */
async function drie(db: string) {
  await kvzOk([...ADD, 'Jongeren bij de deur', '--vergunninghouder', '--ontvangen', '15-03-2027 09:00'], { db, nu: NU });
  await kvzOk([...ADD, 'Jongeren bij de deur (buurman)', '--vergunninghouder', '--ontvangen', '15-03-2027 09:30'], { db, nu: NU });
  await kvzOk([...ADD, 'Vuurwerk', '--vergunninghouder', '--ontvangen', '15-03-2027 20:00'], { db, nu: NU });
}

describe('melding close --vervallen', () => {
  it('keeps the melding in list, show and log under status vervallen, with its reason', async () => {
    const db = nieuweDb();
    await drie(db);
    const uit = await kvzOk(['melding', 'close', 'M-2027-0002', '--vervallen', 'dubbel met M-2027-0001'], { db, nu: NU });
    expect(uit.stdout).toBe("Melding M-2027-0002 vervallen: telt niet meer mee in tellingen, agenda's en rapporten; lijst en logboek tonen haar nog.\n");

    const lijst = await kvzJson<{ nummer: string; status: string }[]>(['melding', 'list'], { db, nu: NU });
    expect(lijst.map((m) => [m.nummer, m.status])).toEqual([['M-2027-0003', 'nieuw'], ['M-2027-0002', 'vervallen'], ['M-2027-0001', 'nieuw']]);
    const nummers = async (status: string) => (await kvzJson<{ nummer: string }[]>(['melding', 'list', '--status', status], { db, nu: NU })).map((m) => m.nummer);
    expect(await nummers('vervallen')).toEqual(['M-2027-0002']);
    expect(await nummers('afgehandeld')).toEqual([]);
    expect(await nummers('openstaand')).toEqual(['M-2027-0003', 'M-2027-0001']);
    expect(await nummers('afgehandeld,vervallen')).toEqual(['M-2027-0002']);
    // Waiting to be forwarded is not what a lapsed melding does.
    expect((await kvzJson<{ nummer: string }[]>(['melding', 'list', '--niet-doorgezet'], { db, nu: NU })).map((m) => m.nummer)).toEqual(['M-2027-0003', 'M-2027-0001']);
    expect((await kvzOk(['melding', 'list', '--status', 'vervallen'], { db, nu: NU })).stdout).toMatch(/^M-2027-0002 .* vervallen +— /m);

    const show = (await kvzOk(['melding', 'show', 'M-2027-0002'], { db, nu: NU })).stdout;
    expect(show).toMatch(/Status +vervallen \(16-03-2027 11:00\)/);
    expect(show).toContain('Vervallen, reden\n  dubbel met M-2027-0001\n');
    expect(await kvzJson(['melding', 'show', 'M-2027-0002', '--json'], { db, nu: NU })).toMatchObject({ status: 'vervallen', afhandeling: 'dubbel met M-2027-0001' });
    expect(lees(db, `SELECT commando, resultaat FROM audit WHERE object = 'M-2027-0002' ORDER BY id`)).toEqual([
      { commando: 'melding add', resultaat: 'melding vastgelegd' },
      { commando: 'melding close', resultaat: 'melding vervallen' },
    ]);
    expect((await kvzOk(['log', '--object', 'M-2027-0002'], { db, nu: NU })).stdout).toContain('melding vervallen');
    // The export keeps it, as what it is.
    const csv = (await kvzOk(['export', 'meldingen'], { db, nu: NU })).stdout;
    expect(csv.split('\n').filter((r) => r.startsWith('M-2027-0002'))[0]).toContain(';vervallen;');
    expect((await kvzOk(['check'], { db, nu: NU })).stdout).toContain('Alles in orde.');
  });

  it('counts nowhere: status, the GIO agenda, the reports and the forwarding figures leave it out', async () => {
    const db = nieuweDb();
    await drie(db);
    const tel = async () => ({
      status: (await kvzJson<{ meldingen: Record<string, number> }>(['status'], { db, nu: NU })).meldingen,
      gio: await kvzJson<{ vergunninghouders: { totaal: number }; jeugdoverlast: { aantal: number } }>(['agenda', 'gio'], { db, nu: NU }),
      jeugd: (await kvzJson<{ totaal: number }>(['rapport', 'jeugd', '--van', '01-03-2027', '--tot', '16-03-2027'], { db, nu: NU })).totaal,
      vh: (await kvzJson<{ totaal: number }>(['rapport', 'vergunninghouders', '--van', '01-03-2027', '--tot', '16-03-2027'], { db, nu: NU })).totaal,
      doorzetting: (await kvzJson<{ totaal: number }>(['rapport', 'doorzetting', '--van', '01-03-2027', '--tot', '16-03-2027'], { db, nu: NU })).totaal,
    });
    const voor = await tel();
    expect(voor.status).toMatchObject({ totaal: 3, nieuw: 3, vervallen: 0 });
    expect([voor.gio.vergunninghouders.totaal, voor.gio.jeugdoverlast.aantal, voor.jeugd, voor.vh, voor.doorzetting]).toEqual([3, 3, 3, 3, 3]);

    await kvzOk(['melding', 'close', 'M-2027-0002', '--vervallen', 'dubbel met M-2027-0001'], { db, nu: NU });
    const na = await tel();
    expect(na.status).toMatchObject({ totaal: 2, nieuw: 2, doorgezet: 0, afgehandeld: 0, dit_jaar: 2, vervallen: 1 });
    expect([na.gio.vergunninghouders.totaal, na.gio.jeugdoverlast.aantal, na.jeugd, na.vh, na.doorzetting]).toEqual([2, 2, 2, 2, 2]);
    expect((await kvzOk(['status'], { db, nu: NU })).stdout).toContain('Meldingen 2 in totaal, 2 dit jaar; 2 nieuw, 0 doorgezet, 0 afgehandeld (en 1 vervallen, niet meegeteld)');
    expect((await kvzOk(['agenda', 'gio'], { db, nu: NU })).stdout).not.toContain('M-2027-0002');
    // A new melding like these is not said to look like the lapsed one.
    const nog = await kvzOk([...ADD, 'Weer jongeren', '--ontvangen', '15-03-2027 21:00'], { db, nu: NU });
    expect(nog.stderr).toContain('lijkt op M-2027-0001 (15-03-2027 09:00), M-2027-0003 (15-03-2027 20:00)');
  });

  it('refuses a missing reason or a --notitie beside it (exit 2), and a second time or forwarding after (exit 1), writing nothing', async () => {
    const db = nieuweDb();
    await drie(db);
    const audit = telRijen(db, 'audit');
    const leeg = await kvz(['melding', 'close', 'M-2027-0002', '--vervallen', '  '], { db, nu: NU });
    expect([leeg.code, leeg.stderr]).toEqual([2, '--vervallen vraagt de reden, bijvoorbeeld --vervallen "dubbel met M-2027-0012".\n']);
    const beide = await kvz(['melding', 'close', 'M-2027-0002', '--vervallen', 'dubbel', '--notitie', 'x'], { db, nu: NU });
    expect([beide.code, beide.stderr]).toEqual([2, 'Geef bij --vervallen de reden en geen --notitie: de reden is de notitie van een vervallen melding.\n']);
    expect(telRijen(db, 'audit')).toBe(audit);
    expect(lees(db, `SELECT count(*) AS n FROM melding WHERE status <> 'nieuw'`)).toEqual([{ n: 0 }]);

    await kvzOk(['melding', 'close', 'M-2027-0002', '--vervallen', 'dubbel'], { db, nu: NU });
    const nogEens = await kvz(['melding', 'close', 'M-2027-0002', '--vervallen', 'dubbel'], { db, nu: NU });
    expect([nogEens.code, nogEens.stderr]).toEqual([1, 'Melding M-2027-0002 is al vervallen.\n']);
    const dicht = await kvz(['melding', 'close', 'M-2027-0002'], { db, nu: NU });
    expect([dicht.code, dicht.stderr]).toEqual([1, 'Melding M-2027-0002 is al vervallen.\n']);
    const door = await kvz(['melding', 'forward', 'M-2027-0002', '--naar', 'politie'], { db, nu: NU });
    expect([door.code, door.stderr]).toEqual([1, 'Melding M-2027-0002 is al vervallen; doorzetten kan niet meer.\n']);
    expect(telRijen(db, 'doorzetting')).toBe(0);
  });

  it('can still find a melding already handled to have lapsed, keeping when it was closed and what was written then', async () => {
    const db = nieuweDb();
    await drie(db);
    await kvzOk(['melding', 'close', 'M-2027-0002', '--notitie', 'Gesproken'], { db, nu: '2027-03-15T12:00:00.000Z' });
    await kvzOk(['melding', 'close', 'M-2027-0002', '--vervallen', 'bleek dubbel met M-2027-0001'], { db, nu: NU });
    expect(lees(db, `SELECT status, vervallen, afgehandeld_op, afhandeling FROM melding WHERE volgnummer = 2`)).toEqual([
      { status: 'afgehandeld', vervallen: 1, afgehandeld_op: '2027-03-15T12:00:00.000Z', afhandeling: 'bleek dubbel met M-2027-0001\n(eerder afgehandeld: Gesproken)' },
    ]);
    expect((await kvzJson<{ meldingen: Record<string, number> }>(['status'], { db, nu: NU })).meldingen).toMatchObject({ totaal: 2, afgehandeld: 0, vervallen: 1 });
  });
});
