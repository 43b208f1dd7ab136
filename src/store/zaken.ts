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
import type { Db } from './db.js';
import { meervoud } from '../domain/taal.js';
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
  /** The meetings where an actie of this zaak was agreed or changed, or whose verslag speaks of it. */
  overleggen: OverlegOpZaak[];
  /** What those meetings' verslagen say about it (on a shared database: what this role may see). */
  afspraken: AfspraakOpZaak[];
}

export interface AfspraakOpZaak extends OverlegRef {
  punt: string;
  besproken: string;
  afspraken: string;
}

export interface ZaakFilter {
  status?: ZaakStatus;
  kern?: string;
  soort?: ZaakSoort;
  limit?: number;
  /** Also the numbers of each zaak's meldingen and acties (`zaak list --json`). */
  metNummers?: boolean;
}

/** A zaak of a list with the numbers of its meldingen and acties. */
export interface ZaakMetNummers extends ZaakOverzicht {
  melding_nummers: string[];
  actie_nummers: string[];
}

// The unary + keeps SQLite on the zaak_id index: without statistics it would otherwise scan every
// overdue actie (index actie_open) once per zaak, which took minutes for 50,000 zaken.
const kolommen = (db: Db) => {
  const status = db.d.zonderIndex('a.status');
  return `z.nummer, z.titel, z.soort, z.kern, z.status, z.vertrouwelijk,
  (SELECT count(*) FROM melding m WHERE m.zaak_id = z.id) AS meldingen,
  (SELECT count(*) FROM actie a WHERE a.zaak_id = z.id) AS acties,
  (SELECT count(*) FROM actie a WHERE a.zaak_id = z.id AND ${status} IN ('open', 'loopt')) AS open_acties,
  (SELECT count(*) FROM actie a WHERE a.zaak_id = z.id AND ${status} IN ('open', 'loopt') AND ${db.d.zonderIndex('a.deadline')} < @vandaag) AS te_laat_acties,
  z.eigenaar, z.geopend_op, z.gesloten_op`;
};

type Rij = Omit<ZaakOverzicht, 'vertrouwelijk'> & { vertrouwelijk: number };

const overzicht = (r: Rij): ZaakOverzicht => ({ ...r, vertrouwelijk: r.vertrouwelijk === 1 });

/** Zaken matching `filter`, newest first, with their counts, and how many match in all. */
export async function zoekZaken(db: Db, filter: ZaakFilter, vandaag: Datum): Promise<{ zaken: ZaakOverzicht[]; totaal: number }> {
  const waar: string[] = [];
  const p: Record<string, unknown> = {};
  if (filter.status) (waar.push('status = @status'), (p.status = filter.status));
  if (filter.kern) (waar.push('kern = @kern'), (p.kern = filter.kern));
  if (filter.soort) (waar.push('soort = @soort'), (p.soort = filter.soort));
  const where = waar.length ? `WHERE ${waar.join(' AND ')}` : '';
  const totaal = (await db.waarde<number>(`SELECT count(*) FROM zaak ${where}`, p))!;
  const grens = filter.limit === undefined ? '' : `LIMIT ${Math.trunc(filter.limit)}`;
  // Choose the page first, so the counts are only computed for the zaken shown.
  const rijen = await db.alle<Rij>(
    `SELECT ${kolommen(db)} FROM zaak z
     WHERE z.id IN (SELECT id FROM zaak ${where} ORDER BY geopend_op DESC, id DESC ${grens})
     ORDER BY z.geopend_op DESC, z.id DESC`,
    { ...p, vandaag },
  );
  const zaken = rijen.map(overzicht);
  if (filter.metNummers) {
    // Two queries for the whole page, not two per zaak.
    const pagina = `SELECT id FROM zaak ${where} ORDER BY geopend_op DESC, id DESC ${grens}`;
    const per = async (tabel: 'melding' | 'actie') => {
      const m = new Map<string, string[]>();
      for (const r of await db.alle<{ zaak: string; nummer: string }>(
        `SELECT z.nummer AS zaak, x.nummer FROM ${tabel} x JOIN zaak z ON z.id = x.zaak_id WHERE x.zaak_id IN (${pagina}) ORDER BY x.jaar, x.volgnummer`,
        p,
      )) {
        const lijst = m.get(r.zaak);
        if (lijst) lijst.push(r.nummer);
        else m.set(r.zaak, [r.nummer]);
      }
      return m;
    };
    const meldingen = await per('melding');
    const acties = await per('actie');
    return { zaken: zaken.map((z) => ({ ...z, melding_nummers: meldingen.get(z.nummer) ?? [], actie_nummers: acties.get(z.nummer) ?? [] })), totaal };
  }
  return { zaken, totaal };
}

/** The id and status of a zaak; a domain error naming the number when there is none. */
async function zaakRij(db: Db, nummer: string): Promise<{ id: number; status: ZaakStatus }> {
  const zaak = await db.een<{ id: number; status: ZaakStatus }>('SELECT id, status FROM zaak WHERE nummer = ?', [nummer]);
  if (!zaak) throw new DomainError(`Zaak ${nummer} bestaat niet. Zie kvz zaak list.`);
  return zaak;
}

export async function toonZaak(db: Db, nummer: string, nu: Date): Promise<ZaakDetail> {
  const { id } = await zaakRij(db, nummer);
  const vandaag = dagVan(nu);
  const rij = (await db.een<Rij & Pick<ZaakDetail, 'resultaat' | 'geopend_door' | 'gewijzigd_op'>>(
    `SELECT ${kolommen(db)}, z.resultaat, z.geopend_door, z.gewijzigd_op FROM zaak z WHERE z.id = @id`,
    { id, vandaag },
  ))!;
  // Here `meldingen` and `acties` are the items themselves rather than their counts.
  const { meldingen: _, acties: __, ...zaak } = rij;
  const acties: ActieDetail[] = [];
  for (const a of await actieRijen(db, { zaak: nummer, vertrouwelijk: true }, vandaag, 'ORDER BY a.deadline, a.jaar, a.volgnummer')) {
    acties.push({ ...actieVan(a), historie: await actieHistorie(db, a.nummer) });
  }
  const overleggen = await db.alle<OverlegOpZaak>(
    `SELECT soort, datum, CASE WHEN gehouden_op IS NOT NULL AND status <> 'geannuleerd' THEN 'gehouden' ELSE status END AS status, verschoven_van
     FROM overleg
     WHERE id IN (SELECT overleg_id FROM actie WHERE zaak_id = @id
                  UNION SELECT h.overleg_id FROM actie_historie h JOIN actie a ON a.id = h.actie_id WHERE a.zaak_id = @id
                  UNION SELECT overleg_id FROM verslag WHERE zaak_id = @id)
     ORDER BY datum, soort`,
    { id },
  );
  const afspraken = await db.alle<AfspraakOpZaak>(
    `SELECT o.soort, o.datum, v.punt, v.besproken, v.afspraken FROM verslag v JOIN overleg o ON o.id = v.overleg_id
     WHERE v.zaak_id = @id ORDER BY o.datum, o.soort, v.volgorde`,
    { id },
  );
  return {
    ...zaak,
    vertrouwelijk: rij.vertrouwelijk === 1,
    meldingen: (await zoekMeldingen(db, { zaak: nummer }, nu)).meldingen,
    acties,
    overleggen,
    afspraken,
  };
}

async function meldingIds(db: Db, nummers: string[]): Promise<{ id: number; nummer: string; zaak: string | null }[]> {
  const uit: { id: number; nummer: string; zaak: string | null }[] = [];
  for (const n of nummers) {
    const id = await zoekMeldingId(db, n);
    const m =
      id === undefined
        ? undefined
        : await db.een<{ id: number; nummer: string; zaak: string | null }>(
            'SELECT m.id, m.nummer, z.nummer AS zaak FROM melding m LEFT JOIN zaak z ON z.id = m.zaak_id WHERE m.id = ?',
            [id],
          );
    if (!m) throw new DomainError(`Melding ${n} bestaat niet; de zaak is niet geopend. Zie kvz melding list.`);
    uit.push(m);
  }
  return uit;
}

/** Opens a zaak and links the given meldingen to it (also ones that belonged to another zaak). */
export async function openZaak(db: Db, actor: Actor, z: NieuweZaak): Promise<{ zaak: ZaakDetail; verplaatst: { melding: string; was: string }[] }> {
  const { nummer, verplaatst } = await inTransactie(db, async () => {
    const meldingen = await meldingIds(db, z.meldingen);
    const jaar = Number(dagVan(actor.nu).slice(0, 4));
    const { nummer, volgnummer } = await volgendNummer(db, 'zaak', jaar);
    const nu = actor.nu.toISOString();
    const id = (await db.waarde<number>(db.d.volgendId('zaak')))!;
    await db.voer(
      `INSERT INTO zaak (id, nummer, jaar, volgnummer, titel, soort, kern, eigenaar, vertrouwelijk, status, geopend_op,
         geopend_door, gewijzigd_op)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
      [id, nummer, jaar, volgnummer, z.titel, z.soort, z.kern, z.eigenaar, +z.vertrouwelijk, nu, actor.gebruiker, nu],
    );
    for (const m of meldingen) await db.voer('UPDATE melding SET zaak_id = ?, gewijzigd_op = ? WHERE id = ?', [id, nu, m.id]);
    const verplaatst = meldingen.filter((m) => m.zaak !== null).map((m) => ({ melding: m.nummer, was: m.zaak! }));
    await schrijfAudit(db, actor, {
      object: nummer,
      resultaat: 'zaak geopend',
      details: { soort: z.soort, kern: z.kern, eigenaar: z.eigenaar, vertrouwelijk: z.vertrouwelijk, meldingen: z.meldingen, verplaatst },
    });
    return { nummer, verplaatst };
  });
  return { zaak: await toonZaak(db, nummer, actor.nu), verplaatst };
}

const KOLOM: Record<keyof ZaakWijziging, string> = {
  titel: 'titel',
  soort: 'soort',
  kern: 'kern',
  eigenaar: 'eigenaar',
  vertrouwelijk: 'vertrouwelijk',
};

/** Changes the given fields; returns the zaak and the names of the fields that really changed. */
export async function wijzigZaak(db: Db, actor: Actor, nummer: string, w: ZaakWijziging): Promise<{ zaak: ZaakDetail; gewijzigd: string[] }> {
  const gewijzigd = await inTransactie(db, async () => {
    const { id } = await zaakRij(db, nummer);
    const oud = (await db.een<Record<string, string | number>>('SELECT * FROM zaak WHERE id = ?', [id]))!;
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
    await db.voer(`UPDATE zaak SET ${sets.join(', ')}, gewijzigd_op = ? WHERE id = ?`, [...waarden, actor.nu.toISOString(), id]);
    await schrijfAudit(db, actor, { object: nummer, resultaat: 'zaak gewijzigd', details });
    return Object.keys(details);
  });
  return { zaak: await toonZaak(db, nummer, actor.nu), gewijzigd };
}

/**
 * Closes a zaak with its result. Refused while acties are open or running, naming them; with
 * `forceer` they become 'vervallen', each with a history row, and the one audit row lists them.
 */
export async function sluitZaak(
  db: Db,
  actor: Actor,
  nummer: string,
  resultaat: string,
  forceer: boolean,
): Promise<{ zaak: ZaakDetail; vervallen: string[] }> {
  const vervallen = await inTransactie(db, async () => {
    const { id, status } = await zaakRij(db, nummer);
    if (status === 'gesloten') throw new DomainError(`Zaak ${nummer} is al gesloten.`);
    const lopend = (
      await db.alle<{ id: number; nummer: string; partner: string; status: ActieStatus; deadline: string }>(
        'SELECT id, nummer, partner, status, deadline FROM actie WHERE zaak_id = ? ORDER BY jaar, volgnummer',
        [id],
      )
    ).filter((a) => isLopend(a.status));
    if (lopend.length > 0 && !forceer) {
      const namen = lopend.map((a) => `${a.nummer} (${a.partner}, ${a.status})`).join(', ');
      throw new DomainError(
        `Zaak ${nummer} heeft nog ${lopend.length === 1 ? 'een lopende actie' : `${lopend.length} lopende acties`}: ${namen}; ` +
          `rond ze af met kvz actie update of sluit met --forceer (ze vervallen dan).`,
      );
    }
    const nu = actor.nu.toISOString();
    for (const a of lopend) {
      await db.voer(`UPDATE actie SET status = 'vervallen', gewijzigd_op = ? WHERE id = ?`, [nu, a.id]);
      await legHistorieVast(db, actor, a.id, {
        oud: { status: a.status, deadline: a.deadline, partner: a.partner },
        nieuw: { status: 'vervallen', deadline: a.deadline, partner: a.partner },
        notitie: `Vervallen bij het sluiten van zaak ${nummer}.`,
      });
    }
    await db.voer(`UPDATE zaak SET status = 'gesloten', gesloten_op = ?, resultaat = ?, gewijzigd_op = ? WHERE id = ?`, [nu, resultaat, nu, id]);
    await schrijfAudit(db, actor, {
      object: nummer,
      resultaat: lopend.length > 0 ? `zaak gesloten; ${meervoud(lopend.length, 'actie', 'acties')} vervallen` : 'zaak gesloten',
      details: { status: ['open', 'gesloten'], vervallen: lopend.map((a) => a.nummer) },
    });
    return lopend.map((a) => a.nummer);
  });
  return { zaak: await toonZaak(db, nummer, actor.nu), vervallen };
}
