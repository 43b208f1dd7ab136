import { describe, expect, it } from 'vitest';
import { kvz, kvzJson, kvzOk, nieuweDb, telRijen } from '../helpers/run.js';

const NU = '2027-03-16T10:00:00.000Z';

/** Meldingen spread over the last months, some forwarded late, some waiting for feedback. */
async function vulRegister(): Promise<string> {
  const db = nieuweDb();
  const add = (args: string[]) => kvzOk(['melding', 'add', '--omschrijving', 'x', ...args], { db, nu: NU });
  // January: two youth reports in Obdam, forwarded the same day; one about a vergunninghouder.
  await add(['--categorie', 'jeugdoverlast', '--kern', 'Obdam', '--ontvangen', '2027-01-05 09:00']);
  await kvzOk(['melding', 'forward', 'M-2027-0001', '--naar', 'politie', '--op', '2027-01-05 11:00'], { db, nu: NU });
  await add(['--categorie', 'jeugdoverlast', '--kern', 'Obdam', '--ontvangen', '2027-01-20 09:00', '--vergunninghouder']);
  await kvzOk(['melding', 'forward', 'M-2027-0002', '--naar', 'jongerenwerk', '--op', '2027-01-20 10:00'], { db, nu: NU });
  // February: a treiteren case about a vergunninghouder in Ursem, forwarded a day late; melder wants feedback.
  await add(['--categorie', 'treiteren', '--kern', 'Ursem', '--ontvangen', '2027-02-10 16:00', '--vergunninghouder', '--melder-naam', 'Anna de Vries', '--melder-telefoon', '0612345678', '--terugkoppeling']);
  await kvzOk(['melding', 'forward', 'M-2027-0003', '--naar', 'politie', '--op', '2027-02-11 10:00'], { db, nu: NU });
  // March: a vertrouwelijke youth report (counted, never shown) and one whose melder already had feedback.
  await add(['--categorie', 'jeugdoverlast', '--kern', 'Ursem', '--ontvangen', '2027-03-01 12:00', '--vertrouwelijk', '--melder-email', 'x@example.nl', '--terugkoppeling']);
  await add(['--categorie', 'burenoverlast', '--kern', 'Obdam', '--ontvangen', '2027-03-02 12:00', '--melder-email', 'y@example.nl', '--terugkoppeling']);
  await kvzOk(['melding', 'contact', 'M-2027-0005', '--soort', 'terugkoppeling', '--notitie', 'Gebeld', '--op', '2027-03-03 09:00'], { db, nu: NU });
  // Last year: youth nuisance in Obdam, for the previous-period comparison.
  await add(['--categorie', 'jeugdoverlast', '--kern', 'Obdam', '--ontvangen', '2026-02-01 12:00']);
  // Today, not forwarded yet: not late.
  await add(['--categorie', 'overig', '--kern', 'Obdam', '--ontvangen', '2027-03-16 09:00']);
  return db;
}

describe('kvz rapport', () => {
  it('vergunninghouders: counts per month with a bar chart, per categorie and per kern', async () => {
    const db = await vulRegister();
    const { stdout } = await kvzOk(['rapport', 'vergunninghouders'], { db, nu: NU });
    expect(stdout).toContain('Meldingen over vergunninghouders, 01-04-2026 t/m 16-03-2027');
    expect(stdout).toContain('2 meldingen.');
    expect(stdout).toMatch(/jan 2027\s+1\s+█+\n/);
    expect(stdout).toMatch(/feb 2027\s+1\s+█+\n/);
    expect(stdout).toMatch(/dec 2026\s+0\n/);
    expect(stdout).toMatch(/treiteren\s+1\s+50%/);
    expect(stdout).not.toMatch(/Anna|0612345678/);
    const json = await kvzJson<Record<string, unknown>>(['rapport', 'vergunninghouders'], { db, nu: NU });
    expect(json).toMatchObject({
      rapport: 'vergunninghouders',
      van: '2026-04-01',
      tot: '2027-03-16',
      totaal: 2,
      per_categorie: [
        { categorie: 'jeugdoverlast', aantal: 1 },
        { categorie: 'treiteren', aantal: 1 },
      ],
      per_kern: [
        { kern: 'Obdam', aantal: 1 },
        { kern: 'Ursem', aantal: 1 },
      ],
    });
    expect(json.per_maand).toHaveLength(12);
  });

  it('jeugd: counts the vertrouwelijke melding without showing it, and compares kernen with the period before', async () => {
    const db = await vulRegister();
    const { stdout } = await kvzOk(['rapport', 'jeugd'], { db, nu: NU });
    expect(stdout).toContain('3 meldingen; in de periode ervoor');
    expect(stdout).not.toContain('M-2027-0004');
    expect(stdout).toContain('Vertrouwelijke meldingen tellen mee');
    const json = await kvzJson<{ totaal: number; vorige_periode: { totaal: number }; per_kern: unknown[] }>(['rapport', 'jeugd'], { db, nu: NU });
    expect(json.totaal).toBe(3);
    expect(json.vorige_periode.totaal).toBe(1);
    expect(json.per_kern).toEqual([
      { kern: 'Obdam', aantal: 2, vorige_periode: 1 },
      { kern: 'Ursem', aantal: 1, vorige_periode: 0 },
    ]);
  });

  it('doorzetting: the share forwarded on the day of receipt and the median time to the first forwarding', async () => {
    const db = await vulRegister();
    const json = await kvzJson<Record<string, unknown>>(['rapport', 'doorzetting', '--van', '2027-01-01'], { db, nu: NU });
    // Same day: M-0001 (2 h), M-0002 (1 h); late: M-0003 (18 h); never: M-0004, M-0005; today: M-0007.
    expect(json).toMatchObject({ totaal: 6, zelfde_dag: 2, later: 1, niet_doorgezet: 2, vandaag_nog: 1, aandeel_zelfde_dag: 0.4, mediaan_minuten: 120 });
    const { stdout } = await kvzOk(['rapport', 'doorzetting', '--van', '2027-01-01'], { db, nu: NU });
    expect(stdout).toContain('Op de dag van ontvangst doorgezet: 2 (40%); later: 1; niet doorgezet: 2; vandaag nog te doen: 1.');
    expect(stdout).toContain('Mediane tijd tot de eerste doorzetting: 2 u.');
    expect(stdout).toMatch(/jan 2027\s+2\s+2\s+100%\s+1 u 30 min\s+█+/);
  });

  it('terugkoppeling: melders still waiting, oldest first, with numbers only', async () => {
    const db = await vulRegister();
    const { stdout } = await kvzOk(['rapport', 'terugkoppeling'], { db, nu: NU });
    const regels = stdout.trim().split('\n');
    expect(regels[0]).toMatch(/^Melding\s+Ontvangen\s+Kern\s+Wacht \(dagen\)$/);
    expect(regels[1]).toMatch(/^M-2027-0003\s+10-02-2027 16:00\s+Ursem\s+34$/);
    expect(regels[2]).toMatch(/^M-2027-0004\s+01-03-2027 12:00\s+Ursem\s+15$/);
    expect(stdout).toContain('2 melders wachten op terugkoppeling.');
    expect(stdout).not.toMatch(/M-2027-0005|Anna|example/);
    expect(await kvzJson(['rapport', 'terugkoppeling'], { db, nu: NU })).toEqual([
      { nummer: 'M-2027-0003', ontvangen_op: '2027-02-10T15:00:00.000Z', kern: 'Ursem', dagen_wachten: 34 },
      { nummer: 'M-2027-0004', ontvangen_op: '2027-03-01T11:00:00.000Z', kern: 'Ursem', dagen_wachten: 15 },
    ]);
    expect((await kvzOk(['rapport', 'terugkoppeling', '--limit', '1'], { db, nu: NU })).stdout).toContain('nog 1 met --limit 2');
  });

  it('says plainly when nobody is waiting', async () => {
    const { stdout } = await kvzOk(['rapport', 'terugkoppeling'], { db: nieuweDb(), nu: NU });
    expect(stdout).toBe('✓ Geen melders die nog op terugkoppeling wachten.\n');
  });

  it('reports on an empty register without failing', async () => {
    const db = nieuweDb();
    expect((await kvzOk(['rapport', 'jeugd'], { db, nu: NU })).stdout).toContain('0 meldingen');
    expect(await kvzJson(['rapport', 'doorzetting'], { db, nu: NU })).toMatchObject({ totaal: 0, aandeel_zelfde_dag: null, mediaan_minuten: null });
  });

  it.each([
    [['rapport', 'jeugd', '--van', '2027-13-01'], 'Ongeldige datum voor --van'],
    [['rapport', 'doorzetting', '--van', '2027-03-01', '--tot', '2027-02-01'], '--van ligt na --tot'],
    [['rapport', 'terugkoppeling', '--limit', '0'], 'Ongeldige waarde voor --limit'],
  ])('refuses %j with exit 2 and writes nothing', async (args, bericht) => {
    const db = await vulRegister();
    const voor = telRijen(db, 'audit');
    const u = await kvz(args, { db, nu: NU });
    expect(u.code).toBe(2);
    expect(u.stderr).toContain(bericht);
    expect(telRijen(db, 'audit')).toBe(voor);
  });
});
