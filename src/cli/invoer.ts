/** Reading flag values: the shared rules for required fields, numbers and --limit. */
import { UsageError } from '../domain/errors.js';
import { optioneleTekst, positiefGetal } from '../domain/tekst.js';

/** The usage error for required values that were not given and cannot be asked for. */
export function ontbrekendeWaarden(flags: string[], kanVragen = false): UsageError {
  const lijst = flags.join(', ');
  const waarom = kanVragen ? '' : ' (vragen kan alleen in een terminal, zonder --no-input)';
  return new UsageError(
    flags.length === 1
      ? `De optie ${lijst} ontbreekt; geef haar mee${waarom}.`
      : `De opties ${lijst} ontbreken; geef ze mee${waarom}.`,
  );
}

/** Fails with a usage error naming every required flag that has no value. */
export function eisWaarden(waarden: Record<string, unknown>): void {
  const ontbreekt = Object.entries(waarden)
    .filter(([, v]) => v === undefined || (typeof v === 'string' && v.trim() === ''))
    .map(([flag]) => flag);
  if (ontbreekt.length > 0) throw ontbrekendeWaarden(ontbreekt);
}

export function limiet(input: string | undefined): number | undefined {
  return input === undefined ? undefined : positiefGetal(input, '--limit');
}

/** A table shows at most this many rows unless --limit says otherwise (SPEC §4.1). */
export const TABEL_STANDAARD_LIMIET = 50;

/** A file path given by the user: not empty, no control characters or direction overrides, not absurdly long. */
export function leesPad(invoer: string | undefined, veld: string): string {
  const pad = optioneleTekst(invoer, veld, { max: 4096 });
  if (pad === undefined) throw new UsageError(`${veld} mag niet leeg zijn; geef het pad van een bestand.`);
  return pad;
}
