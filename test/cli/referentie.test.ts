import { describe, expect, it } from 'vitest';
import { kvzJson, lees, nieuweDb } from '../helpers/run.js';

describe('kvz kern|partner|categorie add', () => {
  it.each([
    [['kern', 'add', 'Nieuwe Buurt'], { naam: 'Nieuwe Buurt' }, 'kern'],
    [['partner', 'add', 'woningcorporatie', '--naam', 'Woningcorporatie Wooncompagnie'], { code: 'woningcorporatie', naam: 'Woningcorporatie Wooncompagnie', email: [], met_melder: false }, 'partner'],
    [['categorie', 'add', 'overlast-dieren', '--omschrijving', 'Overlast door dieren'], { code: 'overlast-dieren', omschrijving: 'Overlast door dieren' }, 'categorie'],
  ])('%j with --json prints the created item as list --json shows it (SPEC 2), with one audit row', async (args, item, lijst) => {
    const db = nieuweDb();
    expect(await kvzJson([...args], { db })).toEqual(item);
    expect(await kvzJson([lijst, 'list'], { db })).toContainEqual(item);
    expect(lees(db, 'SELECT commando FROM audit')).toEqual([{ commando: `${lijst} add` }]);
  });
});
