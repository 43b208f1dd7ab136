import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OP_POSTGRES } from '../helpers/opslag.js';
import { kvz, kvzOk, lees, nieuweDb, telRijen, tijdelijkeMap, voer } from '../helpers/run.js';

function bestand(inhoud: string | Buffer, naam = 'meldingen.csv'): string {
  const pad = join(tijdelijkeMap(), naam);
  writeFileSync(pad, inhoud);
  return pad;
}

const GOED = [
  'Datum;Dorp;Categorie;Melding;Adres;Naam melder;Telefoon;Terugkoppeling;Vergunninghouder;Doorgezet naar;Doorgezet op',
  '14-03-2027 09:30;Spierdijk;jeugdoverlast;Jongeren bij de bushalte;;;;nee;nee;politie, jongerenwerk;14-03-2027 10:00',
  '2027-01-02 22:15;obdam;Treiteren;"Scheldwoorden; ""ga weg"", daarna\nstenen";Dorpsstraat 12;Anna;06-12345678;ja;ja;;',
  '31-12-2026 23:30;Ursem;overig;Vuurwerk;;;;;;;',
].join('\r\n');

/** Nothing of a refused import may be in the database (a file refused before opening it creates none). */
function leeg(db: string): void {
  if (!existsSync(db)) return;
  expect(telRijen(db, 'melding')).toBe(0);
  expect(telRijen(db, 'doorzetting')).toBe(0);
  expect(telRijen(db, 'audit')).toBe(0);
}

describe('kvz import meldingen', () => {
  it('imports a good file in one go, numbered per year of receipt in order of receipt, with one audit row', async () => {
    const db = nieuweDb();
    const u = await kvzOk(['import', 'meldingen', bestand(`\uFEFF${GOED}\r\n`)], { db });
    expect(u.stdout).toContain('✓ 3 meldingen geïmporteerd: M-2026-0001 en M-2027-0001 t/m M-2027-0002.');
    expect(u.stdout).toContain('2 daarvan zijn nog niet doorgezet');
    expect(lees(db, 'SELECT nummer, ontvangen_op, kern, categorie, omschrijving, adres, melder_naam, terugkoppeling, vergunninghouder, status FROM melding ORDER BY id')).toEqual([
      // 31 December 23:30 in Amsterdam is still 2026.
      { nummer: 'M-2026-0001', ontvangen_op: '2026-12-31T22:30:00.000Z', kern: 'Ursem', categorie: 'overig', omschrijving: 'Vuurwerk', adres: null, melder_naam: null, terugkoppeling: 0, vergunninghouder: 0, status: 'nieuw' },
      {
        nummer: 'M-2027-0001', ontvangen_op: '2027-01-02T21:15:00.000Z', kern: 'Obdam', categorie: 'treiteren',
        omschrijving: 'Scheldwoorden; "ga weg", daarna\nstenen', adres: 'Dorpsstraat 12', melder_naam: 'Anna', terugkoppeling: 1, vergunninghouder: 1, status: 'nieuw',
      },
      { nummer: 'M-2027-0002', ontvangen_op: '2027-03-14T08:30:00.000Z', kern: 'Spierdijk', categorie: 'jeugdoverlast', omschrijving: 'Jongeren bij de bushalte', adres: null, melder_naam: null, terugkoppeling: 0, vergunninghouder: 0, status: 'doorgezet' },
    ]);
    expect(lees(db, 'SELECT partner, op, door FROM doorzetting ORDER BY partner')).toEqual([
      { partner: 'jongerenwerk', op: '2027-03-14T09:00:00.000Z', door: 'test' },
      { partner: 'politie', op: '2027-03-14T09:00:00.000Z', door: 'test' },
    ]);
    const audit = lees<{ commando: string; object: string; details: string }>(db, 'SELECT commando, object, details FROM audit');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ commando: 'import meldingen', object: 'meldingen.csv' });
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ aantal: 3, eerste: 'M-2026-0001', laatste: 'M-2027-0002', met_melder: 1 });
    expect(audit[0]!.details).not.toMatch(/Anna|12345678/);
  });

  // Each record is read a second time from where it lies in the file, when it is checked (#14).
  it('reads each record the same the second time: lone CR line ends, empty records, a trailing separator', async () => {
    const db = nieuweDb();
    const inhoud = ['Datum;Dorp;Categorie;Melding;', '16-03-2027 08:00;Obdam;overig;"Twee\rregels; ""ok""";', ';;;;', '15-03-2027 08:00;Ursem;overig;Eerder;'].join('\r');
    await kvzOk(['import', 'meldingen', bestand(`${inhoud}\r`)], { db });
    expect(lees(db, 'SELECT nummer, kern, omschrijving FROM melding ORDER BY id')).toEqual([
      { nummer: 'M-2027-0001', kern: 'Ursem', omschrijving: 'Eerder' },
      // (a line break inside a cell is stored as \n, as melding add does)
      { nummer: 'M-2027-0002', kern: 'Obdam', omschrijving: 'Twee\nregels; "ok"' },
    ]);
    const fout = await kvz(['import', 'meldingen', bestand(['Datum;Dorp;Categorie;Melding', '16-03-2027 08:00;Obdam;overig;"a\nb"', '', '16-03-2027 09:00;Nergens;overig;x'].join('\n'), 'fout.csv')], { db });
    expect(fout.code).toBe(2);
    expect(fout.stderr).toContain("Regel 5: Onbekende kern 'Nergens'");
  });

  it('reads a comma-separated file without BOM and with LF line ends just the same', async () => {
    const db = nieuweDb();
    const komma = 'Ontvangen,Kern,Categorie,Omschrijving,Kanaal\n16-03-2027 08:00,Avenhorn,vandalisme,"Bankje vernield, weer",balie\n';
    const u = await kvzOk(['import', 'meldingen', bestand(komma)], { db });
    expect(u.stdout).toContain('1 melding geïmporteerd: M-2027-0001.');
    expect(lees(db, 'SELECT kern, omschrijving, kanaal FROM melding')).toEqual([{ kern: 'Avenhorn', omschrijving: 'Bankje vernield, weer', kanaal: 'balie' }]);
  });

  it('reports every bad row with its line number and column, imports nothing and exits 2', async () => {
    const db = nieuweDb();
    const fout = [
      'Datum;Kern;Categorie;Omschrijving;Vertrouwelijk;Telefoon;Terugkoppeling',
      '14-03-2027 09:30;Spierdijk;jeugdoverlast;Goed;nee;;',
      '14-03-2027 09:30;Spierdyk;jeugdoverlast;Verkeerde kern;nee;;',
      '"30-02-2027";Obdam;jeugdoverlst;"Twee fouten,',
      'over twee regels";misschien;;',
      '',
      '14-03-2027;Obdam;overig;;nee;;',
      '14-03-2027;Obdam;overig;Zonder nummer;nee;;ja',
      'morgen;Obdam;overig;Toekomst;nee;bel maar;',
    ].join('\n');
    const u = await kvz(['import', 'meldingen', bestand(fout)], { db, nu: '2027-03-16T10:00:00.000Z' });
    expect(u.code).toBe(2);
    expect(u.stdout).toBe('');
    expect(u.stderr.trim().split('\n')).toEqual([
      "Regel 3: Onbekende kern 'Spierdyk' voor kolom 'Kern'. Bedoelde u 'Spierdijk'?",
      "Regel 4: Ongeldige waarde voor kolom 'Vertrouwelijk': 'misschien'. Gebruik ja of nee.",
      "Regel 4: Onbekende categorie 'jeugdoverlst' voor kolom 'Categorie'. Bedoelde u 'jeugdoverlast'?",
      "Regel 4: Ongeldige datum voor kolom 'Datum': '30-02-2027' bestaat niet. Gebruik 16-03-2027, 16-3-2027 of 2027-03-16; 16-3 of 16-03; vandaag, morgen, gisteren; een weekdag (vrijdag); over 3 dagen, over 2 weken, +3d, +2w, eventueel met een tijd HH:MM erachter.",
      "Regel 7: kolom 'Omschrijving' is leeg; dat veld is verplicht.",
      "Regel 8: kolom 'Terugkoppeling' vraagt om een manier om de melder te bereiken: geef ook kolom 'Telefoon' of kolom 'E-mail melder'.",
      "Regel 9: Ongeldig telefoonnummer voor kolom 'Telefoon': gebruik cijfers, eventueel met +, spaties of streepjes (bijvoorbeeld 06-12345678).",
      "Regel 9: kolom 'Datum' ligt in de toekomst (17-03-2027 12:00); geef een moment tot en met nu.",
      '5 van de 6 regels afgekeurd; er is niets geïmporteerd.',
    ]);
    leeg(db);
  });

  it('refuses a header without the required columns, naming them', async () => {
    const db = nieuweDb();
    const u = await kvz(['import', 'meldingen', bestand('Naam;Plaats\nJan;Obdam\n')], { db });
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('Regel 1: de kopregel mist de kolommen Ontvangen op (of Ontvangen, Datum); Categorie');
    leeg(db);
  });

  it('refuses two columns that mean the same field', async () => {
    const db = nieuweDb();
    const u = await kvz(['import', 'meldingen', bestand('Datum;Kern;Dorp;Categorie;Omschrijving\n')], { db });
    expect(u.code).toBe(2);
    expect(u.stderr).toContain("de kolommen 'Kern' en 'Dorp' betekenen hetzelfde");
  });

  it('with --dry-run checks everything and says what it would do, writing nothing', async () => {
    const db = nieuweDb();
    const u = await kvzOk(['import', 'meldingen', bestand(GOED), '--dry-run'], { db });
    expect(u.stdout).toBe('Proef: 3 meldingen zijn in orde en zouden worden geïmporteerd als M-2026-0001 en M-2027-0001 t/m M-2027-0002. Er is niets vastgelegd.\n');
    leeg(db);
  });

  it('numbers after the meldingen already there, never reusing a number', async () => {
    const db = nieuweDb();
    await kvzOk(['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', 'Eerder', '--ontvangen', '2027-03-15 12:00'], { db });
    await kvzOk(['import', 'meldingen', bestand(GOED)], { db });
    expect(lees(db, "SELECT nummer FROM melding WHERE jaar = 2027 ORDER BY volgnummer").map((r) => r.nummer)).toEqual(['M-2027-0001', 'M-2027-0002', 'M-2027-0003']);
  });

  it('reads back what kvz export meldingen wrote, formula guard and all (round trip)', async () => {
    const bron = nieuweDb();
    await kvzOk(['melding', 'add', '--categorie', 'overig', '--kern', 'De Goorn', '--omschrijving', '-- let op --\ntweede regel', '--adres', '=A1', '--ontvangen', '2027-03-01 09:00',
      '--melder-naam', 'Piet', '--melder-email', 'piet@example.nl', '--terugkoppeling', '--vertrouwelijk', '--doorzetten', 'oov'], { db: bron });
    const pad = join(tijdelijkeMap(), 'export.csv');
    await kvzOk(['export', 'meldingen', '--met-melder', '--vertrouwelijk', '--output', pad], { db: bron });

    const doel = nieuweDb();
    const u = await kvzOk(['import', 'meldingen', pad], { db: doel });
    expect(u.stderr).toContain('Niet ingelezen kolommen: Nummer, Status, Zaak, Doorgezet op dag van ontvangst, Afgehandeld op.');
    const kolommen = 'nummer, ontvangen_op, kern, categorie, omschrijving, adres, melder_naam, melder_email, terugkoppeling, vertrouwelijk, status';
    expect(lees(doel, `SELECT ${kolommen} FROM melding`)).toEqual(lees(bron, `SELECT ${kolommen} FROM melding`));
    expect(lees(doel, 'SELECT partner, op FROM doorzetting')).toEqual(lees(bron, 'SELECT partner, op FROM doorzetting'));
  });

  it('reads a file that older Dutch Excel saved in Windows-1252', async () => {
    const db = nieuweDb();
    const ansi = Buffer.from('Datum;Kern;Categorie;Omschrijving\n16-03-2027 08:00;Obdam;overig;Caf\xe9 \x80 5 schade\n', 'latin1');
    const u = await kvzOk(['import', 'meldingen', bestand(ansi)], { db });
    expect(u.stderr).toContain('gelezen als Windows-1252');
    expect(lees(db, 'SELECT omschrijving FROM melding')).toEqual([{ omschrijving: 'Café € 5 schade' }]);
  });

  it.each([
    ['', 'bevat niets'],
    ['Datum;Kern;Categorie;Omschrijving\r\n', 'alleen een kopregel'],
    ['Datum;Kern;Categorie;Omschrijving\n"16-03-2027;Obdam;overig;open\n', 'Regel 2: een veld dat met een aanhalingsteken'],
  ])('refuses a file %j with exit 2', async (inhoud, bericht) => {
    const db = nieuweDb();
    const u = await kvz(['import', 'meldingen', bestand(inhoud)], { db });
    expect(u.code).toBe(2);
    expect(u.stderr).toContain(bericht);
    leeg(db);
  });

  it('records each new melding\'s state as check computes it, whatever its text holds (SPEC §10)', async () => {
    // An import notes its new meldingen in bulk and computes their states batch by batch; check
    // recomputes them from the rows.
    const db = nieuweDb();
    const csv = [
      'Datum;Dorp;Categorie;Melding;Adres;Naam melder;Urgent;Doorgezet naar;Doorgezet op',
      '10-03-2027 09:00;Obdam;overig;Gewoon;;;nee;;',
      `11-03-2027 09:00;Ursem;treiteren;"Riep ""ga weg"" en schreef C:\\pad\\naar op de muur,\tmet 😀 en é; daarna\nweg\u2028€";"Kerkstraat 1; achter";Zoë 'Z' Ünal;ja;zorgteam, politie, jongerenwerk;`,
      '12-03-2027 09:00;Obdam;overig;Eerder doorgezet;;;;politie;',
    ].join('\n');
    const u = await kvz(['import', 'meldingen', bestand(csv)], { db });
    expect(u.code, u.stderr).toBe(0);
    const check = JSON.parse((await kvz(['check', '--json'], { db })).stdout) as { toestand: { ok: boolean; verschillen: unknown[] } };
    expect(check.toestand).toMatchObject({ ok: true, verschillen: [] });
    expect(lees(db, `SELECT omschrijving FROM melding WHERE volgnummer = 2`)).toEqual([{ omschrijving: 'Riep "ga weg" en schreef C:\\pad\\naar op de muur,\tmet 😀 en é; daarna\nweg\u2028€' }]);
    // On a file the reader salts each row itself (#14): a salt of its own per melding, as the column's default gives.
    if (!OP_POSTGRES) expect(lees(db, `SELECT count(DISTINCT zout) AS n FROM melding WHERE length(zout) = 32 AND zout NOT GLOB '*[^0-9a-f]*'`)).toEqual([{ n: 3 }]);
    // And the recorded states are the real ones: a change behind kvz's back is found.
    voer(db, `UPDATE melding SET omschrijving = 'Gewoon!' WHERE volgnummer = 1`);
    const na = JSON.parse((await kvz(['check', '--json'], { db })).stdout) as { toestand: { ok: boolean; verschillen: unknown[] } };
    expect(na.toestand).toMatchObject({ ok: false, verschillen: [{ object: 'M-2027-0001', wat: 'gewijzigd' }] });
  });

  it('says so when the file does not exist (exit 1)', async () => {
    const u = await kvz(['import', 'meldingen', '/bestaat/niet.csv'], { db: nieuweDb() });
    expect(u.code).toBe(1);
    expect(u.stderr).toContain('bestaat niet');
  });
});

describe('kvz import meldingen: the same-day rule for imported forwardings', () => {
  it('judges an imported forwarding by the day in Amsterdam, across midnight and the summer-time change', async () => {
    const db = nieuweDb();
    const csv = [
      'Datum;Dorp;Categorie;Melding;Doorgezet naar;Doorgezet op',
      // 00:30 on 17 March in Amsterdam is still 16 March in UTC: late all the same.
      '16-03-2027 10:00;Obdam;overig;Na middernacht;politie;17-03-2027 00:30',
      // 23:45 on 16 March in Amsterdam is the same day, though 22:45 UTC.
      '16-03-2027 09:00;Obdam;overig;Voor middernacht;politie;16-03-2027 23:45',
      // The night summer time starts (28 March 2027): 00:30 on the 28th is 23:30 UTC on the 27th.
      '27-03-2027 23:00;Obdam;overig;Zomertijd;politie;28-03-2027 00:30',
      // The night it ends (31 October 2027): 23:30 on the 30th is 21:30 UTC, the same day.
      '30-10-2027 20:00;Obdam;overig;Wintertijd;politie;30-10-2027 23:30',
    ].join('\n');
    await kvzOk(['import', 'meldingen', bestand(csv)], { db, nu: '2027-11-01T10:00:00.000Z' });
    expect(lees(db, `SELECT m.omschrijving, d.dag FROM doorzetting d JOIN melding m ON m.id = d.melding_id ORDER BY m.ontvangen_op`)).toEqual([
      { omschrijving: 'Voor middernacht', dag: '2027-03-16' },
      { omschrijving: 'Na middernacht', dag: '2027-03-17' },
      { omschrijving: 'Zomertijd', dag: '2027-03-28' },
      { omschrijving: 'Wintertijd', dag: '2027-10-30' },
    ]);
    const laat = JSON.parse((await kvzOk(['melding', 'list', '--te-laat-doorgezet', '--json'], { db, nu: '2027-11-01T10:00:00.000Z' })).stdout) as { omschrijving?: string; nummer: string }[];
    const nummers = lees<{ nummer: string; omschrijving: string }>(db, 'SELECT nummer, omschrijving FROM melding');
    const naam = (n: string) => nummers.find((m) => m.nummer === n)!.omschrijving;
    expect(laat.map((m) => naam(m.nummer)).sort()).toEqual(['Na middernacht', 'Zomertijd']);
  });

  it('keeps a forwarding without a date unknown, not late, and out of the same-day figures; a melding of today was forwarded today (#15 item 4)', async () => {
    const db = nieuweDb();
    const nu = '2027-03-16T15:00:00.000Z';
    const csv = [
      'Datum;Dorp;Categorie;Melding;Doorgezet naar;Doorgezet op',
      '01-02-2027 10:00;Obdam;overig;Oud, zonder datum;politie;',
      '01-02-2027 11:00;Obdam;overig;Oud, op tijd;politie;01-02-2027 12:00',
      '02-02-2027 11:00;Obdam;overig;Oud, te laat;politie;03-02-2027 12:00',
      '16-03-2027 09:00;Obdam;overig;Vandaag, zonder datum;politie;',
    ].join('\n');
    const pad = bestand(csv);
    const melding = "! Van 1 melding staat wel naar wie ze is doorgezet, maar niet wanneer (geen kolom of waarde 'Doorgezet op'). " +
      'kvz legt dat vast als "wanneer onbekend", niet als te laat; rapport doorzetting laat ze buiten het aandeel op dezelfde dag.';
    const proef = await kvzOk(['import', 'meldingen', pad, '--proef'], { db, nu });
    expect(proef.stdout).toContain(melding);
    expect(telRijen(db, 'melding')).toBe(0);
    expect((await kvzOk(['import', 'meldingen', pad], { db, nu })).stdout).toContain(melding);

    const lijst = JSON.parse((await kvzOk(['melding', 'list', '--json'], { db, nu })).stdout) as { nummer: string; doorzetting: string }[];
    expect(lijst.map((m) => [m.nummer, m.doorzetting])).toEqual([
      ['M-2027-0004', 'op-tijd'], ['M-2027-0003', 'te-laat'], ['M-2027-0002', 'op-tijd'], ['M-2027-0001', 'onbekend'],
    ]);
    expect((await kvzOk(['melding', 'list'], { db, nu })).stdout).toMatch(/M-2027-0001 .*politie \(wanneer onbekend\)/);
    const show = JSON.parse((await kvzOk(['melding', 'show', 'M-2027-0001', '--json'], { db, nu })).stdout) as { doorzettingen: unknown[] };
    expect(show.doorzettingen).toEqual([expect.objectContaining({ partner: 'politie', op: null, tijd_onbekend: true, zelfde_dag: false })]);
    // Not late and not forgotten: 2 of the 3 whose moment is known went the same day.
    const rapport = JSON.parse((await kvzOk(['rapport', 'doorzetting', '--van', '2027-01-01', '--json'], { db, nu })).stdout);
    expect(rapport).toMatchObject({ totaal: 4, zelfde_dag: 2, later: 1, niet_doorgezet: 0, tijd_onbekend: 1 });
    expect(rapport.aandeel_zelfde_dag).toBeCloseTo(2 / 3);
    expect((await kvzOk(['rapport', 'doorzetting', '--van', '2027-01-01'], { db, nu })).stdout).toContain(
      'Van 1 melding is niet bekend wanneer ze is doorgezet (geïmporteerd zonder datum); die telt niet mee in het aandeel op dezelfde dag.',
    );
    expect(JSON.parse((await kvzOk(['melding', 'list', '--te-laat-doorgezet', '--json'], { db, nu })).stdout).map((m: { nummer: string }) => m.nummer)).toEqual(['M-2027-0003']);
    // A later forwarding to another partner does not make the first one known (nor late).
    await kvzOk(['melding', 'forward', 'M-2027-0001', '--naar', 'zorgteam'], { db, nu });
    const daarna = JSON.parse((await kvzOk(['melding', 'list', '--json'], { db, nu })).stdout) as { nummer: string; doorzetting: string }[];
    expect(daarna.find((m) => m.nummer === 'M-2027-0001')!.doorzetting).toBe('onbekend');
    expect(JSON.parse((await kvzOk(['rapport', 'doorzetting', '--van', '2027-01-01', '--json'], { db, nu })).stdout)).toMatchObject({ later: 1, tijd_onbekend: 1 });
    expect((await kvz(['check'], { db, nu })).code).toBe(0);
  });
});
