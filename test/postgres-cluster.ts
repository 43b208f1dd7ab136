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
  project.provide('postgres', { host: '127.0.0.1', port, superuser, wachtwoord, bin, log: join(map, 'log') });
  project.provide('postgresWaarom', '');
  return () => {
    als(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    rmSync(map, { recursive: true, force: true });
  };
}
