/**
 * The dates people type (#18): every date option and prompt takes 30-6, a weekday, over 2 weken and
 * +2w, and a deadline also volgend-gio and its kind. "Now" is Tuesday 16 March 2027, 11:00 in Amsterdam.
 */
import { describe, expect, it } from 'vitest';
import { bewaar, nieuweActie as nieuweActieRij, skelet } from '../helpers/notulen.js';
import { nieuweActie, nieuweZaak, zetCadans } from '../helpers/matrix.js';
import { kvz, kvzJson, kvzOk, lees, nieuweDb, ScriptPrompter, telRijen } from '../helpers/run.js';

const add = (zaak: string, deadline: string) => ['actie', 'add', zaak, '--omschrijving', 'Gesprek', '--partner', 'politie', '--deadline', deadline];

/** The planned dates of a soort after today, as `overleg plan` shows them (not as this test computes them). */
async function geplandNa(db: string, soort: string): Promise<string> {
  const plan = await kvzJson<{ soort: string; datum: string; status: string }[]>(['overleg', 'plan', '--van', '2027-03-17', '--tot', '2027-12-31'], { db });
  return plan.find((o) => o.soort === soort && o.status !== 'geannuleerd')!.datum;
}

describe('deadlines in the forms people type', () => {
  it('reads volgend-gio, volgend-tweewekelijks and volgend-politie as the date of that next meeting after today', async () => {
    const db = nieuweDb();
    await zetCadans(db);
    const z = await nieuweZaak(db);
    for (const soort of ['gio', 'tweewekelijks', 'politie']) {
      const a = await kvzJson<{ deadline: string }>(add(z, `volgend-${soort}`), { db });
      expect(a.deadline, soort).toBe(await geplandNa(db, soort));
    }
    // The cadence of zetCadans: GIO 2 March + 6 weeks, tweewekelijks 16 and 30 March, politie 9 March + 8 weeks.
    expect(lees(db, 'SELECT deadline FROM actie ORDER BY id')).toEqual([{ deadline: '2027-04-13' }, { deadline: '2027-03-30' }, { deadline: '2027-05-04' }]);
  });

  it('skips a cancelled meeting for volgend-gio', async () => {
    const db = nieuweDb();
    await zetCadans(db);
    await kvzOk(['overleg', 'annuleer', 'gio', '13-4', '--reden', 'meireces'], { db });
    const z = await nieuweZaak(db);
    const a = await kvzJson<{ deadline: string }>(add(z, 'volgend-gio'), { db });
    expect(a.deadline).toBe('2027-05-25');
  });

  it('reads a day and month as this year, or next year once it has passed; a weekday as the next one', async () => {
    const db = nieuweDb();
    const z = await nieuweZaak(db);
    const deadline = async (invoer: string) => (await kvzJson<{ deadline: string }>(add(z, invoer), { db })).deadline;
    expect(await deadline('30-6')).toBe('2027-06-30');
    expect(await deadline('1-3')).toBe('2028-03-01');
    expect(await deadline('vrijdag')).toBe('2027-03-19');
    expect(await deadline('dinsdag')).toBe('2027-03-23');
    expect(await deadline('over 2 weken')).toBe('2027-03-30');
    expect(await deadline('+3d')).toBe('2027-03-19');
    const a = await nieuweActie(db, z, 'politie', '30-03-2027');
    const u = await kvzJson<{ deadline: string; keer_uitgesteld: number }>(['actie', 'update', a, '--deadline', '+2w'], { db });
    expect(u.deadline).toBe('2027-03-30');
  });

  it('takes the same forms at the prompt, volgend-gio included', async () => {
    const db = nieuweDb();
    await zetCadans(db);
    const z = await nieuweZaak(db);
    const prompter = new ScriptPrompter({ Omschrijving: 'Huisbezoek', Deadline: 'volgend-gio' });
    const v = await kvz(['actie', 'add', z, '--partner', 'politie'], { db, tty: true, prompter });
    expect(v.code).toBe(0);
    expect(prompter.gevraagd.find((q) => q.startsWith('Deadline'))).toContain('volgend-gio');
    expect(lees(db, 'SELECT deadline FROM actie')).toEqual([{ deadline: '2027-04-13' }]);
  });

  it('refuses what it cannot read with exit 2, naming the field and the accepted forms, and writes nothing', async () => {
    const db = nieuweDb();
    const z = await nieuweZaak(db);
    const voor = telRijen(db, 'actie');
    for (const fout of ['volgende week', '30-6-27', '31-4', 'vrijdagmiddag', '+2m']) {
      const v = await kvz(add(z, fout), { db });
      expect(v.code, `${fout}: ${v.stdout}${v.stderr}`).toBe(2);
      expect(v.stderr, fout).toContain(`Ongeldige datum voor --deadline: '${fout}'`);
      expect(v.stderr, fout).toContain('vandaag, morgen, gisteren; een weekdag (vrijdag); over 3 dagen, over 2 weken, +3d, +2w; volgend-gio');
    }
    expect(telRijen(db, 'actie')).toBe(voor);
  });
});

describe('other date options', () => {
  it('reads a moment as a new form with a time: gisteren 14:00', async () => {
    const db = nieuweDb();
    const m = await kvzJson<{ ontvangen_op: string }>(
      ['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', 'x', '--ontvangen', 'gisteren 14:00'],
      { db },
    );
    expect(m.ontvangen_op).toBe('2027-03-15T13:00:00.000Z');
  });

  it('keeps volgend-gio for deadlines: a period filter refuses it', async () => {
    const db = nieuweDb();
    const v = await kvz(['melding', 'list', '--van', 'volgend-gio'], { db });
    expect(v.code).toBe(2);
    expect(v.stderr).toContain("Ongeldige datum voor --van: 'volgend-gio' kan alleen bij een deadline");
  });

  it('reads a meeting date without a year ahead when it is a meeting to move', async () => {
    const db = nieuweDb();
    await zetCadans(db);
    // 13-4 is this year's GIO; --naar +1d is the day after today, a Wednesday.
    const u = await kvzOk(['overleg', 'verzet', 'gio', '13-4', '--naar', '14-4', '--json'], { db });
    expect(JSON.parse(u.stdout)).toMatchObject({ datum: '2027-04-14', verschoven_van: '2027-04-13' });
  });

  it('reads the date of an existing meeting as this year, even when it has passed', async () => {
    const db = nieuweDb();
    await zetCadans(db);
    const u = await kvz(['overleg', 'annuleer', 'gio', '2-3', '--reden', 'x'], { db });
    expect(u.stdout + u.stderr).toContain('2 maart 2027');
    expect(u.stdout + u.stderr).not.toContain('2028');
    const plan = await kvz(['overleg', 'uitnodig', 'gio', '--van', '1-3', '--tot', '30-6'], { db });
    expect(plan.stderr).not.toContain('ligt na --tot');
    expect((await kvzJson<{ deadline: string }>(add(await nieuweZaak(db), 'volgend  gio'), { db })).deadline).toBe(await geplandNa(db, 'gio'));
  });

  it('reads a Deadline in the minutes from the meeting, volgend-gio being the GIO after it', async () => {
    const db = nieuweDb();
    await kvzOk(['overleg', 'cadans', 'gio', '--start', '2027-03-16'], { db });
    const z = await nieuweZaak(db);
    await nieuweActie(db, z, 'politie', '30-03-2027');
    let md = await skelet(db, 'gio', '16-03-2027');
    // The three empty rows under the zaak, one after the other.
    md = nieuweActieRij(md, z, 'Eerste', 'politie', 'volgend-gio');
    md = md.replace('| nieuw | Eerste |', '| Nieuw | Eerste |');
    md = nieuweActieRij(md, z, 'Tweede', 'politie', 'over 2 weken');
    md = md.replace('| nieuw | Tweede |', '| Nieuw | Tweede |');
    md = nieuweActieRij(md, z, 'Derde', 'politie', '1-3');
    await kvzOk(['notulen', 'verwerk', bewaar(md), '--uitvoeren'], { db });
    // Six weeks after 16 March is Koningsdag; the GIO moves to the next working day.
    expect(await geplandNa(db, 'gio')).toBe('2027-04-28');
    expect(lees(db, "SELECT omschrijving, deadline FROM actie WHERE omschrijving IN ('Eerste', 'Tweede', 'Derde') ORDER BY id")).toEqual([
      { omschrijving: 'Eerste', deadline: await geplandNa(db, 'gio') },
      { omschrijving: 'Tweede', deadline: '2027-03-30' },
      { omschrijving: 'Derde', deadline: '2028-03-01' },
    ]);
  });
});

describe('--help of the date options', () => {
  const COMMANDOS = [
    ['actie', 'add'], ['actie', 'update'], ['melding', 'add'], ['melding', 'list'], ['melding', 'forward'], ['melding', 'contact'],
    ['melding', 'update'], ['export', 'meldingen'], ['rapport', 'jeugd'], ['rapport', 'terugkoppeling'], ['overleg', 'cadans'],
    ['overleg', 'plan'], ['overleg', 'show'], ['overleg', 'uitnodig'], ['overleg', 'verzet'], ['overleg', 'annuleer'],
    ['agenda', 'gio'], ['notulen', 'politie'], ['init'], ['log'],
  ];
  it.each(COMMANDOS)('lists every accepted form under kvz %s %s --help', async (...cmd) => {
    const help = (await kvzOk([...cmd.filter((c) => c !== undefined), '--help'])).stdout;
    expect(help).toContain('Een datum mag zijn:');
    for (const vorm of ['16-03-2027', '2027-03-16', '16-3 of 16-03', 'vandaag, morgen, gisteren', 'vrijdag (of vr)', 'over 3 dagen, over 2 weken, +3d, +2w']) {
      expect(help).toContain(vorm);
    }
    expect(help.includes('volgend-gio')).toBe(cmd[0] === 'actie');
    const blok = help.slice(help.indexOf('Een datum mag zijn:'));
    for (const regel of blok.split('\n')) expect(regel.length, regel).toBeLessThanOrEqual(80);
  });
});
