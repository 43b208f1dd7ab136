/**
 * A mistyped --db (#15 item 8, SPEC §4.6): only init, demo, import and the add/open commands create a
 * database; every other command says there is none, exit 1, and leaves no file or folder behind.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { alleenBestand } from '../helpers/opslag.js';
import { kvz, kvzOk, lees, tijdelijkeMap } from '../helpers/run.js';

const LEZERS = [
  ['status'], ['melding', 'list'], ['melding', 'show', 'M-2027-0001'], ['zaak', 'list'], ['actie', 'list'], ['matrix'],
  ['export', 'meldingen'], ['export', 'matrix'], ['rapport', 'jeugd'], ['agenda', 'gio'], ['notulen', 'gio'], ['overleg', 'plan'],
  ['log'], ['check'], ['kern', 'list'], ['partner', 'list'], ['melding', 'close', 'M-2027-0001'], ['opschonen'],
  ['overleg', 'cadans', 'gio', '--start', '2027-04-06'], ['backup', 'b.db'],
  // An actie needs a zaak, which a new database cannot have: no file for nothing.
  ['actie', 'add', 'Z-2027-001', '--omschrijving', 'x', '--partner', 'politie', '--deadline', '30-03-2027'],
];

describe('a path where no database is', () => {
  alleenBestand.each(LEZERS)('kvz %s … says so and creates nothing', async (...args) => {
    const map = join(tijdelijkeMap(), 'tikfuot');
    const pad = join(map, 'kvz.db');
    const u = await kvz(['--db', pad, ...args.filter((a) => a !== undefined)]);
    expect(u.code, u.stderr).toBe(1);
    expect(u.stdout).toBe('');
    expect(u.stderr).toBe(`Er is geen kvz-database in '${pad}'. Controleer het pad bij --db, of maak er een met kvz init --db ${pad}.\n`);
    expect(existsSync(map)).toBe(false);
  });

  alleenBestand('names KVZ_DB when the path came from there, and the default place without blame', async () => {
    const pad = join(tijdelijkeMap(), 'nergens.db');
    const u = await kvz(['status'], { env: { KVZ_DB: pad } });
    expect(u.code).toBe(1);
    expect(u.stderr).toBe(`Er is geen kvz-database in '${pad}'. Controleer het pad bij KVZ_DB, of maak er een met kvz init.\n`);
    const thuis = tijdelijkeMap();
    const v = await kvz(['melding', 'list'], { env: { XDG_DATA_HOME: thuis, HOME: thuis } });
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/^Er is nog geen kvz-database \(.+\)\. Maak er een met kvz init, of probeer kvz eerst met kvz demo\.\n$/);
  });

  alleenBestand('is not made by a trial import (--proef writes nothing)', async () => {
    const csv = join(tijdelijkeMap(), 'm.csv');
    writeFileSync(csv, 'Datum;Categorie;Kern;Omschrijving\n10-03-2027 10:00;overig;Obdam;x\n');
    const pad = join(tijdelijkeMap(), 'proef', 'kvz.db');
    const u = await kvz(['--db', pad, 'import', 'meldingen', csv, '--proef']);
    expect(u.code).toBe(1);
    expect(u.stderr).toContain(`Er is geen kvz-database in '${pad}'`);
    expect(existsSync(pad)).toBe(false);
    await kvzOk(['--db', pad, 'import', 'meldingen', csv]);
    expect(existsSync(pad)).toBe(true);
  });

  alleenBestand('is made by init, by an add or open command, and by import', async () => {
    for (const args of [
      ['init'],
      ['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', 'x'],
      ['zaak', 'open', '--titel', 'x', '--soort', 'overlast', '--kern', 'Obdam'],
      ['kern', 'add', 'Testdorp'],
    ]) {
      const pad = join(tijdelijkeMap(), 'nieuw', 'kvz.db');
      await kvzOk(['--db', pad, ...args]);
      expect(existsSync(pad), args.join(' ')).toBe(true);
      expect(lees(pad, "SELECT count(*) AS n FROM instelling WHERE sleutel = 'database_id'")).toEqual([{ n: 1 }]);
    }
  });
});
