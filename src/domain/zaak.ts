/** Zaken: meldingen that belong together, as an overlast- or zorgzaak, with the facts IV keeps on them. */

export const ZAAK_SOORTEN = ['overlast', 'zorg'] as const;
export type ZaakSoort = (typeof ZAAK_SOORTEN)[number];

export const ZAAK_STATUSSEN = ['open', 'gesloten'] as const;
export type ZaakStatus = (typeof ZAAK_STATUSSEN)[number];
/** `--status openstaand`: zaken still running. */
export const ZAAK_OPENSTAAND: readonly ZaakStatus[] = ['open'];

/** The facts every view of a zaak starts with (SPEC §2); `meldingen` and `acties` differ per view. */
export interface ZaakBasis {
  nummer: string;
  titel: string;
  soort: ZaakSoort;
  kern: string;
  status: ZaakStatus;
  vertrouwelijk: boolean;
}

/** Field limits, shared by flags and prompts. */
export const ZAAK_LENGTE = { titel: 200, resultaat: 2000 } as const;

/** The facts of a new zaak, validated and resolved against the reference lists. */
export interface NieuweZaak {
  titel: string;
  soort: ZaakSoort;
  kern: string;
  eigenaar: string;
  vertrouwelijk: boolean;
  /** Melding numbers to link to the new zaak. */
  meldingen: string[];
}

/** The changeable facts of a zaak; undefined = unchanged. */
export interface ZaakWijziging {
  titel?: string;
  soort?: ZaakSoort;
  kern?: string;
  eigenaar?: string;
  vertrouwelijk?: boolean;
}
