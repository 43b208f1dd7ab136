import { describe, expect, it } from 'vitest';
import { kvzJson, kvzOk, nieuweDb } from '../helpers/run.js';
import { nieuweActie, nieuweZaak } from '../helpers/matrix.js';

describe('kvz status: zaken and overdue acties', () => {
  it('counts open zaken and lists overdue acties per partner, most first', async () => {
    const db = nieuweDb();
    const z1 = await nieuweZaak(db);
    const z2 = await nieuweZaak(db);
    await nieuweZaak(db);
    await nieuweActie(db, z1, 'politie', '2027-03-01');
    await nieuweActie(db, z1, 'politie', '2027-03-15');
    await nieuweActie(db, z1, 'jongerenwerk', '2027-03-10');
    await nieuweActie(db, z1, 'zorgteam', '2027-03-16'); // due today: not late yet
    const klaar = await nieuweActie(db, z2, 'iv', '2027-03-01');
    await kvzOk(['actie', 'update', klaar, '--status', 'gereed'], { db });
    await kvzOk(['zaak', 'close', z2, '--resultaat', 'Rust'], { db });

    const json = await kvzJson<Record<string, unknown>>(['status'], { db });
    expect(json.zaken).toEqual({ open: 2, gesloten: 1 });
    expect(json.te_laat_per_partner).toEqual([
      { partner: 'politie', aantal: 2 },
      { partner: 'jongerenwerk', aantal: 1 },
    ]);
    const u = await kvzOk(['status'], { db });
    expect(u.stdout).toMatch(/Zaken\s+2 open, 1 gesloten/);
    expect(u.stdout).toContain('! 3 actie(s) te laat: politie 2, jongerenwerk 1 (zie kvz matrix --te-laat)');
  });

  it('has nothing to report on a fresh database', async () => {
    const db = nieuweDb();
    const json = await kvzJson<Record<string, unknown>>(['status'], { db });
    expect(json).toMatchObject({ zaken: { open: 0, gesloten: 0 }, te_laat_per_partner: [] });
    expect((await kvzOk(['status'], { db })).stdout).toContain('✓ niets openstaands');
  });
});
