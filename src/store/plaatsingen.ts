/**
 * Placements of vergunninghouders (SPEC §11; the plan §1 "de plaatsing van de vergunninghouders beter
 * monitoren op meldingen en/of incidenten", §2.4 "toezien op de situatie van de vergunninghouder"):
 * where and when a household was housed, who gives the maatschappelijke begeleiding, the meldingen
 * that concern it and the contacts (visits, calls) since. The address is personal data: only `plaatsing
 * show` and `export plaatsingen` show it, and `opschonen` erases it once the placement has ended at
 * least the retention term ago. Lists, agendas and reports name a placement by number and kern only.
 */
import type { PlaatsingOpAgenda } from '../domain/agenda.js';
import { DomainError } from '../domain/errors.js';
import { dagVan, datumKort, type Datum } from '../domain/tijd.js';
import { inTransactie, schrijfAudit, type Actor } from './audit.js';
import type { Db } from './db.js';
import { volgendNummer } from './nummering.js';

export const CONTACT_SOORTEN_PLAATSING = ['bezoek', 'telefoon', 'gesprek', 'overig'] as const;
export type PlaatsingContactSoort = (typeof CONTACT_SOORTEN_PLAATSING)[number];

export interface NieuwePlaatsing {
  kern: string;
  adres: string;
  datum: Datum;
  huishouden?: number;
  begeleiding?: string;
  notitie?: string;
}

export interface PlaatsingContact {
  op: string;
  soort: PlaatsingContactSoort;
  partner: string | null;
}

/** A placement as lists and JSON show it: SPEC §11's keys, never the address. */
export interface Plaatsing {
  nummer: string;
  kern: string;
  datum: Datum;
  einde: Datum | null;
  huishouden: number | null;
  begeleiding: string | null;
  /** The numbers of its meldingen, oldest first. */
  meldingen: string[];
  contacten: PlaatsingContact[];
}

/** Everything, for `plaatsing show` (and its JSON): the address, the note, the contacts' notes. */
export interface PlaatsingDetail extends Omit<Plaatsing, 'contacten'> {
  adres: string | null;
  adres_gewist_op: string | null;
  notitie: string | null;
  contacten: (PlaatsingContact & { notitie: string; door: string })[];
  door: string;
  aangemaakt_op: string;
}

export interface PlaatsingWijziging {
  kern?: string;
  adres?: string;
  datum?: Datum;
  einde?: Datum | null;
  huishouden?: number | null;
  begeleiding?: string | null;
  notitie?: string | null;
}

type Rij = Omit<Plaatsing, 'meldingen' | 'contacten'> & { id: number };
type VolledigeRij = Rij & Pick<PlaatsingDetail, 'adres' | 'adres_gewist_op' | 'notitie' | 'door' | 'aangemaakt_op'>;

const KOLOMMEN = 'p.id, p.nummer, p.kern, p.datum, p.einde, p.huishouden, p.begeleiding';

async function plaatsingRij(db: Db, nummer: string): Promise<VolledigeRij> {
  const rij = await db.een<VolledigeRij>(
    `SELECT ${KOLOMMEN}, p.adres, p.adres_gewist_op, p.notitie, p.door, p.aangemaakt_op FROM plaatsing p WHERE p.nummer = ?`,
    [nummer],
  );
  if (!rij) throw new DomainError(`Plaatsing ${nummer} bestaat niet. Zie kvz plaatsing list.`);
  return rij;
}

/** The id of a placement by its number, for linking a melding; exit 1 when there is none. */
export async function plaatsingId(db: Db, nummer: string, gevolg = 'Er is niets vastgelegd.'): Promise<number> {
  const id = await db.waarde<number>('SELECT id FROM plaatsing WHERE nummer = ?', [nummer]);
  // The front desk links by number but cannot list placements: IV knows the numbers.
  if (id === undefined) throw new DomainError(`Plaatsing ${nummer} bestaat niet (IV kent de nummers: kvz plaatsing list). ${gevolg}`);
  return id;
}

export async function voegPlaatsingToe(db: Db, actor: Actor, p: NieuwePlaatsing): Promise<PlaatsingDetail> {
  const nummer = await inTransactie(db, async () => {
    // Numbered by the year of the placement (known weeks before, so possibly next year's).
    const jaar = Number(p.datum.slice(0, 4));
    const { nummer, volgnummer } = await volgendNummer(db, 'plaatsing', jaar);
    const id = (await db.waarde<number>(db.d.volgendId('plaatsing')))!;
    const nu = actor.nu.toISOString();
    await db.voer(
      `INSERT INTO plaatsing (id, nummer, jaar, volgnummer, kern, adres, datum, huishouden, begeleiding, notitie, door, aangemaakt_op, gewijzigd_op)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, nummer, jaar, volgnummer, p.kern, p.adres, p.datum, p.huishouden ?? null, p.begeleiding ?? null, p.notitie ?? null, actor.gebruiker, nu, nu],
    );
    // The address and the household are personal data: the log keeps the facts around them.
    await schrijfAudit(db, actor, {
      object: nummer,
      resultaat: 'plaatsing vastgelegd',
      details: { kern: p.kern, datum: p.datum, begeleiding: p.begeleiding ?? null },
    });
    return nummer;
  });
  return toonPlaatsing(db, nummer);
}

export interface PlaatsingFilter {
  kern?: string;
  /** Also placements that have ended (before `vandaag`). */
  alle?: boolean;
  vandaag: Datum;
}

/** Placements, oldest first: those still running (or yet to start) unless `alle`. */
export async function zoekPlaatsingen(db: Db, f: PlaatsingFilter): Promise<Plaatsing[]> {
  const waar: string[] = [];
  const p: Record<string, unknown> = {};
  if (!f.alle) (waar.push('(p.einde IS NULL OR p.einde >= @vandaag)'), (p.vandaag = f.vandaag));
  if (f.kern) (waar.push('p.kern = @kern'), (p.kern = f.kern));
  const rijen = await db.alle<Rij>(`SELECT ${KOLOMMEN} FROM plaatsing p ${waar.length ? `WHERE ${waar.join(' AND ')}` : ''} ORDER BY p.datum, p.jaar, p.volgnummer`, p);
  return metDelen(db, rijen);
}

/** With their meldingen and contacts; `volledig` also the contacts' notes and who recorded them (show). */
async function metDelen(db: Db, rijen: Rij[], volledig = false): Promise<Plaatsing[]> {
  if (rijen.length === 0) return [];
  const ids = rijen.map((r) => r.id);
  const lijst = ids.map(() => '?').join(', ');
  const meldingen = new Map<number, string[]>();
  for (const { plaatsing_id, nummer } of await db.alle<{ plaatsing_id: number; nummer: string }>(
    `SELECT m.plaatsing_id, m.nummer FROM melding m WHERE m.plaatsing_id IN (${lijst}) AND m.vervallen = 0 ORDER BY m.ontvangen_op, m.id`,
    ids,
  )) {
    meldingen.set(plaatsing_id, [...(meldingen.get(plaatsing_id) ?? []), nummer]);
  }
  const contacten = new Map<number, PlaatsingContact[]>();
  for (const { plaatsing_id, ...c } of await db.alle<PlaatsingContact & { plaatsing_id: number }>(
    `SELECT plaatsing_id, op, soort, partner${volledig ? ', notitie, door' : ''} FROM plaatsing_contact WHERE plaatsing_id IN (${lijst}) ORDER BY op, id`,
    ids,
  )) {
    contacten.set(plaatsing_id, [...(contacten.get(plaatsing_id) ?? []), c]);
  }
  return rijen.map(({ id, ...r }) => ({ ...r, huishouden: r.huishouden === null ? null : Number(r.huishouden), meldingen: meldingen.get(id) ?? [], contacten: contacten.get(id) ?? [] }));
}

export async function toonPlaatsing(db: Db, nummer: string): Promise<PlaatsingDetail> {
  const { adres, adres_gewist_op, notitie, door, aangemaakt_op, ...rij } = await plaatsingRij(db, nummer);
  const [basis] = await metDelen(db, [rij], true);
  return { ...basis!, contacten: basis!.contacten as PlaatsingDetail['contacten'], adres, adres_gewist_op, notitie, door, aangemaakt_op };
}

const WIJZIG_KOLOM: Record<keyof PlaatsingWijziging, string> = {
  kern: 'kern', adres: 'adres', datum: 'datum', einde: 'einde', huishouden: 'huishouden', begeleiding: 'begeleiding', notitie: 'notitie',
};

/** Changes a placement; returns it and the names of the fields that changed (none: nothing written). */
export async function wijzigPlaatsing(db: Db, actor: Actor, nummer: string, w: PlaatsingWijziging): Promise<{ plaatsing: PlaatsingDetail; gewijzigd: string[] }> {
  const gewijzigd = await inTransactie(db, async () => {
    const oud = await plaatsingRij(db, nummer);
    if (oud.adres_gewist_op !== null && w.adres !== undefined) {
      throw new DomainError(`Het adres van plaatsing ${nummer} is gewist (bewaartermijn); het kan niet meer worden gewijzigd. Er is niets gewijzigd.`);
    }
    const datum = w.datum ?? oud.datum;
    const einde = w.einde === undefined ? oud.einde : w.einde;
    if (einde !== null && einde < datum) {
      throw new DomainError(`Het einde (${datumKort(einde)}) ligt vóór de plaatsing zelf (${datumKort(datum)}). Er is niets gewijzigd.`);
    }
    const sets: string[] = [];
    const waarden: unknown[] = [];
    const details: Record<string, unknown> = {};
    for (const [veld, kolom] of Object.entries(WIJZIG_KOLOM) as [keyof PlaatsingWijziging, string][]) {
      const nieuw = w[veld];
      if (nieuw === undefined) continue;
      const was = (oud as unknown as Record<string, unknown>)[veld] ?? null;
      if ((was === null ? null : String(was)) === (nieuw === null ? null : String(nieuw))) continue;
      sets.push(`${kolom} = ?`);
      waarden.push(nieuw);
      // Personal data (address, note, household) is named as changed, never quoted.
      details[veld] = veld === 'adres' || veld === 'notitie' || veld === 'huishouden' ? 'gewijzigd' : [was, nieuw];
    }
    if (sets.length === 0) return [];
    await db.voer(`UPDATE plaatsing SET ${sets.join(', ')}, gewijzigd_op = ? WHERE id = ?`, [...waarden, actor.nu.toISOString(), oud.id]);
    await schrijfAudit(db, actor, { object: nummer, resultaat: w.einde ? 'plaatsing beëindigd' : 'plaatsing gewijzigd', details });
    return Object.keys(details);
  });
  return { plaatsing: await toonPlaatsing(db, nummer), gewijzigd };
}

/** Records a visit or call (toezien op de situatie, the plan §2.4). */
export async function voegPlaatsingContactToe(
  db: Db, actor: Actor, nummer: string, c: { op: Date; soort: PlaatsingContactSoort; partner?: string; notitie: string },
): Promise<PlaatsingDetail> {
  await inTransactie(db, async () => {
    const { id, datum } = await plaatsingRij(db, nummer);
    if (dagVan(c.op) < datum) {
      throw new DomainError(`Het contact (${datumKort(dagVan(c.op))}) ligt vóór de plaatsing (${datumKort(datum)}). Er is niets vastgelegd.`);
    }
    await db.voer(
      'INSERT INTO plaatsing_contact (plaatsing_id, op, dag, soort, partner, notitie, door) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [id, c.op.toISOString(), dagVan(c.op), c.soort, c.partner ?? null, c.notitie, actor.gebruiker],
    );
    await schrijfAudit(db, actor, { object: nummer, resultaat: `contact (${c.soort})`, details: { op: c.op.toISOString(), soort: c.soort, partner: c.partner ?? null } });
  });
  return toonPlaatsing(db, nummer);
}

/** A placement on an agenda or in a report: number and kern, never the address or household. */
export type PlaatsingMonitoring = PlaatsingOpAgenda;

/**
 * The placements running at some time in [van, tot] (both Amsterdam days, included), with their
 * meldingen and last contact. Lapsed meldingen never count; confidential ones only when asked.
 */
export async function plaatsingenInPeriode(db: Db, van: Datum, tot: Datum, vertrouwelijk: boolean, stand?: string): Promise<PlaatsingMonitoring[]> {
  const openbaar = vertrouwelijk ? '' : `AND ${db.d.openbaar(false)}`;
  // A meeting already held (#15 item 6): only what was recorded by the end of its day.
  const toen = (kolom: string) => (stand === undefined ? '' : `AND ${kolom} < @stand`);
  const rijen = await db.rauw<[string, string, Datum, Datum | null, number, number, Datum | null, PlaatsingContactSoort | null]>(
    `SELECT p.nummer, p.kern, p.datum, p.einde,
            (SELECT count(*) FROM melding m WHERE m.plaatsing_id = p.id AND m.vervallen = 0 AND m.ontvangen_dag BETWEEN p.datum AND @tot ${openbaar} ${toen('m.aangemaakt_op')}),
            (SELECT count(*) FROM melding m WHERE m.plaatsing_id = p.id AND m.vervallen = 0 AND m.ontvangen_dag BETWEEN @van AND @tot AND m.ontvangen_dag >= p.datum ${openbaar} ${toen('m.aangemaakt_op')}),
            c.dag, c.soort
     FROM plaatsing p
     LEFT JOIN plaatsing_contact c ON c.id = (SELECT c2.id FROM plaatsing_contact c2 WHERE c2.plaatsing_id = p.id AND c2.dag <= @tot ${toen('c2.op')} ORDER BY c2.op DESC, c2.id DESC LIMIT 1)
     WHERE p.datum <= @tot AND (p.einde IS NULL OR p.einde >= @van) ${toen('p.aangemaakt_op')}
     ORDER BY p.datum, p.jaar, p.volgnummer`,
    { van, tot, ...(stand === undefined ? {} : { stand }) },
  );
  return rijen.map(([nummer, kern, datum, einde, sinds, inPeriode, dag, soort]) => ({
    nummer, kern, datum, einde,
    meldingen_sinds_plaatsing: Number(sinds),
    meldingen_in_periode: Number(inPeriode),
    laatste_contact: dag === null ? null : { dag, soort: soort! },
  }));
}

/** The rows of `kvz export plaatsingen`: with the address, the number of meldingen and the last contact day. */
export async function exportPlaatsingen(
  db: Db, f: { vandaag: Datum; alle: boolean },
): Promise<{ nummer: string; kern: string; adres: string | null; datum: Datum; einde: Datum | null; huishouden: number | null; begeleiding: string | null; meldingen: number; laatste_contact: Datum | null }[]> {
  const rijen = await db.alle<{ nummer: string; kern: string; adres: string | null; datum: Datum; einde: Datum | null; huishouden: number | null; begeleiding: string | null; meldingen: number; laatste_contact: Datum | null }>(
    `SELECT p.nummer, p.kern, p.adres, p.datum, p.einde, p.huishouden, p.begeleiding,
            (SELECT count(*) FROM melding m WHERE m.plaatsing_id = p.id AND m.vervallen = 0) AS meldingen,
            (SELECT max(c.dag) FROM plaatsing_contact c WHERE c.plaatsing_id = p.id) AS laatste_contact
     FROM plaatsing p ${f.alle ? '' : 'WHERE p.einde IS NULL OR p.einde >= @vandaag'} ORDER BY p.datum, p.jaar, p.volgnummer`,
    { vandaag: f.vandaag },
  );
  return rijen.map((r) => ({ ...r, huishouden: r.huishouden === null ? null : Number(r.huishouden), meldingen: Number(r.meldingen) }));
}
