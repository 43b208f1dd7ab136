/**
 * Forwarding by mail (SPEC §8), against a real SMTP server in this process: what arrives, parsed as a
 * mailbox would; what the database says afterwards; a server that is away or refuses; drafts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kvz, kvzJson, kvzOk, lees, nieuweDb, spawnKvz, tijdelijkeMap } from '../helpers/run.js';
import { dichtePoort, startSmtp, type TestSmtp } from '../helpers/smtp.js';

const AFZENDER = 'integraleveiligheid@koggenland.test';
const MELDING = [
  'melding', 'add', '--categorie', 'jeugdoverlast', '--kern', 'Spierdijk', '--adres', 'Dorpsstraat 12',
  '--omschrijving', 'Groep jongeren bij het café, geëscaleerd na één waarschuwing', '--melder-naam', 'Jansen-Öztürk',
  '--melder-telefoon', '0612345678', '--melder-email', 'melder@example.test', '--ontvangen', '16-03-2027 09:30',
];

let smtp: TestSmtp;
beforeEach(async () => {
  smtp = await startSmtp();
});
afterEach(async () => {
  await smtp.stop();
});

async function metAdressen(db: string): Promise<void> {
  await kvzOk(['partner', 'update', 'politie', '--email', 'meldingen@politie.test', '--met-melder'], { db });
  await kvzOk(['partner', 'update', 'jongerenwerk', '--email', 'team@jongerenwerk.test, coordinator@jongerenwerk.test'], { db });
}

const mailEnv = (extra: Record<string, string> = {}) => ({ KVZ_SMTP: smtp.url, KVZ_AFZENDER: AFZENDER, ...extra });

describe('kvz melding add/forward --doorzetten by mail', () => {
  it('mails each partner with an address, melder data only where allowed, and counts the forwarding when it was sent', async () => {
    const db = nieuweDb();
    await metAdressen(db);
    const u = await kvzOk([...MELDING, '--doorzetten', 'politie,jongerenwerk,zorgteam'], { db, env: mailEnv() });
    expect(u.stderr).toBe('');
    expect(u.stdout).toContain('Gemaild aan politie (meldingen@politie.test).');
    expect(u.stdout).toContain('zorgteam heeft geen e-mailadres: alleen vastgelegd');
    expect(smtp.ontvangen).toHaveLength(2);
    const politie = smtp.ontvangen.find((o) => o.aan.includes('meldingen@politie.test'))!;
    const jw = smtp.ontvangen.find((o) => o.aan.includes('team@jongerenwerk.test'))!;
    expect(jw.aan.sort()).toEqual(['coordinator@jongerenwerk.test', 'team@jongerenwerk.test']);
    expect(politie.mail.subject).toBe('Melding M-2027-0001: jeugdoverlast in Spierdijk');
    expect(politie.mail.from?.value[0]?.address).toBe(AFZENDER);
    expect(politie.van).toBe(AFZENDER);
    // Dutch characters arrive as typed, and each message has its own Message-ID and a Date.
    expect(politie.mail.text).toContain('Groep jongeren bij het café, geëscaleerd na één waarschuwing');
    expect(politie.mail.text).toContain('Jansen-Öztürk');
    expect(politie.mail.text).toContain('0612345678');
    expect(jw.mail.text).toContain('geëscaleerd');
    for (const geheim of ['Jansen', '0612345678', 'melder@example.test']) {
      expect(jw.ruw).not.toContain(geheim);
      expect(jw.mail.text).not.toContain(geheim);
    }
    expect(politie.mail.date?.toISOString()).toBe('2027-03-16T10:00:00.000Z');
    const ids = lees<{ partner: string; message_id: string; status: string; verzonden_op: string }>(
      db, 'SELECT partner, message_id, status, verzonden_op FROM bericht ORDER BY partner');
    expect(ids.map((b) => [b.partner, b.status])).toEqual([['jongerenwerk', 'verzonden'], ['politie', 'verzonden']]);
    expect(politie.mail.messageId).toBe(ids[1]!.message_id);
    expect(jw.mail.messageId).toBe(ids[0]!.message_id);
    const m = await kvzJson<{ status: string; doorgezet_naar: string[]; doorzettingen: { partner: string; op: string; mail: string | null }[] }>(
      ['melding', 'show', 'M-2027-0001', '--json'], { db });
    expect(m.status).toBe('doorgezet');
    expect(m.doorzettingen.map((d) => [d.partner, d.op, d.mail])).toEqual([
      ['jongerenwerk', '2027-03-16T10:00:00.000Z', 'verzonden'],
      ['politie', '2027-03-16T10:00:00.000Z', 'verzonden'],
      ['zorgteam', '2027-03-16T10:00:00.000Z', null],
    ]);
    const post = await kvzJson<Record<string, unknown>[]>(['post', 'list', '--json'], { db });
    expect(post).toHaveLength(2);
    expect(Object.keys(post[0]!)).toEqual(['id', 'soort', 'aan', 'onderwerp', 'status', 'object', 'gemaakt_op', 'verzonden_op', 'fout']);
    expect(post[0]).toMatchObject({ soort: 'doorzetting', object: 'M-2027-0001', status: 'verzonden', fout: null });
  });

  it('keeps the melding and the forwarding when the server is away; the mail waits and post verzend delivers it later', async () => {
    const db = nieuweDb();
    await metAdressen(db);
    const weg = `smtp://127.0.0.1:${await dichtePoort()}`;
    const u = await kvz([...MELDING, '--doorzetten', 'politie'], { db, env: mailEnv({ KVZ_SMTP: weg }) });
    expect(u.code).toBe(0);
    expect(u.stdout).toContain('Melding M-2027-0001 vastgelegd.');
    expect(u.stderr).toMatch(/^! De mail aan politie wacht: de server smtp:\/\/127\.0\.0\.1:\d+ is niet bereikbaar/);
    expect(lees(db, 'SELECT status FROM bericht')).toEqual([{ status: 'wacht' }]);
    expect(lees(db, 'SELECT partner, op FROM doorzetting')).toEqual([{ partner: 'politie', op: null }]);
    // Not yet forwarded, for every figure that asks.
    expect((await kvzJson<{ nummer: string }[]>(['melding', 'list', '--niet-doorgezet', '--json'], { db })).map((m) => m.nummer)).toEqual(['M-2027-0001']);
    const st = await kvzJson<{ post: { wacht: number }; vandaag_door_te_zetten: string[] }>(['status', '--json'], { db });
    expect(st.post.wacht).toBe(1);
    expect(st.vandaag_door_te_zetten).toEqual(['M-2027-0001']);
    expect((await kvz(['status'], { db })).stdout).toContain('! 1 bericht nog niet verzonden');
    expect((await kvzOk(['melding', 'show', 'M-2027-0001'], { db })).stdout).toMatch(/! nog niet verzonden {2}politie {2}door \S+ {2}\(mail wacht: telt nog niet\)/);
    // Still away: exit 1 with the count.
    const nogWeg = await kvz(['post', 'verzend'], { db, env: mailEnv({ KVZ_SMTP: weg }) });
    expect([nogWeg.code, nogWeg.stderr.split('\n').at(-2)]).toEqual([1, '1 bericht wacht nog; zie kvz post list --status wacht,mislukt.']);
    expect(smtp.ontvangen).toHaveLength(0);
    // Back: delivered at that moment, and from then on the melding counts as forwarded (later that day).
    const later = await kvz(['post', 'verzend'], { db, env: mailEnv(), nu: '2027-03-16T14:15:00.000Z' });
    expect([later.code, later.stderr]).toEqual([0, '']);
    expect(later.stdout).toContain('Gemaild aan politie (meldingen@politie.test).');
    expect(smtp.ontvangen).toHaveLength(1);
    expect(smtp.ontvangen[0]!.mail.messageId).toBe(lees<{ message_id: string }>(db, 'SELECT message_id FROM bericht')[0]!.message_id);
    expect(lees(db, 'SELECT partner, op, dag FROM doorzetting')).toEqual([{ partner: 'politie', op: '2027-03-16T14:15:00.000Z', dag: '2027-03-16' }]);
    expect(lees(db, 'SELECT status FROM melding')).toEqual([{ status: 'doorgezet' }]);
    expect(await kvzJson(['melding', 'list', '--niet-doorgezet', '--json'], { db })).toEqual([]);
    // Nothing left: a second run sends nothing again.
    expect((await kvzOk(['post', 'verzend'], { db, env: mailEnv() })).stdout).toBe('Er wachtte geen post.\n');
    expect(smtp.ontvangen).toHaveLength(1);
  });

  it('marks a refused recipient as failed, retries it only with --opnieuw, and never sends a message twice', async () => {
    const db = nieuweDb();
    await metAdressen(db);
    smtp.weiger.add('meldingen@politie.test');
    const u = await kvz([...MELDING, '--doorzetten', 'politie,jongerenwerk'], { db, env: mailEnv() });
    expect(u.code).toBe(0);
    expect(u.stderr).toMatch(/^! De mail aan politie is mislukt: de server .* weigert het bericht: 550/);
    expect(lees(db, 'SELECT partner, status FROM bericht ORDER BY partner')).toEqual([
      { partner: 'jongerenwerk', status: 'verzonden' },
      { partner: 'politie', status: 'mislukt' },
    ]);
    expect((await kvz(['post', 'verzend'], { db, env: mailEnv() })).code).toBe(0);
    expect(smtp.ontvangen).toHaveLength(1);
    // Forwarding again is refused with the way out: correct the address and retry.
    const nogEens = await kvz(['melding', 'forward', 'M-2027-0001', '--naar', 'politie'], { db, env: mailEnv() });
    expect([nogEens.code, nogEens.stderr]).toEqual([
      1,
      'Melding M-2027-0001 is al doorgezet naar politie (mail nog niet verzonden); er is niets vastgelegd. Wacht de mail nog of mislukte hij: herstel het adres (kvz partner update) en verstuur hem met kvz post verzend --opnieuw.\n',
    ]);
    await kvzOk(['partner', 'update', 'politie', '--email', 'nieuw@politie.test', '--met-melder'], { db });
    // Two runs at once, as two processes: the message is claimed by one of them, and goes to the corrected address.
    const [a, b] = await Promise.all([
      spawnKvz(['post', 'verzend', '--opnieuw'], { KVZ_DB: db, ...mailEnv() }),
      spawnKvz(['post', 'verzend', '--opnieuw'], { KVZ_DB: db, ...mailEnv() }),
    ]);
    expect([a.code, b.code, a.stderr + b.stderr]).toEqual([0, 0, '']);
    expect(smtp.ontvangen).toHaveLength(2);
    expect(smtp.ontvangen.filter((o) => o.aan.includes('nieuw@politie.test'))).toHaveLength(1);
    expect(lees(db, `SELECT count(*) AS n FROM bericht WHERE status = 'verzonden'`)).toEqual([{ n: 2 }]);
  });

  it('does not send waiting mail whose melding became confidential, nor melder data a partner may no longer have', async () => {
    const db = nieuweDb();
    await metAdressen(db);
    const weg = `smtp://127.0.0.1:${await dichtePoort()}`;
    await kvzOk([...MELDING, '--doorzetten', 'jongerenwerk'], { db, env: mailEnv({ KVZ_SMTP: weg }) });
    await kvzOk([...MELDING, '--doorzetten', 'politie'], { db, env: mailEnv({ KVZ_SMTP: weg }) });
    await kvzOk(['melding', 'update', 'M-2027-0001', '--vertrouwelijk'], { db });
    await kvzOk(['partner', 'update', 'politie', '--zonder-melder'], { db });
    const u = await kvz(['post', 'verzend'], { db, env: mailEnv() });
    expect(u.code).toBe(0);
    expect(u.stderr).toContain('! De mail aan jongerenwerk is mislukt: niet verzonden: de melding is inmiddels vertrouwelijk');
    expect(u.stderr).toContain('! De mail aan politie is mislukt: niet verzonden: het bericht bevat gegevens van de melder en politie mag die niet meer krijgen');
    expect(smtp.ontvangen).toHaveLength(0);
    expect(lees(db, 'SELECT status FROM bericht ORDER BY id')).toEqual([{ status: 'mislukt' }, { status: 'mislukt' }]);
  });

  it('treats a 4xx answer as temporary: the message waits', async () => {
    const db = nieuweDb();
    await metAdressen(db);
    smtp.uitstellen = true;
    const u = await kvz([...MELDING, '--doorzetten', 'jongerenwerk'], { db, env: mailEnv() });
    expect(u.stderr).toMatch(/^! De mail aan jongerenwerk wacht: de server .* stelt het bericht uit: 451/);
    smtp.uitstellen = false;
    expect((await kvz(['post', 'verzend'], { db, env: mailEnv() })).code).toBe(0);
    expect(smtp.ontvangen).toHaveLength(1);
  });

  it('logs in where the server asks for it; a refused login fails for good and is retried only with --opnieuw', async () => {
    const db = nieuweDb();
    await metAdressen(db);
    const streng = await startSmtp({ login: { gebruiker: 'iv-koggenland', wachtwoord: 'juist-wachtwoord' } });
    try {
      const env = (wachtwoord: string) => ({ KVZ_SMTP: streng.url.replace('smtp://', 'smtp://iv-koggenland@'), KVZ_SMTP_WACHTWOORD: wachtwoord, KVZ_AFZENDER: AFZENDER });
      const fout = await kvz([...MELDING, '--doorzetten', 'jongerenwerk'], { db, env: env('fout-wachtwoord') });
      expect(fout.code).toBe(0);
      expect(fout.stderr).toMatch(/^! De mail aan jongerenwerk is mislukt: de server .* weigert de aanmelding: .*535/m);
      expect(streng.ontvangen).toHaveLength(0);
      expect(lees(db, 'SELECT status FROM bericht')).toEqual([{ status: 'mislukt' }]);
      // Failed for good: a plain run leaves it alone, also with the right password.
      expect((await kvz(['post', 'verzend'], { db, env: env('juist-wachtwoord') })).code).toBe(0);
      expect(streng.ontvangen).toHaveLength(0);
      expect((await kvz(['post', 'verzend', '--opnieuw'], { db, env: env('juist-wachtwoord') })).code).toBe(0);
      expect(streng.ontvangen.map((o) => [o.van, o.aan, o.mail.subject])).toEqual([
        [AFZENDER, ['team@jongerenwerk.test', 'coordinator@jongerenwerk.test'], 'Melding M-2027-0001: jeugdoverlast in Spierdijk'],
      ]);
      expect((await kvzJson<Array<{ status: string }>>(['post', 'list', '--json'], { db })).map((b) => b.status)).toEqual(['verzonden']);
    } finally {
      await streng.stop();
    }
  });

  it('without an SMTP server writes Outlook drafts (X-Unsent: 1), 0600 in a 0700 folder, and counts them as forwarded', async () => {
    const db = nieuweDb();
    await metAdressen(db);
    const map = join(tijdelijkeMap(), 'post', 'uitgaand');
    const u = await kvzOk([...MELDING, '--doorzetten', 'politie'], { db, env: { KVZ_POSTMAP: map, KVZ_AFZENDER: AFZENDER } });
    const bestanden = readdirSync(map);
    expect(bestanden).toHaveLength(1);
    const pad = join(map, bestanden[0]!);
    expect(u.stdout).toContain(`Concept voor politie klaargezet: ${pad}`);
    expect(statSync(map).mode & 0o777).toBe(0o700);
    expect(statSync(pad).mode & 0o777).toBe(0o600);
    const ruw = readFileSync(pad, 'utf8');
    expect(ruw).toMatch(/^X-Unsent: 1\r$/m);
    const mail = await simpleParser(ruw);
    expect(mail.subject).toBe('Melding M-2027-0001: jeugdoverlast in Spierdijk');
    expect(mail.to && 'value' in mail.to ? mail.to.value.map((v) => v.address) : []).toEqual(['meldingen@politie.test']);
    expect(mail.text).toContain('één waarschuwing');
    expect(mail.messageId).toBe(lees<{ message_id: string }>(db, 'SELECT message_id FROM bericht')[0]!.message_id);
    expect(lees(db, 'SELECT status, bestand FROM bericht')).toEqual([{ status: 'klaargezet', bestand: pad }]);
    expect(lees(db, 'SELECT status FROM melding')).toEqual([{ status: 'doorgezet' }]);
    expect(smtp.ontvangen).toHaveLength(0);
  });

  it('writes the draft for an address that is not plain ASCII through nodemailer, with that address intact', async () => {
    const db = nieuweDb();
    await kvzOk(['partner', 'update', 'zorgteam', '--email', 'zörgteam@koggenland.test'], { db });
    const map = join(tijdelijkeMap(), 'uitgaand');
    await kvzOk([...MELDING, '--doorzetten', 'zorgteam'], { db, env: { KVZ_POSTMAP: map, KVZ_AFZENDER: AFZENDER } });
    const [bestand] = readdirSync(map);
    const mail = await simpleParser(readFileSync(join(map, bestand!)));
    expect(mail.to && 'value' in mail.to ? mail.to.value.map((v) => v.address) : []).toEqual(['zörgteam@koggenland.test']);
    expect([mail.subject, mail.headers.get('x-unsent')]).toEqual(['Melding M-2027-0001: jeugdoverlast in Spierdijk', '1']);
    expect(mail.text).toContain('één waarschuwing');
  });

  it('--zonder-mail records a forwarding done by phone, at --op; --op with a mail partner needs it', async () => {
    const db = nieuweDb();
    await metAdressen(db);
    await kvzOk(MELDING, { db });
    const fout = await kvz(['melding', 'forward', 'M-2027-0001', '--naar', 'politie', '--op', '16-03-2027 09:45'], { db, env: mailEnv() });
    expect(fout.code).toBe(2);
    expect(fout.stderr).toContain('--op geldt voor een doorzetting die al buiten kvz is gedaan; geef daarbij --zonder-mail');
    await kvzOk(['melding', 'forward', 'M-2027-0001', '--naar', 'politie', '--op', '16-03-2027 09:45', '--zonder-mail'], { db, env: mailEnv() });
    expect(smtp.ontvangen).toHaveLength(0);
    expect(lees(db, 'SELECT partner, op FROM doorzetting')).toEqual([{ partner: 'politie', op: '2027-03-16T08:45:00.000Z' }]);
    expect(lees(db, 'SELECT count(*) AS n FROM bericht')).toEqual([{ n: 0 }]);
  });

  it('forwards a confidential melding only to the politieoverleg circle; to anyone else exit 1 and nothing written', async () => {
    const db = nieuweDb();
    await metAdressen(db);
    await kvzOk([...MELDING, '--vertrouwelijk'], { db });
    const voor = lees(db, 'SELECT count(*) AS n FROM audit');
    const u = await kvz(['melding', 'forward', 'M-2027-0001', '--naar', 'politie,jongerenwerk'], { db, env: mailEnv() });
    expect([u.code, u.stderr]).toEqual([
      1,
      'Melding M-2027-0001 is vertrouwelijk en mag alleen naar politie, oov, burgemeester, niet naar jongerenwerk; er is niets vastgelegd.\n',
    ]);
    expect(lees(db, 'SELECT count(*) AS n FROM doorzetting')).toEqual([{ n: 0 }]);
    expect(lees(db, 'SELECT count(*) AS n FROM bericht')).toEqual([{ n: 0 }]);
    expect(lees(db, 'SELECT count(*) AS n FROM audit')).toEqual(voor);
    expect(smtp.ontvangen).toHaveLength(0);
    await kvzOk(['melding', 'forward', 'M-2027-0001', '--naar', 'politie'], { db, env: mailEnv() });
    expect(smtp.ontvangen).toHaveLength(1);
    expect(smtp.ontvangen[0]!.mail.subject).toBe('Vertrouwelijk: melding M-2027-0001: jeugdoverlast in Spierdijk');
  });

  it('never sends the melder data or a confidential melding where it may not go (randomised)', async () => {
    const db = nieuweDb();
    const partners = ['politie', 'jongerenwerk', 'zorgteam', 'oov', 'vluchtelingenwerk'];
    const metMelder = new Set(partners.filter(() => Math.random() < 0.5));
    for (const p of partners) {
      await kvzOk(['partner', 'update', p, '--email', `${p}@partner.test`, metMelder.has(p) ? '--met-melder' : '--zonder-melder'], { db });
    }
    const kring = new Set(['politie', 'oov', 'burgemeester']);
    for (let i = 1; i <= 6; i++) {
      const vertrouwelijk = Math.random() < 0.4;
      const naar = partners.filter((p) => Math.random() < 0.5 && (!vertrouwelijk || kring.has(p)));
      if (naar.length === 0) naar.push('politie');
      const naam = `Melder${i}-${Math.random().toString(36).slice(2, 8)}`;
      await kvzOk(
        ['melding', 'add', '--categorie', 'overig', '--kern', 'Ursem', '--omschrijving', `Melding ${i}`, '--melder-naam', naam,
          '--melder-telefoon', `06${String(10000000 + i)}`, '--doorzetten', naar.join(','), ...(vertrouwelijk ? ['--vertrouwelijk'] : [])],
        { db, env: mailEnv() },
      );
      const nummer = `M-2027-${String(i).padStart(4, '0')}`;
      const hier = smtp.ontvangen.filter((o) => o.mail.subject?.includes(nummer));
      expect(hier.map((o) => o.aan[0]!.split('@')[0]).sort()).toEqual([...naar].sort());
      for (const o of hier) {
        const p = o.aan[0]!.split('@')[0]!;
        expect(o.ruw.includes(naam), `${nummer} aan ${p}`).toBe(metMelder.has(p));
        if (vertrouwelijk) expect(kring.has(p)).toBe(true);
      }
    }
  });
});

describe('kvz melding contact --mail', () => {
  it('mails the note to the melder in a courteous letter, listed as to the melder, and records the contact', async () => {
    const db = nieuweDb();
    await kvzOk([...MELDING, '--terugkoppeling'], { db });
    const u = await kvzOk(['melding', 'contact', 'M-2027-0001', '--soort', 'terugkoppeling', '--notitie', 'De politie rijdt deze week extra rondes.', '--mail'], {
      db, env: mailEnv(),
    });
    expect(u.stdout).toBe('Contact (terugkoppeling) met de melder van M-2027-0001 vastgelegd.\nGemaild aan de melder.\n');
    expect(smtp.ontvangen).toHaveLength(1);
    const m = smtp.ontvangen[0]!;
    expect(m.aan).toEqual(['melder@example.test']);
    expect(m.mail.subject).toBe('Uw melding M-2027-0001 bij de gemeente Koggenland');
    expect(m.mail.text).toContain('Beste melder,');
    expect(m.mail.text).toContain('De politie rijdt deze week extra rondes.');
    expect(m.mail.text).toContain('Team Integrale Veiligheid');
    expect(m.mail.text).not.toContain('Jansen');
    expect(lees(db, 'SELECT soort FROM contact')).toEqual([{ soort: 'terugkoppeling' }]);
    const post = await kvzJson<{ aan: string; soort: string }[]>(['post', 'list', '--json'], { db });
    expect(post.map((p) => [p.soort, p.aan])).toEqual([['terugkoppeling', 'melder']]);
    expect((await kvzJson<{ wacht_op_terugkoppeling: string[] }>(['status', '--json'], { db })).wacht_op_terugkoppeling).toEqual([]);
  });

  it('refuses --mail for a melder without e-mail (exit 1) and for another soort (exit 2), nothing written', async () => {
    const db = nieuweDb();
    await kvzOk(['melding', 'add', '--categorie', 'overig', '--kern', 'Ursem', '--omschrijving', 'Zonder adres', '--melder-telefoon', '0612345678'], { db });
    const geen = await kvz(['melding', 'contact', 'M-2027-0001', '--soort', 'terugkoppeling', '--notitie', 'Opgelost', '--mail'], { db, env: mailEnv() });
    expect([geen.code, geen.stderr]).toEqual([
      1,
      'De melder van M-2027-0001 heeft geen e-mailadres opgegeven; leg het contact vast zonder --mail (bijvoorbeeld na een telefoontje). Er is niets vastgelegd.\n',
    ]);
    const soort = await kvz(['melding', 'contact', 'M-2027-0001', '--soort', 'informatie', '--notitie', 'Vraag', '--mail'], { db, env: mailEnv() });
    expect([soort.code, soort.stderr]).toEqual([2, '--mail geldt voor --soort terugkoppeling: dan mailt kvz de notitie aan de melder.\n']);
    expect(lees(db, 'SELECT count(*) AS n FROM contact')).toEqual([{ n: 0 }]);
    expect(lees(db, 'SELECT count(*) AS n FROM bericht')).toEqual([{ n: 0 }]);
    expect(lees(db, 'SELECT count(*) AS n FROM audit')).toEqual([{ n: 1 }]);
    expect(smtp.ontvangen).toHaveLength(0);
  });
});

describe('kvz opschonen and stored mail', () => {
  it('erases the melder data in stored messages and removes their drafts still in the post folder', async () => {
    const db = nieuweDb();
    await metAdressen(db);
    const map = join(tijdelijkeMap(), 'uitgaand');
    const oud = '2025-01-02T09:00:00.000Z';
    await kvzOk([...MELDING.slice(0, -2), '--ontvangen', '02-01-2025 09:00', '--doorzetten', 'politie,jongerenwerk'], {
      db, nu: oud, env: { KVZ_POSTMAP: map, KVZ_AFZENDER: AFZENDER },
    });
    await kvzOk(['melding', 'contact', 'M-2025-0001', '--soort', 'terugkoppeling', '--notitie', 'Opgelost', '--mail'], {
      db, nu: oud, env: { KVZ_POSTMAP: map, KVZ_AFZENDER: AFZENDER },
    });
    await kvzOk(['melding', 'close', 'M-2025-0001'], { db, nu: oud });
    expect(readdirSync(map)).toHaveLength(3);
    expect(lees(db, 'SELECT partner, CASE WHEN melder_tekst IS NULL THEN 0 ELSE 1 END AS melder FROM bericht WHERE partner IS NOT NULL ORDER BY partner')).toEqual([
      { partner: 'jongerenwerk', melder: 0 },
      { partner: 'politie', melder: 1 },
    ]);
    await kvzOk(['opschonen', '--uitvoeren'], { db, env: { KVZ_POSTMAP: map } });
    const na = lees<{ aan: string; tekst: string; melder_tekst: string | null }>(db, 'SELECT aan, tekst, melder_tekst FROM bericht ORDER BY id');
    expect(na.map((b) => b.melder_tekst)).toEqual([null, null, null]);
    for (const b of na) expect(b.tekst + b.aan).not.toMatch(/Jansen|melder@example/);
    expect(na.map((b) => b.aan)).toEqual(['meldingen@politie.test', 'team@jongerenwerk.test, coordinator@jongerenwerk.test', '']);
    // The politie draft and the letter to the melder held the melder's data and are gone; the jongerenwerk draft never did.
    const over = readdirSync(map);
    expect(over).toHaveLength(1);
    expect(readFileSync(join(map, over[0]!), 'utf8')).toContain('To: team@jongerenwerk.test');
  });
});

describe('mail settings and addresses: bad input is refused, nothing written', () => {
  it.each([
    [['partner', 'update', 'politie', '--email', 'geen-adres'], '--email: "geen-adres" is geen e-mailadres; verwacht bijvoorbeeld meldpunt@koggenland.nl.'],
    [['partner', 'update', 'politie', '--email', 'a@politie.test\r\nBcc: x@evil.test'], '--email bevat een regeleinde of stuurteken; dat kan niet in een e-mailkop. Geef de waarde op één regel.'],
    [['partner', 'update', 'politie', '--met-melder', '--zonder-melder'], '--met-melder en --zonder-melder gaan niet samen; kies er één.'],
    [['partner', 'update', 'politie'], 'Geef iets om te wijzigen: --email <adres,adres>, --zonder-email, --met-melder, --zonder-melder of --naam <naam>.'],
    [['instelling', 'mail', '--smtp', 'smtp://ik:geheim@mail.koggenland.test:587'], '--smtp bevat een wachtwoord; zet het wachtwoord in de variabele KVZ_SMTP_WACHTWOORD, nooit in het adres.'],
    [['instelling', 'mail', '--smtp', 'http://mail.koggenland.test'], '--smtp: het adres begint met http://; verwacht smtp:// of smtps://.'],
    [['instelling', 'mail', '--afzender', 'iv@koggenland.test\nBcc: x@evil.test'], '--afzender bevat een regeleinde of stuurteken; dat kan niet in een e-mailkop. Geef de waarde op één regel.'],
  ])('%j: exit 2', async (args, bericht) => {
    const db = nieuweDb();
    await kvzOk(['status'], { db });
    const voor = lees(db, 'SELECT * FROM partner ORDER BY code');
    const u = await kvz(args, { db });
    expect([u.code, u.stderr]).toEqual([2, `${bericht}\n`]);
    expect(lees(db, 'SELECT * FROM partner ORDER BY code')).toEqual(voor);
    expect(lees(db, `SELECT count(*) AS n FROM instelling WHERE sleutel IN ('smtp', 'afzender')`)).toEqual([{ n: 0 }]);
    expect(lees(db, 'SELECT count(*) AS n FROM audit')).toEqual([{ n: 0 }]);
  });

  it('refuses KVZ_SMTP with a password in it before the melding is written', async () => {
    const db = nieuweDb();
    await metAdressen(db);
    const u = await kvz([...MELDING, '--doorzetten', 'politie'], { db, env: { KVZ_SMTP: 'smtp://ik:geheim@127.0.0.1:25' } });
    expect([u.code, u.stderr]).toEqual([2, 'KVZ_SMTP bevat een wachtwoord; zet het wachtwoord in de variabele KVZ_SMTP_WACHTWOORD, nooit in het adres.\n']);
    expect(lees(db, 'SELECT count(*) AS n FROM melding')).toEqual([{ n: 0 }]);
    expect(u.stdout + u.stderr).not.toContain('geheim@');
  });

  it('stores server and sender without a password, audited, and shows where mail goes', async () => {
    const db = nieuweDb();
    await kvzOk(['instelling', 'mail', '--smtp', 'smtp://iv@mail.koggenland.test', '--afzender', AFZENDER], { db });
    expect(lees(db, `SELECT sleutel, waarde FROM instelling WHERE sleutel IN ('smtp', 'afzender') ORDER BY sleutel`)).toEqual([
      { sleutel: 'afzender', waarde: AFZENDER },
      { sleutel: 'smtp', waarde: 'smtp://iv@mail.koggenland.test:587' },
    ]);
    expect(await kvzJson(['instelling', 'mail', '--json'], { db, env: { KVZ_SMTP: smtp.url } })).toEqual({
      mail: 'aan', smtp: smtp.url, afzender: AFZENDER, bron: { smtp: 'KVZ_SMTP', afzender: 'database' }, postmap: null,
    });
    expect(lees(db, `SELECT resultaat FROM audit`)).toEqual([{ resultaat: 'mailinstelling gewijzigd: smtp, afzender' }]);
    const partner = await kvzJson(['partner', 'update', 'politie', '--email', 'a@politie.test,b@politie.test', '--met-melder', '--json'], { db });
    expect(partner).toEqual({ code: 'politie', naam: 'Politie', email: ['a@politie.test', 'b@politie.test'], met_melder: true });
    expect(await kvzJson<unknown[]>(['partner', 'list', '--json'], { db })).toContainEqual(partner);
  });

  it('sends nothing from a database whose mail is switched off: the message is kept as uit and the forwarding counts', async () => {
    const db = nieuweDb();
    await metAdressen(db);
    await kvzOk(['instelling', 'mail', '--uit'], { db });
    const u = await kvzOk([...MELDING, '--doorzetten', 'politie'], { db, env: mailEnv() });
    expect(u.stdout).toContain('E-mail staat uit in deze database');
    expect(smtp.ontvangen).toHaveLength(0);
    expect(lees(db, 'SELECT status FROM bericht')).toEqual([{ status: 'uit' }]);
    expect(lees(db, 'SELECT op FROM doorzetting')).toEqual([{ op: '2027-03-16T10:00:00.000Z' }]);
    const v = await kvz(['post', 'verzend'], { db, env: mailEnv() });
    expect(v.code).toBe(1);
    expect(v.stderr).toContain('E-mail staat uit in deze database');
  });
});

describe('TLS towards a mail server that is not this machine by name', () => {
  // 127.0.0.2 is this machine, but kvz only trusts the names localhost, 127.0.0.1 and ::1 to skip TLS.
  for (const [geval, opties] of [
    ['offers STARTTLS with a self-signed certificate', { host: '127.0.0.2', tls: 'starttls' }],
    ['offers no STARTTLS at all (plain text only)', { host: '127.0.0.2', tls: 'geen' }],
    ['speaks TLS from the first byte (smtps) with a self-signed certificate, even on localhost', { host: '127.0.0.1', tls: 'direct' }],
  ] as const) {
    it(`sends nothing to a server that ${geval}: the mail fails for good, the melding stands`, async () => {
      const server = await startSmtp(opties);
      try {
        const db = nieuweDb();
        await kvzOk(['partner', 'update', 'politie', '--email', 'meldingen@politie.test'], { db });
        const u = await kvz([...MELDING, '--doorzetten', 'politie'], { db, env: { KVZ_SMTP: server.url, KVZ_AFZENDER: AFZENDER } });
        expect(u.code).toBe(0);
        expect(u.stderr).toMatch(/^! De mail aan politie is mislukt: het certificaat of de versleuteling van smtps?:\/\/127\.0\.0\.[12]:\d+ wordt niet vertrouwd/);
        expect(server.ontvangen).toHaveLength(0);
        expect(lees(db, 'SELECT status FROM bericht')).toEqual([{ status: 'mislukt' }]);
        expect(lees(db, 'SELECT op FROM doorzetting')).toEqual([{ op: null }]);
      } finally {
        await server.stop();
      }
    });
  }
});
