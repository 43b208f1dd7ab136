/**
 * The arithmetic of the reports: the period, its months, medians and how a duration reads.
 * Reports are IV's internal overviews: vertrouwelijke meldingen are counted (never listed with
 * details), so the numbers add up with the database.
 */
import { UsageError } from './errors.js';
import { dagenTussen, parseDatum, plusDagen, plusMaanden, type Datum } from './tijd.js';

export interface Periode {
  van: Datum;
  tot: Datum;
}

/** 'YYYY-MM'. */
export type Maand = string;

function maandPlus(maand: Maand, n: number): Maand {
  return plusMaanden(`${maand}-01`, n).slice(0, 7);
}

/**
 * --van and --tot, with the default of the last 12 months: from the first day of the month eleven
 * months back up to and including today, so that the chart shows twelve calendar months.
 */
export function leesPeriode(van: string | undefined, tot: string | undefined, vandaag: Datum): Periode {
  const eind = tot === undefined ? vandaag : parseDatum(tot, '--tot', vandaag);
  const begin = van === undefined ? `${maandPlus(eind.slice(0, 7), -11)}-01` : parseDatum(van, '--van', vandaag);
  if (begin > eind) throw new UsageError('--van ligt na --tot; draai ze om.');
  return { van: begin, tot: eind };
}

/** Every month the period touches, in order. */
export function maandenVan(p: Periode): Maand[] {
  const maanden: Maand[] = [];
  for (let m = p.van.slice(0, 7); m <= p.tot.slice(0, 7); m = maandPlus(m, 1)) maanden.push(m);
  return maanden;
}

/** The period of the same length just before `p` (for "this period against the previous"). */
export function vorigePeriode(p: Periode): Periode {
  const dagen = dagenTussen(p.van, p.tot) + 1;
  return { van: plusDagen(p.van, -dagen), tot: plusDagen(p.van, -1) };
}

const MAANDEN = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** 'mrt 2027'. */
export function maandLabel(maand: Maand): string {
  return `${MAANDEN[Number(maand.slice(5, 7)) - 1]} ${maand.slice(0, 4)}`;
}

export function mediaan(waarden: readonly number[]): number | null {
  if (waarden.length === 0) return null;
  const s = [...waarden].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/** '45 min', '2 u 15 min', '3 d 4 u'. */
export function duurTekst(minuten: number | null): string {
  if (minuten === null) return '—';
  const m = Math.round(minuten);
  if (m < 60) return `${m} min`;
  if (m < 24 * 60) return `${Math.floor(m / 60)} u${m % 60 ? ` ${m % 60} min` : ''}`;
  const uren = Math.round(m / 60);
  return `${Math.floor(uren / 24)} d${uren % 24 ? ` ${uren % 24} u` : ''}`;
}

/** A share as a percentage for people: '87%'; no share without a denominator. */
export function procent(aandeel: number | null): string {
  return aandeel === null ? '—' : `${Math.round(aandeel * 100)}%`;
}

/** One melding as the forwarding report sees it. */
export interface DoorzettingFeit {
  maand: Maand;
  categorie: string;
  ontvangen_dag: Datum;
  eerste_dag: Datum | null;
  /** From receipt to first forwarding. */
  minuten: number | null;
  /** 1: first forwarded at a moment nobody recorded (an import without dates). */
  onbekend: number;
  /** 1: urgent (SPEC §11), shown apart in the report. */
  urgent: number;
}

export interface DoorzettingTelling {
  totaal: number;
  zelfde_dag: number;
  later: number;
  niet_doorgezet: number;
  /** Received today, not yet forwarded: not late yet, so outside the share. */
  vandaag_nog: number;
  /** Forwarded, but when is unknown: neither on time nor late, so outside the share too. */
  tijd_onbekend: number;
  aandeel_zelfde_dag: number | null;
  mediaan_minuten: number | null;
}

export function telDoorzetting(feiten: readonly DoorzettingFeit[], vandaag: Datum): DoorzettingTelling {
  let zelfde = 0;
  let later = 0;
  let niet = 0;
  let nog = 0;
  let onbekend = 0;
  const minuten: number[] = [];
  for (const f of feiten) {
    if (f.eerste_dag === null) {
      if (Number(f.onbekend) === 1) onbekend++;
      else if (f.ontvangen_dag >= vandaag) nog++;
      else niet++;
      continue;
    }
    if (f.eerste_dag <= f.ontvangen_dag) zelfde++;
    else later++;
    if (f.minuten !== null) minuten.push(Math.max(0, f.minuten));
  }
  const beoordeeld = zelfde + later + niet;
  return {
    totaal: feiten.length,
    zelfde_dag: zelfde,
    later,
    niet_doorgezet: niet,
    vandaag_nog: nog,
    tijd_onbekend: onbekend,
    aandeel_zelfde_dag: beoordeeld === 0 ? null : zelfde / beoordeeld,
    mediaan_minuten: mediaan(minuten),
  };
}
