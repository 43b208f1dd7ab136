/**
 * What the agenda and the minutes of each meeting hold (SPEC §4.4): who takes part, the items in
 * order, which zaken go under which item, and the trends. Pure: the store gathers the facts, the
 * documents render them. These objects are also the `kvz agenda --json` output (snake_case, ISO dates).
 *
 * Confidentiality: only the politieoverleg sees vertrouwelijke meldingen and zaken; for the GIO and
 * the tweewekelijks overleg the store leaves them out of every list and every count. No document
 * carries a melder's name, phone or e-mail, nor a melding's address or description.
 */
import { isLopend, type ActieBasis, type ActieStatus } from './actie.js';
import type { OverlegSoort } from './cadans.js';
import type { Datum } from './tijd.js';

export const AGENDAPUNTEN = {
  gio: [
    'Opening',
    'Notulen en matrix van het vorige GIO',
    'Nieuwe zaken: aanpak bepalen',
    'Lopende zaken: voortgang',
    'Monitoring vergunninghouders',
    'Aandacht: jeugdoverlast',
    'Zaken die klaar zijn om te sluiten',
    'Rondvraag',
  ],
  tweewekelijks: [
    'Opening',
    'Nieuwe meldingen',
    'Meldingen die niet of niet op de dag van ontvangst zijn doorgezet',
    'Acties uit het laatste GIO met een deadline vóór het volgende GIO',
    'Te late acties',
    'Afstemming tussen de partners',
    'Rondvraag',
  ],
  politie: [
    'Opening',
    'Trends: meldingen per categorie en per kern',
    'Zaken met drie of meer meldingen in de periode',
    'Vertrouwelijke zaken en hun acties',
    'Afstemming tussendoor sinds het vorige politieoverleg',
    'Vergunninghouders en jeugd',
    'Rondvraag',
  ],
} as const satisfies Record<OverlegSoort, readonly string[]>;

/** Whether a meeting may see vertrouwelijke meldingen and zaken: only the politieoverleg. */
export function zietVertrouwelijk(soort: OverlegSoort): boolean {
  return soort === 'politie';
}

/** A zaak with this many meldingen in the window is on the politie agenda. */
export const VEEL_MELDINGEN = 3;

export interface Periode {
  van: Datum;
  tot_en_met: Datum;
}

export type ActieOpAgenda = ActieBasis;

export interface ZaakOpAgenda {
  nummer: string;
  titel: string;
  soort: string;
  kern: string;
  status: 'open' | 'gesloten';
  vertrouwelijk: boolean;
  eigenaar: string;
  geopend_op: string;
  geopend_dag: Datum;
  /** All meldingen of the zaak, and those received in the window. */
  meldingen: number;
  meldingen_in_periode: number;
  /** Its acties still open or running, and those finished during the window. */
  acties: ActieOpAgenda[];
  /** What the last meeting of this soort that wrote afspraken about it agreed (its verslag). */
  afspraken_vorige_keer: { datum: Datum; afspraken: string } | null;
}

/** A melding as an agenda lists it: no address, no description, no melder. */
export interface MeldingOpAgenda {
  nummer: string;
  ontvangen_op: string;
  ontvangen_dag: Datum;
  categorie: string;
  kern: string;
  zaak: string | null;
  vergunninghouder: boolean;
  doorgezet_naar: string[];
  eerste_doorzetting_dag: Datum | null;
  doorzetting: 'op-tijd' | 'te-laat' | 'niet-doorgezet' | 'vandaag-nog-doen' | 'onbekend';
}

export interface Telling {
  aantal: number;
  vorige_periode: number;
}

export type PerCategorie = ({ categorie: string } & Telling)[];
export type PerKern = ({ kern: string } & Telling)[];

export interface AgendaKop {
  soort: OverlegSoort;
  titel: string;
  overleg: { datum: Datum; tijd: string; locatie: string; status: string; verschoven_van: Datum | null; reden: string | null };
  deelnemers: { code: string; naam: string }[];
  /** The window: the days whose meldingen this meeting discusses (SPEC §4.3). */
  venster: Periode & { vorige: { soort: OverlegSoort; datum: Datum } | null };
  /** The date the matrix is shown as of ("te laat" is judged on it): the day the document was made. */
  peildatum: Datum;
  agendapunten: string[];
}

/** A placement of vergunninghouders as the GIO and rapport vergunninghouders show it (SPEC §11). */
export interface PlaatsingOpAgenda {
  nummer: string;
  kern: string;
  datum: Datum;
  einde: Datum | null;
  /** Meldingen since the placement, up to the end of the window. */
  meldingen_sinds_plaatsing: number;
  /** Of those, received in the window. */
  meldingen_in_periode: number;
  /** The last contact (visit, call) up to the end of the window, or null. */
  laatste_contact: { dag: Datum; soort: string } | null;
}

export interface GioAgenda extends AgendaKop {
  soort: 'gio';
  vorig_venster: Periode;
  /**
   * While the window still runs (the agenda is made before its last day): counted up to and
   * including the peildatum, `dagen` of its `van_dagen` days, and vorig_venster shortened to as many
   * days, so the trend compares like with like. Null once the window is over.
   */
  periode_loopt: { tot_en_met: Datum; dagen: number; van_dagen: number } | null;
  vorig_gio: {
    datum: Datum;
    aanwezig: string[];
    acties: number;
    per_status: Record<ActieStatus, number>;
    te_laat: number;
  } | null;
  nieuwe_zaken: ZaakOpAgenda[];
  lopende_zaken: ZaakOpAgenda[];
  vergunninghouders: {
    totaal: number;
    per_categorie: { categorie: string; aantal: number }[];
    per_kern: { kern: string; aantal: number }[];
    /** Per placement running in the window (SPEC §11): by number and kern, never the address. */
    plaatsingen: PlaatsingOpAgenda[];
  };
  jeugdoverlast: Telling & { per_kern: PerKern };
  klaar_om_te_sluiten: ZaakOpAgenda[];
}

export interface TweewekelijksAgenda extends AgendaKop {
  soort: 'tweewekelijks';
  nieuwe_meldingen: MeldingOpAgenda[];
  /** In the window and forwarded late or not at all, and older ones still never forwarded. */
  niet_op_tijd_doorgezet: MeldingOpAgenda[];
  laatste_gio: Datum | null;
  volgende_gio: Datum | null;
  acties_laatste_gio: ActieOpAgenda[];
  te_late_acties: ActieOpAgenda[];
  /** The open zaken of those acties, each with its open and running acties: the tables of the minutes. */
  zaken: ZaakOpAgenda[];
}

export interface PolitieAgenda extends AgendaKop {
  soort: 'politie';
  vorig_venster: Periode;
  /**
   * While the window still runs (the agenda is made before its last day): counted up to and
   * including the peildatum, `dagen` of its `van_dagen` days, and vorig_venster shortened to as many
   * days, so the trend compares like with like. Null once the window is over.
   */
  periode_loopt: { tot_en_met: Datum; dagen: number; van_dagen: number } | null;
  trends: Telling & { per_categorie: PerCategorie; per_kern: PerKern };
  zaken_veel_meldingen: ZaakOpAgenda[];
  vertrouwelijke_zaken: ZaakOpAgenda[];
  vertrouwelijke_meldingen: MeldingOpAgenda[];
  /** Contact in between (SPEC §11) in the period: since the previous politieoverleg. */
  afstemmingen: AfstemmingOpAgenda[];
  vergunninghouders: Telling & { per_categorie: PerCategorie };
  jeugdoverlast: Telling & { per_kern: PerKern };
}

/** An afstemming tussendoor (SPEC §11) as the politie agenda, lists and JSON show it. */
export interface AfstemmingOpAgenda {
  nummer: string;
  op: string;
  tussen: string[];
  onderwerp: string;
  zaak: string | null;
  /** Asked, or through its zaak. */
  vertrouwelijk: boolean;
}

export type Agenda = GioAgenda | TweewekelijksAgenda | PolitieAgenda;

/** Every zaak an agenda shows, once. */
export function zakenOp(a: Agenda): ZaakOpAgenda[] {
  const lijsten =
    a.soort === 'gio' ? [a.nieuwe_zaken, a.lopende_zaken, a.klaar_om_te_sluiten]
    : a.soort === 'tweewekelijks' ? [a.zaken]
    : [a.zaken_veel_meldingen, a.vertrouwelijke_zaken];
  return [...new Set(lijsten.flat())];
}

/** The facts about an open zaak that decide where it goes on the GIO agenda. */
export interface ZaakFeit {
  geopend_dag: Datum;
  /** Whether it has any actie at all, whatever its status. */
  heeft_acties: boolean;
  /** At least its acties that are open or running. */
  acties: readonly { status: ActieStatus }[];
}

export type GioPlek = 'nieuw' | 'lopend' | 'klaar';

/**
 * Where an open zaak goes on the GIO agenda: new (opened in the window, or without any actie: its
 * approach is still to be decided), ready to close (every actie gereed or vervallen), else running.
 */
export function gioPlek(z: ZaakFeit, venster: { van: Datum; tot: Datum }): GioPlek {
  if ((z.geopend_dag >= venster.van && z.geopend_dag < venster.tot) || !z.heeft_acties) return 'nieuw';
  return z.acties.some((a) => isLopend(a.status)) ? 'lopend' : 'klaar';
}

/** Counts per key in this window and the previous, most first; keys seen in either window. */
export function trend(deze: ReadonlyMap<string, number>, vorige: ReadonlyMap<string, number>): ({ sleutel: string } & Telling)[] {
  return [...new Set([...deze.keys(), ...vorige.keys()])]
    .map((sleutel) => ({ sleutel, aantal: deze.get(sleutel) ?? 0, vorige_periode: vorige.get(sleutel) ?? 0 }))
    .sort((a, b) => b.aantal - a.aantal || b.vorige_periode - a.vorige_periode || (a.sleutel < b.sleutel ? -1 : a.sleutel > b.sleutel ? 1 : 0));
}

/** Counts per key, most first. */
export function perSleutel(telling: ReadonlyMap<string, number>): { sleutel: string; aantal: number }[] {
  return [...telling.entries()]
    .map(([sleutel, aantal]) => ({ sleutel, aantal }))
    .sort((a, b) => b.aantal - a.aantal || (a.sleutel < b.sleutel ? -1 : a.sleutel > b.sleutel ? 1 : 0));
}

export function telOp(telling: Map<string, number>, sleutel: string, n = 1): void {
  telling.set(sleutel, (telling.get(sleutel) ?? 0) + n);
}

export function som(telling: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const v of telling.values()) n += v;
  return n;
}
