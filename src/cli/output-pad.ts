/**
 * --output: checked before anything is read or exported, so a typo in the path leaves no audit row.
 * Its own module: documents that are not CSV (agendas, minutes) need it without loading csv-stringify.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../domain/errors.js';
import { leesPad } from './invoer.js';

export function leesOutput(invoer: string | undefined): string | undefined {
  if (invoer === undefined) return undefined;
  if (invoer.trim() === '') throw new UsageError('--output mag niet leeg zijn; geef een bestandsnaam.');
  leesPad(invoer, '--output');
  const pad = resolve(invoer);
  if (existsSync(pad) && statSync(pad).isDirectory()) throw new UsageError(`--output '${invoer}' is een map; geef een bestandsnaam.`);
  const map = dirname(pad);
  if (!existsSync(map) || !statSync(map).isDirectory()) throw new UsageError(`De map voor --output bestaat niet: ${map}.`);
  return invoer;
}
