/**
 * Mail on a shared database (SPEC §7, §8): addresses and mail settings are beheer's, so nobody widens
 * who receives confidential mail; the front desk's confidential tip still goes out to the police and
 * then exists only for the politieoverleg circle, its message included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kvzPostgres, PG, PG_OVERGESLAGEN, type KvzPostgres, type Login } from '../helpers/postgres.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';

const MELDING = ['melding', 'add', '--categorie', 'drugs', '--kern', 'Obdam', '--omschrijving', 'Handel achter de sporthal', '--ontvangen', '2027-03-16 09:00',
  '--melder-naam', 'Tipgever Obdam'];

describe.skipIf(!PG)(`mail on a shared database${PG_OVERGESLAGEN}`, () => {
  let db: KvzPostgres;
  let balie: Login;
  let iv: Login;
  let politie: Login;
  let smtp: TestSmtp;
  const env = () => ({ env: { KVZ_SMTP: smtp.url, KVZ_AFZENDER: 'iv@koggenland.test' } });

  beforeAll(async () => {
    smtp = await startSmtp();
    db = await kvzPostgres();
    [balie, iv, politie] = [await db.gebruiker('balie'), await db.gebruiker('iv'), await db.gebruiker('politieoverleg')];
    await db.kvzOk(['partner', 'update', 'politie', '--email', 'tips@politie.test', '--met-melder']);
    await db.kvzOk(['partner', 'update', 'jongerenwerk', '--email', 'team@jongerenwerk.test']);
  });
  afterAll(async () => {
    await smtp?.stop();
  });

  it('lets only beheer change addresses and mail settings: kvz exit 4, psql refused', async () => {
    for (const [login, rol] of [[balie, 'balie'], [iv, 'iv'], [politie, 'politieoverleg']] as const) {
      const u = await db.kvz(['partner', 'update', 'jongerenwerk', '--email', 'lek@elders.test'], login);
      expect([u.code, u.stderr]).toEqual([4, `Geen toegang: met de rol ${rol} kunt u geen adressen van partners wijzigen.\n`]);
      const m = await db.kvz(['instelling', 'mail', '--smtp', 'smtp://mail.elders.test'], login);
      expect(m.code).toBe(4);
      const d = await db.kvz(['overleg', 'deelnemer', 'add', 'politie', '--naam', 'Lek', '--email', 'lek@elders.test'], login);
      expect([d.code, d.stderr]).toEqual([4, `Geen toegang: met de rol ${rol} kunt u geen deelnemers van een overleg toevoegen.\n`]);
      expect(db.psql("INSERT INTO deelnemer (soort, naam, email, volgorde) VALUES ('politie', 'Lek', 'lek@elders.test', 9)", login).stderr).toContain('permission denied');
      expect(db.psql("UPDATE partner SET email = 'lek@elders.test' WHERE code = 'jongerenwerk'", login).stderr).toContain('permission denied');
      expect(db.psql("INSERT INTO instelling (sleutel, waarde) VALUES ('smtp', 'smtp://mail.elders.test') ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde", login).stderr).toContain('permission denied');
    }
    expect(db.psql("SELECT email FROM partner WHERE code = 'jongerenwerk'").stdout).toBe('team@jongerenwerk.test');
    const post = await db.kvz(['post', 'list'], balie);
    expect([post.code, post.stderr]).toEqual([4, 'Geen toegang: met de rol balie kunt u de uitgaande post niet bekijken of verzenden.\n']);
  });

  it('sends the front desk\'s confidential tip to the police, counts it, and hides it and its message from balie and iv', async () => {
    const u = await db.kvz([...MELDING, '--vertrouwelijk', '--doorzetten', 'politie'], balie, env());
    expect([u.code, u.stderr]).toEqual([0, '']);
    const aan = smtp.ontvangen.filter((o) => o.aan.includes('tips@politie.test'));
    expect(aan).toHaveLength(1);
    expect(aan[0]!.mail.text).toContain('Tipgever Obdam');
    expect(aan[0]!.mail.subject).toMatch(/^Vertrouwelijk: melding M-2027-\d{4}: drugs in Obdam$/);
    const nummer = aan[0]!.mail.subject!.match(/M-2027-\d{4}/)![0];
    expect(db.psql(`SELECT d.op IS NOT NULL FROM doorzetting d JOIN melding m ON m.id = d.melding_id WHERE m.nummer = '${nummer}'`, politie).stdout).toBe('t');
    expect(db.psql(`SELECT m.status FROM melding m WHERE m.nummer = '${nummer}'`, politie).stdout).toBe('doorgezet');
    for (const login of [balie, iv]) expect(db.psql(`SELECT count(*) FROM bericht WHERE object = '${nummer}'`, login).stdout).toBe('0');
    expect(db.psql(`SELECT count(*) FROM bericht WHERE object = '${nummer}'`, politie).stdout).toBe('1');
    expect((await db.kvzOk(['post', 'list', '--json'], iv)).stdout).not.toContain(nummer);
    expect((await db.kvzOk(['post', 'list', '--json'], politie)).stdout).toContain(nummer);
    // Nobody marks a message as sent behind kvz's back, nor claims one it may not see.
    const mid = db.psql(`SELECT message_id FROM bericht WHERE object = '${nummer}'`, politie).stdout;
    expect(db.psql(`UPDATE bericht SET aan = 'lek@elders.test'`, iv).stderr).toContain('permission denied');
    expect(db.psql(`SELECT bericht_claim('${mid}', '2027-01-01', '2099-01-01', true)`, iv).stdout).toBe('f');
    // Nobody queues mail to an address of their own choosing.
    const eigen = db.psql(
      `INSERT INTO bericht (soort, object, partner, aan, onderwerp, tekst, message_id, status, gemaakt_op)
       VALUES ('doorzetting', 'M-2027-9999', 'jongerenwerk', 'lek@elders.test', 'x', 'x', '<lek@kvz>', 'wacht', '2027-03-16')`,
      balie,
    );
    expect(eigen.stderr).toContain('row-level security');
    // A confidential melding does not go outside the circle, also not from the desk.
    const buiten = await db.kvz([...MELDING, '--vertrouwelijk', '--doorzetten', 'jongerenwerk'], balie, env());
    expect(buiten.code).toBe(1);
    expect(smtp.ontvangen.filter((o) => o.aan.includes('team@jongerenwerk.test'))).toHaveLength(0);
  });

  it('lets iv invite a meeting, only to its participants: the database refuses any other address', async () => {
    await db.kvzOk(['overleg', 'cadans', 'politie', '--start', '2027-03-23']);
    await db.kvzOk(['overleg', 'deelnemer', 'add', 'politie', '--naam', 'Teamchef', '--email', 'teamchef@politie.test']);
    const u = await db.kvz(['overleg', 'uitnodig', 'politie'], iv, env());
    expect([u.code, u.stderr]).toEqual([0, '']);
    const uitnodiging = smtp.ontvangen.filter((o) => o.mail.subject?.startsWith('Uitnodiging: Politieoverleg'));
    expect(uitnodiging.map((o) => [o.aan, o.mail.subject])).toEqual([[['teamchef@politie.test'], 'Uitnodiging: Politieoverleg, dinsdag 23 maart 2027 14:00']]);
    // An invitation says when and where, as the plan does for everyone: iv sees it, and moving the meeting updates it.
    expect(db.psql(`SELECT soort, status FROM bericht WHERE object = 'politie 2027-03-23'`, iv).stdout).toBe('uitnodiging|verzonden');
    expect((await db.kvz(['overleg', 'verzet', 'politie', '2027-03-23', '--naar', '2027-03-24'], iv, env())).code).toBe(0);
    expect(smtp.ontvangen.at(-1)!.mail.subject).toBe('Gewijzigd: Politieoverleg, woensdag 24 maart 2027 14:00');
    const invoegen = (aan: string) =>
      `BEGIN; INSERT INTO bericht (soort, object, aan, onderwerp, tekst, message_id, status, gemaakt_op)
       VALUES ('uitnodiging', 'politie 2027-03-24', '${aan}', 'x', 'x', '<${aan}@kvz>', 'wacht', '2027-03-16'); ROLLBACK;`;
    expect(db.psql(invoegen('lek@elders.test'), iv).stderr).toContain('row-level security');
    expect(db.psql(invoegen('teamchef@politie.test, lek@elders.test'), iv).stderr).toContain('row-level security');
    expect(db.psql(invoegen('teamchef@politie.test'), iv).stderr).toBe('');
    expect(db.psql(invoegen('teamchef@politie.test'), balie).stderr).toContain('row-level security');
    // No calendar part or attachment rides along on another kind of message.
    const meeliften = (kolom: string) =>
      `BEGIN; INSERT INTO bericht (soort, object, partner, aan, onderwerp, tekst, message_id, status, gemaakt_op, ${kolom})
       VALUES ('doorzetting', 'M-2027-0001', 'jongerenwerk', 'team@jongerenwerk.test', 'x', 'x', '<mee-${kolom}@kvz>', 'wacht', '2027-03-16', 'x'); ROLLBACK;`;
    for (const kolom of ['kalender', 'bijlage', 'bijlage_naam']) expect(db.psql(meeliften(kolom), iv).stderr, kolom).toContain('row-level security');
    const b = await db.kvz(['overleg', 'uitnodig', 'politie'], balie, env());
    expect([b.code, b.stderr]).toEqual([4, 'Geen toegang: met de rol balie kunt u de overleggen niet bekijken of plannen.\n']);
  });

  it('lets the politieoverleg mail its confidential agenda, which then exists only for that circle', async () => {
    const u = await db.kvz(['agenda', 'politie', '--mail'], politie, env());
    expect([u.code, u.stderr]).toEqual([0, '']);
    const m = smtp.ontvangen.at(-1)!;
    expect([m.aan, m.mail.subject]).toEqual([['teamchef@politie.test'], 'Vertrouwelijk: agenda politieoverleg, woensdag 24 maart 2027']);
    expect(db.psql(`SELECT count(*) FROM bericht WHERE soort = 'agenda'`, iv).stdout, 'bericht voor iv').toBe('0');
    expect(db.psql(`SELECT count(*) FROM bericht WHERE soort = 'agenda'`, politie).stdout, 'bericht voor politie').toBe('1');
    for (const resultaat of ['agenda in de uitgaande post', 'agenda gemaild']) {
      expect(db.psql(`SELECT count(*) FROM audit WHERE resultaat = '${resultaat}'`, iv).stdout, `${resultaat} voor iv`).toBe('0');
      expect(db.psql(`SELECT count(*) FROM audit WHERE resultaat = '${resultaat}'`, politie).stdout, `${resultaat} voor politie`).toBe('1');
    }
    const ivu = await db.kvz(['agenda', 'politie', '--mail'], iv, env());
    expect([ivu.code, ivu.stderr]).toEqual([4, 'Geen toegang: met de rol iv kunt u de agenda van het politieoverleg niet maken.\n']);
  });

  it('has kvz check find a message whose secrecy was changed behind kvz\'s back', async () => {
    expect((await db.kvz(['check'])).code).toBe(0);
    db.psql('ALTER TABLE bericht DISABLE TRIGGER bericht_geheim; UPDATE bericht SET geheim = 0; ALTER TABLE bericht ENABLE TRIGGER bericht_geheim;', { login: PG!.superuser, wachtwoord: PG!.wachtwoord } as Login);
    const c = await db.kvz(['check']);
    expect(c.code).toBe(1);
  });
});
