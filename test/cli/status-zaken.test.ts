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
    expect(u.stdout).toContain('! 3 acties te laat: politie 2, jongerenwerk 1 (zie kvz matrix --te-laat)');
  });

  it('has nothing to report on a fresh database', async () => {
    const db = nieuweDb();
    const json = await kvzJson<Record<string, unknown>>(['status'], { db });
    expect(json).toMatchObject({ zaken: { open: 0, gesloten: 0 }, te_laat_per_partner: [] });
    expect((await kvzOk(['status'], { db })).stdout).toContain('✓ niets openstaands');
  });
});

describe('kvz status: melders waiting for feedback', () => {
  it('lists the open meldingen whose melder asked for feedback and has not had it, oldest first, without melder data', async () => {
    const db = nieuweDb();
    const add = (...extra: string[]) =>
      kvzJson<{ nummer: string }>(
        ['melding', 'add', '--categorie', 'burenoverlast', '--kern', 'Obdam', '--omschrijving', 'Harde muziek', '--doorzetten', 'politie', ...extra],
        { db },
      ).then((m) => m.nummer);
    const wacht = await add('--ontvangen', '2027-03-10 09:00', '--melder-naam', 'Anna de Vries', '--melder-telefoon', '0612345678', '--terugkoppeling');
    const gebeld = await add('--ontvangen', '2027-03-11 09:00', '--melder-email', 'bas@example.nl', '--terugkoppeling');
    await kvzOk(['melding', 'contact', gebeld, '--soort', 'terugkoppeling', '--notitie', 'Gebeld'], { db });
    const alleenInfo = await add('--ontvangen', '2027-03-12 09:00', '--melder-email', 'cor@example.nl', '--terugkoppeling');
    await kvzOk(['melding', 'contact', alleenInfo, '--soort', 'informatie', '--notitie', 'Adres nagevraagd'], { db });
    await add('--ontvangen', '2027-03-13 09:00'); // no feedback asked

    const json = await kvzJson<{ wacht_op_terugkoppeling: string[] }>(['status'], { db });
    expect(json.wacht_op_terugkoppeling).toEqual([wacht, alleenInfo]);
    const u = await kvzOk(['status'], { db });
    expect(u.stdout).toContain(`! 2 melders wachten op terugkoppeling: ${wacht}, ${alleenInfo} (zie kvz rapport terugkoppeling)`);
    expect(u.stdout).not.toContain('niets openstaands');
    expect(u.stdout).not.toMatch(/Anna|0612345678|example\.nl/);
  });
});
