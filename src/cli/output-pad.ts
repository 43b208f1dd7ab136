/**
 * --output (or another file to write): checked before anything is exported, so a typo in the path
 * leaves no audit row; an unprintable or broken name is refused like any other path (cli/invoer.ts).
 * Its own module, so that documents that are not CSV (agendas, minutes) do not load csv-stringify.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../domain/errors.js';
import { leesPad } from './invoer.js';

export function leesOutput(invoer: string | undefined, veld = '--output'): string | undefined {
  if (invoer === undefined) return undefined;
  if (invoer.trim() === '') throw new UsageError(`${veld} mag niet leeg zijn; geef een bestandsnaam.`);
  leesPad(invoer, veld);
  const pad = resolve(invoer);
  if (existsSync(pad) && statSync(pad).isDirectory()) throw new UsageError(`${veld} '${invoer}' is een map; geef een bestandsnaam.`);
  // The atomic rename would replace a device or pipe (/dev/null, /dev/stdout) by a plain file.
  if (existsSync(pad) && !statSync(pad).isFile()) {
    const standaard = veld === '--ics' ? 'gebruik --ics -' : `laat ${veld} weg`;
    throw new UsageError(`${veld} '${invoer}' is geen gewoon bestand; ${standaard} om naar de standaarduitvoer te schrijven.`);
  }
  const map = dirname(pad);
  if (!existsSync(map) || !statSync(map).isDirectory()) throw new UsageError(`De map voor ${veld} bestaat niet: ${map}.`);
  return invoer;
}
