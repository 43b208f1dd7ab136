/**
 * Killing kvz in the middle of its work, the way a power cut or `kill -9` would: spawn the real
 * binary, wait until `bezig()` says it is busy (a file grows, say), then SIGKILL it.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { BIN, STANDAARD_NU, tijdelijkeMap } from './run.js';

export interface Afgebroken {
  /** Whether the process was still running when it was killed (false: it finished first). */
  gedood: boolean;
  code: number | null;
  stderr: string;
}

export async function breekAf(args: string[], db: string, bezig: () => boolean): Promise<Afgebroken> {
  const kind = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: tijdelijkeMap(), KVZ_GEBRUIKER: 'test', KVZ_DB: db, KVZ_NU: STANDAARD_NU },
  });
  let stderr = '';
  kind.stderr.on('data', (d) => (stderr += d));
  let klaar = false;
  const einde = new Promise<number | null>((resolve) => kind.on('exit', (code) => ((klaar = true), resolve(code))));
  while (!klaar && !bezig()) await new Promise((r) => setTimeout(r, 2));
  const gedood = !klaar && kind.kill('SIGKILL');
  const code = await einde;
  return { gedood, code, stderr };
}

/** The size of a file, 0 when it does not exist. */
export function grootte(pad: string): number {
  return existsSync(pad) ? statSync(pad).size : 0;
}
