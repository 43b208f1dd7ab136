/**
 * Zaken in the database: opening (with the meldingen that belong to it), changing and closing, each
 * one immediate transaction with its audit row; and the read models of `zaak list` and `zaak show`.
 */
import { isLopend, type ActieStatus } from '../domain/actie.js';
import { DomainError } from '../domain/errors.js';
import { dagVan, type Datum } from '../domain/tijd.js';
import type { NieuweZaak, ZaakBasis, ZaakSoort, ZaakStatus, ZaakWijziging } from '../domain/zaak.js';
import { actieHistorie, legHistorieVast, type ActieDetail } from './acties.js';
import { inTransactie, schrijfAudit, type Actor } from './audit.js';
import type { Db } from './database.js';
import { actieRijen, actieVan, type OverlegRef } from './matrix.js';
import { zoekMeldingen, zoekMeldingId, type MeldingOverzicht } from './meldingen.js';
import { volgendNummer } from './nummering.js';

/** A zaak in a list: `meldingen` and `acties` are counts here. */
export interface ZaakOverzicht extends ZaakBasis {
  meldingen: number;
  acties: number;
  open_acties: number;
  te_laat_acties: number;
  eigenaar: string;
  geopend_op: string;
  gesloten_op: string | null;
}

export interface OverlegOpZaak extends OverlegRef {
  status: string;
  verschoven_van: string | null;
}

/** Everything about a zaak: `meldingen` and `acties` are the items themselves here. */
export interface ZaakDetail extends Omit<ZaakOverzicht, 'meldingen' | 'acties'> {
  resultaat: string | null;
  geopend_door: string;
  gewijzigd_op: string;
  meldingen: MeldingOverzicht[];
  acties: ActieDetail[];
  /** The meetings where an actie of this zaak was agreed or changed. */
  overleggen: OverlegOpZaak[];
}

export interface ZaakFilter {
  status?: ZaakStatus;
  kern?: string;
  soort?: ZaakSoort;
  limit?: number;
}

// The unary + keeps SQLite on the zaak_id index: without statistics it would otherwise scan every
// overdue actie (index actie_open) once per zaak, which took minutes for 50,000 zaken.
const KOLOMMEN = `z.nummer, z.titel, z.soort, z.kern, z.status, z.vertrouwelijk,
  (SELECT count(*) FROM melding m WHERE m.zaak_id = z.id) AS meldingen,
  (SELECT count(*) FROM actie a WHERE a.zaak_id = z.id) AS acties,
  (SELECT count(*) FROM actie a WHERE a.zaak_id = z.id AND +a.status IN ('open', 'loopt')) AS open_acties,
  (SELECT count(*) FROM actie a WHERE a.zaak_id = z.id AND +a.status IN ('open', 'loopt') AND +a.deadline < @vandaag) AS te_laat_acties,
  z.eigenaar, z.geopend_op, z.gesloten_op`;

type Rij = Omit<ZaakOverzicht, 'vertrouwelijk'> & { vertrouwelijk: number };

const overzicht = (r: Rij): ZaakOverzicht => ({ ...r, vertrouwelijk: r.vertrouwelijk === 1 });

/** Zaken matching `filter`, newest first, with their counts, and how many match in all. */
export function zoekZaken(db: Db, filter: ZaakFilter, vandaag: Datum): { zaken: ZaakOverzicht[]; totaal: number } {
  const waar: string[] = [];
  const p: Record<string, unknown> = {};
  if (filter.status) (waar.push('status = @status'), (p.status = filter.status));
  if (filter.kern) (waar.push('kern = @kern'), (p.kern = filter.kern));
  if (filter.soort) (waar.push('soort = @soort'), (p.soort = filter.soort));
  const where = waar.length ? `WHERE ${waar.join(' AND ')}` : '';
  const totaal = db.prepare(`SELECT count(*) FROM zaak ${where}`).pluck().get(p) as number;
  const grens = filter.limit === undefined ? '' : `LIMIT ${Math.trunc(filter.limit)}`;
  // Choose the page first, so the counts are only computed for the zaken shown.
  const rijen = db
    .prepare(
      `SELECT ${KOLOMMEN} FROM zaak z
       WHERE z.id IN (SELECT id FROM zaak ${where} ORDER BY geopend_op DESC, id DESC ${grens})
       ORDER BY z.geopend_op DESC, z.id DESC`,
    )
    .all({ ...p, vandaag }) as Rij[];
  return { zaken: rijen.map(overzicht), totaal };
}

/** The id and status of a zaak; a domain error naming the number when there is none. */
function zaakRij(db: Db, nummer: string): { id: number; status: ZaakStatus } {
  const zaak = db.prepare('SELECT id, status FROM zaak WHERE nummer = ?').get(nummer) as { id: number; status: ZaakStatus } | undefined;
  if (!zaak) throw new DomainError(`Zaak ${nummer} bestaat niet. Zie kvz zaak list.`);
  return zaak;
}

export function toonZaak(db: Db, nummer: string, nu: Date): ZaakDetail {
  const { id } = zaakRij(db, nummer);
  const vandaag = dagVan(nu);
  const rij = db
    .prepare(`SELECT ${KOLOMMEN}, z.resultaat, z.geopend_door, z.gewijzigd_op FROM zaak z WHERE z.id = @id`)
    .get({ id, vandaag }) as Rij & Pick<ZaakDetail, 'resultaat' | 'geopend_door' | 'gewijzigd_op'>;
  // Here `meldingen` and `acties` are the items themselves rather than their counts.
  const { meldingen: _, acties: __, ...zaak } = rij;
  const acties = actieRijen(db, { zaak: nummer, vertrouwelijk: true }, vandaag, 'ORDER BY a.deadline, a.jaar, a.volgnummer').map(
    (a) => ({ ...actieVan(a), historie: actieHistorie(db, a.nummer) }),
  );
  const overleggen = db
    .prepare(
      `SELECT soort, datum, status, verschoven_van FROM overleg
       WHERE id IN (SELECT overleg_id FROM actie WHERE zaak_id = @id
                    UNION SELECT h.overleg_id FROM actie_historie h JOIN actie a ON a.id = h.actie_id WHERE a.zaak_id = @id)
       ORDER BY datum, soort`,
    )
    .all({ id }) as OverlegOpZaak[];
  return {
    ...zaak,
    vertrouwelijk: rij.vertrouwelijk === 1,
    meldingen: zoekMeldingen(db, { zaak: nummer }, nu).meldingen,
    acties,
    overleggen,
  };
}

function meldingIds(db: Db, nummers: string[]): { id: number; nummer: string; zaak: string | null }[] {
  const zoek = db.prepare('SELECT m.id, m.nummer, z.nummer AS zaak FROM melding m LEFT JOIN zaak z ON z.id = m.zaak_id WHERE m.id = ?');
  return nummers.map((n) => {
    const id = zoekMeldingId(db, n);
    const m = id === undefined ? undefined : (zoek.get(id) as { id: number; nummer: string; zaak: string | null } | undefined);
    if (!m) throw new DomainError(`Melding ${n} bestaat niet; de zaak is niet geopend. Zie kvz melding list.`);
    return m;
  });
}

/** Opens a zaak and links the given meldingen to it (also ones that belonged to another zaak). */
export function openZaak(db: Db, actor: Actor, z: NieuweZaak): { zaak: ZaakDetail; verplaatst: { melding: string; was: string }[] } {
  const { nummer, verplaatst } = inTransactie(db, () => {
    const meldingen = meldingIds(db, z.meldingen);
    const jaar = Number(dagVan(actor.nu).slice(0, 4));
    const { nummer, volgnummer } = volgendNummer(db, 'zaak', jaar);
    const nu = actor.nu.toISOString();
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO zaak (nummer, jaar, volgnummer, titel, soort, kern, eigenaar, vertrouwelijk, status, geopend_op,
           geopend_door, gewijzigd_op)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
      )
      .run(nummer, jaar, volgnummer, z.titel, z.soort, z.kern, z.eigenaar, +z.vertrouwelijk, nu, actor.gebruiker, nu);
    const koppel = db.prepare('UPDATE melding SET zaak_id = ?, gewijzigd_op = ? WHERE id = ?');
    for (const m of meldingen) koppel.run(lastInsertRowid, nu, m.id);
    const verplaatst = meldingen.filter((m) => m.zaak !== null).map((m) => ({ melding: m.nummer, was: m.zaak! }));
    schrijfAudit(db, actor, {
      object: nummer,
      resultaat: 'zaak geopend',
      details: { soort: z.soort, kern: z.kern, eigenaar: z.eigenaar, vertrouwelijk: z.vertrouwelijk, meldingen: z.meldingen, verplaatst },
    });
    return { nummer, verplaatst };
  });
  return { zaak: toonZaak(db, nummer, actor.nu), verplaatst };
}

const KOLOM: Record<keyof ZaakWijziging, string> = {
  titel: 'titel',
  soort: 'soort',
  kern: 'kern',
  eigenaar: 'eigenaar',
  vertrouwelijk: 'vertrouwelijk',
};

/** Changes the given fields; returns the zaak and the names of the fields that really changed. */
export function wijzigZaak(db: Db, actor: Actor, nummer: string, w: ZaakWijziging): { zaak: ZaakDetail; gewijzigd: string[] } {
  const gewijzigd = inTransactie(db, () => {
    const { id } = zaakRij(db, nummer);
    const oud = db.prepare('SELECT * FROM zaak WHERE id = ?').get(id) as Record<string, string | number>;
    const sets: string[] = [];
    const waarden: (string | number)[] = [];
    const details: Record<string, unknown> = {};
    for (const [veld, kolom] of Object.entries(KOLOM) as [keyof ZaakWijziging, string][]) {
      const v = w[veld];
      if (v === undefined) continue;
      const nieuw = typeof v === 'boolean' ? +v : v;
      if (nieuw === oud[kolom]) continue;
      sets.push(`${kolom} = ?`);
      waarden.push(nieuw);
      // A title may name people or addresses: the log says that it changed, not what it says.
      details[kolom] = kolom === 'titel' ? 'gewijzigd' : [oud[kolom], nieuw];
    }
    if (sets.length === 0) return [];
    db.prepare(`UPDATE zaak SET ${sets.join(', ')}, gewijzigd_op = ? WHERE id = ?`).run(...waarden, actor.nu.toISOString(), id);
    schrijfAudit(db, actor, { object: nummer, resultaat: 'zaak gewijzigd', details });
    return Object.keys(details);
  });
  return { zaak: toonZaak(db, nummer, actor.nu), gewijzigd };
}

/**
 * Closes a zaak with its result. Refused while acties are open or running, naming them; with
 * `forceer` they become 'vervallen', each with a history row, and the one audit row lists them.
 */
export function sluitZaak(
  db: Db,
  actor: Actor,
  nummer: string,
  resultaat: string,
  forceer: boolean,
): { zaak: ZaakDetail; vervallen: string[] } {
  const vervallen = inTransactie(db, () => {
    const { id, status } = zaakRij(db, nummer);
    if (status === 'gesloten') throw new DomainError(`Zaak ${nummer} is al gesloten.`);
    const lopend = (
      db.prepare('SELECT id, nummer, partner, status, deadline FROM actie WHERE zaak_id = ? ORDER BY jaar, volgnummer').all(id) as {
        id: number;
        nummer: string;
        partner: string;
        status: ActieStatus;
        deadline: string;
      }[]
    ).filter((a) => isLopend(a.status));
    if (lopend.length > 0 && !forceer) {
      const namen = lopend.map((a) => `${a.nummer} (${a.partner}, ${a.status})`).join(', ');
      throw new DomainError(
        `Zaak ${nummer} heeft nog ${lopend.length === 1 ? 'een lopende actie' : `${lopend.length} lopende acties`}: ${namen}; ` +
          `rond ze af met kvz actie update of sluit met --forceer (ze vervallen dan).`,
      );
    }
    const nu = actor.nu.toISOString();
    const vervalt = db.prepare(`UPDATE actie SET status = 'vervallen', gewijzigd_op = ? WHERE id = ?`);
    for (const a of lopend) {
      vervalt.run(nu, a.id);
      legHistorieVast(db, actor, a.id, {
        oud: { status: a.status, deadline: a.deadline, partner: a.partner },
        nieuw: { status: 'vervallen', deadline: a.deadline, partner: a.partner },
        notitie: `Vervallen bij het sluiten van zaak ${nummer}.`,
      });
    }
    db.prepare(`UPDATE zaak SET status = 'gesloten', gesloten_op = ?, resultaat = ?, gewijzigd_op = ? WHERE id = ?`).run(nu, resultaat, nu, id);
    schrijfAudit(db, actor, {
      object: nummer,
      resultaat: lopend.length > 0 ? `zaak gesloten; ${lopend.length} actie(s) vervallen` : 'zaak gesloten',
      details: { status: ['open', 'gesloten'], vervallen: lopend.map((a) => a.nummer) },
    });
    return lopend.map((a) => a.nummer);
  });
  return { zaak: toonZaak(db, nummer, actor.nu), vervallen };
}
