/**
 * A throwaway PostgreSQL cluster on this machine, for the bench and the tests (SPEC §7): initdb in a
 * directory of its own (as the unprivileged `postgres` user when run as root, since initdb refuses
 * root), listening on a free port on 127.0.0.1 only, with password (SCRAM) authentication as a real
 * server has. Durability is off: the data is only ever measured or thrown away.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  host: string;
  port: number;
  superuser: string;
  wachtwoord: string;
  bin: string;
  data: string;
  log: string;
  stop(): void;
  /** psql as the superuser; throws on failure. */
  psql(sql: string, db?: string): string;
}

/** The newest installed server binaries (Debian: /usr/lib/postgresql/<versie>/bin), or undefined. */
export function zoekPostgres(): string | undefined {
  const basis = '/usr/lib/postgresql';
  if (!existsSync(basis)) return undefined;
  const versies = readdirSync(basis).filter((v) => /^\d+$/.test(v)).sort((a, b) => +b - +a);
  return versies.map((v) => join(basis, v, 'bin')).find((b) => existsSync(join(b, 'initdb')) && existsSync(join(b, 'pg_ctl')));
}

export function vrijePoort(): Promise<number> {
  return new Promise((klaar, mis) => {
    const s = createServer();
    s.once('error', mis);
    s.listen(0, '127.0.0.1', () => {
      const poort = (s.address() as { port: number }).port;
      s.close(() => klaar(poort));
    });
  });
}

const SUPERUSER = 'kvz_test';
const WACHTWOORD = 'kvz-test-beheer';

/**
 * Starts a cluster in `map` (made there first when it holds none). Extra server settings in
 * `instellingen` (e.g. shared_buffers for region-scale data).
 */
export async function startCluster(bin: string, map: string, instellingen: string[] = []): Promise<Cluster> {
  const root = userInfo().uid === 0;
  const pgUid = root ? Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()) : -1;
  const als = (cmd: string, args: string[]) =>
    root ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
  mkdirSync(map, { recursive: true, mode: 0o700 });
  if (root) chownSync(map, pgUid, 0);
  const data = join(map, 'data');
  if (!existsSync(join(data, 'PG_VERSION'))) {
    rmSync(data, { recursive: true, force: true });
    const pw = join(map, 'pw');
    writeFileSync(pw, `${WACHTWOORD}\n`, { mode: 0o600 });
    if (root) chownSync(pw, pgUid, 0);
    const init = als(join(bin, 'initdb'), ['-D', data, '-U', SUPERUSER, '--auth=scram-sha-256', `--pwfile=${pw}`, '-E', 'UTF8', '--locale=C.UTF-8', '--no-instructions']);
    rmSync(pw, { force: true });
    if (init.status !== 0) throw new Error(`initdb mislukte:\n${init.stderr}${init.stdout}`);
  }
  const port = await vrijePoort();
  const log = join(map, 'log');
  const opties = [
    `-k ${map}`, '-c listen_addresses=127.0.0.1', `-p ${port}`, '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off',
    '-c max_connections=300', '-c log_min_messages=log', ...instellingen,
  ].join(' ');
  const start = als(join(bin, 'pg_ctl'), ['-D', data, '-o', opties, '-l', log, '-w', '-t', '120', 'start']);
  if (start.status !== 0) throw new Error(`pg_ctl start mislukte:\n${start.stderr}${start.stdout}`);
  const psql = (sql: string, db = 'postgres') => {
    const r = spawnSync('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER, '-d', db, '-c', sql], {
      env: { PATH: process.env.PATH ?? '', PGPASSWORD: WACHTWOORD },
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    if (r.status !== 0) throw new Error(`psql faalde: ${sql.slice(0, 200)}\n${r.stderr}`);
    return r.stdout.trim();
  };
  return {
    host: '127.0.0.1',
    port,
    superuser: SUPERUSER,
    wachtwoord: WACHTWOORD,
    bin,
    data,
    log,
    psql,
    stop: () => void als(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']),
  };
}

/** Makes `map` (a temporary directory of the caller's) one the postgres user may enter. */
export function toegankelijk(map: string): void {
  if (userInfo().uid === 0) chmodSync(map, 0o711);
}
