import { beforeEach, describe, expect, it } from 'vitest';
import { kvz, kvzJson, kvzOk, lees, nieuweDb, telRijen } from '../helpers/run.js';

interface Overzicht {
  nummer: string;
  ontvangen_op: string;
  categorie: string;
  kern: string;
  status: string;
  zaak: string | null;
  doorgezet_naar: string[];
  doorzetting: string;
  vergunninghouder: boolean;
  vertrouwelijk: boolean;
}

const NU = '2027-03-16T10:00:00.000Z'; // 11:00 in Amsterdam

async function melding(db: string, ...extra: string[]): Promise<string> {
  const m = await kvzJson<{ nummer: string }>(
    ['melding', 'add', '--categorie', 'jeugdoverlast', '--kern', 'Obdam', '--omschrijving', 'Overlast bij het voetbalveld', ...extra],
    { db, nu: NU },
  );
  return m.nummer;
}

describe('kvz melding list', () => {
  let db: string;
  beforeEach(async () => {
    db = nieuweDb();
    await melding(db, '--ontvangen', '2027-03-01 10:00'); // 0001, forwarded on time below
    await kvzOk(['melding', 'forward', 'M-2027-0001', '--naar', 'politie', '--op', '2027-03-01 16:00'], { db, nu: NU });
    await melding(db, '--ontvangen', '2027-03-02 10:00', '--kern', 'Ursem', '--categorie', 'treiteren', '--vergunninghouder',
      '--melder-naam', 'Piet Geheim', '--melder-telefoon', '0612345678'); // 0002 never forwarded
    await melding(db, '--ontvangen', '2027-03-10 10:00'); // 0003, forwarded late below
    await kvzOk(['melding', 'forward', 'M-2027-0003', '--naar', 'jongerenwerk', '--op', '2027-03-11 09:00'], { db, nu: NU });
    await melding(db, '--vertrouwelijk', '--doorzetten', 'politie'); // 0004 today
  });

  it('shows every melding newest first, with the forwarding judgement and without melder data', async () => {
    const u = await kvzOk(['melding', 'list'], { db, nu: NU });
    const regels = u.stdout.trim().split('\n');
    expect(regels[0]).toMatch(/^Nummer\s+Ontvangen\s+Categorie\s+Kern\s+Status\s+Doorgezet/);
    expect(regels.slice(1, 5).map((r) => r.slice(0, 11))).toEqual(['M-2027-0004', 'M-2027-0003', 'M-2027-0002', 'M-2027-0001']);
    expect(u.stdout).toContain('✗ niet doorgezet');
    expect(u.stdout).toContain('(te laat)');
    expect(u.stdout).toContain('4 meldingen.');
    expect(u.stdout).not.toContain('Piet');
    expect(u.stdout).not.toContain('0612345678');
  });

  it('gives the stable JSON keys, without melder data', async () => {
    const lijst = await kvzJson<Overzicht[]>(['melding', 'list'], { db, nu: NU });
    expect(lijst).toHaveLength(4);
    for (const m of lijst) {
      for (const k of ['nummer', 'ontvangen_op', 'categorie', 'kern', 'status', 'zaak', 'doorgezet_naar', 'vergunninghouder', 'vertrouwelijk']) {
        expect(m).toHaveProperty(k);
      }
      expect(Object.keys(m).some((k) => k.startsWith('melder'))).toBe(false);
    }
    expect(JSON.stringify(lijst)).not.toContain('Piet');
    expect(lijst.find((m) => m.nummer === 'M-2027-0003')).toMatchObject({ doorgezet_naar: ['jongerenwerk'], doorzetting: 'te-laat' });
  });

  it.each([
    [['--status', 'nieuw'], ['M-2027-0002']],
    [['--status', 'doorgezet'], ['M-2027-0004', 'M-2027-0003', 'M-2027-0001']],
    [['--status', 'openstaand'], ['M-2027-0004', 'M-2027-0003', 'M-2027-0002', 'M-2027-0001']],
    [['--status', 'nieuw,afgehandeld'], ['M-2027-0002']],
    [['--status', 'afgehandeld'], []],
    [['--categorie', 'treiteren'], ['M-2027-0002']],
    [['--kern', 'ursem'], ['M-2027-0002']],
    [['--van', '02-03-2027', '--tot', '2027-03-10'], ['M-2027-0003', 'M-2027-0002']],
    [['--vergunninghouder'], ['M-2027-0002']],
    [['--niet-doorgezet'], ['M-2027-0002']],
    [['--te-laat-doorgezet'], ['M-2027-0003']],
    [['--limit', '2'], ['M-2027-0004', 'M-2027-0003']],
    // A page is chosen by ids first (#17): the filters hold on that path too.
    [['--limit', '2', '--status', 'doorgezet'], ['M-2027-0004', 'M-2027-0003']],
    [['--limit', '1', '--van', '02-03-2027', '--tot', '2027-03-10'], ['M-2027-0003']],
    [['--limit', '5', '--kern', 'ursem'], ['M-2027-0002']],
    [['--limit', '3', '--te-laat-doorgezet'], ['M-2027-0003']],
  ])('filters with %j', async (filter, verwacht) => {
    const lijst = await kvzJson<Overzicht[]>(['melding', 'list', ...filter], { db, nu: NU });
    expect(lijst.map((m) => m.nummer)).toEqual(verwacht);
  });

  it('leaves a melding closed without forwarding out of --niet-doorgezet: it waits for nothing (#15 item 14)', async () => {
    await melding(db, '--ontvangen', '2027-03-12 10:00'); // 0005
    await kvzOk(['melding', 'close', 'M-2027-0005', '--notitie', 'Door IV zelf opgelost'], { db, nu: NU });
    const lijst = await kvzJson<Overzicht[]>(['melding', 'list', '--niet-doorgezet'], { db, nu: NU });
    expect(lijst.map((m) => m.nummer)).toEqual(['M-2027-0002']);
    expect(await kvzJson<Overzicht[]>(['melding', 'list', '--niet-doorgezet', '--status', 'afgehandeld'], { db, nu: NU })).toEqual([]);
  });

  it('says how many more there are when the table is cut off', async () => {
    const u = await kvzOk(['melding', 'list', '--limit', '1'], { db, nu: NU });
    expect(u.stdout).toContain('4 meldingen; de nieuwste staat hierboven, nog 3 met --limit 4.');
  });

  it('is an empty success when nothing matches, and a usage error for bad filters', async () => {
    const leeg = await kvz(['melding', 'list', '--kern', 'Hensbroek'], { db, nu: NU });
    expect(leeg).toMatchObject({ code: 0, stdout: 'Geen meldingen gevonden.\n' });
    expect(await kvzJson(['melding', 'list', '--kern', 'Hensbroek'], { db, nu: NU })).toEqual([]);
    for (const [args, bericht] of [
      [['--status', 'open'], "Onbekende status 'open' voor --status"],
      [['--limit', '0'], 'Ongeldige waarde voor --limit'],
      [['--limit', 'tien'], 'Ongeldige waarde voor --limit'],
      [['--van', '2027-02-30'], "--van: '2027-02-30' bestaat niet"],
      [['--van', '2027-03-10', '--tot', '2027-03-01'], '--van ligt na --tot'],
      [['--zaak', 'Q-1'], 'Ongeldig nummer voor --zaak'],
    ] as const) {
      const u = await kvz(['melding', 'list', ...args], { db, nu: NU });
      expect(u.code, args.join(' ')).toBe(2);
      expect(u.stderr).toContain(bericht);
    }
  });
});

describe('one melding: show, forward, contact, update, close', () => {
  let db: string;
  let nummer: string;
  beforeEach(async () => {
    db = nieuweDb();
    nummer = await melding(db, '--melder-naam', 'Karin Bos', '--melder-email', 'karin@example.nl', '--terugkoppeling', '--adres', 'Kerkbuurt 1');
  });

  it('shows everything, melder data included, in any case of the number', async () => {
    const u = await kvzOk(['melding', 'show', nummer.toLowerCase()], { db, nu: NU });
    expect(u.stdout).toContain(`Melding ${nummer}`);
    expect(u.stdout).toContain('Karin Bos');
    expect(u.stdout).toContain('karin@example.nl');
    expect(u.stdout).toContain('Kerkbuurt 1');
    const json = await kvzJson<Record<string, unknown>>(['melding', 'show', nummer], { db, nu: NU });
    for (const k of ['melder_naam', 'melder_telefoon', 'melder_email', 'doorzettingen', 'contacten']) expect(json).toHaveProperty(k);
    expect(json.melder_naam).toBe('Karin Bos');
  });

  it('reports an unknown number with exit 1', async () => {
    const u = await kvz(['melding', 'show', 'M-2027-0999'], { db, nu: NU });
    expect(u).toMatchObject({ code: 1, stdout: '' });
    expect(u.stderr).toBe('Melding M-2027-0999 bestaat niet. Zie kvz melding list.\n');
  });

  it('forwards to several partners, by code or name, and refuses forwarding twice to the same one', async () => {
    await kvzOk(['melding', 'forward', nummer, '--naar', 'politie,Zorgteam Koggenland', '--notitie', 'via mail'], { db, nu: NU });
    expect(lees(db, 'SELECT partner, notitie FROM doorzetting ORDER BY partner')).toEqual([
      { partner: 'politie', notitie: 'via mail' },
      { partner: 'zorgteam', notitie: 'via mail' },
    ]);
    expect(lees(db, 'SELECT status FROM melding')).toEqual([{ status: 'doorgezet' }]);
    const auditVoor = telRijen(db, 'audit');
    const u = await kvz(['melding', 'forward', nummer, '--naar', 'jongerenwerk,politie'], { db, nu: NU });
    expect(u.code).toBe(1);
    expect(u.stderr).toContain('is al doorgezet naar politie');
    expect(telRijen(db, 'doorzetting')).toBe(2);
    expect(telRijen(db, 'audit')).toBe(auditVoor);
  });

  it('refuses a forwarding without --naar, before receipt, in the future or to an unknown partner', async () => {
    for (const [args, code, bericht] of [
      [[], 2, 'De optie --naar ontbreekt'],
      [['--naar', 'politie', '--op', '2027-03-16 08:00'], 2, 'ligt vóór de ontvangst'],
      [['--naar', 'politie', '--op', 'morgen'], 2, 'ligt in de toekomst'],
      [['--naar', 'wijkagent'], 2, "Onbekende partner 'wijkagent' voor --naar"],
    ] as const) {
      const u = await kvz(['melding', 'forward', nummer, ...args], { db, nu: NU });
      expect(u.code, args.join(' ')).toBe(code);
      expect(u.stderr).toContain(bericht);
    }
    expect(telRijen(db, 'doorzetting')).toBe(0);
    expect(telRijen(db, 'audit')).toBe(1);
  });

  it('records contact with the melder', async () => {
    await kvzOk(['melding', 'contact', nummer, '--soort', 'terugkoppeling', '--notitie', 'Gebeld: politie rijdt extra rondes'], { db, nu: NU });
    const m = await kvzJson<{ contacten: { soort: string; notitie: string; door: string }[] }>(['melding', 'show', nummer], { db, nu: NU });
    expect(m.contacten).toEqual([expect.objectContaining({ soort: 'terugkoppeling', notitie: 'Gebeld: politie rijdt extra rondes', door: 'test' })]);
    const fout = await kvz(['melding', 'contact', nummer, '--soort', 'bellen', '--notitie', 'x'], { db, nu: NU });
    expect(fout.code).toBe(2);
    expect(fout.stderr).toContain("Onbekende soort contact 'bellen' voor --soort. Kies uit: informatie, terugkoppeling.");
  });

  it('updates fields, clears optional ones, audits old → new without personal data', async () => {
    const u = await kvzOk(['melding', 'update', nummer, '--kern', 'Ursem', '--adres', '', '--melder-naam', 'K. Bos', '--vergunninghouder'], { db, nu: NU });
    expect(u.stdout).toContain(`Melding ${nummer} bijgewerkt: kern, adres, melder_naam, vergunninghouder.`);
    expect(lees(db, 'SELECT kern, adres, melder_naam, vergunninghouder FROM melding')).toEqual([
      { kern: 'Ursem', adres: null, melder_naam: 'K. Bos', vergunninghouder: 1 },
    ]);
    const [audit] = lees<{ details: string }>(db, "SELECT details FROM audit WHERE commando = 'melding update'");
    expect(JSON.parse(audit!.details)).toEqual({
      kern: ['Obdam', 'Ursem'],
      adres: 'gewijzigd',
      melder_naam: 'gewijzigd',
      vergunninghouder: [0, 1],
    });
    expect(audit!.details).not.toMatch(/Bos|Kerkbuurt/);
    await kvzOk(['melding', 'update', nummer, '--no-vergunninghouder'], { db, nu: NU });
    expect(lees(db, 'SELECT vergunninghouder FROM melding')).toEqual([{ vergunninghouder: 0 }]);
  });

  it('refuses an update without fields or with an empty required field, and writes nothing', async () => {
    const voor = telRijen(db, 'audit');
    expect((await kvz(['melding', 'update', nummer], { db, nu: NU })).code).toBe(2);
    const leeg = await kvz(['melding', 'update', nummer, '--omschrijving', ' '], { db, nu: NU });
    expect(leeg.code).toBe(2);
    expect(leeg.stderr).toContain('--omschrijving mag niet leeg zijn.');
    expect(telRijen(db, 'audit')).toBe(voor);
  });

  it('refuses to take away the last way to reach a melder who wants feedback, as melding add does', async () => {
    const voor = telRijen(db, 'audit');
    const u = await kvz(['melding', 'update', nummer, '--melder-email', ''], { db, nu: NU });
    expect(u.code).toBe(2);
    expect(u.stderr).toBe('--terugkoppeling vraagt om een manier om de melder te bereiken: geef ook --melder-telefoon of --melder-email.\n');
    expect(lees(db, 'SELECT melder_email FROM melding')).toEqual([{ melder_email: 'karin@example.nl' }]);
    expect(telRijen(db, 'audit')).toBe(voor);
    // Together with --no-terugkoppeling, or with a phone number in its place, it is fine.
    await kvzOk(['melding', 'update', nummer, '--melder-email', '', '--melder-telefoon', '0612345678'], { db, nu: NU });
    await kvzOk(['melding', 'update', nummer, '--melder-telefoon', '', '--no-terugkoppeling'], { db, nu: NU });
    expect((await kvz(['melding', 'update', nummer, '--terugkoppeling'], { db, nu: NU })).code).toBe(2);
  });

  it('closes a melding once; forwarding afterwards is refused', async () => {
    const u = await kvzOk(['melding', 'close', nummer, '--notitie', 'Opgelost na gesprek', '--zonder-terugkoppeling'], { db, nu: NU });
    expect(u.stdout).toContain(`Melding ${nummer} afgehandeld zonder terugkoppeling aan de melder.`);
    expect(u.stdout).toContain('nooit doorgezet');
    expect(lees(db, 'SELECT status, afhandeling FROM melding')).toEqual([{ status: 'afgehandeld', afhandeling: 'Opgelost na gesprek' }]);
    expect((await kvz(['melding', 'close', nummer], { db, nu: NU })).code).toBe(1);
    const forward = await kvz(['melding', 'forward', nummer, '--naar', 'politie'], { db, nu: NU });
    expect(forward.code).toBe(1);
    expect(forward.stderr).toContain('al afgehandeld');
  });
});

describe('the same-day forwarding rule, judged on the Amsterdam calendar', () => {
  // The suite runs under TZ=Pacific/Kiritimati (UTC+14): local dates differ from Amsterdam's here.
  it.each([
    ['late evening receipt, forwarded after midnight: late, though the same UTC day', '15-03-2027 23:30', '16-03-2027 00:15', 'te-laat'],
    ['receipt just after midnight, forwarded that evening: on time, though UTC days differ', '16-03-2027 00:30', '16-03-2027 23:50', 'op-tijd'],
    ['summer time: 23:59 and 00:00 are different days', '01-07-2027 23:59', '02-07-2027 00:00', 'te-laat'],
    ['summer time: 00:00 and 23:59 are the same day', '01-07-2027 00:00', '01-07-2027 23:59', 'op-tijd'],
  ])('%s', async (_titel, ontvangen, doorgezet, oordeel) => {
    const db = nieuweDb();
    const nu = '2027-07-10T10:00:00.000Z';
    const { nummer } = await kvzJson<{ nummer: string }>(
      ['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', 'x', '--ontvangen', ontvangen],
      { db, nu },
    );
    await kvzOk(['melding', 'forward', nummer, '--naar', 'politie', '--op', doorgezet], { db, nu });
    const [m] = await kvzJson<Overzicht[]>(['melding', 'list'], { db, nu });
    expect(m!.doorzetting).toBe(oordeel);
    const teLaat = await kvzJson<Overzicht[]>(['melding', 'list', '--te-laat-doorgezet'], { db, nu });
    expect(teLaat.length).toBe(oordeel === 'te-laat' ? 1 : 0);
  });

  it('reminds to forward today until midnight in Amsterdam, then calls it late', async () => {
    const db = nieuweDb();
    await kvzOk(['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', 'x', '--ontvangen', '16-03-2027 22:00'], {
      db,
      nu: '2027-03-16T21:30:00.000Z', // 22:30 in Amsterdam
    });
    const avond = await kvzJson<{ vandaag_door_te_zetten: string[]; niet_doorgezet: string[] }>(['status'], { db, nu: '2027-03-16T22:59:00.000Z' });
    expect(avond).toMatchObject({ vandaag_door_te_zetten: ['M-2027-0001'], niet_doorgezet: [] });
    const nacht = await kvzJson<{ vandaag_door_te_zetten: string[]; niet_doorgezet: string[] }>(['status'], { db, nu: '2027-03-16T23:01:00.000Z' });
    expect(nacht).toMatchObject({ vandaag_door_te_zetten: [], niet_doorgezet: ['M-2027-0001'] });
  });
});
