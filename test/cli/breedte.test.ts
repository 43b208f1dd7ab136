/**
 * Tables and lists fit the terminal (#15 item 7): the test terminal is 100 columns wide; piped
 * output stays whole, one row per line, for scripts.
 */
import { describe, expect, it } from 'vitest';
import { nieuweZaak, zetCadans } from '../helpers/matrix.js';
import { kvzOk, nieuweDb } from '../helpers/run.js';

const TITEL = 'Treiteren van een alleenstaande moeder en haar kinderen in de flat aan het Noordeinde, al maanden';

async function vul(db: string): Promise<void> {
  await zetCadans(db);
  for (let i = 0; i < 12; i++) {
    await kvzOk(
      ['melding', 'add', '--categorie', 'treiteren', '--kern', 'Zuid-Spierdijk', '--omschrijving', 'x', '--vergunninghouder', '--melder-telefoon', '0612345678',
        '--terugkoppeling', '--ontvangen', `0${(i % 9) + 1}-03-2027 10:00`],
      { db },
    );
  }
  const z = await nieuweZaak(db, ['--titel', TITEL, '--melding', 'M-2027-0001']);
  await kvzOk(['actie', 'add', z, '--omschrijving', `Huisbezoek bij de bewoners van de flat en een gesprek met de woningcorporatie over ${TITEL}`,
    '--partner', 'stichting vluchtelingenwerk', '--deadline', '01-03-2027'], { db });
  await kvzOk(['melding', 'forward', 'M-2027-0002', '--naar', 'politie,jongerenwerk,zorgteam'], { db });
}

describe('on a terminal of 100 columns', () => {
  it.each([['melding', 'list'], ['zaak', 'list'], ['actie', 'list'], ['overleg', 'plan'], ['log'], ['status'], ['partner', 'list']])(
    'kvz %s %s fits, and piped it keeps every row on one line',
    async (...args) => {
      const db = nieuweDb();
      await vul(db);
      const cmd = args.filter((a) => a !== undefined);
      const tty = (await kvzOk(cmd, { db, tty: true })).stdout;
      // Colour codes take no room on the screen.
      for (const regel of tty.replace(/\u001b\[[0-9;]*m/g, '').split('\n')) expect([...regel].length, regel).toBeLessThanOrEqual(100);
      const pijp = (await kvzOk(cmd, { db })).stdout;
      if (cmd[0] === 'zaak') expect(pijp).toContain(TITEL);
      if (cmd[0] === 'status') expect(pijp).toMatch(/12 melders wachten op terugkoppeling: M-2027-0001, .*M-2027-0007 en 2 meer \(zie kvz rapport terugkoppeling\)\n/);
    },
  );

  it('lists meldingen compactly when the full table does not fit: one line each, with a key, the full table when piped', async () => {
    const db = nieuweDb();
    await vul(db);
    const tty = (await kvzOk(['melding', 'list'], { db, tty: true })).stdout.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
    expect(tty[0]!.split(/ {2,}/)).toEqual(['Nummer', 'Ontv.', 'Categorie', 'Kern', 'Status', 'Zaak']);
    const rijen = tty.filter((r) => /^M-2027-\d{4}/.test(r));
    expect(rijen).toHaveLength(12);
    expect(rijen.find((r) => r.startsWith('M-2027-0002'))).toMatch(/^M-2027-0002 +02-03 +treiteren +Zuid-Spierdijk +doorgezet ! *$/);
    expect(rijen.find((r) => r.startsWith('M-2027-0001'))).toMatch(/^M-2027-0001 +01-03 +treiteren +Zuid-Spierdijk +nieuw ✗ +Z-2027-001$/);
    expect(tty.join('\n')).toContain('Achter de status: ✓ op tijd doorgezet, ! te laat');
    expect((await kvzOk(['melding', 'list'], { db })).stdout.split('\n')[0]).toMatch(/^Nummer +Ontvangen +Categorie +Kern +Status +Doorgezet +Zaak +Kenmerken$/);
  });

  it('keeps the number in the first column whole, however narrow', async () => {
    const db = nieuweDb();
    await vul(db);
    const tty = (await kvzOk(['melding', 'list'], { db, tty: true })).stdout;
    for (let n = 1; n <= 12; n++) expect(tty).toContain(`M-2027-${String(n).padStart(4, '0')}`);
    expect((await kvzOk(['actie', 'list'], { db, tty: true })).stdout).toContain('A-2027-0001');
  });
});
