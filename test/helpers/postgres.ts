/**
 * PostgreSQL for tests: the throwaway cluster of test/postgres-cluster.ts, fresh kvz databases on it
 * (made by IT's way: a database owned by a login that may create roles, then `kvz init` as that
 * login), logins per role, and psql as any login — to prove that the database itself refuses.
 */
import { spawnSync } from 'node:child_process';
import { inject } from 'vitest';
import { kvzOk, type RunOpties, type Uitkomst, kvz } from './run.js';

export const PG = inject('postgres');
/** For a describe title: why the PostgreSQL tests did not run here. */
export const PG_OVERGESLAGEN = PG ? '' : ` (overgeslagen: ${inject('postgresWaarom')})`;

let teller = 0;

export interface Login {
  login: string;
  wachtwoord: string;
}

/** psql as `login` on database `db`: -X (no psqlrc), stop on the first error, unaligned tuples. */
export function psql(sql: string, opties: { db?: string; als?: Login } = {}): Uitkomst {
  const als = opties.als ?? { login: PG!.superuser, wachtwoord: PG!.wachtwoord };
  const r = spawnSync(
    'psql',
    ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', PG!.host, '-p', String(PG!.port), '-U', als.login, '-d', opties.db ?? 'postgres', '-c', sql],
    { env: { PATH: process.env.PATH ?? '', PGPASSWORD: als.wachtwoord, PGCONNECT_TIMEOUT: '10' }, encoding: 'utf8' },
  );
  return { code: r.status ?? -1, stdout: r.stdout.trim(), stderr: r.stderr };
}

/** psql that must succeed; its output lines. */
export function psqlOk(sql: string, opties: { db?: string; als?: Login } = {}): string {
  const u = psql(sql, opties);
  if (u.code !== 0) throw new Error(`psql faalde (${u.code}): ${sql}\n${u.stderr}`);
  return u.stdout;
}

export function pgUrl(db: string, login: string): string {
  return `postgres://${encodeURIComponent(login)}@${PG!.host}:${PG!.port}/${db}`;
}

export interface KvzPostgres {
  naam: string;
  /** The login that ran kvz init: it owns the database and is beheer. */
  it: Login;
  url(login?: Login): string;
  /** kvz as `login` (default: IT), with its password in PGPASSWORD. */
  kvz(args: string[], login?: Login, opties?: RunOpties): Promise<Uitkomst>;
  kvzOk(args: string[], login?: Login, opties?: RunOpties): Promise<Uitkomst>;
  /** A new login with one kvz role, made with kvz gebruiker add. */
  gebruiker(rol: 'balie' | 'iv' | 'politieoverleg' | 'beheer'): Promise<Login>;
  psql(sql: string, als?: Login): Uitkomst;
}

/** A fresh database made as IT would: owned by a login with CREATEROLE, then `kvz init` as that login. */
export async function kvzPostgres(): Promise<KvzPostgres> {
  const naam = `kvz_t${process.pid}_${++teller}`;
  const it = { login: `it_${naam}`, wachtwoord: `it-${naam}-geheim` };
  psqlOk(`CREATE ROLE ${it.login} LOGIN CREATEROLE PASSWORD '${it.wachtwoord}'`);
  psqlOk(`CREATE DATABASE ${naam} OWNER ${it.login}`);
  const url = (l: Login = it) => pgUrl(naam, l.login);
  const env = (l: Login, opties: RunOpties) => ({ ...opties, db: url(l), env: { PGPASSWORD: l.wachtwoord, ...opties.env } });
  const db: KvzPostgres = {
    naam,
    it,
    url,
    kvz: (args, l = it, opties = {}) => kvz(args, env(l, opties)),
    kvzOk: (args, l = it, opties = {}) => kvzOk(args, env(l, opties)),
    async gebruiker(rol) {
      const l = { login: `${rol}_${++teller}_${naam}`, wachtwoord: `${rol}-${teller}-wachtwoord-geheim` };
      await kvzOk(['gebruiker', 'add', l.login, '--rol', rol, '--wachtwoord-stdin'], { ...env(it, {}), stdin: `${l.wachtwoord}\n` });
      return l;
    },
    psql: (sql, als = it) => psql(sql, { db: naam, als }),
  };
  await db.kvzOk(['init']);
  return db;
}
