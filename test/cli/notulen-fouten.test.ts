import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bouwAgendaData, kopie, type AgendaData } from '../helpers/agenda.js';
import { bewaar, matrixToestand, nieuweActie, regelVan, skelet, vink, zetRij } from '../helpers/notulen.js';
import { kvz, kvzOk } from '../helpers/run.js';

let data: AgendaData & { opruimen: () => void };
beforeAll(async () => {
  data = await bouwAgendaData();
});
afterAll(() => data.opruimen());

/** Runs verwerk (dry run and --uitvoeren) on `md` and expects exit 2 with exactly these lines, and nothing changed. */
async function weigert(db: string, md: string, regels: string[]): Promise<void> {
  const voor = matrixToestand(db);
  const pad = bewaar(md);
  for (const extra of [[], ['--uitvoeren']]) {
    const u = await kvz(['notulen', 'verwerk', pad, ...extra], { db });
    expect(u.code, u.stderr).toBe(2);
    expect(u.stdout).toBe('');
    expect(u.stderr).toBe(`${regels.join('\n')}\n`);
  }
  expect(matrixToestand(db)).toEqual(voor);
}

const DATUMHULP = 'Gebruik 16-03-2027, 16-3-2027 of 2027-03-16; 16-3 of 16-03; vandaag, morgen, gisteren; een weekdag (vrijdag); over 3 dagen, over 2 weken, +3d, +2w; volgend-gio, volgend-tweewekelijks, volgend-politie.';

describe('kvz notulen verwerk: mistakes in the file', () => {
  it('reports every bad cell with its line number and applies nothing', async () => {
    const db = kopie(data);
    let md = vink(await skelet(db, 'gio', '02-03-2027'), 'Politie');
    md = md.replace('- [ ] Portefeuillehouder\n', '- [ ] Portefeuillehouder\n- [x] Wijkagent\n');
    md = zetRij(md, data.a.surveillance, { 5: 'dicht', 6: '31-04-2027' });
    md = zetRij(md, data.a.ouders, { 0: 'A-2027-0099', 5: 'gereed' });
    md = nieuweActie(md, data.z.burenruzie, 'Gesprek met de bewoners', 'polite', '06-04-2027');
    md = nieuweActie(md, data.z.oud, 'Huisbezoek', 'zorgteam', '');
    const rij = (s: string, na?: string) => regelVan(md, s, na);
    await weigert(db, md, [
      `Regel ${rij('- [x] Wijkagent')}: 'Wijkagent' is geen partner of deelnemer; zet de partner erachter tussen haakjes, bijvoorbeeld: - [x] Wijkagent (politie)`,
      `Regel ${rij('Huisbezoek')}: een nieuwe actie heeft een omschrijving, partner en deadline nodig; deadline ontbreekt.`,
      `Regel ${rij(`| ${data.a.surveillance} |`)}: onbekende status 'dicht' voor de kolom Nieuwe status. Kies uit: open, loopt, gereed, vervallen.`,
      `Regel ${rij(`| ${data.a.surveillance} |`)}: ongeldige datum voor de kolom Nieuwe deadline: '31-04-2027' bestaat niet. ${DATUMHULP}`,
      `Regel ${rij('| A-2027-0099 |')}: onbekende actie A-2027-0099. Zie kvz actie list --zaak ${data.z.bushalte}.`,
      `Regel ${rij('Gesprek met de bewoners')}: onbekende partner 'polite' voor de kolom Partner. Bedoelde u 'politie'?`,
      '6 problemen in het bestand; er is niets verwerkt.',
    ]);
  });

  it('refuses a table whose columns were changed, a row with a cell too many, and a table without its zaak', async () => {
    const db = kopie(data);
    const md = await skelet(db, 'gio', '02-03-2027');
    const kop = (z: string) => md.indexOf('| Actie', md.indexOf(`### ${z} `));
    const zonderKolom = md.slice(0, kop(data.z.bushalte)) + md.slice(kop(data.z.bushalte)).replace(/ \| Nieuwe deadline \|/, ' |');
    await weigert(db, zonderKolom, [
      `Regel ${regelVan(zonderKolom, '| Actie', `### ${data.z.bushalte} `)}: de kolommen van de tabel bij ${data.z.bushalte} zijn gewijzigd; verwacht: | Actie | Omschrijving | Partner | Deadline | Status | Nieuwe status | Nieuwe deadline |.`,
      'Eén probleem in het bestand; er is niets verwerkt.',
    ]);
    const hernoemd = md.slice(0, kop(data.z.oud)) + md.slice(kop(data.z.oud)).replace('Nieuwe status', 'Status nieuw ');
    await weigert(db, hernoemd, [
      `Regel ${regelVan(hernoemd, '| Actie', `### ${data.z.oud} `)}: de kolommen van de tabel bij ${data.z.oud} zijn gewijzigd; verwacht: | Actie | Omschrijving | Partner | Deadline | Status | Nieuwe status | Nieuwe deadline |.`,
      'Eén probleem in het bestand; er is niets verwerkt.',
    ]);
    const pijp = nieuweActie(md, data.z.oud, 'Bellen | mailen', 'iv', '10-03-2027');
    await weigert(db, pijp, [
      `Regel ${regelVan(pijp, 'Bellen')}: deze rij heeft 8 cellen in plaats van 7; schrijf een | in een cel als \\|.`,
      'Eén probleem in het bestand; er is niets verwerkt.',
    ]);
    const plek = md.search(/\n### Z-2026-001 [^\n]*\n/);
    const zonderKop = md.replace(/\n### Z-2026-001 [^\n]*\n/, '\n');
    // The table that was under the removed heading: the first after where the heading stood.
    const tabelRegel = zonderKop.slice(0, zonderKop.indexOf('| Actie', plek)).split('\n').length;
    await weigert(db, zonderKop, [
      `Regel ${tabelRegel}: deze tabel staat niet onder de kop van een zaak (### Z-…); zet haar terug onder haar zaak.`,
      'Eén probleem in het bestand; er is niets verwerkt.',
    ]);
  });

  it('refuses an actie in another zaak\'s table, changes to a closed zaak, and a vertrouwelijke zaak in GIO minutes', async () => {
    const db = kopie(data);
    const md = await skelet(db, 'gio', '02-03-2027');
    const verkeerd = zetRij(md, data.a.ouders, { 5: 'gereed' }).replace(`| ${data.a.ouders} `, `| ${data.a.drugs} `);
    await weigert(db, verkeerd, [
      `Regel ${regelVan(verkeerd, `| ${data.a.drugs} `)}: actie ${data.a.drugs} hoort bij zaak ${data.z.drugs}, niet bij ${data.z.bushalte}; zet haar in de tabel van haar eigen zaak.`,
      'Eén probleem in het bestand; er is niets verwerkt.',
    ]);
    await kvzOk(['zaak', 'close', data.z.burenruzie, '--resultaat', 'Opgelost'], { db });
    const gesloten = nieuweActie(md, data.z.burenruzie, 'Nazorg', 'iv', '01-04-2027');
    await weigert(db, gesloten, [
      `Regel ${regelVan(gesloten, `### ${data.z.burenruzie} `)}: zaak ${data.z.burenruzie} is gesloten; acties wijzigen of toevoegen kan niet meer.`,
      'Eén probleem in het bestand; er is niets verwerkt.',
    ]);
    const geheim = `${md}\n### ${data.z.drugs} · ingeplakt\n\n| Actie | Omschrijving | Partner | Deadline | Status | Nieuwe status | Nieuwe deadline |\n|---|---|---|---|---|---|---|\n| ${data.a.drugs} | x | politie | 20-03-2027 | open | gereed | |\n`;
    await weigert(db, geheim, [
      `Regel ${regelVan(geheim, `### ${data.z.drugs} `)}: zaak ${data.z.drugs} is vertrouwelijk en hoort alleen in de notulen van het politieoverleg.`,
      'Eén probleem in het bestand; er is niets verwerkt.',
    ]);
  });

  it('is forgiving with a re-aligned table, missing outer pipes and separator, Windows line ends and a byte-order mark', async () => {
    const db = kopie(data);
    let md = zetRij(await skelet(db, 'tweewekelijks'), data.a.surveillance, { 5: ' Gereed ' });
    md = md.replace(/^\|-[-|]*\|\n/gm, '').replace(new RegExp(`^\\| (${data.a.ouders}.*) \\|$`, 'm'), '$1');
    md = md.replace(/ {2,}/g, ' ');
    const u = await kvzOk(['notulen', 'verwerk', bewaar(`\uFEFF${md.replace(/\n/g, '\r\n')}`), '--uitvoeren'], { db });
    expect(u.stdout).toContain(`  ${data.a.surveillance}  status open → gereed\n`);
  });
});

describe('kvz notulen verwerk: a file that does not belong here', () => {
  it('refuses a file of another database', async () => {
    const db = kopie(data);
    const pad = bewaar(zetRij(await skelet(db, 'tweewekelijks'), data.a.surveillance, { 5: 'gereed' }));
    const ander = kopie(data);
    const conn = new Database(ander);
    conn.prepare(`UPDATE instelling SET waarde = 'een-andere-database' WHERE sleutel = 'database_id'`).run();
    conn.close();
    const voor = matrixToestand(ander);
    const u = await kvz(['notulen', 'verwerk', pad, '--uitvoeren'], { db: ander });
    expect([u.code, u.stderr]).toEqual([2, 'Dit notulenbestand hoort bij een andere kvz-database; er is niets verwerkt. Verwerk het met --db in de database waarvoor het is gemaakt.\n']);
    expect(matrixToestand(ander)).toEqual(voor);
  });

  it('refuses a file without its first line, or with that line changed', async () => {
    const db = kopie(data);
    const md = await skelet(db, 'tweewekelijks');
    await weigert(db, md.split('\n').slice(1).join('\n'), [
      'Regel 1: de regel <!-- kvz notulen <soort> <datum> db:… --> ontbreekt; dit is geen notulenbestand van kvz notulen (of die regel is verwijderd).',
      'Eén probleem in het bestand; er is niets verwerkt.',
    ]);
    await weigert(db, md.replace('kvz notulen tweewekelijks 2027-03-16', 'kvz notulen tweewekelijks 2027-03-36'), [
      'Regel 1: de regel <!-- kvz notulen … --> is gewijzigd; zet haar terug zoals kvz notulen haar schreef.',
      'Eén probleem in het bestand; er is niets verwerkt.',
    ]);
  });

  it('refuses the minutes of a meeting that was cancelled, or that has yet to take place', async () => {
    const db = kopie(data);
    const pad = bewaar(await skelet(db, 'tweewekelijks'));
    await kvzOk(['overleg', 'annuleer', 'tweewekelijks', '2027-03-16'], { db });
    const u = await kvz(['notulen', 'verwerk', pad], { db });
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/^Het tweewekelijks overleg van dinsdag 16 maart 2027 is geannuleerd; wel op /);
    const toekomst = await kvz(['notulen', 'verwerk', bewaar(await skelet(db, 'gio'), 'gio.md'), '--uitvoeren'], { db });
    expect([toekomst.code, toekomst.stderr]).toEqual([1, 'Het GIO van dinsdag 13 april 2027 moet nog plaatsvinden; verwerk de notulen op of na die dag.\n']);
  });

  it('says so when the file does not exist', async () => {
    const u = await kvz(['notulen', 'verwerk', '/nergens/notulen.md'], { db: kopie(data) });
    expect([u.code, u.stderr]).toEqual([1, 'Het bestand of de map bestaat niet: /nergens/notulen.md.\n']);
  });
});
