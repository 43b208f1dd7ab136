/**
 * The columns of `kvz export meldingen`. Their names are also what `kvz import meldingen` reads
 * (domain/melding-import.ts), so an export can be imported elsewhere.
 */
import type { MeldingExportRij } from '../store/export.js';
import { jaNeeCel, telefoonCel, tijdstipCel, type Cel, type CsvFormaat } from './csv.js';

const KOP = [
  'Nummer', 'Ontvangen op', 'Kanaal', 'Categorie', 'Kern', 'Adres', 'Omschrijving', 'Status', 'Zaak',
  'Doorgezet naar', 'Eerst doorgezet op', 'Doorgezet op dag van ontvangst', 'Vergunninghouder', 'Vertrouwelijk',
  'Terugkoppeling', 'Urgent', 'Afgehandeld op',
] as const;

const MELDER_KOP = ['Naam melder', 'Telefoon melder', 'E-mail melder'] as const;

export function meldingKop(metMelder: boolean): string[] {
  return metMelder ? [...KOP, ...MELDER_KOP] : [...KOP];
}

export function meldingCellen(m: MeldingExportRij, formaat: CsvFormaat, metMelder: boolean): Cel[] {
  const cellen: Cel[] = [
    m.nummer,
    tijdstipCel(m.ontvangen_op, formaat),
    m.kanaal,
    m.categorie,
    m.kern,
    m.adres,
    m.omschrijving,
    m.status,
    m.zaak,
    m.doorgezet_naar,
    tijdstipCel(m.eerste_doorzetting_op, formaat),
    m.eerste_doorzetting_dag === null ? '' : jaNeeCel(m.eerste_doorzetting_dag <= m.ontvangen_dag),
    jaNeeCel(m.vergunninghouder),
    jaNeeCel(m.vertrouwelijk),
    jaNeeCel(m.terugkoppeling),
    jaNeeCel(m.urgent),
    tijdstipCel(m.afgehandeld_op, formaat),
  ];
  if (metMelder) cellen.push(m.melder_naam, telefoonCel(m.melder_telefoon, formaat), m.melder_email);
  return cellen;
}
