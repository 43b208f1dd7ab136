import { describe, expect, it } from 'vitest';
import { matrixRijen } from '../../src/store/matrix.js';
import { kvz, kvzJson, kvzOk, nieuweDb, openTest } from '../helpers/run.js';
import { nieuweActie, nieuweMelding, nieuweZaak, zetCadans } from '../helpers/matrix.js';

const LANG =
  'Extra surveillance rond de bushalte aan de Dorpsstraat op vrijdag- en zaterdagavond tussen 20 en 24 uur, met terugkoppeling aan de bewoners van de flat';

/** Three zaken: one with an overdue, postponed actie and a long description; one vertrouwelijk; one without acties. */
async function matrixDb(): Promise<{ db: string; z: string[]; a: string[] }> {
  const db = nieuweDb();
  await zetCadans(db);
  const m = await nieuweMelding(db);
  const z1 = await nieuweZaak(db, ['--melding', m, '--titel', 'Jeugdoverlast bij de bushalte aan de Dorpsstraat, al maanden en ook in het weekend, met vernielingen']);
  const z2 = await nieuweZaak(db, ['--titel', 'Zorgen om bewoner Kerkstraat', '--soort', 'zorg', '--kern', 'Obdam', '--vertrouwelijk']);
  const z3 = await nieuweZaak(db, ['--titel', 'Treiteren nieuwe bewoners', '--kern', 'Ursem']);
  const a1 = await nieuweActie(db, z1, 'politie', '2027-03-01', ['--omschrijving', LANG]);
  await kvzOk(['actie', 'update', a1, '--deadline', '2027-03-08'], { db });
  await kvzOk(['actie', 'update', a1, '--deadline', '2027-03-10'], { db });
  const a2 = await nieuweActie(db, z1, 'casemanager-jeugd', '2027-04-01');
  await kvzOk(['actie', 'update', a2, '--status', 'loopt'], { db });
  const a3 = await nieuweActie(db, z1, 'jongerenwerk', '2027-03-20');
  await kvzOk(['actie', 'update', a3, '--status', 'gereed'], { db });
  const a4 = await nieuweActie(db, z2, 'zorgteam', '2027-03-30', ['--overleg', 'politie:09-03-2027']);
  return { db, z: [z1, z2, z3], a: [a1, a2, a3, a4] };
}

describe('kvz matrix', () => {
  it('groups the open acties by zaak, marks overdue with ! and shows how often a deadline was postponed', async () => {
    const { db, z, a } = await matrixDb();
    const u = await kvzOk(['matrix', '--met-vertrouwelijk'], { db });
    const uit = u.stdout;
    expect(uit).toContain('Matrix op dinsdag 16 maart 2027\n3 zaken · 3 lopende acties · 1 te laat · 1 uitgesteld\n');
    expect(uit).toMatch(new RegExp(`\\n {2}! ${a[0]} {2}politie +10-03-2027 {2}open +2× uitgesteld\\n`));
    expect(uit).toMatch(new RegExp(`\\n {4}${a[1]} {2}casemanager-jeugd {2}01-04-2027 {2}loopt\\n`));
    // A finished actie is not owed any more: not in the default matrix.
    expect(uit).not.toContain(a[2]);
    // Zaken in number order; the acties under their own zaak.
    const plek = (s: string) => uit.indexOf(s);
    expect(plek(z[0]!)).toBeLessThan(plek(a[0]!));
    expect(plek(a[1]!)).toBeLessThan(plek(z[1]!));
    expect(plek(z[1]!)).toBeLessThan(plek(a[3]!));
    expect(plek(a[3]!)).toBeLessThan(plek(z[2]!));
    expect(uit).toMatch(/VERTROUWELIJK: alleen voor het politieoverleg/);
    expect(uit).toMatch(new RegExp(`${z[2]} {2}Treiteren nieuwe bewoners\\n.*\\n {2}\\(geen lopende acties: aanpak bepalen\\)`));
    expect(uit).toContain('Lopend per partner: casemanager-jeugd 1, politie 1 (1 te laat), zorgteam 1.');
    expect(uit).toContain('! = te laat: de deadline is voorbij en de actie is nog open of loopt.');
  });

  it('fits an 80-column terminal: long titles and descriptions wrap, nothing is cut', async () => {
    const { db } = await matrixDb();
    const u = await kvzOk(['matrix'], { db });
    for (const regel of u.stdout.split('\n')) expect(regel.length, regel).toBeLessThanOrEqual(80);
    const omschrijving = u.stdout.split('\n').filter((r) => r.startsWith(' '.repeat(17)) && !r.startsWith(' '.repeat(18)));
    expect(omschrijving.join(' ').replace(/\s+/g, ' ')).toContain(LANG);
    expect(u.stdout.replace(/\n {12}/g, ' ')).toContain('al maanden en ook in het weekend, met vernielingen');
  });

  it('on a terminal, colours overdue red besides the ! and uses the terminal width', async () => {
    const { db, a } = await matrixDb();
    const u = await kvzOk(['matrix'], { db, tty: true });
    const regel = u.stdout.split('\n').find((r) => r.includes(a[0]!))!;
    expect(regel).toContain('\u001b[31m');
    expect(regel).toContain(`! ${a[0]}`);
    const zonderKleur = u.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    // The test terminal is 100 columns wide.
    expect(Math.max(...zonderKleur.split('\n').map((r) => r.length))).toBeGreaterThan(80);
    for (const r of zonderKleur.split('\n')) expect(r.length).toBeLessThanOrEqual(100);
    expect((await kvzOk(['--no-color', 'matrix'], { db, tty: true })).stdout).not.toContain('\u001b[');
  });

  it('gives all of it as JSON with the keys of SPEC §2', async () => {
    const { db, z, a } = await matrixDb();
    const zaken = await kvzJson<Record<string, any>[]>(['matrix', '--met-vertrouwelijk'], { db });
    expect(zaken.map((x) => x.nummer)).toEqual(z);
    expect(zaken[0]).toMatchObject({ nummer: z[0], titel: expect.stringContaining('Jeugdoverlast'), soort: 'overlast', kern: 'Spierdijk', status: 'open', vertrouwelijk: false, meldingen: 1 });
    expect(zaken[0]!.acties).toEqual([
      expect.objectContaining({ nummer: a[0], zaak: z[0], omschrijving: LANG, partner: 'politie', deadline: '2027-03-10', status: 'open', keer_uitgesteld: 2, te_laat: true }),
      expect.objectContaining({ nummer: a[1], partner: 'casemanager-jeugd', status: 'loopt', keer_uitgesteld: 0, te_laat: false }),
    ]);
    expect(zaken[1]).toMatchObject({ vertrouwelijk: true, acties: [expect.objectContaining({ nummer: a[3], afgesproken_in: { soort: 'politie', datum: '2027-03-09' } })] });
    expect(zaken[2]!.acties).toEqual([]);
  });

  it('filters on partner, zaak, overdue, status and confidentiality', async () => {
    const { db, z, a } = await matrixDb();
    const acties = async (...args: string[]) =>
      (await kvzJson<{ nummer: string; acties: { nummer: string }[] }[]>(['matrix', ...args], { db })).map((x) => [x.nummer, x.acties.map((y) => y.nummer)]);
    expect(await acties('--partner', 'politie')).toEqual([[z[0], [a[0]]]]);
    expect(await acties('--te-laat')).toEqual([[z[0], [a[0]]]]);
    expect(await acties('--zaak', z[1]!, '--met-vertrouwelijk')).toEqual([[z[1], [a[3]]]]);
    expect(await acties('--zaak', z[1]!)).toEqual([]);
    // What goes on the GIO's beamer leaves the confidential zaken out unless asked, and says so.
    expect(await acties()).toEqual([[z[0], [a[0], a[1]]], [z[2], []]]);
    expect(await acties('--met-vertrouwelijk')).toEqual([[z[0], [a[0], a[1]]], [z[1], [a[3]]], [z[2], []]]);
    const scherm = await kvzOk(['matrix'], { db });
    expect(scherm.stdout).not.toContain(z[1]);
    expect(scherm.stderr).toBe('1 vertrouwelijke zaak is niet getoond; toon ze met --met-vertrouwelijk (alleen op een eigen scherm).\n');
    // 'alle' also shows finished acties, ordered by deadline within the zaak.
    expect(await acties('--status', 'alle', '--met-vertrouwelijk')).toEqual([[z[0], [a[0], a[2], a[1]]], [z[1], [a[3]]], [z[2], []]]);
    expect((await kvzOk(['matrix', '--partner', 'handhaving'], { db })).stdout).toBe('Geen acties gevonden.\n');
    const fout = await kvz(['matrix', '--partner', 'politei'], { db });
    expect(fout.code).toBe(2);
    expect(fout.stderr).toBe("Onbekende partner 'politei' voor --partner. Bedoelde u 'politie'?\n");
    expect((await kvz(['matrix', '--status', 'dicht'], { db })).code).toBe(2);
    // One meaning of --status (SPEC §12): 'open' is the status open alone now, and says so; the default is openstaand.
    expect(await acties('--status', 'openstaand')).toEqual(await acties());
    expect(await acties('--status', 'open')).toEqual([[z[0], [a[0]]]]);
    const open = await kvzOk(['matrix', '--status', 'open'], { db });
    expect(open.stderr).toContain('! --status open toont alleen acties met de status open; --status openstaand (de standaard) toont ook de acties die lopen.');
    expect(await acties('--status', 'gereed,loopt')).toEqual([[z[0], [a[2], a[1]]]]);
    expect(await acties('--status', 'vervallen')).toEqual([]);
    // An empty filter is a mistake, not "no filter".
    for (const args of [['matrix', '--zaak', ''], ['matrix', '--partner', ''], ['actie', 'list', '--partner', ''], ['zaak', 'list', '--kern', ' ']]) {
      const leeg = await kvz(args, { db });
      expect(leeg.code, args.join(' ')).toBe(2);
      expect(leeg.stdout).toBe('');
    }
  });

  it('shows closed zaken with --status alle, and says when the matrix is empty', async () => {
    const db = nieuweDb();
    expect((await kvzOk(['matrix'], { db })).stdout).toBe('De matrix is leeg: er zijn geen open zaken.\n');
    const z = await nieuweZaak(db);
    await nieuweActie(db, z, 'politie', '2027-03-20');
    await kvzOk(['zaak', 'close', z, '--resultaat', 'Rust', '--forceer'], { db });
    expect((await kvzOk(['matrix'], { db })).stdout).toBe('De matrix is leeg: er zijn geen open zaken.\n');
    const alle = await kvzOk(['matrix', '--status', 'alle'], { db });
    expect(alle.stdout).toMatch(/overlast · Spierdijk · 0 meldingen · eigenaar iv · gesloten/);
    expect(alle.stdout).toMatch(/A-2027-0001 {2}politie {2}20-03-2027 {2}vervallen/);
  });
});

describe('the matrix read model (for the agenda and the export)', () => {
  it('streams rows by zaak and deadline, leaves vertrouwelijke zaken out unless asked, and filters', async () => {
    const { db: pad, z, a } = await matrixDb();
    const db = await openTest(pad, new Date('2027-03-16T10:00:00Z'));
    try {
      const rijen = async (filter: Parameters<typeof matrixRijen>[1]) => {
        const uit = [];
        for await (const batch of matrixRijen(db, filter, '2027-03-16')) uit.push(...batch);
        return uit;
      };
      const nummers = async (filter: Parameters<typeof matrixRijen>[1]) => (await rijen(filter)).map((r) => r.nummer);
      expect(await nummers({})).toEqual([a[0], a[2], a[1]]);
      expect(await nummers({ vertrouwelijk: true })).toEqual([a[0], a[2], a[1], a[3]]);
      expect(await nummers({ alleenLopend: true, vertrouwelijk: true })).toEqual([a[0], a[1], a[3]]);
      expect(await nummers({ partner: 'zorgteam', vertrouwelijk: true })).toEqual([a[3]]);
      expect(await nummers({ zaak: z[0] })).toEqual([a[0], a[2], a[1]]);
      expect(await nummers({ teLaat: true })).toEqual([a[0]]);
      const [eerste] = await rijen({ vertrouwelijk: true, zaak: z[1] });
      expect(eerste).toEqual({
        nummer: a[3], zaak: z[1], omschrijving: 'Actie voor zorgteam', partner: 'zorgteam', deadline: '2027-03-30', status: 'open',
        keer_uitgesteld: 0, te_laat: false, soort: 'overig', afgesproken_in: { soort: 'politie', datum: '2027-03-09' },
        aangemaakt_op: '2027-03-16T10:00:00.000Z', laatst_bijgewerkt: '2027-03-16T10:00:00.000Z',
        zaak_titel: 'Zorgen om bewoner Kerkstraat', zaak_soort: 'zorg', zaak_kern: 'Obdam', zaak_status: 'open', zaak_vertrouwelijk: true,
      });
      // Stopping early releases the statement: the connection can write again.
      for await (const _ of matrixRijen(db, {}, '2027-03-16')) break;
      await expect(db.voer(`UPDATE kern SET naam = naam WHERE 1 = 0`)).resolves.toBe(0);
    } finally {
      await db.sluit();
    }
  });
});
