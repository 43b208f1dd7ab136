/**
 * Writing documents to a file the safe way: into a temporary file next to the target, then a
 * rename. A reader (or Excel) never sees a half-written file, and a killed process leaves the old
 * file or none, never a torn one.
 */
import { createWriteStream, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { once } from 'node:events';

function tijdelijkPad(pad: string): string {
  return join(dirname(pad), `.${basename(pad)}.${process.pid}.${Date.now()}.tmp`);
}

/** Writes `inhoud` to `pad` atomically. */
export function schrijfAtomisch(pad: string, inhoud: string | Buffer): void {
  const tmp = tijdelijkPad(pad);
  try {
    writeFileSync(tmp, inhoud, { mode: 0o600 });
    renameSync(tmp, pad);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Streams chunks into `pad` atomically: `vul` writes through the given function (which respects
 * back-pressure); only when it finishes is the file renamed into place.
 */
export async function schrijfAtomischStroom(pad: string, vul: (schrijf: (deel: string) => Promise<void>) => Promise<void>): Promise<void> {
  const tmp = tijdelijkPad(pad);
  const stroom = createWriteStream(tmp, { mode: 0o600 });
  try {
    await once(stroom, 'open');
    await vul(async (deel) => {
      if (!stroom.write(deel)) await once(stroom, 'drain');
    });
    stroom.end();
    await once(stroom, 'finish');
    renameSync(tmp, pad);
  } catch (e) {
    stroom.destroy();
    rmSync(tmp, { force: true });
    throw e;
  }
}
