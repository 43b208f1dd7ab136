/**
 * A directory that this process cannot write into. Tests run as root in CI, and root ignores a
 * directory's mode (chmod 0500 stops nobody), so as root the directory is made immutable instead
 * (chattr +i); where that is not allowed either, the caller gets a reason to skip that one case.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type AlleenLezen = { map: string; herstel: () => void } | { reden: string };

export function alleenLezenMap(): AlleenLezen {
  const map = mkdtempSync(join(tmpdir(), 'kvz-alleen-lezen-'));
  const weg = () => rmSync(map, { recursive: true, force: true });
  if (process.getuid?.() !== 0) {
    chmodSync(map, 0o500);
    return { map, herstel: () => (chmodSync(map, 0o700), weg()) };
  }
  try {
    execFileSync('chattr', ['+i', map], { stdio: 'ignore' });
  } catch {
    weg();
    return { reden: 'als root negeert Linux de rechten van een map, en chattr +i is hier niet toegestaan' };
  }
  const herstel = () => (execFileSync('chattr', ['-i', map], { stdio: 'ignore' }), weg());
  try {
    writeFileSync(join(map, 'proef'), '');
  } catch {
    return { map, herstel };
  }
  herstel();
  return { reden: 'chattr +i houdt root hier niet tegen' };
}
