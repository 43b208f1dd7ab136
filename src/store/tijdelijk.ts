/**
 * Files that kvz writes under a temporary name beside their target and renames into place when they
 * are complete (backups, exports, calendars). A process killed halfway cannot remove its temporary
 * file, which may hold melder data; the next write to the same target removes what processes that no
 * longer run left behind.
 */
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DomainError } from '../domain/errors.js';

/** `.matrix.csv.<pid>.<ms>.tmp` beside `doel`: hidden, and recognisable as this process's. */
export function tijdelijkPad(doel: string): string {
  return join(dirname(doel), `.${basename(doel)}.${process.pid}.${Date.now()}.tmp`);
}

/** Removes temporary files of earlier writes to `doel` whose process is gone; best effort. */
export function ruimAchtergeblevenOp(doel: string): void {
  const naam = basename(doel).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patroon = new RegExp(`^\\.${naam}\\.(\\d+)\\.\\d+\\.tmp(-journal|-wal|-shm)?$`);
  const map = dirname(doel);
  try {
    for (const bestand of readdirSync(map)) {
      const pid = patroon.exec(bestand)?.[1];
      if (pid !== undefined && !leeft(Number(pid))) rmSync(join(map, bestand), { force: true });
    }
  } catch {
    // An unreadable directory fails clearly a moment later, when the file is written.
  }
}

function leeft(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** A failed write to `doel` in words, naming the directory: no rights, or a full disk. Other errors pass. */
export function schrijfFout(e: unknown, doel: string, { databaseIsBron = false } = {}): unknown {
  const code = (e as { code?: string }).code;
  const map = dirname(resolve(doel));
  // Writing an export, SQLite's errors are the database's (its audit row), not the output folder's.
  if (databaseIsBron && code?.startsWith('SQLITE_')) {
    const reden = code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') ? 'de database is alleen-lezen' : code === 'SQLITE_FULL' ? 'de schijf met de database is vol' : null;
    if (reden === null) return e;
    return new DomainError(`De export kon niet in het auditlog van de database worden vastgelegd: ${reden}. Er is niets geschreven; ${doel} is niet aangeraakt.`);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code?.startsWith('SQLITE_READONLY') || code?.startsWith('SQLITE_CANTOPEN')) {
    return new DomainError(`Kan niet schrijven in ${map}: geen schrijfrechten. Er is niets geschreven.`);
  }
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return new DomainError(`De schijf met ${map} is vol; er is niets geschreven.`);
  return e;
}
