/**
 * Placements of vergunninghouders (SPEC §11; the plan §1 and §2.4): recorded, listed without their
 * address, visited, ended; meldingen linked to them; monitored per placement in the GIO agenda and in
 * rapport vergunninghouders by number and kern only; the address only in show and export plaatsingen,
 * and erased by opschonen once the placement ended the term ago.
 */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { kvz, kvzJson, kvzOk, lees, nieuweDb, telRijen } from '../helpers/run.js';
import { OP_POSTGRES } from '../helpers/opslag.js';

const NU = '2027-03-16T10:00:00.000Z';
const ADRES = 'Zuiderweg 17a';

async function plaatsing(db: string, extra: string[] = []) {
  return kvzJson<Record<string, unknown>>(
    ['plaatsing', 'add', '--kern', 'Obdam', '--adres', ADRES, '--datum', '01-02-2027', '--huishouden', '4', '--begeleiding', 'vluchtelingenwerk', '--json', ...extra],
    { db, nu: NU },
  );
}

describe('kvz plaatsing', () => {
  it('records a placement as P-2027-01 with SPEC §11 keys, lists it without its address, and shows the address only in show', async () => {
    const db = nieuweDb();
    const p = await plaatsing(db);
    expect(p).toEqual({ nummer: 'P-2027-01', kern: 'Obdam', datum: '2027-02-01', einde: null, huishouden: 4, begeleiding: 'vluchtelingenwerk', meldingen: [], contacten: [] });
    expect(JSON.stringify(p)).not.toContain(ADRES); // the address only in show and the export
    // Known weeks before: a date ahead is allowed, and numbered by its own year.
    const later = await kvzOk(['plaatsing', 'add', '--kern', 'spierdijk', '--adres', 'Kerkplein 2', '--datum', '04-01-2028'], { db, nu: NU });
    expect(later.stdout).toContain('Plaatsing P-2028-01 vastgelegd: Spierdijk, vanaf 04-01-2028.');

    const lijst = await kvzJson<Record<string, unknown>[]>(['plaatsing', 'list', '--json'], { db, nu: NU });
    expect(lijst.map((x) => Object.keys(x))).toEqual([
      ['nummer', 'kern', 'datum', 'einde', 'huishouden', 'begeleiding', 'meldingen', 'contacten'],
      ['nummer', 'kern', 'datum', 'einde', 'huishouden', 'begeleiding', 'meldingen', 'contacten'],
    ]);
    const tabel = (await kvzOk(['plaatsing', 'list'], { db, nu: NU })).stdout;
    expect(tabel).toMatch(/^P-2027-01 +Obdam +01-02-2027 +vluchtelingenwerk +0 +nog geen$/m);
    expect(tabel).toContain('04-01-2028 (komt)');
    expect(tabel).not.toContain(ADRES);
    const show = (await kvzOk(['plaatsing', 'show', 'p-2027-1'], { db, nu: NU })).stdout;
    expect(show).toMatch(/Adres +Zuiderweg 17a/);
    expect(show).toMatch(/Huishouden +4 personen/);
    // The audit log keeps the facts, not the address.
    expect(lees(db, `SELECT resultaat, details FROM audit WHERE object = 'P-2027-01'`)).toEqual([
      { resultaat: 'plaatsing vastgelegd', details: JSON.stringify({ kern: 'Obdam', datum: '2027-02-01', begeleiding: 'vluchtelingenwerk' }) },
    ]);
    expect((await kvzOk(['check'], { db, nu: NU })).stdout).toContain('Alles in orde.');
  });

  it('links meldingen (implying vergunninghouder), records contacts and an end, and lists ended ones only with --alle', async () => {
    const db = nieuweDb();
    await plaatsing(db);
    const m = await kvzJson<{ nummer: string; vergunninghouder: boolean; plaatsing: string | null }>(
      ['melding', 'add', '--categorie', 'treiteren', '--kern', 'Obdam', '--omschrijving', 'Scheldwoorden bij de deur', '--plaatsing', 'P-2027-01', '--ontvangen', '10-03-2027 20:00', '--json'],
      { db, nu: NU },
    );
    expect(m).toMatchObject({ nummer: 'M-2027-0001', vergunninghouder: true, plaatsing: 'P-2027-01' });
    await kvzOk(['melding', 'add', '--categorie', 'vandalisme', '--kern', 'Obdam', '--omschrijving', 'Ruit ingegooid', '--ontvangen', '12-03-2027 22:00'], { db, nu: NU });
    const u = await kvzOk(['melding', 'update', 'M-2027-0002', '--plaatsing', 'P-2027-01'], { db, nu: NU });
    expect(u.stdout).toContain('plaatsing');
    expect(await kvzJson(['melding', 'show', 'M-2027-0002', '--json'], { db, nu: NU })).toMatchObject({ plaatsing: 'P-2027-01', vergunninghouder: true });
    expect((await kvzOk(['melding', 'show', 'M-2027-0002'], { db, nu: NU })).stdout).toMatch(/Plaatsing +P-2027-01/);

    const c = await kvzOk(['plaatsing', 'contact', 'P-2027-01', '--soort', 'bezoek', '--partner', 'vluchtelingenwerk', '--notitie', 'Gezin maakt zich zorgen', '--op', '13-03-2027 14:00'], { db, nu: NU });
    expect(c.stdout).toBe('Contact met plaatsing P-2027-01 vastgelegd: bezoek, 13-03-2027 14:00.\n');
    const json = await kvzJson<{ meldingen: string[]; contacten: Record<string, unknown>[] }>(['plaatsing', 'show', 'P-2027-01', '--json'], { db, nu: NU });
    expect(json.meldingen).toEqual(['M-2027-0001', 'M-2027-0002']);
    expect(json.contacten).toEqual([{ op: '2027-03-13T13:00:00.000Z', soort: 'bezoek', partner: 'vluchtelingenwerk', notitie: 'Gezin maakt zich zorgen', door: expect.any(String) }]);
    expect((await kvzOk(['plaatsing', 'list'], { db, nu: NU })).stdout).toMatch(/^P-2027-01 .* 2 +13-03-2027 \(bezoek\)$/m);

    const einde = await kvzOk(['plaatsing', 'update', 'P-2027-01', '--einde', '15-03-2027'], { db, nu: NU });
    expect(einde.stdout).toBe('Plaatsing P-2027-01 bijgewerkt: einde. Ze eindigt op 15-03-2027.\n');
    expect((await kvzOk(['plaatsing', 'list'], { db, nu: NU })).stdout).toBe('Geen lopende plaatsingen gevonden (--alle toont ook de beëindigde).\n');
    expect((await kvzJson<{ nummer: string; einde: string }[]>(['plaatsing', 'list', '--alle', '--json'], { db, nu: NU }))[0]).toMatchObject({ nummer: 'P-2027-01', einde: '2027-03-15' });
    expect((await kvzOk(['log', '--object', 'P-2027-01'], { db, nu: NU })).stdout).toMatch(/plaatsing beëindigd/);
  });

  it('refuses bad input with exit 2 and an unknown placement with exit 1, writing nothing', async () => {
    const db = nieuweDb();
    await plaatsing(db);
    const audit = telRijen(db, 'audit');
    const fout = async (args: string[], code: number, stderr: string | RegExp) => {
      const u = await kvz(args, { db, nu: NU });
      expect([u.code, u.stdout]).toEqual([code, '']);
      if (typeof stderr === 'string') expect(u.stderr).toBe(stderr);
      else expect(u.stderr).toMatch(stderr);
    };
    await fout(['plaatsing', 'add', '--kern', 'Obdam', '--datum', '01-02-2027'], 2, /--adres/);
    await fout(['plaatsing', 'add', '--kern', 'Obdam', '--adres', 'x', '--datum', '31-02-2027'], 2, /--datum/);
    await fout(['plaatsing', 'add', '--kern', 'Obdam', '--adres', 'x', '--datum', '01-02-2027', '--huishouden', '0'], 2, /--huishouden/);
    await fout(['plaatsing', 'add', '--kern', 'Nergensdorp', '--adres', 'x', '--datum', '01-02-2027'], 2, /kern/);
    await fout(['plaatsing', 'add', '--kern', 'Obdam', '--adres', 'x', '--datum', '01-02-2027', '--begeleiding', 'niemand'], 2, /partner/);
    await fout(['plaatsing', 'show', 'P-27-1'], 2, "Ongeldig nummer voor het plaatsingnummer: 'P-27-1'. Verwacht een nummer als P-2027-01.\n");
    await fout(['plaatsing', 'show', 'P-2027-09'], 1, 'Plaatsing P-2027-09 bestaat niet. Zie kvz plaatsing list.\n');
    await fout(['plaatsing', 'contact', 'P-2027-01', '--notitie', 'x', '--soort', 'brief'], 2, /soort contact/);
    await fout(['plaatsing', 'contact', 'P-2027-01', '--notitie', 'x', '--op', '20-01-2027 10:00'], 1, /vóór de plaatsing/);
    await fout(['plaatsing', 'update', 'P-2027-01', '--einde', '01-01-2027'], 1, /vóór de plaatsing zelf/);
    await fout(['plaatsing', 'update', 'P-2027-01'], 2, /Geef minstens één wijziging/);
    await fout(['melding', 'add', '--categorie', 'treiteren', '--kern', 'Obdam', '--omschrijving', 'x', '--plaatsing', 'P-2027-05'], 1, /Plaatsing P-2027-05 bestaat niet/);
    await fout(['melding', 'add', '--categorie', 'treiteren', '--kern', 'Obdam', '--omschrijving', 'x', '--plaatsing', 'Zuiderweg'], 2, /plaatsing/);
    expect(telRijen(db, 'audit')).toBe(audit);
    expect(telRijen(db, 'melding')).toBe(0);
    expect(telRijen(db, 'plaatsing_contact')).toBe(0);
  });

  it('is monitored per placement in the GIO agenda and rapport vergunninghouders, by number and kern, never the address', async () => {
    const db = nieuweDb();
    await plaatsing(db);
    await kvzOk(['plaatsing', 'add', '--kern', 'Ursem', '--adres', 'Kerkweg 3', '--datum', '01-12-2026'], { db, nu: NU });
    await kvzOk(['plaatsing', 'update', 'P-2026-01', '--einde', '31-12-2026'], { db, nu: NU });
    await kvzOk(['melding', 'add', '--categorie', 'treiteren', '--kern', 'Obdam', '--omschrijving', 'Oud', '--plaatsing', 'P-2027-01', '--ontvangen', '03-02-2027 10:00'], { db, nu: NU });
    await kvzOk(['melding', 'add', '--categorie', 'treiteren', '--kern', 'Obdam', '--omschrijving', 'Nieuw', '--plaatsing', 'P-2027-01', '--ontvangen', '14-03-2027 10:00'], { db, nu: NU });
    await kvzOk(['plaatsing', 'contact', 'P-2027-01', '--notitie', 'Rustig', '--op', '10-03-2027 11:00', '--soort', 'telefoon'], { db, nu: NU });
    await kvzOk(['overleg', 'cadans', 'gio', '--start', '09-02-2027'], { db, nu: NU });

    const gio = await kvzJson<{ venster: { van: string }; vergunninghouders: { plaatsingen: unknown[] } }>(['agenda', 'gio'], { db, nu: NU });
    expect(gio.venster.van).toBe('2027-02-09');
    expect(gio.vergunninghouders.plaatsingen).toEqual([
      { nummer: 'P-2027-01', kern: 'Obdam', datum: '2027-02-01', einde: null, meldingen_sinds_plaatsing: 2, meldingen_in_periode: 1, laatste_contact: { dag: '2027-03-10', soort: 'telefoon' } },
    ]);
    const md = (await kvzOk(['agenda', 'gio'], { db, nu: NU })).stdout;
    expect(md).toMatch(/\| P-2027-01 \| Obdam \| 01-02-2027 \| +2 \| +1 \| 10-03-2027 \(telefoon\) \|/);
    expect(md).not.toContain('Zuiderweg');

    const r = await kvzJson<{ plaatsingen: unknown[] }>(['rapport', 'vergunninghouders', '--van', '01-01-2027', '--tot', '16-03-2027'], { db, nu: NU });
    expect(r.plaatsingen).toEqual([
      { nummer: 'P-2027-01', kern: 'Obdam', datum: '2027-02-01', einde: null, meldingen_sinds_plaatsing: 2, meldingen_in_periode: 2, laatste_contact: { dag: '2027-03-10', soort: 'telefoon' } },
    ]);
    const tekst = (await kvzOk(['rapport', 'vergunninghouders', '--van', '01-01-2027', '--tot', '16-03-2027'], { db, nu: NU })).stdout;
    expect(tekst).toContain('P-2027-01');
    expect(tekst).not.toContain('Zuiderweg');
  });

  it('exports placements with their address; opschonen erases the address of one ended the term ago', async () => {
    const db = nieuweDb();
    await plaatsing(db);
    await kvzOk(['plaatsing', 'contact', 'P-2027-01', '--notitie', 'Kennismaking met mevrouw Jansen', '--op', '02-02-2027 10:00'], { db, nu: NU });
    const csv = (await kvzOk(['export', 'plaatsingen'], { db, nu: NU })).stdout;
    const [kop, rij] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(kop).toBe('Nummer;Kern;Adres;Datum;Einde;Huishouden;Begeleiding;Meldingen;Laatste contact');
    expect(rij).toBe('P-2027-01;Obdam;Zuiderweg 17a;01-02-2027;;4;vluchtelingenwerk;0;02-02-2027');
    // The meldingen export never carries it.
    expect((await kvzOk(['export', 'meldingen'], { db, nu: NU })).stdout).not.toContain('Zuiderweg');

    await kvzOk(['plaatsing', 'update', 'P-2027-01', '--einde', '28-02-2027'], { db, nu: NU });
    // Ended two weeks ago: within any term, so kept.
    await kvzOk(['opschonen', '--uitvoeren'], { db, nu: NU });
    expect(lees(db, 'SELECT adres FROM plaatsing')).toEqual([{ adres: ADRES }]);
    // Two years later, past the default term: the address goes, the placement stays.
    const later = '2029-03-05T10:00:00.000Z';
    const proef = await kvzOk(['opschonen'], { db, nu: later });
    expect(proef.stdout).toContain('het adres van 1 plaatsing (P-2027-01)');
    expect(lees(db, 'SELECT adres FROM plaatsing')).toEqual([{ adres: ADRES }]);
    await kvzOk(['opschonen', '--uitvoeren', '--ook-tekst'], { db, nu: later });
    expect(lees(db, 'SELECT nummer, kern, adres, adres_gewist_op FROM plaatsing')).toEqual([
      { nummer: 'P-2027-01', kern: 'Obdam', adres: null, adres_gewist_op: later },
    ]);
    expect(lees(db, 'SELECT notitie FROM plaatsing_contact')).toEqual([{ notitie: '[gewist]' }]);
    expect((await kvzOk(['plaatsing', 'show', 'P-2027-01'], { db, nu: later })).stdout).toMatch(/Adres +\(gewist op 05-03-2029, bewaartermijn\)/);
    expect((await kvzOk(['check'], { db, nu: later })).stdout).toContain('Alles in orde.');
  });
});

// The file store records object states (SPEC §10); PostgreSQL does not yet. Registered only on a file.
if (!OP_POSTGRES) {
  it('has kvz check name a placement whose address or contact was changed behind kvz’s back', async () => {
    const db = nieuweDb();
    await plaatsing(db);
    await kvzOk(['plaatsing', 'contact', 'P-2027-01', '--notitie', 'Rustig', '--op', '10-03-2027 11:00'], { db, nu: NU });
    expect((await kvz(['check'], { db, nu: NU })).code).toBe(0);
    const c = new Database(db);
    c.exec(`UPDATE plaatsing_contact SET notitie = 'Alles goed'`);
    c.close();
    const u = await kvz(['check', '--json'], { db, nu: NU });
    expect(u.code).toBe(1);
    expect((JSON.parse(u.stdout) as { toestand: { verschillen: unknown[] } }).toestand.verschillen).toEqual([{ object: 'P-2027-01', wat: 'gewijzigd' }]);
  });
}
