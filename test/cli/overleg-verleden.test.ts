/**
 * Documents of a meeting already held show the state of its day (#15 item 6): a zaak opened after the
 * meeting is not in its agenda or minutes, one closed since is still open there, an actie has the
 * status and deadline it had then (late or not by that day), and minutes cannot agree anything about a
 * zaak that did not exist yet. The data: GIO 2 March 2027, looked at on 16 March.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bouwAgendaData, kopie, type AgendaData } from '../helpers/agenda.js';
import { bewaar, matrixToestand, nieuweActie, regelVan, skelet } from '../helpers/notulen.js';
import { kvz, kvzJson, kvzOk } from '../helpers/run.js';

let data: AgendaData & { opruimen: () => void };
beforeAll(async () => {
  data = await bouwAgendaData();
});
afterAll(() => data.opruimen());

interface Zaak { nummer: string; acties: { nummer: string; status: string; te_laat: boolean }[] }
interface Gio { peildatum: string; nieuwe_zaken: Zaak[]; lopende_zaken: Zaak[]; klaar_om_te_sluiten: Zaak[] }
const zakenVan = (a: Gio) => [...a.nieuwe_zaken, ...a.lopende_zaken, ...a.klaar_om_te_sluiten];

describe('documents of a meeting already held', () => {
  it('show the zaken and acties as they stood at the end of that day, not as they stand now', async () => {
    const db = kopie(data);
    // Closed today: still open on 2 March.
    await kvzOk(['zaak', 'close', data.z.oud, '--resultaat', 'Bewoner verhuisd'], { db });
    const toen = await kvzJson<Gio>(['agenda', 'gio', '--datum', '02-03-2027'], { db });
    expect(toen.peildatum).toBe('2027-03-02');
    const zaken = zakenVan(toen);
    expect(zaken.map((z) => z.nummer).sort()).toEqual([data.z.oud, data.z.bushalte, data.z.burenruzie].sort());
    const bushalte = zaken.find((z) => z.nummer === data.z.bushalte)!;
    // Running only since 12 March, late only since 10 March.
    expect(bushalte.acties.map((a) => [a.nummer, a.status, a.te_laat])).toEqual([
      [data.a.surveillance, 'open', false],
      [data.a.ouders, 'open', false],
    ]);
    const md = (await kvzOk(['agenda', 'gio', '--datum', '02-03-2027'], { db })).stdout;
    expect(md).not.toContain(data.z.treiteren);
    // A placement recorded today, though dated within that window, was not known then either.
    await kvzOk(['plaatsing', 'add', '--kern', 'Obdam', '--adres', 'Kerkpad 1', '--datum', '01-02-2027'], { db });
    expect((await kvzJson<{ vergunninghouders: { plaatsingen: unknown[] } }>(['agenda', 'gio', '--datum', '02-03-2027'], { db })).vergunninghouders.plaatsingen).toEqual([]);
    expect((await kvzJson<{ vergunninghouders: { plaatsingen: { nummer: string }[] } }>(['agenda', 'gio'], { db })).vergunninghouders.plaatsingen.map((p) => p.nummer)).toEqual(['P-2027-01']);
    expect(md).toContain(`### ${data.z.oud} `);

    // The next GIO, ahead, shows today's state: the new zaak, the running actie, the closed zaak gone.
    const nu = await kvzJson<Gio>(['agenda', 'gio'], { db });
    expect(nu.peildatum).toBe('2027-03-16');
    const nuZaken = zakenVan(nu);
    expect(nuZaken.map((z) => z.nummer)).toContain(data.z.treiteren);
    expect(nuZaken.map((z) => z.nummer)).not.toContain(data.z.oud);
    expect(nuZaken.find((z) => z.nummer === data.z.bushalte)!.acties.map((a) => [a.nummer, a.status, a.te_laat])).toEqual([
      [data.a.surveillance, 'open', true],
      [data.a.ouders, 'loopt', false],
    ]);
  });

  it('refuses minutes that agree something about a zaak opened after the meeting, writing nothing', async () => {
    const db = kopie(data);
    const skeleton = await skelet(db, 'gio', '02-03-2027');
    expect(skeleton).not.toContain(data.z.treiteren);
    // Someone copied the heading of a zaak opened on 5 March into the minutes of 2 March.
    const md = nieuweActie(skeleton.replace(`### ${data.z.burenruzie} · Burenruzie Ursem`, `### ${data.z.treiteren} · Treiteren nieuwe bewoners`),
      data.z.treiteren, 'Gesprek met de nieuwe bewoners', 'iv', '06-04-2027');
    const voor = matrixToestand(db);
    const u = await kvz(['notulen', 'verwerk', bewaar(md), '--uitvoeren'], { db });
    expect([u.code, u.stdout]).toEqual([2, '']);
    expect(u.stderr).toBe(
      `Regel ${regelVan(md, `### ${data.z.treiteren} `)}: zaak ${data.z.treiteren} is geopend op 05-03-2027, na dit overleg van 02-03-2027; zet haar in de notulen van een later overleg.\n` +
        'Eén probleem in het bestand; er is niets verwerkt.\n',
    );
    expect(matrixToestand(db)).toEqual(voor);
  });
});
