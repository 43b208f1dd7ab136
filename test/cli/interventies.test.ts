/**
 * Interventions (seed §2.6, SPEC §11): an actie's soort (gesprek met bewoners, met de melder,
 * handhaving…) is seen in the matrix, filtered in lists, exported and counted around vergunninghouders.
 */
import { describe, expect, it } from 'vitest';
import { nieuweActie, nieuweMelding, nieuweZaak } from '../helpers/matrix.js';
import { kvz, kvzJson, kvzOk, nieuweDb } from '../helpers/run.js';

/** Z-2027-001 about a vergunninghouder with two interventions; Z-2027-002 without, with one. */
async function metInterventies() {
  const db = nieuweDb();
  const m = await nieuweMelding(db, ['--vergunninghouder', '--categorie', 'treiteren']);
  const z1 = await nieuweZaak(db, ['--melding', m, '--titel', 'Treiteren nieuwe bewoners']);
  const z2 = await nieuweZaak(db, ['--titel', 'Hangjongeren', '--kern', 'Obdam']);
  const a1 = await nieuweActie(db, z1, 'iv', '2027-04-01', ['--soort', 'gesprek-bewoners', '--omschrijving', 'Gesprek met ongeruste buren']);
  const a2 = await nieuweActie(db, z1, 'politie', '2027-04-01', ['--soort', 'handhaving', '--omschrijving', 'Extra surveillance']);
  const a3 = await nieuweActie(db, z2, 'iv', '2027-04-01', ['--soort', 'gesprek-bewoners', '--omschrijving', 'Bewonersavond']);
  const a4 = await nieuweActie(db, z2, 'jongerenwerk', '2027-04-01', ['--omschrijving', 'Contact met de groep']);
  return { db, z: [z1, z2], a: [a1, a2, a3, a4] };
}

describe('interventions', () => {
  it('are filtered with actie list --soort and matrix --soort, one or more, and a typo gets a suggestion', async () => {
    const { db, z, a } = await metInterventies();
    const nummers = async (...args: string[]) => (await kvzJson<{ nummer: string }[]>(['actie', 'list', ...args], { db })).map((x) => x.nummer);
    expect(await nummers('--soort', 'gesprek-bewoners')).toEqual([a[2], a[0]]);
    expect(await nummers('--soort', 'handhaving,overig')).toEqual([a[3], a[1]]);
    const matrix = await kvzJson<{ nummer: string; acties: { nummer: string; soort: string }[] }[]>(['matrix', '--soort', 'handhaving'], { db });
    expect(matrix.map((x) => [x.nummer, x.acties.map((y) => [y.nummer, y.soort])])).toEqual([[z[0], [[a[1], 'handhaving']]]]);
    const fout = await kvz(['actie', 'list', '--soort', 'gesprek-bewonrs'], { db });
    expect([fout.code, fout.stderr]).toEqual([2, "Onbekende soort actie 'gesprek-bewonrs' voor --soort. Bedoelde u 'gesprek-bewoners'?\n"]);
  });

  it('are shown in the matrix on screen and in the actie list, without a label for overig', async () => {
    const { db, a } = await metInterventies();
    const matrix = (await kvzOk(['matrix'], { db })).stdout;
    expect(matrix).toContain('gesprek-bewoners: Gesprek met ongeruste buren');
    expect(matrix).toContain('handhaving: Extra surveillance');
    expect(matrix).toMatch(/\n {17}Contact met de groep\n/);
    expect((await kvzOk(['actie', 'list'], { db })).stdout).toMatch(new RegExp(`${a[1]}\\s+Z-2027-001\\s+politie\\s+handhaving\\s+01-04-2027`));
  });

  it('are exported as the column Soort actie, right after Omschrijving', async () => {
    const { db } = await metInterventies();
    const regels = (await kvzOk(['export', 'matrix', '--formaat', 'csv'], { db })).stdout.split('\r\n');
    expect(regels[0]).toBe('Zaak,Zaaktitel,Soort,Kern,Actie,Omschrijving,Soort actie,Partner,Deadline,Status,Te laat,Keer uitgesteld,Laatst bijgewerkt,Afgesproken in');
    expect(regels.find((r) => r.includes('Extra surveillance'))).toContain(',Extra surveillance,handhaving,politie,');
  });

  it('are counted per soort in rapport vergunninghouders, for the zaken about vergunninghouders only', async () => {
    const { db } = await metInterventies();
    const json = await kvzJson<{ interventies_per_soort: unknown }>(['rapport', 'vergunninghouders'], { db });
    expect(json.interventies_per_soort).toEqual([{ soort: 'gesprek-bewoners', aantal: 1 }, { soort: 'handhaving', aantal: 1 }]);
    const tekst = (await kvzOk(['rapport', 'vergunninghouders'], { db })).stdout;
    expect(tekst).toContain('Interventies bij zaken met vergunninghouders (2 acties afgesproken in de periode)');
    expect(tekst).toMatch(/gesprek-bewoners\s+1\s+50%/);
    // Outside the period: none.
    const vroeger = await kvzJson<{ interventies_per_soort: unknown }>(['rapport', 'vergunninghouders', '--van', '2026-01-01', '--tot', '2026-12-31'], { db });
    expect(vroeger.interventies_per_soort).toEqual([]);
  });
});
