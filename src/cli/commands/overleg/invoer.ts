/** Reading the overleg arguments: soort, dates, times and places. */
import { kies } from '../../../domain/keuze.js';
import { OVERLEG_SOORTEN, type OverlegSoort } from '../../../domain/cadans.js';
import { optioneleTekst, tekst } from '../../../domain/tekst.js';

const ALIASSEN = new Map<string, OverlegSoort>([
  ['politieoverleg', 'politie'],
  ['groot-integraal-overleg', 'gio'],
  ['tweewekelijks-overleg', 'tweewekelijks'],
]);

export function parseSoort(input: string, veld: string): OverlegSoort {
  return kies(input, veld, { soort: 'soort overleg', waarden: OVERLEG_SOORTEN, aliassen: ALIASSEN }) as OverlegSoort;
}

/** A place; given but empty is an error (there is no meeting nowhere). */
export function parseLocatie(input: string | undefined, veld: string): string | undefined {
  return input === undefined ? undefined : tekst(input, veld, { max: 200 });
}

export function parseReden(input: string | undefined): string | undefined {
  return optioneleTekst(input, '--reden', { max: 500 });
}
