/**
 * The PostgreSQL budgets of SPEC §6, measured against a local throwaway cluster holding the same
 * region-scale data as the file (copied there by `kvz kopieer`, and kept in the bench folder between
 * runs while the data and the schema stay the same).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSIE } from '../store/locatie.js';
import { databaseToegang } from '../store/postgres-init.js';
import { functies, rechten, rijbeveiliging, rolnamen, tabellen } from '../store/postgres-schema.js';
import { naarSchijf } from './schijf.js';
import { startCluster, zoekPostgres, type Cluster } from './pg-cluster.js';

export interface PgOmgeving {
  cluster: Cluster;
  url: string;
  /** As the login that ran init (beheer): for kvz check. */
  env: Record<string, string>;
  /** As the people who do the work: the front desk adds meldingen, IV prepares the meetings. */
  balie: Record<string, string>;
  iv: Record<string, string>;
}

/** What a cached cluster must match: the data set and the schema kvz init writes. */
function merkVan(dataset: string): string {
  const schema = createHash('sha256')
    .update([tabellen(), functies(rolnamen('kvz')), rijbeveiliging(rolnamen('kvz')), rechten(rolnamen('kvz')), String(SCHEMA_VERSIE)].join('\n'))
    .digest('hex');
  return JSON.stringify({ dataset: readFileSync(`${dataset.replace(/\.db$/, '')}.json`, 'utf8'), schema, logins: GEBRUIKERS, basis: BASIS });
}

const LOGIN = 'bench';
/**
 * The database as kvz kopieer made it, never connected to: every run of the bench measures on a copy of
 * it. Measured on the database itself, the meldingen of the bench's writers (a thousand per run)
 * piled up from one run to the next, and with them what status and the agendas list (#17).
 */
const BASIS = 'kvz_basis';
const WACHTWOORD = 'bench-wachtwoord-kvz';
/** The logins the budgets are measured as: row-level security costs what it costs for them, not for beheer. */
const GEBRUIKERS = { balie: 'bench_balie', iv: 'bench_iv' } as const;
const wachtwoordVan = (login: string) => `${login}-wachtwoord`;

/**
 * The cluster for `dataset` (a kvz file made by the bench): started from the bench folder when its
 * copy is current, else made anew: kvz init by a login that owns the database, then kvz kopieer.
 */
export async function pgOmgeving(map: string, dataset: string, bin: string, kvzBin: string, nu: string, klein: boolean): Promise<PgOmgeving | undefined> {
  const pgBin = zoekPostgres();
  if (!pgBin) return undefined;
  const naam = klein ? 'pg-klein' : 'pg-regio';
  const clusterMap = join(map, naam);
  const merkPad = join(map, `${naam}.json`);
  const merk = merkVan(dataset);
  const actueel = existsSync(merkPad) && readFileSync(merkPad, 'utf8') === merk;
  if (!actueel) rmSync(clusterMap, { recursive: true, force: true });
  // A server that may keep a region's indexes in memory, as a database server would.
  const cluster = await startCluster(pgBin, clusterMap, klein ? [] : ['-c shared_buffers=512MB', '-c effective_cache_size=4GB']);
  const url = `postgres://${LOGIN}@127.0.0.1:${cluster.port}/kvz`;
  const env = { KVZ_DB: url, PGPASSWORD: WACHTWOORD, KVZ_NU: nu, NO_COLOR: '1', PATH: process.env.PATH ?? '' };
  if (!actueel) {
    process.stderr.write('PostgreSQL-testgegevens maken (kvz init, kvz kopieer)…\n');
    const start = Date.now();
    cluster.psql(`CREATE ROLE ${LOGIN} LOGIN CREATEROLE PASSWORD '${WACHTWOORD}'`);
    cluster.psql(`CREATE DATABASE kvz OWNER ${LOGIN}`);
    await kvzProces(bin, kvzBin, ['init'], env);
    await kvzProces(bin, kvzBin, ['kopieer', '--db', dataset, '--naar', url], { ...env, KVZ_DB: dataset, KVZ_GEBRUIKER: 'bench' });
    // As autovacuum would in time: the visibility map lets counts read the indexes alone.
    for (const [rol, login] of Object.entries(GEBRUIKERS)) {
      await kvzProces(bin, kvzBin, ['gebruiker', 'add', login, '--rol', rol, '--wachtwoord-stdin'], env, `${wachtwoordVan(login)}\n`);
    }
    cluster.psql('VACUUM ANALYZE', 'kvz');
    cluster.psql(`CREATE DATABASE ${BASIS} TEMPLATE kvz STRATEGY FILE_COPY`);
    writeFileSync(merkPad, merk);
    process.stderr.write(`  klaar in ${((Date.now() - start) / 1000).toFixed(1)} s\n`);
  } else {
    cluster.psql('DROP DATABASE IF EXISTS kvz WITH (FORCE)');
    cluster.psql(`CREATE DATABASE kvz TEMPLATE ${BASIS} OWNER ${LOGIN} STRATEGY FILE_COPY`);
    // What a copy does not take from its template: who may connect, and the search path (kvz init).
    cluster.psql(databaseToegang('kvz', rolnamen('kvz')).join('; '));
  }
  naarSchijf();
  const als = (login: string) => ({ ...env, KVZ_DB: `postgres://${login}@127.0.0.1:${cluster.port}/kvz`, PGPASSWORD: wachtwoordVan(login) });
  return { cluster, url, env, balie: als(GEBRUIKERS.balie), iv: als(GEBRUIKERS.iv) };
}

/** kvz in a child process; resolves with its output, rejects when it fails. */
export function kvzProces(node: string, kvzBin: string, args: string[], env: Record<string, string>, invoer?: string): Promise<string> {
  return new Promise((klaar, mis) => {
    const kind = spawn(node, [kvzBin, ...args], { env });
    kind.stdin.end(invoer ?? '');
    let uit = '';
    let fout = '';
    kind.stdout.on('data', (d) => (uit += d));
    kind.stderr.on('data', (d) => (fout += d));
    kind.on('close', (code) => (code === 0 ? klaar(uit) : mis(new Error(`kvz ${args.join(' ')} faalde (exit ${code}):\n${fout}`))));
  });
}

export interface Gelijktijdig {
  ms: number;
  geland: number;
  verwacht: number;
  uniek: boolean;
  keten: boolean;
}

/**
 * 20 clients each adding 50 meldingen at once (every client a process of its own running kvz's
 * use-case 50 times): all must land, with unique numbers, and the chain must still verify.
 */
export async function gelijktijdig(node: string, schrijver: string, kvzBin: string, omgeving: PgOmgeving, clients = 20, per = 50): Promise<Gelijktijdig> {
  const q = (sql: string) => omgeving.cluster.psql(`SET search_path = kvz; ${sql}`, 'kvz');
  const voor = Number(q('SELECT count(*) FROM melding'));
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, (_, i) =>
      new Promise<void>((klaar, mis) => {
        const kind = spawn(node, [schrijver, String(i), String(per)], { env: omgeving.balie, stdio: ['ignore', 'ignore', 'pipe'] });
        let fout = '';
        kind.stderr.on('data', (d) => (fout += d));
        kind.on('close', (code) => (code === 0 ? klaar() : mis(new Error(`schrijver ${i} faalde:\n${fout}`))));
      }),
    ),
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const na = Number(q('SELECT count(*) FROM melding'));
  const uniek = q('SELECT count(*) = count(DISTINCT nummer) FROM melding') === 't';
  let keten = true;
  try {
    await kvzProces(node, kvzBin, ['check'], omgeving.env);
  } catch {
    keten = false;
  }
  return { ms, geland: na - voor, verwacht: clients * per, uniek, keten };
}
