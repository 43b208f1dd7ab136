/** Reading the flags of the actie commands: one validator per field, shared by add, update and list. */
import { ACTIE_LENGTE, ACTIE_OPENSTAAND, ACTIE_STATUS_ALIASSEN, ACTIE_SOORTEN, ACTIE_STATUSSEN, type ActieSoort, type ActieStatus } from '../../../domain/actie.js';
import type { OverlegVerwijzing } from '../../../domain/actie.js';
import { UsageError } from '../../../domain/errors.js';
import { kies, kiesMeerdere, kiesStatussen, type Keuzelijst } from '../../../domain/keuze.js';
import { optioneleTekst, tekst } from '../../../domain/tekst.js';
import { parseDatum, volgendSoort, type Datum, type DatumVeld } from '../../../domain/tijd.js';
import type { Db } from '../../../store/db.js';
import type { MatrixFilter } from '../../../store/matrix.js';
import { volgendDatums } from '../../../store/overleggen.js';
import { parseSoort } from '../overleg/invoer.js';

const SOORT_LIJST: Keuzelijst = { soort: 'soort actie', meervoud: 'soorten', waarden: ACTIE_SOORTEN };
const STATUS_LIJST: Keuzelijst = { soort: 'status', waarden: ACTIE_STATUSSEN, aliassen: ACTIE_STATUS_ALIASSEN };

export const actieInvoer = {
  omschrijving: (v: string, veld = '--omschrijving') => tekst(v, veld, { max: ACTIE_LENGTE.omschrijving, meerdereRegels: true }),
  partner: (v: string, lijst: Keuzelijst, veld = '--partner') => kies(v, veld, lijst),
  /** A deadline lies ahead: 30-6 after June is next year's; volgend-gio is the next GIO (from `volgend`). */
  deadline: (v: string, vandaag: Datum, volgend: DatumVeld['volgend'] = {}, veld = '--deadline') =>
    parseDatum(v, veld, vandaag, { toekomst: true, volgend }),
  soort: (v: string) => kies(v, '--soort', SOORT_LIJST) as ActieSoort,
  /** A list's `--soort`: one or more interventions, with commas. */
  soorten: (v: string) => kiesMeerdere(v, '--soort', SOORT_LIJST) as ActieSoort[],
  status: (v: string) => kies(v, '--status', STATUS_LIJST) as ActieStatus,
  /** A list's `--status` (SPEC §12): exact statuses, a comma list, openstaand (open, loopt) or alle. */
  statussen: (v: string) => kiesStatussen(v, ACTIE_STATUSSEN, ACTIE_OPENSTAAND, '--status', ACTIE_STATUS_ALIASSEN),
  overleg: (v: string, vandaag: Datum) => parseOverlegVerwijzing(v, '--overleg', vandaag),
  notitie: (v: string | undefined) => optioneleTekst(v, '--notitie', { max: ACTIE_LENGTE.notitie, meerdereRegels: true }),
};

/** A prompt validator from a field validator: true, or the message of its error. */
export function geldig(regel: (x: string) => unknown): (x: string) => true | string {
  return (x) => {
    try {
      regel(x);
      return true;
    } catch (e) {
      return (e as Error).message;
    }
  };
}

/** The meeting where something was agreed: 'gio:16-03-2027', 'politie:2027-03-16', 'tweewekelijks:vandaag'. */
function parseOverlegVerwijzing(input: string, veld: string, vandaag: Datum): OverlegVerwijzing {
  const scheiding = input.indexOf(':');
  if (scheiding < 0) {
    throw new UsageError(
      `Ongeldige waarde voor ${veld}: '${input}'. Verwacht soort:datum met soort gio, tweewekelijks of politie, bijvoorbeeld gio:16-03-2027.`,
    );
  }
  return { soort: parseSoort(input.slice(0, scheiding), veld), datum: parseDatum(input.slice(scheiding + 1), veld, vandaag) };
}

/** --deadline: the database is asked only for volgend-gio and its kind. */
export async function leesDeadline(db: () => Promise<Db>, invoer: string, vandaag: Datum, veld = '--deadline'): Promise<Datum> {
  const volgend = volgendSoort(invoer) === undefined ? {} : await volgendDatums(await db(), vandaag, invoer);
  return actieInvoer.deadline(invoer, vandaag, volgend, veld);
}

/**
 * The matrix's `--status` (screen and export): openstaand by default (open zaken with what is still open
 * or running, including zaken without acties yet), alle, or exact statuses. `woord` is what the audit keeps.
 */
export function matrixStatus(invoer: string | undefined): { filter: Pick<MatrixFilter, 'alleenLopend' | 'statussen'>; woord: string } {
  const statussen = invoer === undefined ? ACTIE_OPENSTAAND : actieInvoer.statussen(invoer);
  if (statussen.length === ACTIE_STATUSSEN.length) return { filter: {}, woord: 'alle' };
  if (statussen.join() === ACTIE_OPENSTAAND.join()) return { filter: { alleenLopend: true }, woord: 'openstaand' };
  return { filter: { statussen: [...statussen] }, woord: statussen.join(',') };
}

/** Part one's matrix read `--status open` as open and running; now it is the status open alone (SPEC §12). */
export function matrixStatusOpmerking(invoer: string | undefined): string | undefined {
  return invoer?.trim().toLowerCase() === 'open'
    ? '! --status open toont alleen acties met de status open; --status openstaand (de standaard) toont ook de acties die lopen.'
    : undefined;
}
