/**
 * Vitest global setup: a throwaway PostgreSQL cluster for the whole run, started here and stopped
 * after (SPEC §7, Tests). initdb in a temporary directory (as the unprivileged `postgres` user when
 * the tests run as root, since initdb refuses root), listening on a free port on 127.0.0.1 only, with
 * password (SCRAM) authentication as a real server has. Durability is off: the data is thrown away.
 *
 * Without PostgreSQL's server binaries the PostgreSQL tests say they were skipped; with
 * KVZ_EIS_POSTGRES=1 (CI) a missing server fails the run instead.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export interface PostgresCluster {
  host: string;
  port: number;
  /** The cluster's superuser: makes databases and the logins that run kvz init. */
  superuser: string;
  wachtwoord: string;
  bin: string;
  /** The server log (a test switches statement logging on for its database, to prove a password never reaches it). */
  log: string;
  /**
   * For the command suites on PostgreSQL: a kvz database made by `kvz init` as the login `test` (beheer),
   * with init's own audit row taken out, so a clone of it is a fresh kvz database as a new file is.
   */
  sjabloon: string;
  test: { login: string; wachtwoord: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresCluster | null;
    postgresWaarom: string;
  }
}

/** The newest installed server binaries (Debian: /usr/lib/postgresql/<versie>/bin). */
function zoekBinaries(): string | undefined {
  const basis = '/usr/lib/postgresql';
  if (!existsSync(basis)) return undefined;
  const versies = readdirSync(basis).filter((v) => /^\d+$/.test(v)).sort((a, b) => +b - +a);
  return versies.map((v) => join(basis, v, 'bin')).find((b) => existsSync(join(b, 'initdb')) && existsSync(join(b, 'pg_ctl')));
}

function vrijePoort(): Promise<number> {
  return new Promise((klaar, mis) => {
    const s = createServer();
    s.once('error', mis);
    s.listen(0, '127.0.0.1', () => {
      const poort = (s.address() as { port: number }).port;
      s.close(() => klaar(poort));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => void> {
  const bin = zoekBinaries();
  if (!bin) {
    const waarom = 'PostgreSQL is hier niet geïnstalleerd (geen initdb onder /usr/lib/postgresql)';
    if (process.env.KVZ_EIS_POSTGRES === '1') throw new Error(`${waarom}; KVZ_EIS_POSTGRES=1 eist het wel.`);
    project.provide('postgres', null);
    project.provide('postgresWaarom', waarom);
    return () => undefined;
  }
  const root = userInfo().uid === 0;
  const map = mkdtempSync(join(tmpdir(), 'kvz-pg-'));
  const als = (cmd: string, args: string[]) =>
    root ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
  const wachtwoord = 'kvz-test-beheer';
  const pwbestand = join(map, 'pw');
  writeFileSync(pwbestand, `${wachtwoord}\n`);
  if (root) {
    chmodSync(map, 0o700);
    chownSync(map, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()), 0);
    chownSync(pwbestand, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()), 0);
  }
  const data = join(map, 'data');
  const superuser = 'kvz_test';
  const init = als(join(bin, 'initdb'), ['-D', data, '-U', superuser, '--auth=scram-sha-256', `--pwfile=${pwbestand}`, '-E', 'UTF8', '--locale=C.UTF-8', '--no-instructions']);
  if (init.status !== 0) throw new Error(`initdb mislukte:\n${init.stderr}${init.stdout}`);
  rmSync(pwbestand, { force: true });
  const port = await vrijePoort();
  const opties = [
    `-k ${map}`, '-c listen_addresses=127.0.0.1', `-p ${port}`, '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off',
    '-c max_connections=300', '-c log_min_messages=log',
  ].join(' ');
  const start = als(join(bin, 'pg_ctl'), ['-D', data, '-o', opties, '-l', join(map, 'log'), '-w', '-t', '60', 'start']);
  if (start.status !== 0) throw new Error(`pg_ctl start mislukte:\n${start.stderr}${start.stdout}`);
  const sjabloon = 'kvz_sjabloon';
  const test = { login: 'test', wachtwoord: 'test-wachtwoord-kvz' };
  maakSjabloon({ port, superuser, wachtwoord }, sjabloon, test);
  project.provide('postgres', { host: '127.0.0.1', port, superuser, wachtwoord, bin, log: join(map, 'log'), sjabloon, test });
  project.provide('postgresWaarom', '');
  return () => {
    als(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    rmSync(map, { recursive: true, force: true });
  };
}

/** The template database the command suites clone (see PostgresCluster.sjabloon). */
function maakSjabloon(c: { port: number; superuser: string; wachtwoord: string }, naam: string, test: { login: string; wachtwoord: string }): void {
  const psql = (sql: string, db = 'postgres') => {
    const r = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(c.port), '-U', c.superuser, '-d', db, '-c', sql], {
      env: { PATH: process.env.PATH ?? '', PGPASSWORD: c.wachtwoord },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`psql faalde: ${sql}\n${r.stderr}`);
  };
  psql(`CREATE ROLE ${test.login} LOGIN CREATEROLE PASSWORD '${test.wachtwoord}'`);
  psql(`CREATE DATABASE ${naam} OWNER ${test.login}`);
  const bin = join(new URL('..', import.meta.url).pathname, 'bin', 'kvz.js');
  const init = spawnSync(process.execPath, [bin, 'init', '--db', `postgres://${test.login}@127.0.0.1:${c.port}/${naam}`], {
    env: { PATH: process.env.PATH ?? '', PGPASSWORD: test.wachtwoord, HOME: tmpdir() },
    encoding: 'utf8',
  });
  if (init.status !== 0) throw new Error(`kvz init op het sjabloon mislukte:\n${init.stderr}`);
  psql('ALTER TABLE kvz.audit DISABLE TRIGGER audit_geen_delete; DELETE FROM kvz.audit; ALTER TABLE kvz.audit ENABLE TRIGGER audit_geen_delete;', naam);
  psql(`ALTER DATABASE ${naam} ALLOW_CONNECTIONS false`);
}
