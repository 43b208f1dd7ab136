/**
 * Killing kvz in the middle of its work, the way a power cut or `kill -9` would: spawn the real
 * binary, wait until `bezig()` says it is busy (a file grows, say), then SIGKILL it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { BIN, STANDAARD_NU, tijdelijkeMap } from './run.js';

export interface Afgebroken {
  /** Whether the process was still running when it was killed (false: it finished first). */
  gedood: boolean;
  code: number | null;
  stderr: string;
}

export async function breekAf(args: string[], db: string, bezig: (pid: number) => boolean): Promise<Afgebroken> {
  const kind = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: tijdelijkeMap(), KVZ_GEBRUIKER: 'test', KVZ_DB: db, KVZ_NU: STANDAARD_NU },
  });
  let stderr = '';
  kind.stderr.on('data', (d) => (stderr += d));
  let klaar = false;
  const einde = new Promise<number | null>((resolve) => kind.on('exit', (code) => ((klaar = true), resolve(code))));
  while (!klaar && !bezig(kind.pid!)) await new Promise((r) => setTimeout(r, 1));
  const gedood = !klaar && kind.kill('SIGKILL');
  const code = await einde;
  return { gedood, code, stderr };
}

/** The size of a file, 0 when it does not exist. */
export function grootte(pad: string): number {
  return existsSync(pad) ? statSync(pad).size : 0;
}

/** Whether process `pid` has the file `pad` open (it has started work on the database); Linux's /proc. */
export function heeftOpen(pid: number, pad: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === pad;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}
