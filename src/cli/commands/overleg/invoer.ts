/** Reading the overleg arguments: soort, dates, times and places. */
import { UsageError } from '../../../domain/errors.js';
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

/**
 * The <soort> argument of a command that also takes a <datum>: 'kvz overleg verzet 13-4 gio' has them
 * the wrong way round, and is told so (#15 item 9) rather than that '13-4' is no soort of meeting.
 */
export function soortArgument(soortInvoer: string, datumInvoer: string | undefined, commando: string): OverlegSoort {
  try {
    return parseSoort(soortInvoer, 'het argument <soort>');
  } catch (e) {
    if (datumInvoer === undefined) throw e;
    try {
      parseSoort(datumInvoer, 'het argument <soort>');
    } catch {
      throw e;
    }
    throw new UsageError(`De argumenten staan andersom: eerst de soort, dan de datum. Bedoelde u kvz overleg ${commando} ${datumInvoer.trim()} ${soortInvoer.trim()}?`);
  }
}

/** A place; given but empty is an error (there is no meeting nowhere). */
export function parseLocatie(input: string | undefined, veld: string): string | undefined {
  return input === undefined ? undefined : tekst(input, veld, { max: 200 });
}

export function parseReden(input: string | undefined): string | undefined {
  return optioneleTekst(input, '--reden', { max: 500 });
}
