/**
 * From typed text to a valid melding: one validator per field, shared by the flags of
 * `kvz melding add|update`, the interactive questions and the spreadsheet import, so every entry
 * route accepts and refuses exactly the same things.
 */
import { UsageError } from './errors.js';
import { kies, kiesMeerdere, type Keuzelijst } from './keuze.js';
import { KANALEN, LENGTE, type Kanaal, type NieuweMelding } from './melding.js';
import { parseNummer } from './nummers.js';
import { email, optioneleTekst, telefoon, tekst } from './tekst.js';
import { parseTijdstip } from './tijd.js';

export interface Lijsten {
  kern: Keuzelijst;
  categorie: Keuzelijst;
  partner: Keuzelijst;
}

const KANAAL_LIJST: Keuzelijst = { soort: 'kanaal', waarden: KANALEN, onzijdig: true };

/** What some validators need besides the text: the reference lists and the clock. */
export interface RegelContext {
  lijsten: Lijsten;
  nu: Date;
  /** Moments already read from these texts (an import sorts on them before checking the rows). */
  tijdstippen?: ReadonlyMap<string, Date>;
}

type Regel = (waarde: string, veld: string, c: RegelContext) => unknown;

/** One validator per text field; `veld` is how the message names it (a flag, or a column for import). */
export const veldRegels = {
  categorie: (v, veld, c) => kies(v, veld, c.lijsten.categorie),
  kern: (v, veld, c) => kies(v, veld, c.lijsten.kern),
  omschrijving: (v, veld) => tekst(v, veld, { max: LENGTE.omschrijving, meerdereRegels: true }),
  adres: (v, veld) => optioneleTekst(v, veld, { max: LENGTE.adres }),
  kanaal: (v, veld) => kies(v, veld, KANAAL_LIJST) as Kanaal,
  ontvangen: (v, veld, c) => c.tijdstippen?.get(v) ?? parseTijdstip(v, veld, c.nu),
  melderNaam: (v, veld) => optioneleTekst(v, veld, { max: LENGTE.naam }),
  melderTelefoon: (v, veld) => telefoon(v, veld),
  melderEmail: (v, veld) => email(v, veld),
  zaak: (v, veld) => parseNummer('zaak', v, veld),
  plaatsing: (v, veld) => parseNummer('plaatsing', v, veld),
  doorzetten: (v, veld, c) => kiesMeerdere(v, veld, c.lijsten.partner),
} satisfies Record<string, Regel>;

/** The raw values of a new melding, as flags or prompt answers give them. */
export interface RuweMelding {
  categorie?: string;
  kern?: string;
  omschrijving?: string;
  adres?: string;
  ontvangen?: string;
  kanaal?: string;
  melderNaam?: string;
  melderTelefoon?: string;
  melderEmail?: string;
  terugkoppeling?: boolean;
  vergunninghouder?: boolean;
  vertrouwelijk?: boolean;
  urgent?: boolean;
  zaak?: string;
  plaatsing?: string;
  doorzetten?: string;
}

export const VERPLICHT = ['categorie', 'kern', 'omschrijving'] as const;

/** Validates every given field; required ones must be present. `flag` names a field in messages. */
export function leesNieuweMelding(
  ruw: RuweMelding,
  c: RegelContext,
  flag: (veld: keyof RuweMelding) => string,
): NieuweMelding {
  const ontbreekt = VERPLICHT.filter((v) => ruw[v] === undefined || ruw[v]!.trim() === '');
  if (ontbreekt.length > 0) {
    throw new UsageError(`Verplicht veld ontbreekt: ${ontbreekt.map(flag).join(', ')}.`);
  }
  const regel = <K extends keyof typeof veldRegels>(veld: K) => veldRegels[veld](ruw[veld]!, flag(veld), c) as ReturnType<(typeof veldRegels)[K]>;
  const optioneel = <K extends keyof typeof veldRegels>(veld: K) => (ruw[veld] === undefined ? undefined : regel(veld));
  const m: NieuweMelding = {
    categorie: regel('categorie'),
    kern: regel('kern'),
    omschrijving: regel('omschrijving'),
    ontvangenOp: optioneel('ontvangen') ?? c.nu,
    kanaal: optioneel('kanaal') ?? 'telefoon',
    terugkoppeling: ruw.terugkoppeling ?? false,
    vergunninghouder: ruw.vergunninghouder ?? false,
    vertrouwelijk: ruw.vertrouwelijk ?? false,
    doorzettenNaar: optioneel('doorzetten') ?? [],
  };
  if (ruw.urgent) m.urgent = true;
  const adres = optioneel('adres');
  const melderNaam = optioneel('melderNaam');
  const melderTelefoon = optioneel('melderTelefoon');
  const melderEmail = optioneel('melderEmail');
  const zaak = optioneel('zaak');
  const plaatsing = optioneel('plaatsing');
  if (plaatsing !== undefined) {
    if (ruw.vergunninghouder === false) throw plaatsingZonderVergunninghouder(flag('plaatsing'));
    (m.plaatsing = plaatsing), (m.vergunninghouder = true);
  }
  if (adres !== undefined) m.adres = adres;
  if (melderNaam !== undefined) m.melderNaam = melderNaam;
  if (melderTelefoon !== undefined) m.melderTelefoon = melderTelefoon;
  if (melderEmail !== undefined) m.melderEmail = melderEmail;
  if (zaak !== undefined) m.zaak = zaak;
  if (m.terugkoppeling && !m.melderTelefoon && !m.melderEmail) {
    throw new UsageError(
      `${flag('terugkoppeling')} vraagt om een manier om de melder te bereiken: geef ook ${flag('melderTelefoon')} of ${flag('melderEmail')}.`,
    );
  }
  return m;
}

/** Validates only the text fields that were given (before asking for the others). */
export function valideerGegeven(ruw: RuweMelding, c: RegelContext, flag: (veld: keyof RuweMelding) => string): void {
  for (const veld of Object.keys(veldRegels) as (keyof typeof veldRegels)[]) {
    if (ruw[veld] !== undefined) veldRegels[veld](ruw[veld]!, flag(veld), c);
  }
}

/** A melding linked to a placement is about a vergunninghouder: saying it is not, is a contradiction (add and update). */
export function plaatsingZonderVergunninghouder(flag: string): UsageError {
  return new UsageError(`${flag} gaat over een vergunninghouder; laat --no-vergunninghouder weg.`);
}

/** '--melder-naam' for 'melderNaam'. */
export function alsFlag(veld: string): string {
  return `--${veld.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}
