/**
 * Meldingen for `kvz export meldingen`: a cursor over the rows (the export streams, it never holds
 * them all), the count, and the audit row. Confidentiality is decided here: vertrouwelijke
 * meldingen, and meldingen of a vertrouwelijke zaak, only with `vertrouwelijk`; melder data only
 * with `metMelder`. The matrix export streams from store/matrix.ts; its checks and audit row are here.
 */
import { DomainError } from '../domain/errors.js';
import type { MeldingStatus } from '../domain/melding.js';
import type { Datum } from '../domain/tijd.js';
import { inTransactie, schrijfAudit, type Actor } from './audit.js';
import type { Db } from './db.js';
import { MELDING_STATUS, selectieVoorwaarden, type MeldingSelectie } from './melding-selectie.js';
import { EERSTE_DOORZETTING_DAG, EERSTE_DOORZETTING_OP } from './doorzetting-sql.js';

export interface MeldingExportOpties {
  vertrouwelijk: boolean;
  metMelder: boolean;
}

export interface MeldingExportRij {
  nummer: string;
  ontvangen_op: string;
  ontvangen_dag: Datum;
  kanaal: string;
  categorie: string;
  kern: string;
  adres: string | null;
  omschrijving: string;
  status: MeldingStatus;
  zaak: string | null;
  doorgezet_naar: string | null;
  eerste_doorzetting_op: string | null;
  eerste_doorzetting_dag: Datum | null;
  vergunninghouder: number;
  vertrouwelijk: number;
  terugkoppeling: number;
  urgent: number;
  afgehandeld_op: string | null;
  melder_naam?: string | null;
  melder_telefoon?: string | null;
  melder_email?: string | null;
}

function waar(db: Db, filter: MeldingSelectie, opties: MeldingExportOpties): { sql: string; p: Record<string, unknown> } {
  const w: string[] = [];
  const p: Record<string, unknown> = {};
  if (!opties.vertrouwelijk) w.push(db.d.openbaar(true));
  selectieVoorwaarden(filter, w, p);
  return { sql: w.length ? `WHERE ${w.join(' AND ')}` : '', p };
}

/** How many meldingen the export holds. */
export async function telMeldingExport(db: Db, filter: MeldingSelectie, opties: MeldingExportOpties): Promise<number> {
  const { sql, p } = waar(db, filter, opties);
  return (await db.waarde<number>(`SELECT count(*) FROM melding m LEFT JOIN zaak z ON z.id = m.zaak_id ${sql}`, p))!;
}

const EXPORT_KOLOMMEN = [
  'nummer', 'ontvangen_op', 'ontvangen_dag', 'kanaal', 'categorie', 'kern', 'adres', 'omschrijving', 'status', 'zaak',
  'vergunninghouder', 'vertrouwelijk', 'terugkoppeling', 'urgent', 'afgehandeld_op', 'doorgezet_naar', 'eerste_doorzetting_op',
  'eerste_doorzetting_dag', 'melder_naam', 'melder_telefoon', 'melder_email',
] as const;

/** The meldingen of the export, oldest first, in batches from a cursor. */
export async function* meldingExportRijen(db: Db, filter: MeldingSelectie, opties: MeldingExportOpties): AsyncGenerator<MeldingExportRij[]> {
  const { sql, p } = waar(db, filter, opties);
  const melder = opties.metMelder ? ', m.melder_naam, m.melder_telefoon, m.melder_email' : '';
  const rijen = db.stroom(
    `SELECT m.nummer, m.ontvangen_op, m.ontvangen_dag, m.kanaal, m.categorie, m.kern, m.adres, m.omschrijving, ${MELDING_STATUS} AS status,
            z.nummer AS zaak, m.vergunninghouder, m.vertrouwelijk, m.terugkoppeling, m.urgent, m.afgehandeld_op,
            ${db.d.doorgezetNaar(', ')} AS doorgezet_naar,
            ${EERSTE_DOORZETTING_OP} AS eerste_doorzetting_op,
            ${EERSTE_DOORZETTING_DAG} AS eerste_doorzetting_dag
            ${melder}
     FROM melding m LEFT JOIN zaak z ON z.id = m.zaak_id ${sql}
     ORDER BY m.ontvangen_dag, m.ontvangen_op, m.id`,
    p,
    // In the order of the index melding_dag; with a filter too (one zaak, one kern) walking it measured as fast as sorting.
    { eersteRijen: true },
  );
  const n = opties.metMelder ? EXPORT_KOLOMMEN.length : EXPORT_KOLOMMEN.length - 3;
  for await (const batch of rijen) {
    yield batch.map((r) => {
      const rij: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) rij[EXPORT_KOLOMMEN[i]!] = r[i];
      return rij as unknown as MeldingExportRij;
    });
  }
}

/** The one audit row of an export: what was asked and how many rows left; never melder data itself. */
/** What a melding export carried beyond the default, for the audit row's one line (kvz log shows no details). */
function meeGegeven(opties: MeldingExportOpties): string {
  const mee = [opties.vertrouwelijk ? 'vertrouwelijke meldingen' : '', opties.metMelder ? 'gegevens van melders' : ''].filter(Boolean);
  return mee.length ? ` met ${mee.join(' en ')}` : '';
}

export function auditMeldingExport(
  db: Db,
  actor: Actor,
  filter: MeldingSelectie,
  opties: MeldingExportOpties & { formaat: string; bestand: string | null },
  aantal: number,
): Promise<void> {
  return inTransactie(db, () =>
    schrijfAudit(db, actor, {
      resultaat: `${aantal} ${aantal === 1 ? 'melding' : 'meldingen'} geëxporteerd${meeGegeven(opties)}`,
      details: {
        aantal,
        formaat: opties.formaat,
        bestand: opties.bestand,
        filter,
        vertrouwelijk: opties.vertrouwelijk,
        met_melder: opties.metMelder,
      },
    }),
  );
}

export interface MatrixExportOpties {
  /** As asked: openstaand, alle, or the statuses. */
  status: string;
  partner: string | null;
  zaak: string | null;
  vertrouwelijk: boolean;
  formaat: string;
  bestand: string | null;
}

/**
 * The zaak a matrix export is limited to must exist, and a vertrouwelijke one needs --met-vertrouwelijk:
 * an empty file would otherwise look like a zaak without acties.
 */
export async function controleerExportZaak(db: Db, nummer: string, vertrouwelijk: boolean): Promise<void> {
  const zaak = await db.een<{ vertrouwelijk: number }>('SELECT vertrouwelijk FROM zaak WHERE nummer = ?', [nummer]);
  if (!zaak) throw new DomainError(`Zaak ${nummer} bestaat niet; er is niets geëxporteerd. Zie kvz zaak list.`);
  if (zaak.vertrouwelijk === 1 && !vertrouwelijk) {
    throw new DomainError(`Zaak ${nummer} is vertrouwelijk; exporteren kan alleen met --met-vertrouwelijk (dat komt in het auditlog). Er is niets geëxporteerd.`);
  }
}

/** The one audit row of a matrix export: what was asked and how many acties left. */
export function auditMatrixExport(db: Db, actor: Actor, opties: MatrixExportOpties, aantal: number): Promise<void> {
  return inTransactie(db, () =>
    schrijfAudit(db, actor, {
      object: opties.zaak ?? undefined,
      resultaat: `${aantal} ${aantal === 1 ? 'actie' : 'acties'} geëxporteerd${opties.vertrouwelijk ? ' met vertrouwelijke zaken' : ''}`,
      details: { aantal, ...opties },
    }),
  );
}
