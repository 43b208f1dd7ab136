import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bouwAgendaData, kopie, type AgendaData } from '../helpers/agenda.js';
import { kvz, kvzJson, kvzOk, lees, nieuweDb, tijdelijkeMap } from '../helpers/run.js';
import { zetCadans } from '../helpers/matrix.js';

let data: AgendaData & { opruimen: () => void };
beforeAll(async () => {
  data = await bouwAgendaData();
});
afterAll(() => data.opruimen());

/** The text under a '## n. …' heading, up to the next one. */
function punt(md: string, titel: string): string {
  const begin = md.search(new RegExp(`\\n## \\d+\\. ${titel}\\n`));
  expect(begin, titel).toBeGreaterThan(0);
  const eind = md.indexOf('\n## ', begin + 1);
  return md.slice(begin, eind < 0 ? undefined : eind);
}

describe('kvz agenda gio', () => {
  it('opens with the meeting: full Dutch date, time, place, participants by name and the window', async () => {
    const { stdout } = await kvzOk(['agenda', 'gio'], { db: data.db });
    expect(stdout.split('\n').slice(0, 8).join('\n')).toBe(
      [
        '# Agenda GIO (Groot Integraal Overleg)',
        '',
        '- **Datum:** dinsdag 13 april 2027, 10:00 uur',
        '- **Locatie:** Gemeentehuis Koggenland',
        '- **Deelnemers:** Politie, Zorgteam Koggenland, Jongerenwerk, Cluster Integrale Veiligheid, Portefeuillehouder',
        '- **Periode:** meldingen van dinsdag 2 maart 2027 tot en met maandag 12 april 2027',
        '- **Stand van de matrix:** dinsdag 16 maart 2027',
        '',
      ].join('\n'),
    );
    const items = ['Opening', 'Notulen en matrix van het vorige GIO', 'Nieuwe zaken: aanpak bepalen', 'Lopende zaken: voortgang',
      'Monitoring vergunninghouders', 'Aandacht: jeugdoverlast', 'Zaken die klaar zijn om te sluiten', 'Rondvraag'];
    expect(stdout).toContain(`**Agendapunten**\n\n${items.map((t, i) => `${i + 1}. ${t}`).join('\n')}\n`);
    const koppen = stdout.split('\n').filter((r) => r.startsWith('## '));
    expect(koppen).toEqual(items.map((t, i) => `## ${i + 1}. ${t}`));
  });

  it('puts each open zaak in one place: new (opened in the window or without acties), running, or ready to close', async () => {
    const { stdout } = await kvzOk(['agenda', 'gio'], { db: data.db });
    const nieuw = punt(stdout, 'Nieuwe zaken: aanpak bepalen');
    expect(nieuw).toContain(`### ${data.z.treiteren} · Treiteren nieuwe bewoners\n\nOverlastzaak · Obdam · geopend 05-03-2027 · eigenaar iv · 1 melding, waarvan 1 in de periode`);
    expect(nieuw).toContain(`### ${data.z.oud} · Zorgen om bewoner Kerkstraat`);
    const lopend = punt(stdout, 'Lopende zaken: voortgang');
    expect(lopend).toContain('1 lopende zaak; 1 met nieuwe meldingen in de periode, 1 met acties die te laat zijn.');
    expect(lopend).toContain(`### ${data.z.bushalte} · Jeugdoverlast bushalte\n\nOverlastzaak · Spierdijk · geopend 10-02-2027 · eigenaar iv · 4 meldingen, waarvan 4 in de periode`);
    expect(lopend).toContain(`| ${data.a.surveillance} | Extra surveillance bij de bushalte | politie      | 10-03-2027 | open   | ! te laat |`);
    expect(lopend).toContain(`| ${data.a.ouders} | Gesprek met de ouders              | jongerenwerk | 01-04-2027 | loopt  |           |`);
    const klaar = punt(stdout, 'Zaken die klaar zijn om te sluiten');
    expect(klaar).toContain(`### ${data.z.burenruzie} · Burenruzie Ursem`);
    for (const z of Object.values(data.z)) expect(stdout.split(`### ${z} `).length - 1, z).toBe(z === data.z.drugs ? 0 : 1);
  });

  it('summarises the previous GIO\'s matrix, the vergunninghouders and youth nuisance against the window before', async () => {
    const { stdout } = await kvzOk(['agenda', 'gio'], { db: data.db });
    expect(punt(stdout, 'Notulen en matrix van het vorige GIO')).toContain(
      'Vaststellen van de notulen van het GIO van dinsdag 2 maart 2027.\n\nMatrix: in dat GIO zijn 2 acties afgesproken; nu 1 open, 1 loopt; 1 daarvan is te laat.',
    );
    const vh = punt(stdout, 'Monitoring vergunninghouders');
    expect(vh).toContain('1 melding in de periode over een vergunninghouder.');
    expect(vh).toContain('| treiteren |      1 |');
    expect(vh).toContain('| Obdam |      1 |');
    const jeugd = punt(stdout, 'Aandacht: jeugdoverlast');
    // Made on 16 March while the window runs: 15 of its 42 days, against the first 15 days before.
    expect(jeugd).toContain('3 meldingen van jeugdoverlast in de periode; in de periode ervoor (19-01-2027 tot en met 02-02-2027) 0. De periode loopt nog: geteld tot en met 16-03-2027, 15 van de 42 dagen, tegen evenveel dagen van de periode ervoor.');
    expect(jeugd).toContain('| Spierdijk |            3 |              0 | ▲ +3     |');
  });

  it('gives the same content as JSON', async () => {
    const a = await kvzJson<Record<string, any>>(['agenda', 'gio'], { db: data.db });
    expect(a).toMatchObject({
      soort: 'gio',
      overleg: { datum: '2027-04-13', tijd: '10:00', locatie: 'Gemeentehuis Koggenland', status: 'gepland' },
      venster: { van: '2027-03-02', tot_en_met: '2027-04-12', vorige: { soort: 'gio', datum: '2027-03-02' } },
      vorig_venster: { van: '2027-01-19', tot_en_met: '2027-02-02' },
      periode_loopt: { tot_en_met: '2027-03-16', dagen: 15, van_dagen: 42 },
      peildatum: '2027-03-16',
      vorig_gio: { datum: '2027-03-02', acties: 2, te_laat: 1, per_status: { open: 1, loopt: 1, gereed: 0, vervallen: 0 } },
      vergunninghouders: { totaal: 1, per_categorie: [{ categorie: 'treiteren', aantal: 1 }], per_kern: [{ kern: 'Obdam', aantal: 1 }] },
      jeugdoverlast: { aantal: 3, vorige_periode: 0, per_kern: [{ kern: 'Spierdijk', aantal: 3, vorige_periode: 0 }] },
    });
    expect(a.deelnemers.map((d: { code: string }) => d.code)).toEqual(['politie', 'zorgteam', 'jongerenwerk', 'iv', 'portefeuillehouder']);
    expect(a.nieuwe_zaken.map((z: { nummer: string }) => z.nummer)).toEqual([data.z.oud, data.z.treiteren]);
    expect(a.lopende_zaken.map((z: { nummer: string }) => z.nummer)).toEqual([data.z.bushalte]);
    expect(a.lopende_zaken[0].acties.map((x: { nummer: string; te_laat: boolean }) => [x.nummer, x.te_laat])).toEqual([[data.a.surveillance, true], [data.a.ouders, false]]);
    expect(a.klaar_om_te_sluiten.map((z: { nummer: string }) => z.nummer)).toEqual([data.z.burenruzie]);
  });
});

describe('kvz agenda tweewekelijks', () => {
  it('lists the new meldingen, those forwarded late or not, the last GIO\'s acties due before the next, and overdue acties', async () => {
    const { stdout } = await kvzOk(['agenda', 'tweewekelijks'], { db: data.db });
    expect(stdout).toContain('- **Datum:** dinsdag 16 maart 2027, 10:00 uur');
    expect(stdout).toContain('- **Deelnemers:** Politie, Jongerenwerk, Casemanager jeugd, Cluster Integrale Veiligheid');
    expect(stdout).toContain('- **Periode:** meldingen van dinsdag 2 maart 2027 tot en met maandag 15 maart 2027');
    const nieuw = punt(stdout, 'Nieuwe meldingen');
    expect(nieuw).toContain('6 meldingen ontvangen in de periode.');
    expect(nieuw).toContain(`| ${data.m.treiteren} | 04-03-2027 | treiteren     | Obdam     | ${data.z.treiteren} | jongerenwerk          | ja               |`);
    for (const m of [data.m.bushalte1, data.m.buren, data.m.bushalte2, data.m.bushalte3, data.m.vernieling]) expect(nieuw).toContain(`| ${m} |`);
    const laat = punt(stdout, 'Meldingen die niet of niet op de dag van ontvangst zijn doorgezet');
    expect(laat).toContain(`| ${data.m.treiteren} | 04-03-2027 | treiteren     | Obdam | ${data.z.treiteren} | 05-03-2027 | niet op de dag van ontvangst |`);
    expect(laat).toContain(`| ${data.m.buren} | 05-03-2027 | burenoverlast | Ursem |            | niet       | ! nog niet doorgezet         |`);
    expect(laat.match(/\| M-/g)).toHaveLength(2);
    const uitGio = punt(stdout, 'Acties uit het laatste GIO met een deadline vóór het volgende GIO');
    expect(uitGio).toContain('Het laatste GIO was op dinsdag 2 maart 2027; het volgende is op dinsdag 13 april 2027.');
    expect(uitGio).toContain(`| ${data.a.surveillance} | ${data.z.bushalte} | Extra surveillance bij de bushalte | politie      | 10-03-2027 | open   | ! te laat |`);
    expect(uitGio).toContain(`| ${data.a.ouders} | ${data.z.bushalte} |`);
    const teLaat = punt(stdout, 'Te late acties');
    expect(teLaat).toContain('1 actie is te laat');
    expect(teLaat).toContain(`| ${data.a.surveillance} |`);
    expect(stdout).toContain('## 6. Afstemming tussen de partners');
    expect(stdout).toContain('## 7. Rondvraag');
  });

  it('finds a melding never forwarded from before the window', async () => {
    const db = kopie(data);
    await kvzOk(['melding', 'add', '--categorie', 'overig', '--kern', 'Wogmeer', '--omschrijving', 'x', '--ontvangen', '2027-02-01 12:00'], { db });
    const { stdout } = await kvzOk(['agenda', 'tweewekelijks'], { db });
    expect(punt(stdout, 'Meldingen die niet of niet op de dag van ontvangst zijn doorgezet')).toMatch(/\| M-2027-0010 \| 01-02-2027 \| overig +\| Wogmeer \|/);
  });
});

describe('kvz agenda politie', () => {
  it('shows trends per categorie and kern against the window before, with a bar chart, vertrouwelijke meldingen counted', async () => {
    const { stdout } = await kvzOk(['agenda', 'politie'], { db: data.db });
    expect(stdout).toContain('- **Datum:** dinsdag 4 mei 2027, 14:00 uur');
    expect(stdout).toContain('- **Deelnemers:** Burgemeester, Openbare orde en veiligheid (OOV), Politie');
    expect(stdout).toContain('**Vertrouwelijk:** dit stuk bevat vertrouwelijke zaken en meldingen');
    const trends = punt(stdout, 'Trends: meldingen per categorie en per kern');
    // Made on 16 March, 8 days into a 56-day window: against the first 8 days of the window before.
    expect(trends).toContain('5 meldingen in de periode, vertrouwelijke meegeteld; in de periode ervoor (12-01-2027 tot en met 19-01-2027) 0 (▲ +5). De periode loopt nog: geteld tot en met 16-03-2027, 8 van de 56 dagen');
    expect(trends).toContain('| drugs         |            1 |              0 | ▲ +1     |');
    expect(trends).not.toContain('treiteren'); // 4 March lies in the part of the window before that is not compared
    expect(trends).toContain('```text\njeugdoverlast  2  ████████████████████\ndrugs          1  ██████████\n');
    expect(trends).toContain('| Spierdijk |            3 |              0 | ▲ +3     |');
  });

  it('lists zaken with three or more meldingen, the vertrouwelijke zaken with their acties, vergunninghouders and youth', async () => {
    const { stdout } = await kvzOk(['agenda', 'politie'], { db: data.db });
    const veel = punt(stdout, 'Zaken met drie of meer meldingen in de periode');
    expect(veel).toContain(`### ${data.z.bushalte} · Jeugdoverlast bushalte`);
    expect(veel).toContain('4 meldingen, waarvan 3 in de periode');
    expect(veel).not.toContain(data.z.drugs);
    const geheim = punt(stdout, 'Vertrouwelijke zaken en hun acties');
    expect(geheim).toContain(`### ${data.z.drugs} · GEHEIM drugszaak Ursem`);
    expect(geheim).toContain('· **vertrouwelijk**');
    expect(geheim).toContain(`| ${data.a.drugs} | GEHEIM observatie woning | politie | 20-03-2027 | open   |        |`);
    expect(geheim).toContain(`1 vertrouwelijke melding in de periode.`);
    expect(geheim).toContain(`| ${data.m.drugs} | 10-03-2027 | drugs     | Ursem | ${data.z.drugs} | politie        |`);
    const vj = punt(stdout, 'Vergunninghouders en jeugd');
    expect(vj).toContain('**Vergunninghouders:** 0 meldingen in de periode; in de periode ervoor 0 (=).');
    expect(vj).toContain('**Jeugdoverlast:** 2 meldingen in de periode; in de periode ervoor 0 (▲ +2).');
  });
});

describe('confidentiality and personal data', () => {
  it('keeps vertrouwelijke meldingen and zaken out of the GIO and tweewekelijks documents, lists and counts alike', async () => {
    for (const args of [['agenda', 'gio'], ['agenda', 'tweewekelijks'], ['notulen', 'gio'], ['notulen', 'tweewekelijks'], ['agenda', 'gio', '--json'], ['agenda', 'tweewekelijks', '--json']]) {
      const { stdout } = await kvzOk(args, { db: data.db });
      for (const verboden of [data.z.drugs, data.a.drugs, data.m.drugs, data.m.inDrugszaak, 'GEHEIM', 'Avenhorn', 'drugs']) {
        expect(stdout, `${args.join(' ')}: ${verboden}`).not.toContain(verboden);
      }
    }
  });

  it('never shows melder name, phone or e-mail, nor a melding\'s address or description, in any document', async () => {
    for (const soort of ['gio', 'tweewekelijks', 'politie']) {
      for (const args of [['agenda', soort], ['agenda', soort, '--json'], ['notulen', soort]]) {
        const { stdout } = await kvzOk(args, { db: data.db });
        for (const verboden of ['Jansen', '0612345678', 'geheim@example.nl', 'GEHEIM-adres', 'GEHEIM omschrijving']) {
          expect(stdout, `${args.join(' ')}: ${verboden}`).not.toContain(verboden);
        }
      }
    }
  });
});

describe('which meeting', () => {
  it('takes --datum in either format, and refuses a date on which that soort does not meet, naming the nearest', async () => {
    const a = await kvzJson<{ overleg: { datum: string } }>(['agenda', 'gio', '--datum', '02-03-2027'], { db: data.db });
    expect(a.overleg.datum).toBe('2027-03-02');
    const u = await kvz(['agenda', 'gio', '--datum', '2027-03-09'], { db: data.db });
    expect(u.code).toBe(2);
    expect(u.stdout).toBe('');
    expect(u.stderr).toBe('Er is geen GIO op dinsdag 9 maart 2027; wel op dinsdag 2 maart 2027 en op dinsdag 13 april 2027. Zie kvz overleg plan.\n');
  });

  it('refuses a cancelled meeting and then takes the next one by default', async () => {
    const db = kopie(data);
    await kvzOk(['overleg', 'annuleer', 'tweewekelijks', '2027-03-16'], { db });
    const u = await kvz(['agenda', 'tweewekelijks', '--datum', '16-03-2027'], { db });
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/^Het tweewekelijks overleg van dinsdag 16 maart 2027 is geannuleerd/);
    const { stdout } = await kvzOk(['agenda', 'tweewekelijks'], { db });
    expect(stdout).toContain('- **Datum:** dinsdag 30 maart 2027, 10:00 uur');
    // The window runs from the last meeting held: the GIO of 2 March.
    expect(stdout).toContain('- **Periode:** meldingen van dinsdag 2 maart 2027 tot en met maandag 29 maart 2027');
  });

  it('says when a meeting moved, and why', async () => {
    const db = nieuweDb();
    await zetCadans(db);
    await kvzOk(['overleg', 'verzet', 'gio', '2027-04-13', '--naar', '2027-04-15', '--reden', 'zaal bezet'], { db });
    const { stdout } = await kvzOk(['agenda', 'gio'], { db });
    expect(stdout).toContain('- **Datum:** donderdag 15 april 2027, 10:00 uur');
    expect(stdout).toContain('- **Verschoven:** van dinsdag 13 april 2027 (zaal bezet)');
  });

  it('warns on stderr while the cadence of that series is still the default', async () => {
    const db = nieuweDb();
    const u = await kvzOk(['agenda', 'tweewekelijks'], { db });
    expect(u.stderr).toBe('! De cadans van het GIO staat nog op de standaard; stel haar in met kvz overleg cadans gio --start <datum>.\n');
    expect(u.stdout).toContain('- **Datum:** dinsdag 6 april 2027, 10:00 uur');
    expect((await kvzOk(['agenda', 'gio'], { db: data.db })).stderr).toBe('');
  });

  it('dates a zaak opened just after midnight in summer (22:30 UTC) on the Amsterdam day, and so counts it new in the window', async () => {
    const db = nieuweDb();
    await zetCadans(db);
    // 00:30 on Tuesday 25 May 2027 in Amsterdam (summer time, UTC+2): the first day of the window of the GIO of 6 July.
    const nu = '2027-05-24T22:30:00.000Z';
    const z = await kvzJson<{ nummer: string }>(['zaak', 'open', '--titel', 'Na middernacht geopend', '--soort', 'overlast', '--kern', 'Ursem'], { db, nu });
    await kvzOk(['actie', 'add', z.nummer, '--omschrijving', 'Buurtgesprek', '--partner', 'iv', '--deadline', '2027-06-30'], { db, nu });
    const opties = { db, nu: '2027-06-01T10:00:00.000Z' };
    const { stdout } = await kvzOk(['agenda', 'gio', '--datum', '2027-07-06'], opties);
    expect(stdout).toContain('- **Periode:** meldingen van dinsdag 25 mei 2027 tot en met maandag 5 juli 2027');
    expect(punt(stdout, 'Nieuwe zaken: aanpak bepalen')).toContain(`### ${z.nummer} · Na middernacht geopend\n\nOverlastzaak · Ursem · geopend 25-05-2027 · eigenaar iv`);
    expect(punt(stdout, 'Lopende zaken: voortgang')).not.toContain(z.nummer);
    const a = await kvzJson<{ nieuwe_zaken: { nummer: string; geopend_dag: string }[] }>(['agenda', 'gio', '--datum', '2027-07-06'], opties);
    expect(a.nieuwe_zaken.map((n) => [n.nummer, n.geopend_dag])).toEqual([[z.nummer, '2027-05-25']]);
  });

  it('rejects a bad soort or date with exit 2 before touching the database', async () => {
    // A path of its own: the harness's nieuweDb() would make the file itself.
    const db = join(tijdelijkeMap(), 'kvz.db');
    const fout = await kvz(['agenda', 'gi'], { db });
    expect([fout.code, fout.stderr]).toEqual([2, "Onbekend commando 'gi' voor kvz agenda. Bedoelde u 'kvz agenda gio'? Zie kvz agenda --help.\n"]);
    const datum = await kvz(['agenda', 'gio', '--datum', '2027-02-30'], { db });
    expect(datum.code).toBe(2);
    expect(datum.stderr).toContain("Ongeldige datum voor --datum: '2027-02-30' bestaat niet.");
    expect(existsSync(db)).toBe(false);
  });
});

describe('--output', () => {
  it('writes the document to a file, atomically and readable by its owner only, and says so', async () => {
    const map = tijdelijkeMap();
    const pad = join(map, 'agenda-gio.md');
    const u = await kvzOk(['agenda', 'gio', '--output', pad], { db: data.db });
    expect(u.stdout).toBe(`Agenda van het GIO van dinsdag 13 april 2027 geschreven naar ${pad}.\n`);
    expect(readFileSync(pad, 'utf8')).toBe((await kvzOk(['agenda', 'gio'], { db: data.db })).stdout);
    expect(statSync(pad).mode & 0o777).toBe(0o600);
    expect(readdirSync(map)).toEqual(['agenda-gio.md']);
    const json = join(map, 'agenda.json');
    const j = await kvzOk(['agenda', 'politie', '--json', '--output', json], { db: data.db });
    expect(j.stdout).toBe('');
    expect(JSON.parse(readFileSync(json, 'utf8')).soort).toBe('politie');
  });

  it('refuses a directory or a missing directory before anything is read', async () => {
    const map = tijdelijkeMap();
    const u = await kvz(['agenda', 'gio', '--output', map], { db: data.db });
    expect([u.code, u.stderr]).toEqual([2, `--output '${map}' is een map; geef een bestandsnaam.\n`]);
    const weg = await kvz(['notulen', 'gio', '--output', join(map, 'nergens', 'n.md')], { db: data.db });
    expect([weg.code, weg.stderr]).toEqual([2, `De map voor --output bestaat niet: ${join(map, 'nergens')}.\n`]);
  });

  it('writes no audit row: a document is read, not changed', async () => {
    const voor = lees(data.db, 'SELECT count(*) AS n FROM audit');
    await kvzOk(['agenda', 'politie'], { db: data.db });
    await kvzOk(['notulen', 'politie'], { db: data.db });
    expect(lees(data.db, 'SELECT count(*) AS n FROM audit')).toEqual(voor);
  });
});
