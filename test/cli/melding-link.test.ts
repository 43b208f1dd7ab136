import { describe, expect, it } from 'vitest';
import { kvz, kvzJson, kvzOk, lees, nieuweDb } from '../helpers/run.js';
import { auditRegels, nieuweMelding, nieuweZaak, toestand } from '../helpers/matrix.js';

const zaakVan = (db: string) => lees(db, 'SELECT z.nummer FROM melding m LEFT JOIN zaak z ON z.id = m.zaak_id').map((r) => r.nummer);

describe('kvz melding link', () => {
  it('links a melding to an open zaak, with one audit row, and the zaak counts it', async () => {
    const db = nieuweDb();
    const m = await nieuweMelding(db);
    const z = await nieuweZaak(db);
    const u = await kvzOk(['melding', 'link', m.toLowerCase(), z.toLowerCase()], { db });
    expect(u.stdout).toBe(`Melding ${m} gekoppeld aan zaak ${z}.\n`);
    expect(zaakVan(db)).toEqual([z]);
    expect(auditRegels(db).at(-1)).toMatchObject({ commando: 'melding link', object: m, resultaat: `gekoppeld aan ${z}` });
    expect((await kvzJson<{ aantal_meldingen: number }[]>(['zaak', 'list'], { db }))[0]!.aantal_meldingen).toBe(1);
  });

  it('relinks to another zaak and says where it came from; linking again changes nothing', async () => {
    const db = nieuweDb();
    const m = await nieuweMelding(db);
    const z1 = await nieuweZaak(db, ['--melding', m]);
    const z2 = await nieuweZaak(db);
    expect((await kvzOk(['melding', 'link', m, z2], { db })).stdout).toBe(`Melding ${m} gekoppeld aan zaak ${z2} (was ${z1}).\n`);
    expect(JSON.parse(auditRegels(db).at(-1)!.details)).toEqual({ zaak: [z1, z2] });
    const voor = toestand(db);
    expect((await kvzOk(['melding', 'link', m, z2], { db })).stdout).toBe(`Melding ${m} hoorde al bij zaak ${z2}; niets gewijzigd.\n`);
    expect(toestand(db)).toEqual(voor);
    expect((await kvzJson<{ zaak: string }>(['melding', 'link', m, z2], { db })).zaak).toBe(z2);
  });

  it('lists a zaak\'s meldingen, in a page or all, and nothing for a zaak without any', async () => {
    const db = nieuweDb();
    const a = await nieuweMelding(db);
    await nieuweMelding(db); // not in the zaak
    const c = await nieuweMelding(db);
    const z = await nieuweZaak(db, ['--melding', `${a},${c}`]);
    const leeg = await nieuweZaak(db);
    const lijst = async (...args: string[]) => (await kvzJson<{ nummer: string }[]>(['melding', 'list', '--zaak', ...args], { db })).map((m) => m.nummer);
    expect(await lijst(z)).toEqual([c, a]);
    expect(await lijst(z, '--limit', '1')).toEqual([c]);
    expect(await lijst(leeg, '--limit', '5')).toEqual([]);
    expect((await kvzOk(['melding', 'list', '--zaak', z, '--limit', '1'], { db })).stdout).toContain('2 meldingen; de nieuwste staat hierboven, nog 1 met --limit 2.');
  });

  it.each([
    ['a closed zaak', 'gesloten', 1, 'Zaak Z-2027-001 is gesloten; koppel de melding aan een open zaak.'],
    ['an unknown zaak', 'Z-2027-007', 1, 'Zaak Z-2027-007 bestaat niet. Zie kvz zaak list.'],
    ['an unknown melding', 'M-2027-0099', 1, 'Melding M-2027-0099 bestaat niet. Zie kvz melding list.'],
    ['a malformed number', 'zaak-1', 2, "Ongeldig nummer voor het zaaknummer: 'zaak-1'."],
  ])('refuses %s and writes nothing', async (_, geval, code, bericht) => {
    const db = nieuweDb();
    const m = await nieuweMelding(db);
    const z = await nieuweZaak(db);
    if (geval === 'gesloten') await kvzOk(['zaak', 'close', z, '--resultaat', 'Rust'], { db });
    const voor = toestand(db);
    const args = geval.startsWith('M-') ? [geval, z] : [m, geval === 'gesloten' ? z : geval];
    const u = await kvz(['melding', 'link', ...args], { db });
    expect(u.code).toBe(code);
    expect(u.stderr).toContain(bericht);
    expect(toestand(db)).toEqual(voor);
    expect(zaakVan(db)).toEqual([null]);
  });
});
