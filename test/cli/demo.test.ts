import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kvz, kvzOk, lees, nieuweDb, spawnKvz, STANDAARD_NU, tijdelijkeMap } from '../helpers/run.js';

const KERNEN = [
  'Avenhorn', 'Berkhout', 'Bobeldijk', 'De Goorn', 'Grosthuizen', 'Hensbroek', 'Obdam', 'Oostmijzen', 'Oudendijk', 'Rustenburg',
  'Scharwoude', 'Spierdijk', 'Ursem', 'Wogmeer', 'Zuid-Spierdijk', 'Zuidermeer',
];
const CATEGORIEEN = ['burenoverlast', 'discriminatie', 'drugs', 'geluidsoverlast', 'jeugdoverlast', 'overig', 'treiteren', 'vandalisme', 'verward-gedrag'];

const eigenPad = (home: string) => join(home, '.local', 'share', 'kvz', 'demo.db');
const kolom = <T>(db: string, sql: string) => lees<Record<string, T>>(db, sql).map((r) => Object.values(r)[0] as T);
const getal = (db: string, sql: string) => kolom<number>(db, sql)[0]!;

/** Everything the demo wrote, to compare two runs. */
/**
 * What the demo holds. The salts of the state hashes are random by design (SPEC §10), and with them the
 * hashes the audit log records: of those, which objects each row recorded is what must be the same.
 */
function inhoud(db: string): unknown {
  return Object.fromEntries(
    ['melding', 'doorzetting', 'contact', 'zaak', 'actie', 'actie_historie', 'overleg', 'cadans', 'audit'].map((t) => [
      t,
      lees<Record<string, unknown>>(db, `SELECT * FROM ${t} ORDER BY ${t === 'doorzetting' ? 'melding_id, partner' : 'rowid'}`).map(
        ({ zout: _z, hash: _h, vorige_hash: _v, toestand, ...rest }) =>
          t === 'audit' ? { ...rest, toestand: Object.keys((JSON.parse(String(toestand ?? '{}')) as { na?: object }).na ?? {}) } : rest,
      ),
    ]),
  );
}

describe('kvz demo', () => {
  // One demo for the tests that only read it; outlives tijdelijkeMap(), which is emptied after each test.
  const blijvend = mkdtempSync(join(tmpdir(), 'kvz-demo-'));
  const home = join(blijvend, 'home');
  const demo = eigenPad(home);
  let uitvoer = '';
  beforeAll(async () => {
    uitvoer = (await kvzOk(['demo'], { env: { HOME: home } })).stdout;
  });
  afterAll(() => rmSync(blijvend, { recursive: true, force: true }));

  it('without --db makes its own demo.db beside where kvz.db would be, and never a kvz.db', () => {
    expect(readdirSync(join(home, '.local', 'share', 'kvz'))).toEqual(['demo.db']);
    expect(uitvoer).toContain(`Demodatabase gemaakt: ${demo}\n`);
    expect(uitvoer).toMatch(/Een fictief jaar Koggenland, maandag 16 maart 2026 tot en met dinsdag 16 maart 2027: \d{3} meldingen, \d\d zaken, \d+ acties/);
  });

  it('ends with the agenda of the next GIO, exactly as kvz agenda gio writes it, and commands to try on the demo', async () => {
    const agenda = (await kvzOk(['agenda', 'gio'], { db: demo })).stdout;
    expect(agenda).toContain('- **Datum:** dinsdag 6 april 2027, 09:30 uur');
    expect(agenda).toMatch(/## 4\. Lopende zaken: voortgang\n\n\d+ lopende zaken; .*[1-9]\d* met acties die te laat zijn/);
    expect(uitvoer).toContain(agenda);
    expect(uitvoer).not.toMatch(/vertrouwelijk/i);
    expect(uitvoer).toContain(`Probeer ook:\n  kvz status --db ${demo}\n  kvz rapport jeugd --db ${demo}\n  kvz export matrix --output matrix.csv --db ${demo}\n`);
  });

  it('tells the stories of SPEC §11 too: an urgent melding waiting, contact in between, interventions', async () => {
    expect((await kvzOk(['status'], { db: demo })).stdout).toMatch(/!! 1 urgente melding nog niet doorgezet: M-2027-\d{4}/);
    const af = JSON.parse((await kvzOk(['afstemming', 'list', '--json'], { db: demo })).stdout) as { nummer: string; vertrouwelijk: boolean }[];
    expect(af.length).toBeGreaterThanOrEqual(3);
    expect(af.some((a) => a.vertrouwelijk)).toBe(true);
    const politie = (await kvzOk(['agenda', 'politie'], { db: demo })).stdout;
    expect(politie).toMatch(/## 5\. Afstemming tussendoor sinds het vorige politieoverleg\n\n1 keer tussendoor afgestemd in de periode\./);
    expect((await kvzOk(['matrix'], { db: demo })).stdout).toMatch(/(gesprek-bewoners|gesprek-melder|handhaving|huisbezoek): /);
    // None of it on the GIO's agenda.
    expect((await kvzOk(['agenda', 'gio'], { db: demo })).stdout).not.toMatch(/AF-20\d\d/);
  });

  it('says npx kvz in what to try when it was started with npx, as the README does', async () => {
    const pad = join(tijdelijkeMap(), 'npx-demo.db');
    const u = await kvzOk(['demo', '--db', pad], { env: { npm_command: 'exec' } });
    expect(u.stdout).toContain(`Probeer ook:\n  npx kvz status --db ${pad}\n`);
  });

  it('writes a database that kvz check passes: integrity, references and a whole audit chain ending in the demo row', async () => {
    const u = await kvz(['check'], { db: demo });
    expect(u.code, u.stdout).toBe(0);
    expect(u.stdout).toContain('Alles in orde.');
    const [laatste] = lees<{ commando: string; gebruiker: string }>(demo, 'SELECT commando, gebruiker FROM audit ORDER BY id DESC LIMIT 1');
    expect(laatste).toEqual({ commando: 'demo', gebruiker: 'test' });
    // The year was made through the real commands: their names are in the log.
    expect(kolom(demo, 'SELECT DISTINCT commando FROM audit ORDER BY 1')).toEqual([
      'actie add', 'actie update', 'afstemming add', 'demo', 'melding add', 'melding close', 'melding contact', 'melding forward', 'melding link',
      'overleg annuleer', 'overleg cadans', 'overleg verzet', 'plaatsing add', 'plaatsing contact', 'plaatsing update', 'zaak close', 'zaak open',
    ]);
  });

  it('holds a realistic year: every kern and categorie, youth hot spots, vergunninghouders, forwarding on time and late', () => {
    expect(kolom(demo, 'SELECT DISTINCT kern FROM melding ORDER BY 1')).toEqual(KERNEN);
    expect(kolom(demo, 'SELECT DISTINCT categorie FROM melding ORDER BY 1')).toEqual(CATEGORIEEN);
    const jeugd = kolom<string>(demo, `SELECT kern FROM melding WHERE categorie = 'jeugdoverlast' GROUP BY kern ORDER BY count(*) DESC LIMIT 3`);
    expect([...jeugd].sort()).toEqual(['Avenhorn', 'De Goorn', 'Obdam']);
    expect(getal(demo, 'SELECT count(*) FROM melding WHERE vergunninghouder = 1')).toBeGreaterThan(10);
    const eerste = `(SELECT min(dag) FROM doorzetting d WHERE d.melding_id = m.id)`;
    expect(getal(demo, `SELECT count(*) FROM melding m WHERE ${eerste} = m.ontvangen_dag`)).toBeGreaterThan(150);
    expect(getal(demo, `SELECT count(*) FROM melding m WHERE ${eerste} > m.ontvangen_dag`)).toBeGreaterThan(20);
    expect(getal(demo, `SELECT count(*) FROM contact WHERE soort = 'terugkoppeling'`)).toBeGreaterThan(20);
    // The last year up to now, and today's work still to do.
    expect(getal(demo, `SELECT count(*) FROM melding WHERE ontvangen_op < '2026-03-16' OR ontvangen_op > '${STANDAARD_NU}'`)).toBe(0);
    expect(getal(demo, `SELECT count(*) FROM melding m WHERE ontvangen_dag = '2027-03-16' AND NOT EXISTS (SELECT 1 FROM doorzetting d WHERE d.melding_id = m.id)`)).toBeGreaterThan(0);
    // Made by the rules of melding add: a melder who wants feedback left a phone number or an e-mail address.
    expect(getal(demo, 'SELECT count(*) FROM melding WHERE terugkoppeling = 1 AND melder_telefoon IS NULL AND melder_email IS NULL')).toBe(0);
    // Invented melders, with example.nl addresses only.
    expect(kolom<string>(demo, 'SELECT melder_email FROM melding WHERE melder_email IS NOT NULL').every((e) => e.endsWith('@example.nl'))).toBe(true);
  });

  it('has zaken with acties in every status, overdue and postponed ones, and vertrouwelijke police matters', () => {
    expect(kolom(demo, 'SELECT DISTINCT status FROM actie ORDER BY 1')).toEqual(['gereed', 'loopt', 'open', 'vervallen']);
    expect(getal(demo, `SELECT count(*) FROM actie WHERE status IN ('open', 'loopt') AND deadline < '2027-03-16'`)).toBeGreaterThan(0);
    expect(getal(demo, `SELECT count(*) FROM actie WHERE keer_uitgesteld > 0`)).toBeGreaterThan(0);
    expect(getal(demo, `SELECT count(*) FROM actie WHERE overleg_id IS NOT NULL`)).toBe(getal(demo, 'SELECT count(*) FROM actie'));
    expect(kolom(demo, 'SELECT DISTINCT status FROM zaak ORDER BY 1')).toEqual(['gesloten', 'open']);
    expect(kolom(demo, 'SELECT DISTINCT soort FROM zaak ORDER BY 1')).toEqual(['overlast', 'zorg']);
    expect(getal(demo, 'SELECT count(*) FROM zaak WHERE vertrouwelijk = 1')).toBeGreaterThan(0);
    expect(getal(demo, 'SELECT count(*) FROM melding WHERE vertrouwelijk = 1')).toBeGreaterThan(0);
    // Vertrouwelijke zaken are agreed in the politieoverleg only.
    expect(kolom(demo, 'SELECT DISTINCT o.soort FROM actie a JOIN zaak z ON z.id = a.zaak_id JOIN overleg o ON o.id = a.overleg_id WHERE z.vertrouwelijk = 1')).toEqual(['politie']);
    expect(getal(demo, `SELECT count(*) FROM zaak z WHERE status = 'open' AND NOT EXISTS (SELECT 1 FROM actie a WHERE a.zaak_id = z.id)`)).toBeGreaterThan(0);
  });

  it('keeps the overleggen on their cadence, with one GIO moved and one tweewekelijks cancelled', () => {
    expect(lees(demo, `SELECT soort, status FROM overleg WHERE status <> 'gepland' ORDER BY soort`)).toEqual([
      { soort: 'gio', status: 'verzet' },
      { soort: 'tweewekelijks', status: 'geannuleerd' },
    ]);
    expect(kolom(demo, 'SELECT ingesteld_op IS NOT NULL FROM cadans')).toEqual([1, 1]);
  });

  it('is the same on every run of the same day, and always ends on the day it is run', async () => {
    const db = nieuweDb();
    await kvzOk(['demo', '--db', db]);
    expect(inhoud(db)).toEqual(inhoud(demo));
    const later = nieuweDb();
    await kvzOk(['demo', '--db', later], { nu: '2029-10-01T12:00:00.000Z' });
    expect(lees(later, 'SELECT min(ontvangen_dag) >= ? AS binnen, max(ontvangen_dag) AS laatste FROM melding', '2028-10-01')).toEqual([
      { binnen: 1, laatste: '2029-10-01' },
    ]);
  });

  it('makes its own demo.db again on a second run (it is fictive), and never touches the real database, also when KVZ_DB names it', async () => {
    const echt = nieuweDb();
    await kvzOk(['melding', 'add', '--categorie', 'overig', '--kern', 'Ursem', '--omschrijving', 'Echt'], { db: echt });
    const voor = readFileSync(echt);
    const thuis = tijdelijkeMap();
    mkdirSync(join(thuis, '.local', 'share', 'kvz'), { recursive: true });
    copyFileSync(demo, eigenPad(thuis));
    await kvzOk(['melding', 'add', '--categorie', 'overig', '--kern', 'Ursem', '--omschrijving', 'Uitgeprobeerd'], { db: eigenPad(thuis) });
    const u = await kvzOk(['demo'], { db: echt, env: { HOME: thuis } });
    expect(u.stdout).toContain(`Demodatabase opnieuw gemaakt: ${eigenPad(thuis)}\n`);
    expect(readFileSync(echt).equals(voor)).toBe(true);
    expect(readdirSync(join(thuis, '.local', 'share', 'kvz'))).toEqual(['demo.db']);
    expect(getal(eigenPad(thuis), `SELECT count(*) FROM melding WHERE omschrijving = 'Uitgeprobeerd'`)).toBe(0);
    expect((await kvz(['check'], { db: eigenPad(thuis) })).code).toBe(0);
  });

  it('as the installed binary, replaces its own demo on a second run and fills a database made by kvz init', async () => {
    // The bundle cannot use better-sqlite3's own addon lookup; an in-process run would not notice.
    const thuis = tijdelijkeMap();
    expect((await spawnKvz(['demo'], { HOME: thuis, KVZ_NU: STANDAARD_NU })).code).toBe(0);
    const tweede = await spawnKvz(['demo'], { HOME: thuis, KVZ_NU: STANDAARD_NU });
    expect(tweede.stderr).toBe('');
    expect(tweede.stdout).toContain(`Demodatabase opnieuw gemaakt: ${eigenPad(thuis)}\n`);
    const pad = join(tijdelijkeMap(), 'kvz.db');
    expect((await spawnKvz(['init', '--db', pad])).code).toBe(0);
    const gevuld = await spawnKvz(['demo', '--db', pad], { KVZ_NU: STANDAARD_NU });
    expect(gevuld.stderr).toBe('');
    expect(gevuld.stdout).toContain(`Demodatabase gemaakt: ${pad}\n`);
  });

  it('refuses, untouched, a demo.db of its own place that is not a kvz demo', async () => {
    const thuis = tijdelijkeMap();
    mkdirSync(join(thuis, '.local', 'share', 'kvz'), { recursive: true });
    const pad = eigenPad(thuis);
    await kvzOk(['melding', 'add', '--categorie', 'overig', '--kern', 'Ursem', '--omschrijving', 'Echt'], { db: pad });
    const voor = readFileSync(pad);
    const u = await kvz(['demo'], { env: { HOME: thuis } });
    expect(u.code).toBe(1);
    expect(u.stderr).toBe(`${pad} bestaat al en is geen demodatabase van kvz; kvz demo heeft het niet aangeraakt. Verplaats het bestand, of geef met --db een nieuw bestand op.\n`);
    expect(u.stdout).toBe('');
    expect(readFileSync(pad).equals(voor)).toBe(true);
    expect(readdirSync(join(thuis, '.local', 'share', 'kvz'))).toEqual(['demo.db']);
  });

  it.each([
    ['a kvz database with something in it', async (pad: string) => void (await kvzOk(['kern', 'add', 'Proefdorp'], { db: pad }))],
    ['an earlier demo', async (pad: string) => copyFileSync(demo, pad)],
    ['a file of another program', async (pad: string) => writeFileSync(pad, 'naam;telefoon\nAnna;0612345678\n')],
  ])('refuses an explicit --db that is %s, and leaves it as it was', async (_naam, maak) => {
    const map = tijdelijkeMap();
    const pad = join(map, 'bestaand.db');
    await maak(pad);
    const voor = readFileSync(pad);
    const u = await kvz(['demo', '--db', pad]);
    expect(u.code).toBe(1);
    expect(u.stderr).toBe(`${pad} is niet leeg; kvz demo vult alleen een nieuw of leeg bestand en heeft het niet aangeraakt. Laat --db weg (dan gebruikt kvz demo een eigen bestand) of kies een nieuw bestand.\n`);
    expect(readFileSync(pad).equals(voor)).toBe(true);
    expect(readdirSync(map)).toEqual(['bestaand.db']);
  });

  it.each([
    ['an empty file', (pad: string) => writeFileSync(pad, '')],
    ['a kvz database in which nothing was recorded yet (kvz init)', async (pad: string) => void (await kvzOk(['init'], { db: pad }))],
  ])('fills an explicit --db that is %s, and quotes its path in the commands it suggests', async (_naam, maak) => {
    const map = tijdelijkeMap();
    const pad = join(map, 'mijn demo.db');
    await maak(pad);
    const u = await kvzOk(['demo', '--db', pad]);
    expect(u.stdout).toContain(`Demodatabase gemaakt: ${pad}\n`);
    expect(u.stdout).toContain(`kvz status --db '${pad}'\n`);
    expect(readdirSync(map)).toEqual(['mijn demo.db']);
    expect((await kvz(['check'], { db: pad })).code).toBe(0);
  });
});
