/**
 * The columns of the two spreadsheet exports as xlsx (SPEC §9): the same columns, names and order as
 * their CSV (documents/matrix-csv.ts, meldingen-csv.ts), but with real dates and numbers.
 */
import { soortNaam } from '../domain/cadans.js';
import { datumKort, type Datum } from '../domain/tijd.js';
import type { MeldingExportRij } from '../store/export.js';
import type { MatrixRij } from '../store/matrix.js';
import { jaNeeCel } from './csv.js';
import { matrixKop } from './matrix-csv.js';
import { meldingKop } from './meldingen-csv.js';
import type { XlsxKolom, XlsxRij, XlsxSoort } from './xlsx.js';

const MATRIX: Record<string, [XlsxSoort, number]> = {
  Zaak: ['tekst', 12], Zaaktitel: ['tekst', 30], Soort: ['tekst', 9], Kern: ['tekst', 14], Actie: ['tekst', 13],
  Omschrijving: ['tekst', 42], 'Soort actie': ['tekst', 16], Partner: ['tekst', 14], Deadline: ['datum', 11], Status: ['tekst', 9], 'Te laat': ['tekst', 7],
  'Keer uitgesteld': ['getal', 10], 'Laatst bijgewerkt': ['tijdstip', 16], 'Afgesproken in': ['tekst', 24], Vertrouwelijk: ['tekst', 9],
};

const MELDINGEN: Record<string, [XlsxSoort, number]> = {
  Nummer: ['tekst', 13], 'Ontvangen op': ['tijdstip', 16], Kanaal: ['tekst', 10], Categorie: ['tekst', 16], Kern: ['tekst', 14],
  Adres: ['tekst', 24], Omschrijving: ['tekst', 45], Status: ['tekst', 11], Zaak: ['tekst', 12], 'Doorgezet naar': ['tekst', 22],
  'Eerst doorgezet op': ['tijdstip', 16], 'Doorgezet op dag van ontvangst': ['tekst', 12], Vergunninghouder: ['tekst', 9],
  Vertrouwelijk: ['tekst', 9], Terugkoppeling: ['tekst', 9], Urgent: ['tekst', 7], 'Afgehandeld op': ['tijdstip', 16], 'Naam melder': ['tekst', 22],
  'Telefoon melder': ['tekst', 16], 'E-mail melder': ['tekst', 28],
};

const kolommen = (kop: string[], soorten: Record<string, [XlsxSoort, number]>): XlsxKolom[] =>
  kop.map((k) => ({ kop: k, soort: soorten[k]![0], breedte: soorten[k]![1] }));

export const matrixKolommen = (metVertrouwelijk: boolean) => kolommen(matrixKop(metVertrouwelijk), MATRIX);
export const meldingKolommen = (metMelder: boolean) => kolommen(meldingKop(metMelder), MELDINGEN);

export function matrixXlsxRij(r: MatrixRij, metVertrouwelijk: boolean): XlsxRij {
  const cellen = [
    r.zaak, r.zaak_titel, r.zaak_soort, r.zaak_kern, r.nummer, r.omschrijving, r.soort, r.partner, r.deadline, r.status, jaNeeCel(r.te_laat),
    r.keer_uitgesteld, r.laatst_bijgewerkt,
    r.afgesproken_in === null ? null : `${soortNaam(r.afgesproken_in.soort)} ${datumKort(r.afgesproken_in.datum)}`,
  ];
  if (metVertrouwelijk) cellen.push(jaNeeCel(r.zaak_vertrouwelijk));
  return { cellen, markeer: r.te_laat };
}

/** A melding still not forwarded after its day of receipt is overdue by the same-day rule: highlighted. */
export function meldingXlsxRij(m: MeldingExportRij, metMelder: boolean, vandaag: Datum): XlsxRij {
  const cellen = [
    m.nummer, m.ontvangen_op, m.kanaal, m.categorie, m.kern, m.adres, m.omschrijving, m.status, m.zaak, m.doorgezet_naar,
    m.eerste_doorzetting_op, m.eerste_doorzetting_dag === null ? null : jaNeeCel(m.eerste_doorzetting_dag <= m.ontvangen_dag),
    jaNeeCel(m.vergunninghouder), jaNeeCel(m.vertrouwelijk), jaNeeCel(m.terugkoppeling), jaNeeCel(m.urgent), m.afgehandeld_op,
  ];
  if (metMelder) cellen.push(m.melder_naam ?? null, m.melder_telefoon ?? null, m.melder_email ?? null);
  return { cellen, markeer: m.status === 'nieuw' && m.ontvangen_dag < vandaag };
}
