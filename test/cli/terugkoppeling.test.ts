/**
 * One definition of "the melder waits for feedback" (#15 item 3, SPEC §12): kvz status and
 * rapport terugkoppeling name the same melders, and closing a melding whose melder waits needs
 * --zonder-terugkoppeling (or a yes in a terminal).
 */
import { describe, expect, it } from 'vitest';
import { kvz, kvzJson, kvzOk, lees, nieuweDb, ScriptPrompter, telRijen } from '../helpers/run.js';

const NU = '2027-03-16T10:00:00.000Z';

async function vul(db: string): Promise<void> {
  const add = (...extra: string[]) =>
    kvzOk(['melding', 'add', '--categorie', 'burenoverlast', '--kern', 'Obdam', '--omschrijving', 'Geluidsoverlast', '--doorzetten', 'politie', ...extra], { db, nu: NU });
  await add('--melder-telefoon', '0612345678', '--terugkoppeling'); // 0001 waits
  await add('--melder-telefoon', '0612345678', '--terugkoppeling'); // 0002 had feedback
  await add('--melder-telefoon', '0612345678', '--terugkoppeling'); // 0003 closed without feedback, on purpose
  await add('--melder-telefoon', '0612345678'); // 0004 asked for none
  await kvzOk(['melding', 'contact', 'M-2027-0002', '--soort', 'terugkoppeling', '--notitie', 'Gebeld'], { db, nu: NU });
  await kvzOk(['melding', 'close', 'M-2027-0003', '--zonder-terugkoppeling'], { db, nu: NU });
}

describe('melders waiting for feedback', () => {
  it('are the same melders in kvz status and in rapport terugkoppeling', async () => {
    const db = nieuweDb();
    await vul(db);
    const status = await kvzJson<{ wacht_op_terugkoppeling: string[] }>(['status'], { db, nu: NU });
    const rapport = await kvzJson<{ nummer: string }[]>(['rapport', 'terugkoppeling'], { db, nu: NU });
    expect(status.wacht_op_terugkoppeling).toEqual(['M-2027-0001']);
    expect(rapport.map((r) => r.nummer)).toEqual(status.wacht_op_terugkoppeling);
    expect((await kvzOk(['status'], { db, nu: NU })).stdout).toMatch(/1 melder wacht op terugkoppeling/);
    expect((await kvzOk(['rapport', 'terugkoppeling'], { db, nu: NU })).stdout).toContain('1 melder wacht op terugkoppeling.');
  });
});

describe('kvz melding close while the melder waits for feedback', () => {
  it('refuses without --zonder-terugkoppeling where it cannot ask: exit 1, one sentence, nothing changed', async () => {
    const db = nieuweDb();
    await vul(db);
    const audit = telRijen(db, 'audit');
    const u = await kvz(['melding', 'close', 'M-2027-0001'], { db, nu: NU });
    expect(u.code).toBe(1);
    expect(u.stderr).toBe(
      'De melder van M-2027-0001 wacht nog op terugkoppeling; leg die vast met kvz melding contact M-2027-0001 --soort terugkoppeling, of sluit met --zonder-terugkoppeling. Er is niets gewijzigd.\n',
    );
    expect(lees(db, "SELECT status FROM melding WHERE nummer = 'M-2027-0001'")).toEqual([{ status: 'doorgezet' }]);
    expect(telRijen(db, 'audit')).toBe(audit);
  });

  it('closes with --zonder-terugkoppeling, and the audit log says it was without', async () => {
    const db = nieuweDb();
    await vul(db);
    const u = await kvzOk(['melding', 'close', 'M-2027-0001', '--zonder-terugkoppeling'], { db, nu: NU });
    expect(u.stdout).toBe('Melding M-2027-0001 afgehandeld zonder terugkoppeling aan de melder.\n');
    const [rij] = lees<{ resultaat: string; details: string }>(db, "SELECT resultaat, details FROM audit WHERE object = 'M-2027-0001' ORDER BY id DESC LIMIT 1");
    expect(rij!.resultaat).toBe('melding afgehandeld zonder terugkoppeling');
    expect(JSON.parse(rij!.details)).toMatchObject({ zonder_terugkoppeling: true });
    expect((await kvzJson<{ wacht_op_terugkoppeling: string[] }>(['status'], { db, nu: NU })).wacht_op_terugkoppeling).toEqual([]);
  });

  it('closes without a word when the feedback was given or never asked for', async () => {
    const db = nieuweDb();
    await vul(db);
    // The flag given where the feedback was recorded says nothing about "without".
    expect((await kvzOk(['melding', 'close', 'M-2027-0002', '--zonder-terugkoppeling'], { db, nu: NU })).stdout).toBe('Melding M-2027-0002 afgehandeld.\n');
    expect((await kvzOk(['melding', 'close', 'M-2027-0004'], { db, nu: NU })).stdout).toBe('Melding M-2027-0004 afgehandeld.\n');
  });

  it('asks in a terminal: yes closes without feedback, no changes nothing (exit 130)', async () => {
    const db = nieuweDb();
    await vul(db);
    const nee = new ScriptPrompter({ 'De melder van M-2027-0001 wacht nog op terugkoppeling': false });
    const u = await kvz(['melding', 'close', 'M-2027-0001'], { db, nu: NU, tty: true, prompter: nee });
    expect(u.code).toBe(130);
    expect(lees(db, "SELECT status FROM melding WHERE nummer = 'M-2027-0001'")).toEqual([{ status: 'doorgezet' }]);
    const ja = new ScriptPrompter({ 'De melder van M-2027-0001 wacht nog op terugkoppeling': true });
    const v = await kvz(['melding', 'close', 'M-2027-0001'], { db, nu: NU, tty: true, prompter: ja });
    expect(v.code).toBe(0);
    expect(lees(db, "SELECT status FROM melding WHERE nummer = 'M-2027-0001'")).toEqual([{ status: 'afgehandeld' }]);
    // No question where there is nothing to ask.
    const stil = new ScriptPrompter({});
    expect((await kvz(['melding', 'close', 'M-2027-0004'], { db, nu: NU, tty: true, prompter: stil })).code).toBe(0);
    expect(stil.gevraagd).toEqual([]);
  });
});
