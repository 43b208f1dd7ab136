/** Naming a meeting on the command line: `--overleg gio:16-03-2027`, and how a reference reads back. */
import { UsageError } from './errors.js';
import { kies } from './keuze.js';
import { OVERLEG_SOORTEN, type OverlegSoort, type OverlegVerwijzing } from './actie.js';
import { datumKort, parseDatum, type Datum } from './tijd.js';

const NAMEN: Record<OverlegSoort, string> = { gio: 'GIO', tweewekelijks: 'tweewekelijks overleg', politie: 'politieoverleg' };

/** 'gio:16-03-2027', 'politie:2027-03-16', 'tweewekelijks:vandaag'. */
export function parseOverlegVerwijzing(input: string, veld: string, vandaag: Datum): OverlegVerwijzing {
  const scheiding = input.indexOf(':');
  if (scheiding < 0) {
    throw new UsageError(
      `Ongeldige waarde voor ${veld}: '${input}'. Verwacht soort:datum met soort gio, tweewekelijks of politie, bijvoorbeeld gio:16-03-2027.`,
    );
  }
  const soort = kies(input.slice(0, scheiding), veld, { soort: 'soort overleg', waarden: OVERLEG_SOORTEN }) as OverlegSoort;
  return { soort, datum: parseDatum(input.slice(scheiding + 1), veld, vandaag) };
}

/** 'GIO 16-03-2027'. */
export function overlegLabel(o: { soort: string; datum: Datum }): string {
  return `${NAMEN[o.soort as OverlegSoort] ?? o.soort} ${datumKort(o.datum)}`;
}
