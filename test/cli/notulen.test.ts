import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bouwAgendaData, kopie, type AgendaData } from '../helpers/agenda.js';
import { bewaar, matrixToestand, nieuweActie, regelVan, skelet, vink, zetRij } from '../helpers/notulen.js';
import { kvz, kvzOk, lees } from '../helpers/run.js';

let data: AgendaData & { opruimen: () => void };
beforeAll(async () => {
  data = await bouwAgendaData();
});
afterAll(() => data.opruimen());

const KOLOMMEN = '| Actie | Omschrijving | Partner | Deadline | Status | Nieuwe status | Nieuwe deadline |';

describe('kvz notulen <soort>: the skeleton', () => {
  it('marks the file with its meeting and database, and has attendance checkboxes and Besproken/Afspraken under every item', async () => {
    const md = await skelet(data.db, 'gio', '02-03-2027');
    const [id] = lees<{ waarde: string }>(data.db, `SELECT waarde FROM instelling WHERE sleutel = 'database_id'`);
    expect(md.split('\n')[0]).toBe(`<!-- kvz notulen gio 2027-03-02 db:${id!.waarde} -->`);
    expect(md).toContain('# Notulen GIO (Groot Integraal Overleg)\n\n- **Datum:** dinsdag 2 maart 2027, 10:00 uur');
    expect(md).toContain('## Aanwezig\n\n- [ ] Politie\n- [ ] Zorgteam Koggenland\n- [ ] Jongerenwerk\n- [ ] Cluster Integrale Veiligheid\n- [ ] Portefeuillehouder\n');
    const items = md.split('\n## ').slice(2);
    expect(items).toHaveLength(8);
    for (const item of items) expect(item, item.split('\n')[0]).toContain('**Besproken:**\n\n**Afspraken:**');
  });

  it('gives each zaak, under a heading with its number, the matrix table: a row per open or running actie, then three new rows', async () => {
    const md = await skelet(data.db, 'gio', '02-03-2027');
    const na = md.slice(md.indexOf(`### ${data.z.bushalte} · Jeugdoverlast bushalte`));
    const tabel = na.slice(na.indexOf('| Actie'), na.indexOf('\n\n', na.indexOf('| Actie'))).split('\n');
    expect(tabel).toEqual([
      '| Actie       | Omschrijving                       | Partner      | Deadline   | Status | Nieuwe status | Nieuwe deadline |',
      '|-------------|------------------------------------|--------------|------------|--------|---------------|-----------------|',
      `| ${data.a.surveillance} | Extra surveillance bij de bushalte | politie      | 10-03-2027 | open   |               |                 |`,
      // As it stood at the end of the meeting's day: running only since 12 March.
      `| ${data.a.ouders} | Gesprek met de ouders              | jongerenwerk | 01-04-2027 | open   |               |                 |`,
      '| nieuw       |                                    |              |            |        |               |                 |',
      '| nieuw       |                                    |              |            |        |               |                 |',
      '| nieuw       |                                    |              |            |        |               |                 |',
    ]);
    // Late only since 10 March: not on the day of the meeting (#15 item 6).
    expect(na).not.toContain('! Te laat');
    // A zaak whose acties are all finished still gets a table: a new actie may be agreed instead of closing it.
    const buren = md.slice(md.indexOf(`### ${data.z.burenruzie} `));
    expect(buren.slice(buren.indexOf('| Actie')).split('\n').slice(2, 5).every((r) => r.startsWith('| nieuw '))).toBe(true);
    // Three zaken were open that day: the one opened on 5 March is not in these minutes (#15 item 6).
    expect(md.split('\n').filter((r) => r.replace(/ +/g, ' ') === KOLOMMEN)).toHaveLength(3);
    expect(md).not.toContain(data.z.treiteren);
  });

  it('keeps vertrouwelijke zaken to the politieoverleg, and refers back to a zaak already on the minutes', async () => {
    expect(await skelet(data.db, 'gio', '02-03-2027')).not.toContain(data.z.drugs);
    const politie = await skelet(data.db, 'politie', '09-03-2027');
    expect(politie).toContain(`### ${data.z.drugs} · GEHEIM drugszaak Ursem`);
    const tw = await skelet(data.db, 'tweewekelijks');
    expect(tw.match(new RegExp(`### ${data.z.bushalte} `, 'g'))).toHaveLength(1);
    expect(tw).toContain(`Ook bij dit punt:\n\n- ${data.z.bushalte} · Jeugdoverlast bushalte: zie punt 4.`);
  });
});

/** The GIO of 2 March filled in as a secretary does: codes and names in any case, dates in either format, rows unaligned or deleted. */
function ingevuld(md: string): string {
  let m = vink(md, 'Politie');
  m = vink(m, 'Jongerenwerk');
  m = m.replace('- [ ] Portefeuillehouder\n', '- [ ] Portefeuillehouder\n-  [X]   handhaving\n');
  m = zetRij(m, data.a.surveillance, { 6: '  24-3-2027 ' });
  m = zetRij(m, data.a.ouders, { 5: 'GEREED' });
  m = nieuweActie(m, data.z.burenruzie, 'Gesprek met de nieuwe bewoners', 'stichting vluchtelingenwerk', '2027-04-06');
  m = nieuweActie(m, data.z.oud, 'Huisbezoek', 'Zorgteam Koggenland', 'morgen', 'Loopt');
  // Two unused 'nieuw' rows of one zaak deleted.
  const buren = m.indexOf(`### ${data.z.bushalte} `);
  const rij = m.indexOf('| nieuw ', buren);
  return m.slice(0, rij) + m.slice(m.indexOf('\n', m.indexOf('\n', rij) + 1) + 1);
}

describe('kvz notulen verwerk', () => {
  it('prints exactly what would change in a dry run, and changes nothing', async () => {
    const db = kopie(data);
    const md = ingevuld(await skelet(db, 'gio', '02-03-2027'));
    const pad = bewaar(md);
    const voor = matrixToestand(db);
    const u = await kvzOk(['notulen', 'verwerk', pad], { db });
    expect(u.stdout).toBe(
      [
        `Notulen van het GIO van dinsdag 2 maart 2027 (${pad})`,
        '',
        'Aanwezig: Politie, Jongerenwerk, Handhaving.',
        '',
        `${data.z.oud}  Zorgen om bewoner Kerkstraat`,
        '  nieuw        nieuwe actie voor zorgteam, deadline 03-03-2027, status loopt: Huisbezoek',
        '',
        `${data.z.bushalte}  Jeugdoverlast bushalte`,
        `  ${data.a.surveillance}  deadline 10-03-2027 → 24-03-2027 (uitgesteld; daarmee 1× uitgesteld)`,
        `  ${data.a.ouders}  status loopt → gereed`,
        '',
        `${data.z.burenruzie}  Burenruzie Ursem`,
        '  nieuw        nieuwe actie voor vluchtelingenwerk, deadline 06-04-2027: Gesprek met de nieuwe bewoners',
        '',
        'Het GIO krijgt de status gehouden.',
        '',
        'Zou verwerken: 1 statuswijziging, 1 nieuwe deadline, 2 nieuwe acties, aanwezigheid, overleg gehouden.',
        `Dit was een proef: er is niets vastgelegd. Leg het vast met: kvz notulen verwerk ${pad} --uitvoeren`,
        '',
      ].join('\n'),
    );
    // Huisbezoek was agreed with a deadline the day after the meeting: processed two weeks later, it is overdue at once.
    expect(u.stderr).toBe(`! Regel ${regelVan(md, 'Huisbezoek')}: de deadline 03-03-2027 ligt al in het verleden: deze nieuwe actie is meteen te laat.\n`);
    expect(matrixToestand(db)).toEqual(voor);
  });

  it('applies it all with --uitvoeren: history naming the meeting, postponements, new acties agreed in it, attendance, one audit row', async () => {
    const db = kopie(data);
    const pad = bewaar(ingevuld(await skelet(db, 'gio', '02-03-2027')));
    const auditVoor = lees(db, 'SELECT count(*) AS n FROM audit')[0];
    const u = await kvzOk(['notulen', 'verwerk', pad, '--uitvoeren'], { db });
    expect(u.stdout).toContain('  A-2027-0005  nieuwe actie voor zorgteam, deadline 03-03-2027, status loopt: Huisbezoek\n');
    expect(u.stdout).toContain('  A-2027-0006  nieuwe actie voor vluchtelingenwerk, deadline 06-04-2027: Gesprek met de nieuwe bewoners\n');
    expect(u.stdout).toMatch(/✓ Verwerkt: 1 statuswijziging, 1 nieuwe deadline, 2 nieuwe acties, aanwezigheid, overleg gehouden\.\n$/);

    const [gio] = lees<{ id: number }>(db, `SELECT id FROM overleg WHERE soort = 'gio' AND datum = '2027-03-02'`);
    expect(lees(db, 'SELECT nummer, omschrijving, partner, deadline, status, keer_uitgesteld, overleg_id FROM actie ORDER BY id')).toEqual([
      expect.objectContaining({ nummer: data.a.burenruzie, status: 'gereed' }),
      { nummer: data.a.surveillance, omschrijving: 'Extra surveillance bij de bushalte', partner: 'politie', deadline: '2027-03-24', status: 'open', keer_uitgesteld: 1, overleg_id: gio!.id },
      { nummer: data.a.ouders, omschrijving: 'Gesprek met de ouders', partner: 'jongerenwerk', deadline: '2027-04-01', status: 'gereed', keer_uitgesteld: 0, overleg_id: gio!.id },
      expect.objectContaining({ nummer: data.a.drugs, status: 'open' }),
      { nummer: 'A-2027-0005', omschrijving: 'Huisbezoek', partner: 'zorgteam', deadline: '2027-03-03', status: 'loopt', keer_uitgesteld: 0, overleg_id: gio!.id },
      { nummer: 'A-2027-0006', omschrijving: 'Gesprek met de nieuwe bewoners', partner: 'vluchtelingenwerk', deadline: '2027-04-06', status: 'open', keer_uitgesteld: 0, overleg_id: gio!.id },
    ]);
    const historie = lees(db, `SELECT a.nummer, h.status_oud, h.status_nieuw, h.deadline_oud, h.deadline_nieuw, h.notitie, h.overleg_id
      FROM actie_historie h JOIN actie a ON a.id = h.actie_id WHERE h.op = '2027-03-16T10:00:00.000Z' ORDER BY h.id`);
    const notitie = 'Notulen GIO 02-03-2027';
    expect(historie).toEqual([
      { nummer: 'A-2027-0005', status_oud: null, status_nieuw: 'open', deadline_oud: null, deadline_nieuw: '2027-03-03', notitie: null, overleg_id: gio!.id },
      { nummer: 'A-2027-0005', status_oud: 'open', status_nieuw: 'loopt', deadline_oud: '2027-03-03', deadline_nieuw: '2027-03-03', notitie, overleg_id: gio!.id },
      { nummer: data.a.surveillance, status_oud: 'open', status_nieuw: 'open', deadline_oud: '2027-03-10', deadline_nieuw: '2027-03-24', notitie, overleg_id: gio!.id },
      { nummer: data.a.ouders, status_oud: 'loopt', status_nieuw: 'gereed', deadline_oud: '2027-04-01', deadline_nieuw: '2027-04-01', notitie, overleg_id: gio!.id },
      { nummer: 'A-2027-0006', status_oud: null, status_nieuw: 'open', deadline_oud: null, deadline_nieuw: '2027-04-06', notitie: null, overleg_id: gio!.id },
    ]);
    expect(lees(db, 'SELECT overleg_id, partner FROM aanwezigheid ORDER BY partner')).toEqual(
      ['handhaving', 'jongerenwerk', 'politie'].map((partner) => ({ overleg_id: gio!.id, partner })),
    );
    const audit = lees<{ n: number }>(db, 'SELECT count(*) AS n FROM audit')[0]!;
    expect(audit.n).toBe((auditVoor as { n: number }).n + 1);
    const [laatste] = lees<Record<string, string>>(db, 'SELECT commando, object, resultaat, details FROM audit ORDER BY id DESC LIMIT 1');
    expect(laatste).toMatchObject({ commando: 'notulen verwerk', object: 'gio:2027-03-02', resultaat: 'notulen verwerkt: 1 statuswijziging, 1 nieuwe deadline, 2 nieuwe acties, aanwezigheid, overleg gehouden' });
    expect(JSON.parse(laatste!.details!)).toEqual({
      bestand: 'notulen.md',
      status: { [data.a.ouders]: ['loopt', 'gereed'] },
      deadline: { [data.a.surveillance]: ['2027-03-10', '2027-03-24'] },
      nieuwe_acties: ['A-2027-0005', 'A-2027-0006'],
      aanwezig: ['politie', 'jongerenwerk', 'handhaving'],
      gehouden: true,
    });
    await expect(kvzOk(['zaak', 'show', data.z.oud], { db }).then((r) => r.stdout)).resolves.toMatch(/GIO 02-03-2027/);
    // The next GIO's agenda reports who was there, and how what was agreed stands now.
    const volgende = (await kvzOk(['agenda', 'gio'], { db })).stdout;
    expect(volgende).toContain('Aanwezig waren: Handhaving, Jongerenwerk, Politie.');
    expect(volgende).toContain('Matrix: in dat GIO zijn 4 acties afgesproken; nu 2 open, 1 loopt, 1 gereed; 1 daarvan is te laat.');
  });

  it('lets the politieoverleg record changes to vertrouwelijke zaken', async () => {
    const db = kopie(data);
    const md = zetRij(await skelet(db, 'politie', '09-03-2027'), data.a.drugs, { 5: 'loopt', 6: '27-03-2027' });
    const u = await kvzOk(['notulen', 'verwerk', bewaar(md), '--uitvoeren'], { db });
    expect(u.stdout).toContain(`  ${data.a.drugs}  status open → loopt, deadline 20-03-2027 → 27-03-2027 (uitgesteld; daarmee 1× uitgesteld)\n`);
    expect(lees(db, 'SELECT status, deadline, keer_uitgesteld FROM actie WHERE nummer = ?', data.a.drugs)).toEqual([{ status: 'loopt', deadline: '2027-03-27', keer_uitgesteld: 1 }]);
  });

  it('changes nothing when the same file is processed again, nor undoes a change made since', async () => {
    const db = kopie(data);
    const pad = bewaar(ingevuld(await skelet(db, 'gio', '02-03-2027')));
    await kvzOk(['notulen', 'verwerk', pad, '--uitvoeren'], { db });
    await kvzOk(['actie', 'update', data.a.surveillance, '--deadline', '30-04-2027'], { db });
    const na = matrixToestand(db);
    const proef = await kvzOk(['notulen', 'verwerk', pad], { db });
    expect(proef.stdout).toContain('Aanwezig: Politie, Jongerenwerk, Handhaving (al zo vastgelegd).');
    expect(proef.stdout).toMatch(/\n4 waarden in het bestand staan al zo in de matrix \(of zijn al verwerkt\)\.\nNiets te wijzigen: de matrix is al bij met dit bestand\.\n$/);
    const u = await kvzOk(['notulen', 'verwerk', pad, '--uitvoeren'], { db });
    expect(u.stdout).toMatch(/Niets gewijzigd: de matrix was al bij met dit bestand\.\n$/);
    expect(matrixToestand(db)).toEqual(na);
    expect(lees(db, 'SELECT deadline FROM actie WHERE nummer = ?', data.a.surveillance)).toEqual([{ deadline: '2027-04-30' }]);
  });

  it('applies only what was corrected in a file processed before', async () => {
    const db = kopie(data);
    const md = ingevuld(await skelet(db, 'gio', '02-03-2027'));
    await kvzOk(['notulen', 'verwerk', bewaar(md), '--uitvoeren'], { db });
    const u = await kvzOk(['notulen', 'verwerk', bewaar(vink(zetRij(md, data.a.ouders, { 5: 'vervallen' }), 'Jongerenwerk', false), 'v2.md'), '--uitvoeren'], { db });
    expect(u.stdout).toContain(`  ${data.a.ouders}  status gereed → vervallen\n`);
    expect(u.stdout).toContain('Aanwezig: Politie, Handhaving.\nNiet meer als aanwezig vastgelegd: Jongerenwerk.');
    expect(u.stdout).toContain('✓ Verwerkt: 1 statuswijziging, aanwezigheid.');
    expect(lees(db, 'SELECT count(*) AS n FROM actie')).toEqual([{ n: 6 }]);
  });

  it('does not make a new actie twice when its row was corrected after processing, and says how to change it', async () => {
    const db = kopie(data);
    const md = ingevuld(await skelet(db, 'gio', '02-03-2027'));
    await kvzOk(['notulen', 'verwerk', bewaar(md), '--uitvoeren'], { db });
    const anders = zetRij(md, 'nieuw', { 3: '13-04-2027' }, `### ${data.z.burenruzie} `);
    const u = await kvzOk(['notulen', 'verwerk', bewaar(anders, 'v2.md'), '--uitvoeren'], { db });
    expect(u.stderr).toBe(
      `! Regel ${regelVan(anders, 'Gesprek met de nieuwe bewoners')}: deze nieuwe actie is al gemaakt als A-2027-0006, met deadline 06-04-2027; een andere deadline zet u met kvz actie update A-2027-0006 --deadline <datum>.\n`,
    );
    expect(u.stdout).toMatch(/Niets gewijzigd/);
    expect(lees(db, 'SELECT count(*) AS n FROM actie')).toEqual([{ n: 6 }]);
  });

  it('leaves attendance alone when no box is ticked', async () => {
    const db = kopie(data);
    const md = zetRij(await skelet(db, 'tweewekelijks'), data.a.surveillance, { 5: 'loopt' });
    const u = await kvzOk(['notulen', 'verwerk', bewaar(md), '--uitvoeren'], { db });
    expect(u.stdout).toContain('Aanwezigheid: niet ingevuld (geen vakje aangevinkt).');
    expect(u.stdout).toContain('✓ Verwerkt: 1 statuswijziging, overleg gehouden.');
    expect(lees(db, 'SELECT count(*) AS n FROM aanwezigheid')).toEqual([{ n: 0 }]);
    expect(lees(db, `SELECT h.notitie, o.soort, o.datum FROM actie_historie h JOIN overleg o ON o.id = h.overleg_id ORDER BY h.id DESC LIMIT 1`)).toEqual([
      { notitie: 'Notulen tweewekelijks overleg 16-03-2027', soort: 'tweewekelijks', datum: '2027-03-16' },
    ]);
  });

  it('reports the changes as JSON', async () => {
    const db = kopie(data);
    const pad = bewaar(ingevuld(await skelet(db, 'gio', '02-03-2027')));
    const j = JSON.parse((await kvzOk(['notulen', 'verwerk', pad, '--json'], { db })).stdout);
    expect(j).toMatchObject({ overleg: { soort: 'gio', datum: '2027-03-02' }, bestand: pad, uitgevoerd: false, al_verwerkt: 0 });
    expect(j.waarschuwingen).toEqual([{ regel: expect.any(Number), tekst: 'de deadline 03-03-2027 ligt al in het verleden: deze nieuwe actie is meteen te laat.' }]);
    expect(j.aanwezig).toEqual({ partners: ['politie', 'jongerenwerk', 'handhaving'], erbij: ['politie', 'jongerenwerk', 'handhaving'], eraf: [] });
    expect(j.zaken[1]).toEqual({
      zaak: data.z.bushalte,
      titel: 'Jeugdoverlast bushalte',
      wijzigingen: [
        { regel: regelVan(ingevuld(await skelet(db, 'gio', '02-03-2027')), `| ${data.a.surveillance} |`), actie: data.a.surveillance, status: null,
          deadline: { oud: '2027-03-10', nieuw: '2027-03-24', uitgesteld: true }, keer_uitgesteld: 1 },
        expect.objectContaining({ actie: data.a.ouders, status: { oud: 'loopt', nieuw: 'gereed' }, deadline: null, keer_uitgesteld: 0 }),
      ],
      nieuwe_acties: [],
    });
    const na = JSON.parse((await kvzOk(['notulen', 'verwerk', pad, '--json', '--uitvoeren'], { db })).stdout);
    expect(na.uitgevoerd).toBe(true);
    expect(na.zaken[0].nieuwe_acties[0].actie).toBe('A-2027-0005');
  });

  it('takes an extra attendee with the partner in brackets, the words people use for a status, and warns about a deadline already past (#15 item 13)', async () => {
    const db = kopie(data);
    let md = vink(await skelet(db, 'gio', '02-03-2027'), 'Jongerenwerk');
    md = md.replace('- [ ] Portefeuillehouder\n', '- [ ] Portefeuillehouder\n- [x] Wijkagent Obdam (politie)\n');
    md = zetRij(md, data.a.ouders, { 5: 'Afgerond' });
    md = nieuweActie(md, data.z.burenruzie, 'Buurtbemiddeling inschakelen', 'iv', '01-03-2027');
    const u = await kvzOk(['notulen', 'verwerk', bewaar(md), '--uitvoeren'], { db });
    expect(u.stderr).toBe(`! Regel ${regelVan(md, 'Buurtbemiddeling')}: de deadline 01-03-2027 ligt al in het verleden: deze nieuwe actie is meteen te laat.\n`);
    expect(u.stdout).toContain('Aanwezig: Jongerenwerk, Politie.');
    expect(u.stdout).toContain(`${data.a.ouders}  status loopt → gereed`);
    const [gio] = lees<{ id: number }>(db, `SELECT id FROM overleg WHERE soort = 'gio' AND datum = '2027-03-02'`);
    expect(lees(db, 'SELECT partner FROM aanwezigheid WHERE overleg_id = ? ORDER BY partner', [gio!.id])).toEqual([{ partner: 'jongerenwerk' }, { partner: 'politie' }]);
    expect(lees(db, 'SELECT status FROM actie WHERE nummer = ?', [data.a.ouders])).toEqual([{ status: 'gereed' }]);
    // The skeleton says how to write such a line.
    expect(md).toContain('Was er nog iemand? Voeg een regel toe met de partner, bijvoorbeeld `- [x] Handhaving` of `- [x] Wijkagent Obdam (politie)`.');
  });

  it('warns when a person edited a column that is not read, and applies nothing from it', async () => {
    const db = kopie(data);
    const md = zetRij(await skelet(db, 'tweewekelijks'), data.a.surveillance, { 2: 'handhaving', 3: '20-03-2027' });
    const u = await kvzOk(['notulen', 'verwerk', bewaar(md)], { db });
    expect(u.stderr).toBe(
      `! Regel ${regelVan(md, `| ${data.a.surveillance} |`)}: bij ${data.a.surveillance} wijken de kolommen Partner en Deadline (10-03-2027) af van de matrix en worden niet verwerkt; een wijziging hoort in Nieuwe status of Nieuwe deadline.\n`,
    );
    expect(u.stdout).toContain('Niets te wijzigen');
  });
});
