/**
 * Decisions kept (SPEC §9): the Besproken/Afspraken text of processed minutes is the meeting's
 * verslag, shown by `kvz overleg show`, per zaak in `zaak show`, and as "Afspraken vorige keer" in
 * the next agenda of the same soort; the meeting is then `gehouden`. The Word route is in
 * word-verwerk.test.ts; the rights on a shared database in postgres/rechten.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { bewaar, schrijfVak, vink } from '../helpers/notulen.js';
import { kvz, kvzJson, kvzOk, lees, nieuweDb, telRijen } from '../helpers/run.js';

const NU = '2027-03-30T14:00:00.000Z';
const LATER = '2027-05-04T09:00:00.000Z';

async function register(): Promise<string> {
  const db = nieuweDb();
  const eerder = (args: string[]) => kvzOk(args, { db, nu: '2027-02-20T10:00:00.000Z' });
  await eerder(['overleg', 'cadans', 'gio', '--start', '2027-01-05']);
  await eerder(['zaak', 'open', '--titel', 'Jeugd bij de sporthal', '--soort', 'overlast', '--kern', 'Obdam']);
  await eerder(['actie', 'add', 'Z-2027-001', '--omschrijving', 'Extra surveillance', '--partner', 'politie', '--deadline', '2027-03-20']);
  return db;
}

async function ingevuld(db: string): Promise<string> {
  let md = (await kvzOk(['notulen', 'gio', '--datum', '2027-03-30'], { db, nu: NU })).stdout;
  md = vink(md, 'Politie');
  md = schrijfVak(md, '## 1. Opening', '**Afspraken:**', 'De notulen worden voortaan binnen een week rondgestuurd.');
  // A line of the text that starts with the word of a box stays text: only the bold label starts one.
  md = schrijfVak(md, '### Z-2027-001 ', '**Besproken:**', 'De overlast is na de surveillance afgenomen,\nmaar niet weg.\n\n\n\nAfspraken: die van vorige keer zijn nagekomen.');
  md = schrijfVak(md, '### Z-2027-001 ', '**Afspraken:**', 'jongerenwerk gaat het gesprek aan met de groep.');
  return md;
}

const VERSLAG = [
  { punt: '1. Opening', zaak: null, besproken: '', afspraken: 'De notulen worden voortaan binnen een week rondgestuurd.' },
  {
    punt: '3. Nieuwe zaken: aanpak bepalen',
    zaak: 'Z-2027-001',
    besproken: 'De overlast is na de surveillance afgenomen,\nmaar niet weg.\n\nAfspraken: die van vorige keer zijn nagekomen.',
    afspraken: 'jongerenwerk gaat het gesprek aan met de groep.',
  },
];

describe('the verslag of processed minutes', () => {
  it('is shown in the dry run, stored with --uitvoeren with the meeting held, and not stored twice', async () => {
    const db = await register();
    const pad = bewaar(await ingevuld(db));
    const proef = await kvzOk(['notulen', 'verwerk', pad], { db, nu: NU });
    expect(proef.stdout).toContain('\nVerslag: 2 punten met tekst, waarvan 2 met afspraken.\n');
    expect(proef.stdout).toContain('\nHet GIO krijgt de status gehouden.\n');
    expect(proef.stdout).toContain('Zou verwerken: aanwezigheid, verslag (2 punten), overleg gehouden.');
    expect(telRijen(db, 'verslag')).toBe(0);
    expect((await kvzJson<{ status: string }>(['overleg', 'show', 'gio', '30-03-2027'], { db, nu: NU })).status).toBe('gepland');

    const u = await kvzOk(['notulen', 'verwerk', pad, '--uitvoeren'], { db, nu: NU });
    expect(u.stdout).toContain('✓ Verwerkt: aanwezigheid, verslag (2 punten), overleg gehouden.');
    expect(await kvzJson(['overleg', 'show', 'gio', '2027-03-30'], { db, nu: NU })).toEqual({
      soort: 'gio', datum: '2027-03-30', status: 'gehouden', verschoven_van: null, aanwezig: ['politie'], verslag: VERSLAG,
    });
    // The text itself stays out of the audit log (it may name people); the row says what was kept.
    const [audit] = lees<{ resultaat: string; details: string }>(db, `SELECT resultaat, details FROM audit WHERE commando = 'notulen verwerk'`);
    expect(audit!.resultaat).toBe('notulen verwerkt: aanwezigheid, verslag (2 punten), overleg gehouden');
    expect(JSON.parse(audit!.details)).toMatchObject({ verslag: { punten: 2, zaken: ['Z-2027-001'] }, gehouden: true });
    expect(audit!.details).not.toContain('surveillance afgenomen');

    const audits = telRijen(db, 'audit');
    const nogmaals = await kvzOk(['notulen', 'verwerk', pad, '--uitvoeren'], { db, nu: NU });
    expect(nogmaals.stdout).toContain('Verslag: 2 punten met tekst, waarvan 2 met afspraken (al zo vastgelegd).');
    expect(nogmaals.stdout).toContain('Niets gewijzigd');
    expect(telRijen(db, 'audit')).toBe(audits);
    expect(telRijen(db, 'verslag')).toBe(2);
  });

  it('prints attendance and verslag in overleg show, and the afspraken per meeting in zaak show', async () => {
    const db = await register();
    await kvzOk(['notulen', 'verwerk', bewaar(await ingevuld(db)), '--uitvoeren'], { db, nu: NU });
    const show = await kvzOk(['overleg', 'show', 'gio', '30-03-2027'], { db, nu: NU });
    expect(show.stdout).toBe(
      [
        'GIO (Groot Integraal Overleg), dinsdag 30 maart 2027',
        '',
        'Tijd en plaats  10:00 uur, Gemeentehuis Koggenland',
        'Status          gehouden',
        'Aanwezig        Politie',
        '',
        'Verslag',
        '',
        '  1. Opening',
        '    Afspraken: De notulen worden voortaan binnen een week rondgestuurd.',
        '',
        '  3. Nieuwe zaken: aanpak bepalen',
        '    Z-2027-001',
        '      Besproken: De overlast is na de surveillance afgenomen,',
        '                 maar niet weg.',
        '',
        '                 Afspraken: die van vorige keer zijn nagekomen.',
        '      Afspraken: jongerenwerk gaat het gesprek aan met de groep.',
        '',
      ].join('\n'),
    );
    const zaak = await kvzJson<{ afspraken: unknown[]; overleggen: unknown[] }>(['zaak', 'show', 'Z-2027-001'], { db, nu: NU });
    expect(zaak.afspraken).toEqual([{ soort: 'gio', datum: '2027-03-30', punt: VERSLAG[1]!.punt, besproken: VERSLAG[1]!.besproken, afspraken: VERSLAG[1]!.afspraken }]);
    expect(zaak.overleggen).toEqual([{ soort: 'gio', datum: '2027-03-30', status: 'gehouden', verschoven_van: null }]);
    const tekst = (await kvzOk(['zaak', 'show', 'Z-2027-001'], { db, nu: NU })).stdout;
    expect(tekst).toContain('Overleggen\n  GIO 30-03-2027 (gehouden)\n    Besproken: De overlast is na de surveillance afgenomen,\n');
    expect(tekst).toContain('    Afspraken: jongerenwerk gaat het gesprek aan met de groep.\n');
    // A meeting without minutes says so; one that does not exist is an error.
    expect((await kvzOk(['overleg', 'show', 'gio', '11-05-2027'], { db, nu: NU })).stdout).toContain('Status          gepland\nAanwezig        (niet vastgelegd)\n\nVerslag\n  (nog geen:');
    const geen = await kvz(['overleg', 'show', 'gio', '12-05-2027'], { db, nu: NU });
    expect(geen.code).toBe(2);
    expect(geen.stdout).toBe('');
  });

  it('shows the afspraken as "Afspraken vorige keer" in the next agenda and minutes of the same soort, and not in another soort', async () => {
    const db = await register();
    await kvzOk(['notulen', 'verwerk', bewaar(await ingevuld(db)), '--uitvoeren'], { db, nu: NU });
    const regel = '**Afspraken vorige keer** (30-03-2027): jongerenwerk gaat het gesprek aan met de groep.';
    const agenda = (await kvzOk(['agenda', 'gio', '--datum', '11-05-2027'], { db, nu: LATER })).stdout;
    expect(agenda).toContain(`### Z-2027-001 · Jeugd bij de sporthal\n\nOverlastzaak · Obdam · geopend 20-02-2027 · eigenaar iv · 0 meldingen\n\n${regel}\n`);
    const json = await kvzJson<{ lopende_zaken: { nummer: string; afspraken_vorige_keer: unknown }[] }>(['agenda', 'gio', '--datum', '11-05-2027', '--json'], { db, nu: LATER });
    expect(json.lopende_zaken.map((z) => [z.nummer, z.afspraken_vorige_keer])).toEqual([
      ['Z-2027-001', { datum: '2027-03-30', afspraken: VERSLAG[1]!.afspraken }],
    ]);
    // The meeting itself and the tweewekelijks overleg in between do not show it.
    expect((await kvzOk(['agenda', 'gio', '--datum', '30-03-2027'], { db, nu: LATER })).stdout).not.toContain('Afspraken vorige keer');
    expect((await kvzOk(['agenda', 'tweewekelijks', '--datum', '13-04-2027'], { db, nu: LATER })).stdout).not.toContain('Afspraken vorige keer');
    // The next minutes show it too, and processing them unchanged keeps nothing from that line.
    const notulen = (await kvzOk(['notulen', 'gio', '--datum', '11-05-2027'], { db, nu: '2027-05-11T14:00:00.000Z' })).stdout;
    expect(notulen).toContain(regel);
    const u = await kvzOk(['notulen', 'verwerk', bewaar(notulen, 'mei.md'), '--json'], { db, nu: '2027-05-11T14:00:00.000Z' });
    expect(JSON.parse(u.stdout)).toMatchObject({ verslag: null, gehouden: false });
  });

  it('replaces the verslag with a corrected file, keeps it when the boxes are left empty, and stops moving a held meeting', async () => {
    const db = await register();
    const md = await ingevuld(db);
    await kvzOk(['notulen', 'verwerk', bewaar(md), '--uitvoeren'], { db, nu: NU });
    const gecorrigeerd = md.replace('binnen een week', 'binnen twee weken');
    const u = await kvzOk(['notulen', 'verwerk', bewaar(gecorrigeerd, 'v2.md'), '--uitvoeren'], { db, nu: NU });
    expect(u.stdout).toContain('Verslag: 2 punten met tekst, waarvan 2 met afspraken (vervangt het eerder vastgelegde verslag).');
    expect(u.stdout).toContain('✓ Verwerkt: verslag (2 punten).');
    expect(lees(db, 'SELECT afspraken FROM verslag ORDER BY volgorde')).toEqual([
      { afspraken: 'De notulen worden voortaan binnen twee weken rondgestuurd.' },
      { afspraken: VERSLAG[1]!.afspraken },
    ]);
    // The empty skeleton again: attendance and verslag stay as they were.
    const leeg = (await kvzOk(['notulen', 'gio', '--datum', '2027-03-30'], { db, nu: NU })).stdout;
    const niets = await kvzOk(['notulen', 'verwerk', bewaar(leeg, 'leeg.md'), '--uitvoeren'], { db, nu: NU });
    expect(niets.stdout).toContain('Niets gewijzigd');
    expect(telRijen(db, 'verslag')).toBe(2);

    for (const args of [['overleg', 'verzet', 'gio', '30-03-2027', '--naar', '31-03-2027'], ['overleg', 'annuleer', 'gio', '30-03-2027']]) {
      const r = await kvz(args, { db, nu: NU });
      expect([r.code, r.stderr], args[1]).toEqual([1, 'Het GIO van dinsdag 30 maart 2027 is gehouden: de notulen zijn verwerkt. Verzetten of annuleren kan niet meer.\n']);
    }
    const plan = (await kvzOk(['overleg', 'plan', '--van', '30-03-2027', '--tot', '30-03-2027', '--json'], { db, nu: NU })).stdout;
    expect(JSON.parse(plan)).toEqual([expect.objectContaining({ soort: 'gio', datum: '2027-03-30', status: 'gehouden' })]);
  });

  it('refuses a box with control characters, text about an unknown zaak, or a confidential zaak in GIO minutes: exit 2, nothing kept', async () => {
    const db = await register();
    await kvzOk(['zaak', 'open', '--titel', 'Onderzoek', '--soort', 'overlast', '--kern', 'Obdam', '--vertrouwelijk'], { db, nu: '2027-02-21T10:00:00.000Z' });
    let md = await ingevuld(db);
    md = schrijfVak(md, '## 8. Rondvraag', '**Besproken:**', 'Piep\u0007');
    md = md.replace('## 8. Rondvraag', '### Z-2027-077 · Verzonnen\n\n**Afspraken:** iets\n\n### Z-2027-002 · Onderzoek\n\n**Afspraken:** geheim\n\n## 8. Rondvraag');
    const voor = telRijen(db, 'audit');
    const u = await kvz(['notulen', 'verwerk', bewaar(md), '--uitvoeren'], { db, nu: NU });
    expect(u.code, u.stderr).toBe(2);
    expect(u.stderr).toMatch(/Regel \d+: het vak Besproken bij punt 8\. Rondvraag bevat stuurtekens/);
    expect(u.stderr).toMatch(/Regel \d+: onbekende zaak Z-2027-077\./);
    expect(u.stderr).toMatch(/Regel \d+: zaak Z-2027-002 is vertrouwelijk en hoort alleen in de notulen van het politieoverleg\./);
    expect(u.stderr).toContain('3 problemen in het bestand; er is niets verwerkt.');
    expect([telRijen(db, 'verslag'), telRijen(db, 'aanwezigheid'), telRijen(db, 'audit')]).toEqual([0, 0, voor]);
    expect((await kvzJson<{ status: string }>(['overleg', 'show', 'gio', '30-03-2027'], { db, nu: NU })).status).toBe('gepland');
  });
});
