/**
 * The columns of `kvz export matrix` (SPEC §4.5): per actie the facts of its zaak, what is agreed,
 * with whom, by when, and how it stands. Never anything about melders: the matrix holds none.
 */
import { soortNaam } from '../domain/cadans.js';
import type { MatrixRij } from '../store/matrix.js';
import { datumCel, jaNeeCel, tijdstipCel, type Cel, type CsvFormaat } from './csv.js';

const KOP = [
  'Zaak', 'Zaaktitel', 'Soort', 'Kern', 'Actie', 'Omschrijving', 'Soort actie', 'Partner', 'Deadline', 'Status', 'Te laat',
  'Keer uitgesteld', 'Laatst bijgewerkt', 'Afgesproken in',
] as const;

/** With vertrouwelijke zaken in the file, a last column marks them, so no reader mistakes one for shareable. */
export function matrixKop(metVertrouwelijk: boolean): string[] {
  return metVertrouwelijk ? [...KOP, 'Vertrouwelijk'] : [...KOP];
}

export function matrixCellen(r: MatrixRij, formaat: CsvFormaat, metVertrouwelijk: boolean): Cel[] {
  const cellen: Cel[] = [
    r.zaak,
    r.zaak_titel,
    r.zaak_soort,
    r.zaak_kern,
    r.nummer,
    r.omschrijving,
    r.soort,
    r.partner,
    datumCel(r.deadline, formaat),
    r.status,
    jaNeeCel(r.te_laat),
    r.keer_uitgesteld,
    tijdstipCel(r.laatst_bijgewerkt, formaat),
    r.afgesproken_in === null ? '' : `${soortNaam(r.afgesproken_in.soort)} ${datumCel(r.afgesproken_in.datum, formaat)}`,
  ];
  if (metVertrouwelijk) cellen.push(jaNeeCel(r.zaak_vertrouwelijk));
  return cellen;
}
