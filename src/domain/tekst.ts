/**
 * Validation of free text and contact details typed by people. Text is stored exactly as typed
 * (after Unicode NFC and trimming); what is refused is what no person means to type: control
 * characters, direction overrides that disguise text, broken Unicode, and absurd lengths.
 */
import { UsageError } from './errors.js';

interface TekstRegels {
  max: number;
  /** Newlines and tabs allowed (descriptions, notes). */
  meerdereRegels?: boolean;
}

// C0/C1 control characters except tab and newline (checked separately), and bidi overrides/isolates.
const VERBODEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** A required text field. */
export function tekst(input: string, veld: string, regels: TekstRegels): string {
  const waarde = optioneleTekst(input, veld, regels);
  if (waarde === undefined) throw new UsageError(`${veld} mag niet leeg zijn.`);
  return waarde;
}

/** An optional text field: empty means absent. */
export function optioneleTekst(input: string | undefined, veld: string, regels: TekstRegels): string | undefined {
  if (input === undefined) return undefined;
  if (!input.isWellFormed()) {
    throw new UsageError(`${veld} bevat ongeldige Unicode-tekens; typ de tekst opnieuw.`);
  }
  // NFC only where it can matter: loading the normalisation tables costs start-up time.
  const waarde = (/^[\x00-\x7f]*$/.test(input) ? input : input.normalize('NFC')).replace(/\r\n?/g, '\n').trim();
  if (waarde === '') return undefined;
  if (VERBODEN.test(waarde) || (!regels.meerdereRegels && /[\n\t]/.test(waarde))) {
    const wat = regels.meerdereRegels ? 'stuurtekens (alleen regeleinden en tabs zijn toegestaan)' : 'stuurtekens of regeleinden';
    throw new UsageError(`${veld} bevat ${wat}.`);
  }
  // Counted in characters, not UTF-16 units; only worth counting when the units could be too many.
  if (waarde.length > regels.max && [...waarde].length > regels.max) {
    throw new UsageError(`${veld} is te lang: ten hoogste ${regels.max} tekens.`);
  }
  return waarde;
}

/** A Dutch or international phone number: digits with optional +, spaces, dashes, brackets. */
export function telefoon(input: string | undefined, veld: string): string | undefined {
  const waarde = optioneleTekst(input, veld, { max: 30 });
  if (waarde === undefined) return undefined;
  const cijfers = waarde.replace(/\D/g, '').length;
  if (!/^\+?[\d\s()-]+$/.test(waarde) || cijfers < 6 || cijfers > 15) {
    // The value itself is not repeated: it is the melder's personal data (stderr ends up in logs).
    throw new UsageError(`Ongeldig telefoonnummer voor ${veld}: gebruik cijfers, eventueel met +, spaties of streepjes (bijvoorbeeld 06-12345678).`);
  }
  return waarde;
}

export function email(input: string | undefined, veld: string): string | undefined {
  const waarde = optioneleTekst(input, veld, { max: 254 });
  if (waarde === undefined) return undefined;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(waarde)) {
    throw new UsageError(`Ongeldige waarde voor ${veld}: dat is geen e-mailadres; verwacht iets als naam@voorbeeld.nl.`);
  }
  return waarde;
}

/** A positive whole number (limits, intervals). */
export function positiefGetal(input: string, veld: string, max = 1_000_000_000): number {
  const n = /^\d+$/.test(input.trim()) ? Number(input.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > max) {
    throw new UsageError(`Ongeldige waarde voor ${veld}: '${input}'. Verwacht een heel getal van 1 tot en met ${max}.`);
  }
  return n;
}
