/**
 * Acties, the rows of the matrix: what a partner does for a zaak and by when. The rules here decide
 * what "te laat" and "uitgesteld" mean; they are judged on Amsterdam calendar dates.
 */
import type { OverlegSoort } from './cadans.js';
import type { Datum } from './tijd.js';

export const ACTIE_STATUSSEN = ['open', 'loopt', 'gereed', 'vervallen'] as const;
export type ActieStatus = (typeof ACTIE_STATUSSEN)[number];
/** Words people use for a status (minutes, `actie update`): 'afgerond' is gereed. */
export const ACTIE_STATUS_ALIASSEN: ReadonlyMap<string, ActieStatus> = new Map([
  ['afgerond', 'gereed'], ['klaar', 'gereed'], ['gedaan', 'gereed'], ['uitgevoerd', 'gereed'],
  ['bezig', 'loopt'], ['lopend', 'loopt'], ['loopt nog', 'loopt'],
  ['geannuleerd', 'vervallen'], ['vervalt', 'vervallen'], ['niet meer nodig', 'vervallen'],
]);
/** `--status openstaand`: what partners still owe (the matrix's default). */
export const ACTIE_OPENSTAAND: readonly ActieStatus[] = ['open', 'loopt'];

export const ACTIE_SOORTEN = [
  'gesprek-bewoners',
  'gesprek-melder',
  'handhaving',
  'huisbezoek',
  'communicatie',
  'zorg',
  'overig',
] as const;
export type ActieSoort = (typeof ACTIE_SOORTEN)[number];

export const ACTIE_LENGTE = { omschrijving: 1000, notitie: 2000 } as const;

/** Still to happen: what a partner owes. */
export function isLopend(status: ActieStatus): boolean {
  return status === 'open' || status === 'loopt';
}

/** Overdue: the deadline is before today (Amsterdam) and the actie is still open or running. */
export function isTeLaat(deadline: Datum, status: ActieStatus, vandaag: Datum): boolean {
  return isLopend(status) && deadline < vandaag;
}

/** A postponement: the deadline moves to a later date (an earlier one is not). */
export function isUitstel(oud: Datum, nieuw: Datum): boolean {
  return nieuw > oud;
}

/** An actie as lists, agendas and `--json` show it: the keys SPEC §2 names, in its order. */
export interface ActieBasis {
  nummer: string;
  zaak: string;
  omschrijving: string;
  partner: string;
  deadline: Datum;
  status: ActieStatus;
  keer_uitgesteld: number;
  te_laat: boolean;
}

/** The facts of an actie that its history follows. */
export interface ActieStand {
  status: ActieStatus;
  deadline: Datum;
  partner: string;
}

export type ActieVeld = keyof ActieStand;

/** What a change does to an actie: the new state, the fields that really changed, and whether it was postponed. */
export function pasWijzigingToe(
  oud: ActieStand,
  w: Partial<ActieStand>,
): { nieuw: ActieStand; gewijzigd: ActieVeld[]; uitgesteld: boolean } {
  const nieuw: ActieStand = {
    status: w.status ?? oud.status,
    deadline: w.deadline ?? oud.deadline,
    partner: w.partner ?? oud.partner,
  };
  const gewijzigd = (['status', 'deadline', 'partner'] as const).filter((v) => nieuw[v] !== oud[v]);
  return { nieuw, gewijzigd, uitgesteld: isUitstel(oud.deadline, nieuw.deadline) };
}

/** The facts of a new actie, validated and resolved against the reference lists. */
export interface NieuweActie {
  zaak: string;
  omschrijving: string;
  soort: ActieSoort;
  partner: string;
  deadline: Datum;
  overleg?: OverlegVerwijzing;
}

/** A change to an actie; undefined = unchanged. */
export interface ActieWijziging extends Partial<ActieStand> {
  notitie?: string;
  overleg?: OverlegVerwijzing;
}

/** The meeting where something was agreed, as `--overleg gio:16-03-2027` names it. */
export interface OverlegVerwijzing {
  soort: OverlegSoort;
  datum: Datum;
}
