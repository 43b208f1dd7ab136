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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCluster, toegankelijk, zoekPostgres, type Cluster } from '../src/bench/pg-cluster.js';
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

export default async function setup(project: TestProject): Promise<() => void> {
  const bin = zoekPostgres();
  if (!bin) {
    const waarom = 'PostgreSQL is hier niet geïnstalleerd (geen initdb onder /usr/lib/postgresql)';
    if (process.env.KVZ_EIS_POSTGRES === '1' || process.env.CI) throw new Error(`${waarom}; KVZ_EIS_POSTGRES=1 eist het wel.`);
    project.provide('postgres', null);
    project.provide('postgresWaarom', waarom);
    return () => undefined;
  }
  const map = mkdtempSync(join(tmpdir(), 'kvz-pg-'));
  toegankelijk(map);
  const c = await startCluster(bin, join(map, 'cluster'));
  const sjabloon = 'kvz_sjabloon';
  const test = { login: 'test', wachtwoord: 'test-wachtwoord-kvz' };
  maakSjabloon(c, sjabloon, test);
  project.provide('postgres', { host: c.host, port: c.port, superuser: c.superuser, wachtwoord: c.wachtwoord, bin, log: c.log, sjabloon, test });
  project.provide('postgresWaarom', '');
  return () => {
    c.stop();
    rmSync(map, { recursive: true, force: true });
  };
}

/** The template database the command suites clone (see PostgresCluster.sjabloon). */
function maakSjabloon(c: Cluster, naam: string, test: { login: string; wachtwoord: string }): void {
  const psql = c.psql;
  psql(`CREATE ROLE ${test.login} LOGIN CREATEROLE PASSWORD '${test.wachtwoord}'`);
  psql(`CREATE DATABASE ${naam} OWNER ${test.login}`);
  const bin = join(new URL('..', import.meta.url).pathname, 'bin', 'kvz.cjs');
  const init = spawnSync(process.execPath, [bin, 'init', '--db', `postgres://${test.login}@127.0.0.1:${c.port}/${naam}`], {
    env: { PATH: process.env.PATH ?? '', PGPASSWORD: test.wachtwoord, HOME: tmpdir() },
    encoding: 'utf8',
  });
  if (init.status !== 0) throw new Error(`kvz init op het sjabloon mislukte:\n${init.stderr}`);
  psql('ALTER TABLE kvz.audit DISABLE TRIGGER audit_geen_delete; DELETE FROM kvz.audit; ALTER TABLE kvz.audit ENABLE TRIGGER audit_geen_delete;', naam);
  psql(`ALTER DATABASE ${naam} ALLOW_CONNECTIONS false`);
}
