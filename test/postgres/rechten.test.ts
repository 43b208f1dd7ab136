/**
 * Rights enforced by PostgreSQL itself (SPEC §7): what a role may not do, psql with its login cannot
 * do either; kvz refuses it first with exit 4 and one sentence, and writes nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kvzPostgres, PG, PG_OVERGESLAGEN, psqlOk, type KvzPostgres, type Login } from '../helpers/postgres.js';
import { schrijfVak } from '../helpers/notulen.js';

const MELDING = ['melding', 'add', '--categorie', 'drugs', '--kern', 'Obdam', '--omschrijving', 'Handel achter de sporthal', '--ontvangen', '2027-03-16 09:00'];

describe.skipIf(!PG)(`rights on a shared database${PG_OVERGESLAGEN}`, () => {
  let db: KvzPostgres;
  let balie: Login;
  let iv: Login;
  let politie: Login;

  beforeAll(async () => {
    db = await kvzPostgres();
    [balie, iv, politie] = [await db.gebruiker('balie'), await db.gebruiker('iv'), await db.gebruiker('politieoverleg')];
    // M-2027-0001 gewoon, M-2027-0002 vertrouwelijk, M-2027-0003 in de vertrouwelijke zaak Z-2027-002.
    await db.kvzOk(MELDING, iv);
    await db.kvzOk([...MELDING, '--vertrouwelijk'], politie);
    await db.kvzOk(MELDING, iv);
    await db.kvzOk(['zaak', 'open', '--titel', 'Overlast Kerkstraat', '--soort', 'overlast', '--kern', 'Obdam', '--melding', 'M-2027-0001'], iv);
    await db.kvzOk(['zaak', 'open', '--titel', 'GEHEIM onderzoek', '--soort', 'overlast', '--kern', 'Obdam', '--vertrouwelijk', '--melding', 'M-2027-0003'], politie);
    await db.kvzOk(['actie', 'add', 'Z-2027-002', '--omschrijving', 'GEHEIME observatie', '--partner', 'politie', '--deadline', '2027-04-01'], politie);
    await db.kvzOk(['actie', 'add', 'Z-2027-001', '--omschrijving', 'Gesprek met bewoners', '--partner', 'iv', '--deadline', '2027-04-01'], iv);
  });

  it('hides every confidential melding, zaak and actie from an iv login, also in psql', async () => {
    const zien = (sql: string, als: Login) => db.psql(sql, als).stdout;
    expect(zien('SELECT string_agg(nummer, \',\' ORDER BY id) FROM melding', iv)).toBe('M-2027-0001');
    expect(zien('SELECT string_agg(nummer, \',\' ORDER BY id) FROM melding', politie)).toBe('M-2027-0001,M-2027-0002,M-2027-0003');
    expect(zien('SELECT string_agg(nummer, \',\' ORDER BY id) FROM zaak', iv)).toBe('Z-2027-001');
    expect(zien('SELECT string_agg(nummer, \',\' ORDER BY id) FROM actie', iv)).toBe('A-2027-0002');
    expect(zien("SELECT count(*) FROM actie_historie", iv)).toBe('1');
    expect(zien("SELECT count(*) FROM audit WHERE object IN ('M-2027-0002', 'M-2027-0003', 'Z-2027-002', 'A-2027-0001')", iv)).toBe('0');
    expect(zien("SELECT count(*) FROM audit WHERE object IN ('M-2027-0002', 'M-2027-0003', 'Z-2027-002', 'A-2027-0001')", politie)).toBe('4');
    // kvz answers as for an unknown number.
    const show = await db.kvz(['melding', 'show', 'M-2027-0003'], iv);
    expect([show.code, show.stderr]).toEqual([1, 'Melding M-2027-0003 bestaat niet. Zie kvz melding list.\n']);
    expect((await db.kvz(['zaak', 'show', 'Z-2027-002'], iv)).code).toBe(1);
    expect((await db.kvzOk(['melding', 'list', '--json'], iv)).stdout).not.toContain('M-2027-0002');
    const status = JSON.parse((await db.kvzOk(['status', '--json'], iv)).stdout) as { meldingen: { totaal: number } };
    expect(status.meldingen.totaal).toBe(1);
  });

  it('hides the forwardings, contacts and action history of a zaak that turns confidential, and shows them again after', async () => {
    const db2 = await kvzPostgres();
    const [iv2, politie2] = [await db2.gebruiker('iv'), await db2.gebruiker('politieoverleg')];
    await db2.kvzOk([...MELDING, '--doorzetten', 'politie'], iv2);
    await db2.kvzOk(['melding', 'contact', 'M-2027-0001', '--soort', 'terugkoppeling', '--notitie', 'Gebeld'], iv2);
    await db2.kvzOk(['zaak', 'open', '--titel', 'Kerkstraat', '--soort', 'overlast', '--kern', 'Obdam', '--melding', 'M-2027-0001'], iv2);
    await db2.kvzOk(['actie', 'add', 'Z-2027-001', '--omschrijving', 'Gesprek', '--partner', 'iv', '--deadline', '2027-04-01'], iv2);
    const tel = (als: Login) =>
      ['doorzetting', 'contact', 'actie_historie'].map((t) => db2.psql(`SELECT count(*) FROM ${t}`, als).stdout).join(',');
    expect(tel(iv2)).toBe('1,1,1');
    await db2.kvzOk(['zaak', 'update', 'Z-2027-001', '--vertrouwelijk'], politie2);
    expect(tel(iv2)).toBe('0,0,0');
    expect(tel(politie2)).toBe('1,1,1');
    await db2.kvzOk(['zaak', 'update', 'Z-2027-001', '--no-vertrouwelijk'], politie2);
    expect(tel(iv2)).toBe('1,1,1');
    // Whether a row is secret is the database's to say: what a login writes there is overruled.
    expect(db2.psql("UPDATE actie_historie SET geheim = 1, notitie = 'verstopt'", iv2).code).toBe(0);
    expect(db2.psql('SELECT geheim FROM actie_historie', politie2).stdout).toBe('0');
    await db2.kvzOk(['zaak', 'update', 'Z-2027-001', '--vertrouwelijk'], politie2);
    await db2.kvzOk(['melding', 'contact', 'M-2027-0001', '--soort', 'informatie', '--notitie', 'Tip'], politie2);
    expect(db2.psql('SELECT string_agg(geheim::text, \',\' ORDER BY id) FROM contact', politie2).stdout).toBe('1,1');
    expect(tel(iv2)).toBe('0,0,0');
  });

  it('has kvz check recompute what the triggers keep: secrecy, the counts and who had feedback', async () => {
    const db3 = await kvzPostgres();
    const politie3 = await db3.gebruiker('politieoverleg');
    await db3.kvzOk([...MELDING, '--vertrouwelijk', '--doorzetten', 'politie', '--terugkoppeling', '--melder-telefoon', '0612345678'], politie3);
    await db3.kvzOk([...MELDING, '--terugkoppeling', '--melder-telefoon', '0612345678'], politie3);
    await db3.kvzOk(['melding', 'contact', 'M-2027-0002', '--soort', 'terugkoppeling', '--notitie', 'Gebeld'], politie3);
    expect(db3.psql("SELECT string_agg(nummer || ':' || geheim || teruggekoppeld, ',' ORDER BY id) FROM melding", politie3).stdout).toBe('M-2027-0001:10,M-2027-0002:01');
    expect((await db3.kvz(['check'])).code).toBe(0);
    // Behind kvz's back (the superuser, who passes every trigger's guard by switching them off).
    const achterom = (sql: string) => psqlOk(`SET search_path = kvz; SET session_replication_role = replica; ${sql}`, { db: db3.naam });
    achterom('UPDATE doorzetting SET geheim = 0');
    achterom("UPDATE melding_stand SET aantal = aantal + 1 WHERE status = 'nieuw'");
    achterom("UPDATE melding SET teruggekoppeld = 0 WHERE nummer = 'M-2027-0002'");
    const check = await db3.kvz(['check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(
      'Integriteit: 1 doorzetting, contact, bericht, verslag of actiehistorie is anders geheim dan waar ze bij horen; de tellingen in melding_stand wijken af van de meldingen; bij 1 melding klopt teruggekoppeld niet met de contacten',
    );
  });

  it('has kvz check find a guarding function replaced by a no-op under the same name (as the superuser could)', async () => {
    const db4 = await kvzPostgres();
    await db4.kvzOk(MELDING, await db4.gebruiker('iv'));
    expect((await db4.kvz(['check'])).code).toBe(0);
    psqlOk(`SET search_path = kvz; CREATE OR REPLACE FUNCTION audit_weiger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;`, { db: db4.naam });
    const check = await db4.kvz(['check', '--json']);
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).auditlog).toMatchObject({ beveiligd: false, ontbrekende_triggers: [], gewijzigde_triggers: ['audit_weiger'] });
    expect((await db4.kvz(['check'])).stdout).toContain('✗ Auditlog: niet meer beveiligd tegen wijzigen; functie anders dan kvz ze aanmaakt: audit_weiger');
  });

  it('lets nobody change or remove the audit log, nor write a row in another name', async () => {
    for (const als of [iv, politie, db.it]) {
      expect(db.psql("UPDATE audit SET resultaat = 'anders' WHERE id = 1", als).stderr).toMatch(/permission denied|kan niet worden gewijzigd/);
      expect(db.psql('DELETE FROM audit WHERE id = 1', als).stderr).toMatch(/permission denied|kan niet worden/);
      expect(db.psql("INSERT INTO audit (id, op, gebruiker, commando, resultaat, vorige_hash, hash) VALUES (999, 'x', 'iemand', 'x', 'x', 'x', 'x')", als).stderr).toMatch(/permission denied/);
    }
    // The database's own function writes the login, whatever the caller says.
    db.psql("SELECT audit_schrijf('2027-03-16T10:00:00.000Z', 'vals', NULL, 'namens een ander', '{\"gebruiker\":\"burgemeester\"}', 0)", iv);
    expect(db.psql("SELECT gebruiker FROM audit WHERE commando = 'vals'", politie).stdout).toBe(iv.login);
    const check = await db.kvz(['check']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it('refuses the front desk a zaak: exit 4, one sentence, nothing written; psql as that login is refused too', async () => {
    const voor = db.psql('SELECT count(*) FROM zaak', politie).stdout;
    const u = await db.kvz(['zaak', 'open', '--titel', 'Poging', '--soort', 'overlast', '--kern', 'Obdam'], balie);
    expect([u.code, u.stdout, u.stderr]).toEqual([4, '', 'Geen toegang: met de rol balie kunt u geen zaak openen.\n']);
    expect(db.psql("INSERT INTO zaak (nummer, jaar, volgnummer, titel, soort, kern, geopend_op, geopend_door, gewijzigd_op) VALUES ('Z-2027-099', 2027, 99, 'x', 'overlast', 'Obdam', 'x', 'x', 'x')", balie).stderr).toMatch(/permission denied/);
    expect(db.psql('UPDATE melding SET zaak_id = 1', balie).stderr).toMatch(/permission denied/);
    expect(db.psql('SELECT count(*) FROM zaak', politie).stdout).toBe(voor);
    // Checked before any number is looked up: a number that does not exist gets the same answer.
    const onbekend = await db.kvz(['zaak', 'show', 'Z-2099-999'], balie);
    expect([onbekend.code, onbekend.stderr]).toEqual([4, 'Geen toegang: met de rol balie kunt u geen zaken bekijken of wijzigen.\n']);
  });

  it('keeps afstemming tussendoor from the front desk and its confidential ones from iv, also in psql (SPEC §11)', async () => {
    const af = ['afstemming', 'add', '--tussen', 'politie,oov'];
    const u = await db.kvz([...af, '--onderwerp', 'Poging'], balie);
    expect([u.code, u.stdout, u.stderr]).toEqual([4, '', 'Geen toegang: met de rol balie kunt u geen afstemming tussendoor vastleggen of bekijken.\n']);
    expect(db.psql(`INSERT INTO afstemming (nummer, jaar, volgnummer, op, dag, tussen, onderwerp, door, aangemaakt_op) VALUES ('AF-2027-099', 2027, 99, 'x', 'x', 'a,b', 'x', 'x', 'x')`, balie).stderr).toMatch(/permission denied/);
    expect(db.psql('SELECT count(*) FROM afstemming', balie).stderr).toMatch(/permission denied/);

    await db.kvzOk([...af, '--onderwerp', 'Overlast Kerkstraat', '--zaak', 'Z-2027-001'], iv);
    await db.kvzOk([...af, '--onderwerp', 'GEHEIM: informant', '--vertrouwelijk'], politie);
    await db.kvzOk([...af, '--onderwerp', 'Over het GEHEIME onderzoek', '--zaak', 'Z-2027-002'], politie);
    // iv may record a confidential one (as the desk a confidential melding) and then no longer sees it.
    const eigen = await db.kvzOk([...af, '--onderwerp', 'GEHEIM van iv', '--vertrouwelijk'], iv);
    expect(eigen.stdout).toContain('Vertrouwelijk: alleen het politieoverleg ziet haar');
    const zien = (als: Login) => db.psql(`SELECT string_agg(nummer, ',' ORDER BY id) FROM afstemming`, als).stdout;
    expect(zien(iv)).toBe('AF-2027-001');
    expect(zien(politie)).toBe('AF-2027-001,AF-2027-002,AF-2027-003,AF-2027-004');
    expect((JSON.parse((await db.kvzOk(['afstemming', 'list', '--json'], iv)).stdout) as { nummer: string }[]).map((x) => x.nummer)).toEqual(['AF-2027-001']);
    expect(db.psql("SELECT count(*) FROM audit WHERE object LIKE 'AF-%'", iv).stdout).toBe('1');

    // A zaak that turns confidential takes its afstemmingen along: the rows and their audit rows.
    const zaak = (JSON.parse((await db.kvzOk(['zaak', 'open', '--titel', 'Wordt geheim', '--soort', 'overlast', '--kern', 'Obdam', '--json'], iv)).stdout) as { nummer: string }).nummer;
    await db.kvzOk([...af, '--onderwerp', 'Over wat geheim wordt', '--zaak', zaak], iv);
    expect(zien(iv)).toBe('AF-2027-001,AF-2027-005');
    await db.kvzOk(['zaak', 'update', zaak, '--vertrouwelijk'], politie);
    expect(zien(iv)).toBe('AF-2027-001');
    expect(db.psql("SELECT string_agg(object, ',' ORDER BY id) FROM audit WHERE object LIKE 'AF-%'", iv).stdout).toBe('AF-2027-001');
    // (back as it was, for the tests after this one: their counts of confidential zaken)
    await db.kvzOk(['zaak', 'update', zaak, '--no-vertrouwelijk'], politie);
    expect(zien(iv)).toBe('AF-2027-001,AF-2027-005');
  });

  it('lets the front desk register a confidential melding, answering with its number only, and then hides it', async () => {
    const u = await db.kvzOk([...MELDING, '--vertrouwelijk', '--doorzetten', 'politie', '--json'], balie);
    expect(JSON.parse(u.stdout)).toEqual({ nummer: 'M-2027-0004', vertrouwelijk: true });
    expect((await db.kvz(['melding', 'show', 'M-2027-0004'], balie)).code).toBe(1);
    expect(db.psql("SELECT count(*) FROM doorzetting d JOIN melding m ON m.id = d.melding_id WHERE m.nummer = 'M-2027-0004'", politie).stdout).toBe('1');
    // Numbers come from the counter: the next melding of the desk does not collide with the hidden one.
    expect(JSON.parse((await db.kvzOk([...MELDING, '--json'], balie)).stdout).nummer).toBe('M-2027-0005');
  });

  it('keeps the politieoverleg agenda and confidential exports to the politieoverleg', async () => {
    const agenda = await db.kvz(['agenda', 'politie'], iv);
    expect([agenda.code, agenda.stderr]).toEqual([4, 'Geen toegang: met de rol iv kunt u de agenda van het politieoverleg niet maken.\n']);
    const exp = await db.kvz(['export', 'matrix', '--vertrouwelijk'], iv);
    expect(exp.code).toBe(4);
    expect((await db.kvzOk(['export', 'matrix'], iv)).stdout).not.toContain('GEHEIM');
    expect((await db.kvzOk(['agenda', 'gio'], iv)).stdout).not.toContain('GEHEIM');
    expect((await db.kvzOk(['agenda', 'politie'], politie)).stdout).toContain('GEHEIM onderzoek');
    // The matrix on screen: the confidential zaken only when the politieoverleg asks for them.
    const matrix = await db.kvz(['matrix', '--met-vertrouwelijk'], iv);
    expect([matrix.code, matrix.stderr]).toEqual([4, 'Geen toegang: met de rol iv kunt u geen vertrouwelijke zaken in de matrix zien.\n']);
    const iv_ = await db.kvzOk(['matrix'], iv);
    expect([iv_.stdout, iv_.stderr]).toEqual([expect.not.stringContaining('GEHEIM'), '']);
    const gewoon = await db.kvzOk(['matrix'], politie);
    expect(gewoon.stdout).not.toContain('GEHEIM');
    expect(gewoon.stderr).toContain('1 vertrouwelijke zaak is niet getoond');
    expect((await db.kvzOk(['matrix', '--met-vertrouwelijk'], politie)).stdout).toContain('GEHEIM');
  });

  it('shows the front desk its part of kvz status: meldingen to forward and melders waiting, no zaken or acties', async () => {
    const st = JSON.parse((await db.kvzOk(['status', '--json'], balie)).stdout) as { zaken: unknown; te_laat_per_partner: unknown[]; volgende_overleggen: unknown[]; meldingen: { totaal: number } };
    expect(st.zaken).toBeNull();
    expect(st.te_laat_per_partner).toEqual([]);
    expect(st.volgende_overleggen).toEqual([]);
    expect(st.meldingen.totaal).toBeGreaterThan(0);
    const tekst = (await db.kvzOk(['status'], balie)).stdout;
    expect(tekst).not.toMatch(/Zaken|Volgende overleggen|te laat/);
    expect(tekst).toContain('Vandaag te doen');
  });

  it('keeps the politieoverleg minutes from iv, also when iv has the file', async () => {
    const map = mkdtempSync(join(tmpdir(), 'kvz-notulen-'));
    const bestand = join(map, 'politie.md');
    await db.kvzOk(['notulen', 'politie', '--output', bestand], politie, { nu: '2027-03-16T10:00:00.000Z' });
    const u = await db.kvz(['notulen', 'verwerk', bestand], iv, { nu: '2027-03-16T10:00:00.000Z' });
    expect([u.code, u.stderr]).toEqual([4, 'Geen toegang: met de rol iv kunt u de notulen van het politieoverleg niet verwerken.\n']);
  });

  it('keeps the verslag of the politieoverleg, and of a zaak that turns confidential, from iv: in kvz and in psql', async () => {
    const db2 = await kvzPostgres();
    const [iv2, politie2] = [await db2.gebruiker('iv'), await db2.gebruiker('politieoverleg')];
    const map = mkdtempSync(join(tmpdir(), 'kvz-verslag-'));
    await db2.kvzOk(['overleg', 'cadans', 'gio', '--start', '2027-01-05'], iv2, { nu: '2027-01-02T10:00:00.000Z' });
    await db2.kvzOk(['overleg', 'cadans', 'politie', '--start', '2027-01-12'], iv2, { nu: '2027-01-02T10:00:00.000Z' });
    await db2.kvzOk(['zaak', 'open', '--titel', 'Sporthal', '--soort', 'overlast', '--kern', 'Obdam'], iv2, { nu: '2027-02-01T10:00:00.000Z' });
    const verwerk = async (soort: string, datum: string, als: Login, vul: (md: string) => string) => {
      const nu = `${datum}T15:00:00.000Z`;
      const md = (await db2.kvzOk(['notulen', soort, '--datum', datum], als, { nu })).stdout;
      const bestand = join(map, `${soort}.md`);
      writeFileSync(bestand, vul(md));
      await db2.kvzOk(['notulen', 'verwerk', bestand, '--uitvoeren'], als, { nu });
    };
    await verwerk('gio', '2027-02-16', iv2, (md) => schrijfVak(md, '### Z-2027-001 ', '**Afspraken:**', 'Jongerenwerk zoekt de groep op.'));
    await verwerk('politie', '2027-03-09', politie2, (md) => schrijfVak(md, '## 1. ', '**Afspraken:**', 'Cameratoezicht bij de sporthal voorbereiden.'));
    const zien = (als: Login) => db2.psql('SELECT count(*) FROM verslag', als).stdout;
    expect([zien(iv2), zien(politie2)]).toEqual(['1', '2']);
    const show = await db2.kvz(['overleg', 'show', 'politie', '2027-03-09'], iv2);
    expect([show.code, show.stderr]).toEqual([4, 'Geen toegang: met de rol iv kunt u het verslag van het politieoverleg niet bekijken.\n']);
    // The database itself refuses iv a row in the politieoverleg's verslag.
    const politieId = db2.psql(`SELECT id FROM overleg WHERE soort = 'politie'`, politie2).stdout;
    const poging = db2.psql(`INSERT INTO verslag (overleg_id, volgorde, punt, afspraken) VALUES (${politieId}, 9, '9. Iets', 'ingefluisterd')`, iv2);
    expect(poging.stderr).toContain('row-level security');
    expect(zien(politie2)).toBe('2');

    // What the log says of the politieoverleg's minutes is as confidential as they are.
    expect(db2.psql(`SELECT count(*) FROM audit WHERE object LIKE 'politie:%'`, iv2).stdout).toBe('0');
    expect(db2.psql(`SELECT count(*) FROM audit WHERE object LIKE 'politie:%'`, politie2).stdout).toBe('1');

    await db2.kvzOk(['zaak', 'update', 'Z-2027-001', '--vertrouwelijk'], politie2);
    expect([zien(iv2), zien(politie2)]).toEqual(['0', '2']);
    // New GIO minutes from iv replace what iv sees; what the GIO said of the now confidential zaak stays.
    await verwerk('gio', '2027-02-16', iv2, (md) => schrijfVak(md, '## 1. ', '**Afspraken:**', 'Notulen binnen een week rond.'));
    expect([zien(iv2), zien(politie2)]).toEqual(['1', '3']);
    expect((await db2.kvz(['check'])).code).toBe(0);
    // A verslag row made visible behind kvz's back is found by kvz check.
    psqlOk(`SET search_path = kvz; SET session_replication_role = replica; UPDATE verslag SET geheim = 0 WHERE zaak_id IS NOT NULL`, { db: db2.naam });
    const check = await db2.kvz(['check']);
    expect([check.code, check.stdout]).toEqual([1, expect.stringContaining('Integriteit: 1 doorzetting, contact, bericht, verslag of actiehistorie is anders geheim')]);
    psqlOk(`SET search_path = kvz; SET session_replication_role = replica; UPDATE verslag SET geheim = 1 WHERE zaak_id IS NOT NULL`, { db: db2.naam });
    const gio = JSON.parse((await db2.kvzOk(['overleg', 'show', 'gio', '2027-02-16', '--json'], iv2)).stdout) as { verslag: unknown[]; status: string };
    expect(gio).toMatchObject({ status: 'gehouden', verslag: [{ punt: '1. Opening', zaak: null, besproken: '', afspraken: 'Notulen binnen een week rond.' }] });
    const zaak = JSON.parse((await db2.kvzOk(['zaak', 'show', 'Z-2027-001', '--json'], politie2)).stdout) as { afspraken: { afspraken: string }[] };
    expect(zaak.afspraken.map((a) => a.afspraken)).toEqual(['Jongerenwerk zoekt de groep op.']);
    await db2.kvzOk(['zaak', 'update', 'Z-2027-001', '--no-vertrouwelijk'], politie2);
    expect(zien(iv2)).toBe('2');
  });

  it('gives a login without a kvz role exit 4 for every command, and refuses --gebruiker (exit 2)', async () => {
    db.psql(`CREATE ROLE vreemde_${db.naam} LOGIN PASSWORD 'vreemd-geheim-123'`, { login: 'kvz_test', wachtwoord: 'kvz-test-beheer' });
    const vreemd = { login: `vreemde_${db.naam}`, wachtwoord: 'vreemd-geheim-123' };
    for (const args of [['melding', 'list'], ['status'], ['kern', 'list']]) {
      const u = await db.kvz(args, vreemd);
      expect([u.code, u.stderr]).toEqual([4, `Geen toegang: de login ${vreemd.login} heeft geen kvz-rol in database ${db.naam}.\n`]);
    }
    const u = await db.kvz(['--gebruiker', 'anders', 'melding', 'list'], iv);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/^--gebruiker geldt alleen voor een databasebestand/);
  });

  it('keeps placements and their addresses from the front desk, which may still link a melding to one by number (SPEC §11)', async () => {
    const u = await db.kvz(['plaatsing', 'add', '--kern', 'Obdam', '--adres', 'Zuiderweg 17a', '--datum', '01-02-2027'], balie);
    expect([u.code, u.stdout, u.stderr]).toEqual([4, '', 'Geen toegang: met de rol balie kunt u geen plaatsingen van vergunninghouders vastleggen of bekijken.\n']);
    await db.kvzOk(['plaatsing', 'add', '--kern', 'Obdam', '--adres', 'Zuiderweg 17a', '--datum', '01-02-2027'], iv);
    // In psql the desk sees a placement's number and kern, never its address, and writes none.
    expect(db.psql('SELECT nummer, kern FROM plaatsing', balie).stdout).toBe('P-2027-01|Obdam');
    expect(db.psql('SELECT adres FROM plaatsing', balie).stderr).toMatch(/permission denied/);
    expect(db.psql(`INSERT INTO plaatsing (nummer, jaar, volgnummer, kern, adres, datum, door, aangemaakt_op, gewijzigd_op) VALUES ('P-2027-99', 2027, 99, 'Obdam', 'x', '2027-01-01', 'x', 'x', 'x')`, balie).stderr).toMatch(/permission denied/);
    expect(db.psql(`INSERT INTO plaatsing_contact (plaatsing_id, op, dag, soort, notitie, door) VALUES (1, 'x', 'x', 'bezoek', 'x', 'x')`, balie).stderr).toMatch(/permission denied/);
    const m = await db.kvzOk(['melding', 'add', '--categorie', 'treiteren', '--kern', 'Obdam', '--omschrijving', 'Scheldwoorden', '--plaatsing', 'P-2027-01', '--json'], balie);
    expect(JSON.parse(m.stdout)).toMatchObject({ plaatsing: 'P-2027-01', vergunninghouder: true });
    expect((await db.kvzOk(['plaatsing', 'show', 'P-2027-01'], iv)).stdout).toMatch(/Adres +Zuiderweg 17a/);
  });
});
