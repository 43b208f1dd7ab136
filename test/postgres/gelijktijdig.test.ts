/**
 * Many desks at once on one shared database (SPEC §7): 20 processes each add 50 meldingen and postpone
 * a shared actie now and then. Every melding lands with a unique number, the postponement count
 * agrees with the history row by row, and the audit chain verifies.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kvzPostgres, PG, PG_OVERGESLAGEN } from '../helpers/postgres.js';
import { ROOT } from '../helpers/run.js';

const SCHRIJVERS = 20;
const AANTAL = 50;

function schrijver(nr: number, env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((klaar) => {
    const kind = spawn(process.execPath, [join(ROOT, 'test', 'helpers', 'schrijver.mjs'), String(nr)], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stderr = '';
    kind.stderr.on('data', (d) => (stderr += d));
    kind.on('close', (code) => klaar({ code: code ?? -1, stderr }));
  });
}

describe.skipIf(!PG)(`many writers at once on PostgreSQL${PG_OVERGESLAGEN}`, () => {
  it(`lands all ${SCHRIJVERS * AANTAL} meldingen with unique numbers, counts every postponement, and keeps one chain`, async () => {
    const db = await kvzPostgres();
    const iv = await db.gebruiker('iv');
    await db.kvzOk(['zaak', 'open', '--titel', 'Gedeelde zaak', '--soort', 'overlast', '--kern', 'Obdam'], iv);
    await db.kvzOk(['actie', 'add', 'Z-2027-001', '--omschrijving', 'Gedeelde actie', '--partner', 'iv', '--deadline', '2027-03-20'], iv);
    const env = { KVZ_DB: db.url(iv), PGPASSWORD: iv.wachtwoord, AANTAL: String(AANTAL), ACTIE: 'A-2027-0001', KVZ_NU: '2027-03-16T10:00:00.000Z' };
    const uitkomsten = await Promise.all(Array.from({ length: SCHRIJVERS }, (_, nr) => schrijver(nr, env)));
    for (const u of uitkomsten) expect(u.code, u.stderr).toBe(0);

    const nummers = db.psql(`SELECT count(*) || ' ' || count(DISTINCT nummer) || ' ' || min(volgnummer) || ' ' || max(volgnummer) FROM melding`).stdout;
    expect(nummers).toBe(`${SCHRIJVERS * AANTAL} ${SCHRIJVERS * AANTAL} 1 ${SCHRIJVERS * AANTAL}`);
    expect(db.psql(`SELECT laatste FROM teller WHERE soort = 'melding' AND jaar = 2027`).stdout).toBe(String(SCHRIJVERS * AANTAL));

    // Every change starts from the one before it (no lost update), and the counter is the history's count.
    const historie = db.psql(`SELECT coalesce(deadline_oud, '-') || ' ' || deadline_nieuw FROM actie_historie WHERE actie_id = 1 ORDER BY id`).stdout.split('\n');
    expect(historie.length).toBeGreaterThan(SCHRIJVERS);
    let vorige = '2027-03-20';
    let uitgesteld = 0;
    for (const regel of historie.slice(1)) {
      const [oud, nieuw] = regel.split(' ');
      expect(oud).toBe(vorige);
      if (nieuw! > oud!) uitgesteld++;
      vorige = nieuw!;
    }
    expect(db.psql(`SELECT keer_uitgesteld FROM actie WHERE id = 1`).stdout).toBe(String(uitgesteld));
    expect(uitgesteld).toBeGreaterThan(0);

    const check = await db.kvz(['check']);
    expect(check.code, check.stdout).toBe(0);
    // init, the users, the zaak and the actie; every melding; every change of the actie.
    const regels = Number(db.psql('SELECT count(*) FROM audit').stdout);
    expect(regels).toBe(2 + 2 + SCHRIJVERS * AANTAL + (historie.length - 1));
    expect(check.stdout).toContain(`Auditlog: ${regels} regels, de hashketen klopt`);
  }, 300_000); // 20 processes on two cores: slow when the machine is busy; the test is about correctness, not speed
});
