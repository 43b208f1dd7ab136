/**
 * Bad input and faults on a shared database (SPEC §7): a wrong address or password, a server that is
 * down, a database that is not kvz's or comes from a newer kvz, a connection lost mid-command. Each is
 * one Dutch sentence, exit 1, no password anywhere in the output, and nothing half written.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, auditHash } from '../../src/store/audit.js';
import { kvzPostgres, PG, PG_OVERGESLAGEN, pgUrl, psqlOk } from '../helpers/postgres.js';
import { spawn } from 'node:child_process';
import { SCHRIJFSLOT } from '../../src/store/postgres-schema.js';
import { kvz, tijdelijkeMap } from '../helpers/run.js';

/** psql in the background, as the cluster's superuser. */
function psqlAsync(sql: string, db: string): Promise<number> {
  return new Promise((klaar) => {
    const p = spawn('psql', ['-X', '-q', '-h', PG!.host, '-p', String(PG!.port), '-U', PG!.superuser, '-d', db, '-c', sql], {
      env: { PATH: process.env.PATH ?? '', PGPASSWORD: PG!.wachtwoord },
      stdio: 'ignore',
    });
    p.on('close', (code) => klaar(code ?? -1));
  });
}

const LIST = ['melding', 'list'];

describe.skipIf(!PG)(`faults on PostgreSQL${PG_OVERGESLAGEN}`, () => {
  it('says in one sentence what is wrong with the address, the password or the server, and never shows a password', async () => {
    const db = await kvzPostgres();
    const geheim = 'Zeer-Geheim-Wachtwoord-42';
    const gevallen: [string, Record<string, string>, RegExp][] = [
      [`postgres://${db.it.login}:${db.it.wachtwoord}@${PG!.host}:${PG!.port}/${db.naam}x`, { PGPASSWORD: geheim }, /^De database \S+x bestaat niet op /],
      [`postgres://${db.it.login}:${geheim}@${PG!.host}:${PG!.port}/${db.naam}`, {}, /^Aanmelden bij PostgreSQL als \S+ mislukt: het wachtwoord klopt niet/],
      [pgUrl(db.naam, db.it.login), { PGPASSWORD: geheim }, /^Aanmelden bij PostgreSQL als \S+ mislukt: het wachtwoord klopt niet/],
      [`postgres://${db.it.login}:${geheim}@127.0.0.1:1/${db.naam}`, {}, /^De PostgreSQL-server op 127\.0\.0\.1:1 is niet bereikbaar/],
      [`postgres://${db.it.login}:${geheim}@server.invalid:5432/${db.naam}`, {}, /^De PostgreSQL-server server\.invalid:5432 is onbekend/],
      [`postgres://${db.it.login}:${geheim}@${PG!.host}:${PG!.port}`, {}, /^In postgres:\/\/\S+ ontbreekt de database/],
    ];
    for (const [url, env, verwacht] of gevallen) {
      const u = await kvz(LIST, { db: url, env });
      expect(u.code, u.stderr).toBe(1);
      expect(u.stderr).toMatch(verwacht);
      expect(u.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(u.stdout + u.stderr).not.toContain(geheim);
    }
    // --json on status names the database without its password too.
    const st = await kvz(['status', '--json'], { db: `postgres://${db.it.login}:${db.it.wachtwoord}@${PG!.host}:${PG!.port}/${db.naam}` });
    expect(st.code).toBe(0);
    expect(st.stdout).not.toContain(db.it.wachtwoord);
    expect(JSON.parse(st.stdout).database).toBe(pgUrl(db.naam, db.it.login));
  });

  it('connects early only for a command that may use it: help and usage errors never report a connection', async () => {
    const db = await kvzPostgres();
    const onbereikbaar = `postgres://${db.it.login}@127.0.0.1:1/${db.naam}`;
    const help = await kvz(['--help'], { db: onbereikbaar });
    expect([help.code, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toContain('Gebruik: kvz');
    const fout = await kvz(['melding', 'list', '--onbekend'], { db: onbereikbaar, env: { PGPASSWORD: 'fout' } });
    expect(fout.code).toBe(2);
    expect(fout.stderr).toMatch(/--onbekend/);
    expect(fout.stderr).not.toMatch(/PostgreSQL/);
    // A command that does use it still reports the failure, once.
    const list = await kvz(LIST, { db: onbereikbaar, env: { PGPASSWORD: 'fout' } });
    expect(list.code).toBe(1);
    expect(list.stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/^De PostgreSQL-server op 127\.0\.0\.1:1 is niet bereikbaar/)]);
    // The connection a usage error did not use is closed, not left open on the server.
    const eigen = db.url(db.it);
    const u = await kvz(['zaak', 'list', '--onbekend'], { db: eigen, env: { PGPASSWORD: db.it.wachtwoord } });
    expect(u.code).toBe(2);
    let open = '1';
    for (let i = 0; i < 50 && open !== '0'; i++) {
      open = psqlOk(`SELECT count(*) FROM pg_stat_activity WHERE usename = '${db.it.login}'`);
      if (open !== '0') await new Promise((r) => setTimeout(r, 100));
    }
    expect(open).toBe('0');
  });

  it('reads the password from ~/.pgpass, and says so when that file is open to others', async () => {
    const db = await kvzPostgres();
    const thuis = tijdelijkeMap();
    const pgpass = join(thuis, '.pgpass');
    writeFileSync(pgpass, `${PG!.host}:${PG!.port}:${db.naam}:${db.it.login}:${db.it.wachtwoord}\n`, { mode: 0o600 });
    const goed = await kvz(LIST, { db: db.url(), env: { HOME: thuis } });
    expect([goed.code, goed.stderr]).toEqual([0, '']);
    chmodSync(pgpass, 0o644);
    const open = await kvz(LIST, { db: db.url(), env: { HOME: thuis } });
    expect([open.code, open.stderr]).toEqual([
      1,
      `PostgreSQL vraagt een wachtwoord voor ${db.it.login}, maar ${pgpass} kunnen anderen lezen en daarom gebruikt kvz het niet; zet het op alleen-eigenaar (chmod 600 ${pgpass}).\n`,
    ]);
    writeFileSync(pgpass, `${PG!.host}:${PG!.port}:andere_database:${db.it.login}:${db.it.wachtwoord}\n`, { mode: 0o600 });
    chmodSync(pgpass, 0o600);
    const geen = await kvz(LIST, { db: db.url(), env: { HOME: thuis } });
    expect([geen.code, geen.stderr]).toEqual([
      1,
      `PostgreSQL vraagt een wachtwoord voor ${db.it.login}; geef het in PGPASSWORD of ~/.pgpass (nooit in het adres van een gedeelde opdracht).\n`,
    ]);
  });

  it('refuses, untouched, a database that is not kvz\'s, and one written by a newer kvz', async () => {
    const naam = `vreemd_${process.pid}`;
    psqlOk(`CREATE DATABASE ${naam}`);
    psqlOk('CREATE TABLE klant (naam text)', { db: naam });
    const u = await kvz(LIST, { db: pgUrl(naam, PG!.superuser), env: { PGPASSWORD: PG!.wachtwoord } });
    expect([u.code, u.stderr]).toEqual([1, `Database ${naam} op ${PG!.host}:${PG!.port} is geen kvz-database (de tabellen van kvz ontbreken); kvz heeft niets gewijzigd. Draai kvz init om er een te maken.\n`]);
    expect(psqlOk("SELECT count(*) FROM pg_namespace WHERE nspname = 'kvz'", { db: naam })).toBe('0');

    const db = await kvzPostgres();
    psqlOk(`UPDATE kvz.instelling SET waarde = '99' WHERE sleutel = 'schema_versie'`, { db: db.naam });
    const nieuwer = await db.kvz(['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', 'x']);
    expect(nieuwer.code).toBe(1);
    expect(nieuwer.stderr).toMatch(/^Database \S+ is gemaakt door een nieuwere kvz \(schemaversie 99; deze kvz kent tot en met \d+\)/);
    expect(db.psql('SELECT count(*) FROM melding').stdout).toBe('0');
  });

  it('writes nothing when the connection is lost in the middle of a command', async () => {
    const db = await kvzPostgres();
    const iv = await db.gebruiker('iv');
    const voor = db.psql('SELECT count(*) FROM audit').stdout;
    // A second session holds the writers' lock; the command waits for it inside its transaction, and
    // then its connection is cut.
    const houder = psqlAsync(`BEGIN; SELECT pg_advisory_xact_lock(${SCHRIJFSLOT}); SELECT pg_sleep(4); COMMIT;`, db.naam);
    await new Promise((r) => setTimeout(r, 300));
    const wacht = db.kvz(['zaak', 'open', '--titel', 'Afgebroken', '--soort', 'overlast', '--kern', 'Obdam'], iv);
    let afgebroken = '';
    for (let i = 0; i < 50 && afgebroken !== 't'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      afgebroken = psqlOk(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '${iv.login}' AND datname = '${db.naam}' AND wait_event_type = 'Lock'`,
        { db: db.naam },
      );
    }
    expect(afgebroken).toBe('t');
    const u = await wacht;
    expect(u.code).toBe(1);
    expect(u.stderr).toBe('De verbinding met PostgreSQL viel weg; wat dit commando deed, is niet vastgelegd. Probeer het opnieuw.\n');
    expect(db.psql('SELECT count(*) FROM zaak').stdout).toBe('0');
    expect(db.psql('SELECT count(*) FROM audit').stdout).toBe(voor);
    await houder;
  });

  it('computes in the database exactly the hash kvz computes on a file, whatever the text holds', async () => {
    const db = await kvzPostgres();
    const lastig = ['é ñ ü 😀', 'aanhalingsteken " en \\ backslash', 'regel\neen\ttab\r\u0001\u001f\u007f', '\u2028\u2029 ‮ rtl', "enkele ' quote", '{"al":"json"}'];
    for (const t of lastig) {
      psqlOk(`SELECT audit_schrijf(${lit('2027-03-16T10:00:00.000Z')}, ${lit(t)}, ${lit(t)}, ${lit(t)}, ${lit(JSON.stringify({ t }))}, 0)`, { db: db.naam, als: db.it });
    }
    const rijen = JSON.parse(psqlOk(`SELECT json_agg(a ORDER BY id) FROM audit a`, { db: db.naam, als: db.it })) as {
      id: number; op: string; gebruiker: string; commando: string; object: string | null; resultaat: string; details: string; vorige_hash: string; hash: string;
    }[];
    let vorige = GENESIS_HASH;
    for (const r of rijen) {
      expect(r.vorige_hash).toBe(vorige);
      expect(r.hash, JSON.stringify(r.commando)).toBe(auditHash(r));
      vorige = r.hash;
    }
    expect(rijen.length).toBe(1 + lastig.length);
  });

  it('never lets a password reach the server or its log: it goes as a SCRAM verifier', async () => {
    const db = await kvzPostgres();
    psqlOk(`ALTER DATABASE ${db.naam} SET log_statement = 'all'`);
    const wachtwoord = 'Heel-Bijzonder-Wachtwoord-7731';
    await db.kvzOk(['gebruiker', 'add', `nieuw_${db.naam}`, '--rol', 'iv', '--wachtwoord-stdin'], db.it, { stdin: `${wachtwoord}\n` });
    expect(psqlOk(`SELECT left(rolpassword, 14) FROM pg_authid WHERE rolname = 'nieuw_${db.naam}'`)).toBe('SCRAM-SHA-256$');
    expect(readFileSync(PG!.log, 'utf8')).not.toContain(wachtwoord);
    // And the login works with that password.
    const u = await db.kvzOk(['melding', 'list'], { login: `nieuw_${db.naam}`, wachtwoord });
    expect(u.stdout).toBe('Geen meldingen gevonden.\n');
  });
});

/** A SQL string literal (E'' form, so control characters are spelled out). */
function lit(t: string): string {
  return `E'${[...t].map((c) => (c === "'" ? "''" : c === '\\' ? '\\\\' : c.charCodeAt(0) < 32 || c === '\u007f' ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c)).join('')}'`;
}
