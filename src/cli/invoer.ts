/** Reading flag values: the shared rules for required fields, numbers, --limit and --van/--tot. */
import { UsageError } from '../domain/errors.js';
import { positiefGetal } from '../domain/tekst.js';
import { parseDatum, type Datum } from '../domain/tijd.js';

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

/** How many rows a list asks for: --limit, else the table's standard; JSON gets every row. */
export function lijstLimiet(input: string | undefined, json: boolean | undefined): number | undefined {
  return limiet(input) ?? (json ? undefined : TABEL_STANDAARD_LIMIET);
}

/** --van and --tot as dates, either one optional; refused the wrong way round. */
export function leesVanTot(van: string | undefined, tot: string | undefined, vandaag: Datum): { van?: Datum; tot?: Datum } {
  const uit: { van?: Datum; tot?: Datum } = {};
  if (van !== undefined) uit.van = parseDatum(van, '--van', vandaag);
  if (tot !== undefined) uit.tot = parseDatum(tot, '--tot', vandaag);
  if (uit.van && uit.tot && uit.van > uit.tot) throw new UsageError('--van ligt na --tot; draai ze om.');
  return uit;
}

// C0 and C1 control characters (newline and tab included), DEL and direction overrides.
const ONDRUKBAAR = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/**
 * A file path given by the user, kept exactly as typed (no trimming or Unicode normalisation: the
 * file system compares bytes). Refused: empty, control characters, direction overrides (a classic
 * disguise of file names), broken Unicode, and absurd lengths.
 */
export function leesPad(invoer: string | undefined, veld: string): string {
  if (invoer === undefined || invoer.trim() === '') throw new UsageError(`${veld} mag niet leeg zijn; geef het pad van een bestand.`);
  if (!invoer.isWellFormed() || ONDRUKBAAR.test(invoer)) {
    throw new UsageError(`${veld} bevat stuurtekens of ongeldige Unicode-tekens; geef een gewoon bestandspad.`);
  }
  if (invoer.length > 4096) throw new UsageError(`${veld} is te lang: ten hoogste 4096 tekens.`);
  return invoer;
}
