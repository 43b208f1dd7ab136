/** Meldingen: the facts the front desk records, and the same-day forwarding rule. */
import type { Datum } from './tijd.js';

export const KANALEN = ['telefoon', 'balie', 'email', 'app', 'politie', 'anders'] as const;
export type Kanaal = (typeof KANALEN)[number];

/** vervallen: a duplicate or one made in error, closed with a reason; stored as afgehandeld plus a flag (schema.sql). */
export const MELDING_STATUSSEN = ['nieuw', 'doorgezet', 'afgehandeld', 'vervallen'] as const;
export type MeldingStatus = (typeof MELDING_STATUSSEN)[number];
/** `--status openstaand`: meldingen not yet handled. */
export const MELDING_OPENSTAAND: readonly MeldingStatus[] = ['nieuw', 'doorgezet'];

export const CONTACT_SOORTEN = ['informatie', 'terugkoppeling'] as const;
export type ContactSoort = (typeof CONTACT_SOORTEN)[number];

/** Field limits, shared by flags, prompts and import. */
export const LENGTE = { omschrijving: 4000, adres: 200, naam: 200, notitie: 2000 } as const;

/** The facts of a new melding, validated and resolved against the reference lists. */
export interface NieuweMelding {
  ontvangenOp: Date;
  kanaal: Kanaal;
  categorie: string;
  kern: string;
  adres?: string;
  omschrijving: string;
  melderNaam?: string;
  melderTelefoon?: string;
  melderEmail?: string;
  terugkoppeling: boolean;
  vergunninghouder: boolean;
  vertrouwelijk: boolean;
  /** Acuut (SPEC §11): first in lists and status, marked !! until forwarded. */
  urgent?: boolean;
  zaak?: string;
  /** The placement of vergunninghouders it concerns (SPEC §11); implies vergunninghouder. */
  plaatsing?: string;
  doorzettenNaar: string[];
  /** When the forwarding given with the melding happened; defaults to the moment of registration. */
  doorgezetOp?: Date;
}

/** The changeable facts of a melding; undefined = unchanged, null = cleared. */
export interface MeldingWijziging {
  ontvangenOp?: Date;
  kanaal?: Kanaal;
  categorie?: string;
  kern?: string;
  adres?: string | null;
  omschrijving?: string;
  melderNaam?: string | null;
  melderTelefoon?: string | null;
  melderEmail?: string | null;
  terugkoppeling?: boolean;
  vergunninghouder?: boolean;
  vertrouwelijk?: boolean;
  urgent?: boolean;
  /** A placement number links it (and makes it about a vergunninghouder). */
  plaatsing?: string;
}

/**
 * The forwarding rule of the plan: a melding goes to the partners on the day it comes in.
 * `eersteDoorzetting` is the Amsterdam date of the first forwarding whose moment is known, if any;
 * `onbekend`: it was forwarded at a moment nobody recorded (an import without dates): not late, unknown.
 */
export function doorzettingOordeel(
  ontvangenDag: Datum,
  eersteDoorzetting: Datum | undefined,
  vandaag: Datum,
  onbekend = false,
): 'op-tijd' | 'te-laat' | 'vandaag-nog-doen' | 'niet-doorgezet' | 'onbekend' {
  if (eersteDoorzetting !== undefined) return eersteDoorzetting <= ontvangenDag ? 'op-tijd' : 'te-laat';
  if (onbekend) return 'onbekend';
  return ontvangenDag >= vandaag ? 'vandaag-nog-doen' : 'niet-doorgezet';
}
