import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { kloonDb, kvz, kvzJson, kvzOk, lees, nieuweDb } from '../helpers/run.js';
import { alleenBestand, OP_POSTGRES } from '../helpers/opslag.js';
import { maakZaak } from '../helpers/zaken.js';

const NU = '2027-03-16T10:00:00.000Z';

interface Opschoning {
  uitgevoerd: boolean;
  ook_tekst: boolean;
  bewaartermijn_maanden: number;
  grens: string;
  aantal: number;
  meldingen: { nummer: string; gesloten_op: string; reden: string; zaak: string | null }[];
  logbestand_opgeruimd?: boolean;
}

const MELDERS: Record<string, string[]> = {
  'M-2025-0001': ['--melder-naam', 'Kees Geheim', '--melder-telefoon', '06-11112222', '--melder-email', 'kees@geheim.nl'],
  'M-2025-0002': ['--melder-naam', 'Lies Eendagtekort'],
  'M-2025-0003': ['--melder-email', 'middernacht@geheim.nl'],
  'M-2025-0004': [],
  'M-2025-0005': ['--melder-naam', 'Zaak Gesloten'],
  'M-2025-0006': ['--melder-naam', 'Zaak Open'],
};

/** When each melding is closed (UTC); undefined = stays open. */
const GESLOTEN: Record<string, string | undefined> = {
  'M-2025-0001': '2025-03-16T10:00:00.000Z', // 16 March 2025, exactly 24 months ago: due
  'M-2025-0002': '2025-03-17T10:00:00.000Z', // one day short
  'M-2025-0003': '2025-03-16T23:30:00.000Z', // 17 March 00:30 in Amsterdam: not yet, though UTC says the 16th
  'M-2025-0004': '2025-01-02T10:00:00.000Z', // anonymous: nothing to erase
};

async function vulDb(db: string): Promise<void> {
  for (const [nummer, melder] of Object.entries(MELDERS)) {
    const u = await kvzOk(['melding', 'add', '--categorie', 'burenoverlast', '--kern', 'Avenhorn', '--omschrijving', 'Ruzie over de schutting', ...melder], { db, nu: '2025-01-02T09:00:00.000Z' });
    expect(u.stdout).toContain(nummer);
    const dicht = GESLOTEN[nummer];
    if (dicht) await kvzOk(['melding', 'close', nummer], { db, nu: dicht });
  }
  maakZaak(db, { nummer: 'Z-2025-001', geslotenOp: '2025-01-10T12:00:00.000Z' }, ['M-2025-0005']);
  maakZaak(db, { nummer: 'Z-2025-002' }, ['M-2025-0006']);
  await kvzOk(['melding', 'add', '--categorie', 'drugs', '--kern', 'Obdam', '--omschrijving', 'Handel bij de haven', '--melder-naam', 'Vandaag Dicht'], { db });
  await kvzOk(['melding', 'close', 'M-2027-0001'], { db });
}

const alleMeldingen = (db: string) => lees(db, 'SELECT * FROM melding ORDER BY id');
const aantalAudit = (db: string) => lees<{ n: number }>(db, 'SELECT count(*) AS n FROM audit')[0]!.n;

describe('kvz opschonen', () => {
  // Built once, copied for every test.
  const blijvend = mkdtempSync(join(tmpdir(), 'kvz-opschonen-'));
  const sjabloon = OP_POSTGRES ? nieuweDb() : join(blijvend, 'sjabloon.db');
  beforeAll(() => vulDb(sjabloon));
  afterAll(() => rmSync(blijvend, { recursive: true, force: true }));
  let db: string;
  beforeEach(() => {
    db = kloonDb(sjabloon);
  });

  it('by default only shows what is due, by number, and changes nothing', async () => {
    const voor = alleMeldingen(db);
    const audit = aantalAudit(db);
    const u = await kvzOk(['opschonen'], { db, nu: NU });
    expect(u.stdout).toContain('Bewaartermijn 24 maanden');
    expect(u.stdout).toContain('op of vóór 16-03-2025');
    expect(u.stdout).toMatch(/M-2025-0001\s+16-03-2025 11:00\s+melding afgehandeld/);
    expect(u.stdout).toMatch(/M-2025-0005\s+10-01-2025 13:00\s+zaak Z-2025-001 gesloten/);
    expect(u.stdout).toContain('! Proefdraai: bij 2 meldingen zouden de gegevens van de melder worden gewist. Er is niets gewist; wis ze met --uitvoeren.');
    for (const naam of ['Kees', 'Geheim', '06-11112222', 'Lies']) expect(u.stdout).not.toContain(naam);
    expect(alleMeldingen(db)).toEqual(voor);
    expect(aantalAudit(db)).toBe(audit);
  });

  it('gives the dry run as JSON with numbers and reasons only', async () => {
    const j = await kvzJson<Opschoning>(['opschonen'], { db, nu: NU });
    expect(j).toEqual({
      uitgevoerd: false,
      ook_tekst: false,
      bewaartermijn_maanden: 24,
      grens: '2025-03-16',
      aantal: 2,
      meldingen: [
        { nummer: 'M-2025-0001', gesloten_op: '2025-03-16T10:00:00.000Z', reden: 'melding afgehandeld', zaak: null },
        { nummer: 'M-2025-0005', gesloten_op: '2025-01-10T12:00:00.000Z', reden: 'zaak gesloten', zaak: 'Z-2025-001' },
      ],
      plaatsingen: [],
    });
  });

  it('with --uitvoeren erases name, phone and e-mail of exactly the due meldingen, with one audit row that names no one', async () => {
    const voor = alleMeldingen(db);
    const audit = aantalAudit(db);
    const u = await kvzOk(['opschonen', '--uitvoeren'], { db, nu: NU });
    expect(u.stdout).toContain('✓ Gegevens van de melder gewist bij 2 meldingen');
    // Honest about what still holds the data: every earlier back-up, and free text.
    expect(u.stdout).toContain('Let op: elke back-up die vóór dit opschonen is gemaakt, ook die van vandaag, bevat de gegevens nog');
    expect(u.stdout).toContain('kvz wist die alleen met --ook-tekst');
    const na = alleMeldingen(db);
    for (const [i, m] of na.entries()) {
      const nummer = m.nummer as string;
      if (nummer === 'M-2025-0001' || nummer === 'M-2025-0005') {
        expect(m).toMatchObject({ melder_naam: null, melder_telefoon: null, melder_email: null, melder_gewist_op: NU });
        // Everything else about the melding stays.
        const { melder_naam: _a, melder_telefoon: _b, melder_email: _c, melder_gewist_op: _d, gewijzigd_op: _e, zout, ...rest } = voor[i]!;
        expect(m).toMatchObject(rest);
        // A new salt: the state hash recorded before the erasure reveals nothing about what was erased.
        expect(m.zout).not.toBe(zout);
      } else {
        expect(m).toEqual(voor[i]);
      }
    }
    expect(aantalAudit(db)).toBe(audit + 1);
    const [rij] = lees<{ commando: string; object: string | null; resultaat: string; details: string }>(db, 'SELECT * FROM audit ORDER BY id DESC LIMIT 1');
    expect(rij).toMatchObject({ commando: 'opschonen', object: null, resultaat: 'gegevens van melders gewist bij 2 meldingen' });
    expect(JSON.parse(rij!.details)).toEqual({
      bewaartermijn_maanden: 24,
      grens: '2025-03-16',
      velden: ['melder_naam', 'melder_telefoon', 'melder_email'],
      meldingen: ['M-2025-0001', 'M-2025-0005'],
    });
    expect(rij!.details + rij!.resultaat).not.toMatch(/Kees|Geheim|11112222|geheim\.nl|Zaak Gesloten/);
    expect((await kvz(['check'], { db })).code).toBe(0);
  });

  it('with --ook-tekst also replaces adres, omschrijving and the notes of those meldingen by [gewist], and nothing else', async () => {
    await kvzOk(['melding', 'contact', 'M-2025-0001', '--soort', 'terugkoppeling', '--notitie', 'Kees teruggebeld op 06-11112222'], { db, nu: '2025-03-10T10:00:00.000Z' });
    await kvzOk(['melding', 'contact', 'M-2025-0002', '--soort', 'informatie', '--notitie', 'Lies belde nog'], { db, nu: '2025-03-10T10:00:00.000Z' });
    const proef = await kvzJson<Opschoning>(['opschonen', '--ook-tekst'], { db, nu: NU });
    // The anonymous M-2025-0004 has no melder data, but its text may name people all the same.
    expect([proef.ook_tekst, proef.meldingen.map((m) => m.nummer)]).toEqual([true, ['M-2025-0001', 'M-2025-0004', 'M-2025-0005']]);
    const voor = alleMeldingen(db);
    const u = await kvzOk(['opschonen', '--uitvoeren', '--ook-tekst'], { db, nu: NU });
    expect(u.stdout).toContain('✓ Gegevens van de melder en de vrije tekst gewist bij 3 meldingen');
    expect(u.stdout).not.toContain('--ook-tekst');
    const tekst = (nummer: string) => lees<{ omschrijving: string; adres: string | null }>(db, `SELECT omschrijving, adres FROM melding WHERE nummer = '${nummer}'`)[0];
    expect(tekst('M-2025-0001')).toEqual({ omschrijving: '[gewist]', adres: null });
    expect(tekst('M-2025-0005')!.omschrijving).toBe('[gewist]');
    expect(tekst('M-2025-0004')!.omschrijving).toBe('[gewist]');
    expect(tekst('M-2025-0002')!.omschrijving).toBe('Ruzie over de schutting');
    // Text erased gets a new salt too, also where there was no melder data (SPEC §10).
    const zout = (nummer: string, rijen: Record<string, unknown>[]) => rijen.find((m) => m.nummer === nummer)!.zout;
    expect(zout('M-2025-0004', alleMeldingen(db))).not.toBe(zout('M-2025-0004', voor));
    expect(lees(db, `SELECT c.notitie FROM contact c JOIN melding m ON m.id = c.melding_id ORDER BY m.nummer`)).toEqual([{ notitie: '[gewist]' }, { notitie: 'Lies belde nog' }]);
    const gewist = ['M-2025-0001', 'M-2025-0004', 'M-2025-0005'];
    expect(alleMeldingen(db).filter((m) => !gewist.includes(m.nummer as string))).toEqual(voor.filter((m) => !gewist.includes(m.nummer as string)));
    const [rij] = lees<{ details: string }>(db, 'SELECT details FROM audit ORDER BY id DESC LIMIT 1');
    expect(JSON.parse(rij!.details).velden).toEqual(['melder_naam', 'melder_telefoon', 'melder_email', 'adres', 'omschrijving', 'afhandeling', 'contact.notitie', 'doorzetting.notitie', 'bericht.tekst']);
    // The statistics keep the melding; a second run finds nothing left.
    expect(JSON.parse((await kvzOk(['opschonen', '--ook-tekst', '--json'], { db, nu: NU })).stdout).aantal).toBe(0);
    expect((await kvz(['check'], { db })).code).toBe(0);
  });

  alleenBestand('leaves no trace of the erased values in the database file or its write-ahead log', async () => {
    // Another connection stays open, as another kvz or a backup tool might: the WAL file then survives kvz's exit.
    const ander = new Database(db);
    ander.prepare('SELECT count(*) FROM melding').get();
    try {
      const j = await kvzJson<Opschoning>(['opschonen', '--uitvoeren'], { db, nu: NU });
      expect(j.logbestand_opgeruimd).toBe(true);
      const bytes = Buffer.concat([readFileSync(db), existsSync(`${db}-wal`) ? readFileSync(`${db}-wal`) : Buffer.alloc(0)]);
      for (const waarde of ['Kees Geheim', '06-11112222', 'kees@geheim.nl', 'Zaak Gesloten']) {
        expect(bytes.includes(Buffer.from(waarde)), waarde).toBe(false);
      }
      // What was not due is still there, so the search itself works.
      expect(bytes.includes(Buffer.from('Lies Eendagtekort'))).toBe(true);
    } finally {
      ander.close();
    }
  });

  alleenBestand('says so when a reader keeps the old pages in the write-ahead log', async () => {
    const lezer = new Database(db);
    lezer.prepare('BEGIN').run();
    lezer.prepare('SELECT count(*) FROM melding').get();
    try {
      const u = await kvzOk(['opschonen', '--uitvoeren'], { db, nu: NU });
      expect(u.stdout).toContain('! Een ander proces had de database open');
    } finally {
      lezer.close();
    }
  });

  it('finds nothing the second time and then writes no audit row', async () => {
    await kvzOk(['opschonen', '--uitvoeren'], { db, nu: NU });
    const audit = aantalAudit(db);
    const u = await kvzOk(['opschonen', '--uitvoeren'], { db, nu: NU });
    expect(u.stdout).toContain('✓ Er hoeft niets gewist te worden.');
    expect(aantalAudit(db)).toBe(audit);
  });

  it('erases melder data again when it was entered anew after an earlier erasure', async () => {
    await kvzOk(['opschonen', '--uitvoeren'], { db, nu: NU });
    await kvzOk(['melding', 'update', 'M-2025-0001', '--melder-naam', 'Weer Iemand'], { db, nu: NU });
    const j = await kvzJson<Opschoning>(['opschonen', '--uitvoeren'], { db, nu: NU });
    expect(j.meldingen.map((m) => m.nummer)).toEqual(['M-2025-0001']);
    expect(lees(db, `SELECT melder_naam FROM melding WHERE nummer = 'M-2025-0001'`)).toEqual([{ melder_naam: null }]);
  });

  it('counts the term in calendar months on the Amsterdam calendar', async () => {
    // The next day, the melding closed at 00:30 on 17 March (Amsterdam) and the one closed on the 17th are due.
    const j = await kvzJson<Opschoning>(['opschonen'], { db, nu: '2027-03-17T10:00:00.000Z' });
    expect(j.meldingen.map((m) => m.nummer)).toEqual(['M-2025-0001', 'M-2025-0002', 'M-2025-0003', 'M-2025-0005']);
    // At 23:30 UTC on 16 March it is already the 17th in Amsterdam.
    const laat = await kvzJson<Opschoning>(['opschonen'], { db, nu: '2027-03-16T23:30:00.000Z' });
    expect(laat.grens).toBe('2025-03-17');
  });

  it('with a term of 0 makes every closed melding due, but not open ones in an open zaak', async () => {
    const j = await kvzJson<Opschoning>(['opschonen', '--bewaartermijn', '0'], { db, nu: NU });
    expect(j.meldingen.map((m) => m.nummer)).toEqual(['M-2025-0001', 'M-2025-0002', 'M-2025-0003', 'M-2025-0005', 'M-2027-0001']);
  });

  it.each([['twee'], ['-1'], ['1.5'], ['1201'], [''], ['2027-03-16'], ['24; DELETE FROM melding']])(
    'refuses --bewaartermijn %j with exit 2 and erases nothing',
    async (waarde) => {
      const voor = alleMeldingen(db);
      const audit = aantalAudit(db);
      const u = await kvz(['opschonen', '--uitvoeren', '--bewaartermijn', waarde], { db, nu: NU });
      expect(u.code).toBe(2);
      expect(u.stderr).toContain('Ongeldige waarde voor --bewaartermijn');
      expect(alleMeldingen(db)).toEqual(voor);
      expect(aantalAudit(db)).toBe(audit);
    },
  );
});
