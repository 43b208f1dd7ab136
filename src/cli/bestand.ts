/**
 * Writing documents to a file the safe way: into a temporary file next to the target, flushed to
 * disk, then a rename. A reader (or Excel) never sees a half-written file, and a killed process or a
 * power cut leaves the old file or none, never a torn one. Where one may not write, the error says
 * so in words, naming the directory.
 */
import { chmodSync, closeSync, createWriteStream, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { ruimAchtergeblevenOp, schrijfFout, tijdelijkPad } from '../store/tijdelijk.js';

function naarSchijf(pad: string): void {
  const fd = openSync(pad, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes `inhoud` to `pad` atomically. */
export function schrijfAtomisch(pad: string, inhoud: string | Buffer): void {
  const tmp = tijdelijkPad(pad);
  ruimAchtergeblevenOp(pad);
  try {
    writeFileSync(tmp, inhoud, { mode: 0o600 });
    naarSchijf(tmp);
    renameSync(tmp, pad);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw schrijfFout(e, pad, { databaseIsBron: true });
  }
}

/**
 * Streams chunks into `pad` atomically: `vul` writes through the given function (which respects
 * back-pressure); only when it finishes is the file renamed into place.
 */
export async function schrijfAtomischStroom(pad: string, vul: (schrijf: (deel: string) => Promise<void>) => Promise<void>): Promise<void> {
  const tmp = tijdelijkPad(pad);
  ruimAchtergeblevenOp(pad);
  const stroom = createWriteStream(tmp, { mode: 0o600 });
  try {
    await once(stroom, 'open');
    await vul(async (deel) => {
      if (!stroom.write(deel)) await once(stroom, 'drain');
    });
    stroom.end();
    await once(stroom, 'close');
    naarSchijf(tmp);
    renameSync(tmp, pad);
  } catch (e) {
    // A write still under way reports its own error once the stream is gone: that is this one.
    stroom.on('error', () => undefined);
    stroom.destroy();
    rmSync(tmp, { force: true });
    throw schrijfFout(e, pad, { databaseIsBron: true });
  }
}

/**
 * Lets `vul` write a whole file under a temporary name next to `pad` (for writers that want a file
 * name, such as the xlsx writer); only when it finishes is the file flushed and renamed into place.
 */
export async function schrijfAtomischPad<T>(pad: string, vul: (tmp: string) => Promise<T>): Promise<T> {
  const tmp = tijdelijkPad(pad);
  ruimAchtergeblevenOp(pad);
  try {
    // Made owner-only before anything is in it: an export may hold personal data.
    closeSync(openSync(tmp, 'w', 0o600));
    const uit = await vul(tmp);
    chmodSync(tmp, 0o600);
    naarSchijf(tmp);
    renameSync(tmp, pad);
    return uit;
  } catch (e) {
    rmSync(tmp, { force: true });
    throw schrijfFout(e, pad, { databaseIsBron: true });
  }
}
