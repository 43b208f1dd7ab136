/**
 * Stable numbers: M-2027-0042 (melding), Z-2027-001 (zaak), A-2027-0001 (actie). Numbered per year,
 * never reused; commands accept them in any case.
 */
import { UsageError } from './errors.js';

export type NummerSoort = 'melding' | 'zaak' | 'actie' | 'afstemming' | 'plaatsing';

const OPMAAK: Record<NummerSoort, { letter: string; cijfers: number; voorbeeld: string }> = {
  melding: { letter: 'M', cijfers: 4, voorbeeld: 'M-2027-0042' },
  zaak: { letter: 'Z', cijfers: 3, voorbeeld: 'Z-2027-001' },
  actie: { letter: 'A', cijfers: 4, voorbeeld: 'A-2027-0001' },
  afstemming: { letter: 'AF', cijfers: 3, voorbeeld: 'AF-2027-001' },
  plaatsing: { letter: 'P', cijfers: 2, voorbeeld: 'P-2027-01' },
};

export function formatNummer(soort: NummerSoort, jaar: number, volgnummer: number): string {
  const o = OPMAAK[soort];
  return `${o.letter}-${jaar}-${String(volgnummer).padStart(o.cijfers, '0')}`;
}

/** Normalises a typed number ('m-2027-42' → 'M-2027-0042'); a usage error when it is not one. */
export function parseNummer(soort: NummerSoort, input: string, veld: string = soort): string {
  const o = OPMAAK[soort];
  const m = new RegExp(`^${o.letter}-?(\\d{4})-?(\\d{1,7})$`, 'i').exec(input.trim());
  if (!m || +m[2]! < 1) {
    throw new UsageError(`Ongeldig nummer voor ${veld}: '${input}'. Verwacht een nummer als ${o.voorbeeld}.`);
  }
  return formatNummer(soort, +m[1]!, +m[2]!);
}
