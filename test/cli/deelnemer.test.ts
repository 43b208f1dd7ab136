/**
 * The participants of each overleg soort (SPEC §8): the seed's defaults, changed by the team, named in
 * the agenda; bad input refused with nothing written.
 */
import { describe, expect, it } from 'vitest';
import { kvz, kvzJson, kvzOk, lees, nieuweDb } from '../helpers/run.js';

describe('kvz overleg deelnemer', () => {
  it('starts with the participants the plan names, keys naam, email, partner', async () => {
    const db = nieuweDb();
    expect(await kvzJson(['overleg', 'deelnemer', 'list', 'politie', '--json'], { db })).toEqual([
      { naam: 'Burgemeester', email: null, partner: 'burgemeester' },
      { naam: 'Openbare orde en veiligheid (OOV)', email: null, partner: 'oov' },
      { naam: 'Politie', email: null, partner: 'politie' },
    ]);
    const gio = await kvzJson<{ naam: string }[]>(['overleg', 'deelnemer', 'list', 'gio', '--json'], { db });
    expect(gio.map((d) => d.naam)).toEqual(['Politie', 'Zorgteam Koggenland', 'Jongerenwerk', 'Cluster Integrale Veiligheid', 'Portefeuillehouder']);
  });

  it('adds and removes a participant, audited, and the agenda names who takes part', async () => {
    const db = nieuweDb();
    await kvzOk(['overleg', 'deelnemer', 'add', 'GIO', '--naam', 'Woningcorporatie Wooncompagnie', '--email', 'wijk@wooncompagnie.test'], { db });
    expect(await kvzJson(['overleg', 'deelnemer', 'list', 'gio', '--json'], { db })).toContainEqual({
      naam: 'Woningcorporatie Wooncompagnie', email: 'wijk@wooncompagnie.test', partner: null,
    });
    expect((await kvzOk(['agenda', 'gio'], { db })).stdout).toMatch(/Deelnemers:\*\* Politie, Zorgteam Koggenland, Jongerenwerk, Cluster Integrale Veiligheid, Portefeuillehouder, Woningcorporatie Wooncompagnie/);
    await kvzOk(['overleg', 'deelnemer', 'remove', 'gio', '--naam', 'portefeuillehouder'], { db });
    expect((await kvzOk(['agenda', 'gio'], { db })).stdout).not.toContain('Portefeuillehouder,');
    expect(lees(db, 'SELECT object, resultaat FROM audit ORDER BY id')).toEqual([
      { object: 'deelnemers gio', resultaat: 'deelnemer toegevoegd: Woningcorporatie Wooncompagnie' },
      { object: 'deelnemers gio', resultaat: 'deelnemer verwijderd: Portefeuillehouder' },
    ]);
  });

  it.each([
    [['overleg', 'deelnemer', 'add', 'gio', '--naam', 'X', '--email', 'geen-adres'], 2, '--email: "geen-adres" is geen e-mailadres; verwacht bijvoorbeeld meldpunt@koggenland.nl.'],
    [['overleg', 'deelnemer', 'add', 'gio', '--naam', 'X\r\nBcc: y@evil.test'], 2, '--naam bevat een regeleinde of stuurteken; dat kan niet in een e-mailkop. Geef de waarde op één regel.'],
    [['overleg', 'deelnemer', 'add', 'gio'], 2, undefined],
    [['overleg', 'deelnemer', 'add', 'gio', '--naam', 'politie'], 1, 'Politie is al deelnemer van het gio-overleg; er is niets gewijzigd.'],
    [['overleg', 'deelnemer', 'remove', 'politie', '--naam', 'Niemand'], 1, 'Niemand is geen deelnemer van het politie-overleg. Zie kvz overleg deelnemer list politie.'],
  ])('%j: exit %i, nothing written', async (args, code, bericht) => {
    const db = nieuweDb();
    await kvzOk(['status'], { db });
    const voor = lees(db, 'SELECT * FROM deelnemer ORDER BY soort, naam');
    const u = await kvz(args as string[], { db });
    expect(u.code).toBe(code);
    if (bericht) expect(u.stderr).toBe(`${bericht}\n`);
    expect(lees(db, 'SELECT * FROM deelnemer ORDER BY soort, naam')).toEqual(voor);
    expect(lees(db, 'SELECT count(*) AS n FROM audit')).toEqual([{ n: 0 }]);
  });
});
