/**
 * The matrix read model: acties with their zaak, as the screen (`kvz matrix`, `kvz actie list`), the
 * GIO agenda and the export (`kvz export matrix`) read them. `matrixRijen` streams flat rows in
 * batches from a cursor, so an export of 200,000 rows keeps memory flat; `matrixPerZaak` groups
 * them for the screen. Vertrouwelijke zaken are left out unless a caller asks for them.
 */
import { isTeLaat, type ActieBasis, type ActieSoort, type ActieStatus } from '../domain/actie.js';
import type { OverlegSoort } from '../domain/cadans.js';
import type { ZaakBasis, ZaakSoort, ZaakStatus } from '../domain/zaak.js';
import type { Datum } from '../domain/tijd.js';
import type { Db } from './db.js';

/** Where an actie (or a change to it) was agreed. */
export interface OverlegRef {
  soort: OverlegSoort;
  datum: Datum;
}

/** An actie as lists and `--json` show it (SPEC §2 keys first). */
export interface ActieOverzicht extends ActieBasis {
  soort: ActieSoort;
  afgesproken_in: OverlegRef | null;
  aangemaakt_op: string;
  laatst_bijgewerkt: string;
}

/** One row of the matrix: an actie with the facts of its zaak (the export's columns). */
export interface MatrixRij extends ActieOverzicht {
  zaak_titel: string;
  zaak_soort: ZaakSoort;
  zaak_kern: string;
  zaak_status: ZaakStatus;
  zaak_vertrouwelijk: boolean;
}

/** A zaak in the matrix with its acties. `meldingen` is the number of meldingen linked to it. */
export interface MatrixZaak extends ZaakBasis {
  eigenaar: string;
  meldingen: number;
  acties: ActieOverzicht[];
}

export interface MatrixFilter {
  /** Only open zaken and their acties still open or running: what partners owe (`--status openstaand`). */
  alleenLopend?: boolean;
  /** Only acties with these statuses (`--status gereed,vervallen`). */
  statussen?: ActieStatus[];
  /** Only interventions of these soorten (`--soort gesprek-bewoners,handhaving`). */
  soorten?: ActieSoort[];
  partner?: string;
  zaak?: string;
  /** One actie, by number. */
  actie?: string;
  teLaat?: boolean;
  /** Include vertrouwelijke zaken: only IV's own screens and an audited export may. */
  vertrouwelijk?: boolean;
}

/** A row of ACTIE_SELECT, read positionally: raw rows cost better-sqlite3 far less than named ones. */
type Rij = [
  nummer: string,
  zaak: string,
  omschrijving: string,
  soort: ActieSoort,
  partner: string,
  deadline: string,
  status: ActieStatus,
  keer_uitgesteld: number,
  overleg_soort: OverlegSoort | null,
  overleg_datum: string | null,
  aangemaakt_op: string,
  gewijzigd_op: string,
  zaak_titel: string,
  zaak_soort: ZaakSoort,
  zaak_kern: string,
  zaak_status: ZaakStatus,
  zaak_vertrouwelijk: number,
];

const ACTIE_SELECT = `
  SELECT a.nummer, z.nummer, a.omschrijving, a.soort, a.partner, a.deadline, a.status, a.keer_uitgesteld,
         o.soort, o.datum, a.aangemaakt_op, a.gewijzigd_op,
         z.titel, z.soort, z.kern, z.status, z.vertrouwelijk
  FROM actie a JOIN zaak z ON z.id = a.zaak_id LEFT JOIN overleg o ON o.id = a.overleg_id`;

/**
 * The WHERE clause and its parameters for a filter (on `actie a JOIN zaak z`); `alle`: no condition
 * but confidentiality, so (nearly) every actie.
 */
function actieWaar(filter: MatrixFilter, vandaag: Datum): { where: string; p: Record<string, unknown>; alle: boolean } {
  const waar: string[] = [];
  const p: Record<string, unknown> = {};
  if (filter.alleenLopend) waar.push(`a.status IN ('open', 'loopt')`);
  if (filter.soorten) waar.push(`a.soort IN (${filter.soorten.map((s, i) => ((p[`soort${i}`] = s), `@soort${i}`)).join(', ')})`);
  if (filter.statussen) waar.push(`a.status IN (${filter.statussen.map((s, i) => ((p[`status${i}`] = s), `@status${i}`)).join(', ')})`);
  if (filter.partner) (waar.push('a.partner = @partner'), (p.partner = filter.partner));
  if (filter.zaak) (waar.push('z.nummer = @zaak'), (p.zaak = filter.zaak));
  if (filter.actie) (waar.push('a.nummer = @actie'), (p.actie = filter.actie));
  if (filter.teLaat) (waar.push(`a.status IN ('open', 'loopt') AND a.deadline < @vandaag`), (p.vandaag = vandaag));
  const alle = waar.length === 0;
  if (!filter.vertrouwelijk) waar.push('z.vertrouwelijk = 0');
  return { where: waar.length ? `WHERE ${waar.join(' AND ')}` : '', p, alle };
}

// A plain object literal on purpose: spreading one of these wide rows into another costs V8 some
// 20 µs a row (seconds on a 200,000-row export), against well under one for a literal.
function matrixRijVan(r: Rij, vandaag: Datum): MatrixRij {
  return {
    nummer: r[0],
    zaak: r[1],
    omschrijving: r[2],
    partner: r[4],
    deadline: r[5],
    status: r[6],
    keer_uitgesteld: r[7],
    te_laat: isTeLaat(r[5], r[6], vandaag),
    soort: r[3],
    afgesproken_in: r[8] === null ? null : { soort: r[8], datum: r[9]! },
    aangemaakt_op: r[10],
    laatst_bijgewerkt: r[11],
    zaak_titel: r[12],
    zaak_soort: r[13],
    zaak_kern: r[14],
    zaak_status: r[15],
    zaak_vertrouwelijk: r[16] === 1,
  };
}

/** The actie of a matrix row, without the facts of its zaak. */
export function actieVan(m: MatrixRij): ActieOverzicht {
  return {
    nummer: m.nummer,
    zaak: m.zaak,
    omschrijving: m.omschrijving,
    partner: m.partner,
    deadline: m.deadline,
    status: m.status,
    keer_uitgesteld: m.keer_uitgesteld,
    te_laat: m.te_laat,
    soort: m.soort,
    afgesproken_in: m.afgesproken_in,
    aangemaakt_op: m.aangemaakt_op,
    laatst_bijgewerkt: m.laatst_bijgewerkt,
  };
}

const MATRIX_VOLGORDE = 'ORDER BY z.jaar, z.volgnummer, a.deadline, a.jaar, a.volgnummer';

/**
 * The matrix as flat rows, by zaak number, then deadline: streamed in batches from a cursor.
 * Consume it fully or stop it with `return()` (a for-of loop with `break` does) before writing to `db`.
 */
export async function* matrixRijen(db: Db, filter: MatrixFilter, vandaag: Datum): AsyncGenerator<MatrixRij[], void, undefined> {
  const { where, p, alle } = actieWaar(filter, vandaag);
  // Every actie (--status alle, no other filter): many rows, read in zaak order from its index.
  for await (const batch of db.stroom<Rij>(`${ACTIE_SELECT} ${where} ${MATRIX_VOLGORDE}`, p, { eersteRijen: alle })) {
    yield batch.map((r) => matrixRijVan(r, vandaag));
  }
}

/** The same rows, all at once (for lists that need them newest first, say). */
export async function actieRijen(db: Db, filter: MatrixFilter, vandaag: Datum, volgorde: string, limit?: number): Promise<MatrixRij[]> {
  const { where, p } = actieWaar(filter, vandaag);
  const grens = limit === undefined ? '' : `LIMIT ${Math.trunc(limit)}`;
  return (await db.rauw<Rij>(`${ACTIE_SELECT} ${where} ${volgorde} ${grens}`, p)).map((r) => matrixRijVan(r, vandaag));
}

export async function telActies(db: Db, filter: MatrixFilter, vandaag: Datum): Promise<number> {
  const { where, p } = actieWaar(filter, vandaag);
  return (await db.waarde<number>(`SELECT count(*) FROM actie a JOIN zaak z ON z.id = a.zaak_id ${where}`, p))!;
}

/**
 * The matrix grouped by zaak, for the screen. With `alleenLopend` only open zaken appear, each with its
 * open and running acties, including zaken that have none yet (their approach is still to be decided);
 * a filter on partner, status or overdue shows only the zaken that have such acties.
 */
export async function matrixPerZaak(db: Db, filter: MatrixFilter, vandaag: Datum): Promise<MatrixZaak[]> {
  const waar: string[] = [];
  const p: Record<string, unknown> = {};
  if (filter.alleenLopend) waar.push(`z.status = 'open'`);
  if (filter.zaak) (waar.push('z.nummer = @zaak'), (p.zaak = filter.zaak));
  if (!filter.vertrouwelijk) waar.push('z.vertrouwelijk = 0');
  const zaken = await db.alle<Omit<MatrixZaak, 'acties' | 'vertrouwelijk'> & { vertrouwelijk: number }>(
    `SELECT z.nummer, z.titel, z.soort, z.kern, z.status, z.vertrouwelijk, z.eigenaar,
            (SELECT count(*) FROM melding m WHERE m.zaak_id = z.id AND m.vervallen = 0) AS meldingen
     FROM zaak z ${waar.length ? `WHERE ${waar.join(' AND ')}` : ''} ORDER BY z.jaar, z.volgnummer`,
    p,
  );
  const perZaak = new Map<string, ActieOverzicht[]>();
  for await (const batch of matrixRijen(db, filter, vandaag)) {
    for (const rij of batch) {
      const actie = actieVan(rij);
      const lijst = perZaak.get(rij.zaak);
      if (lijst) lijst.push(actie);
      else perZaak.set(rij.zaak, [actie]);
    }
  }
  const alleenMetActies = Boolean(filter.partner || filter.statussen || filter.soorten || filter.teLaat);
  return zaken
    .map((z) => ({ ...z, vertrouwelijk: z.vertrouwelijk === 1, acties: perZaak.get(z.nummer) ?? [] }))
    .filter((z) => !alleenMetActies || z.acties.length > 0);
}

/** How many confidential zaken a matrix without them leaves out (on PostgreSQL: as this role may see them). */
export async function verborgenVertrouwelijk(db: Db, filter: Pick<MatrixFilter, 'alleenLopend' | 'zaak'>): Promise<number> {
  const n = await db.waarde<number>(
    `SELECT count(*) FROM zaak WHERE vertrouwelijk = 1${filter.alleenLopend ? " AND status = 'open'" : ''}${filter.zaak ? ' AND nummer = ?' : ''}`,
    filter.zaak ? [filter.zaak] : [],
  );
  return Number(n);
}
