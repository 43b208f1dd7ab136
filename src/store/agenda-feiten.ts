/**
 * The queries behind the agendas and minutes: each reads one kind of fact in one statement, on an
 * index (region scale: a million meldingen, 50,000 zaken, 200,000 acties). Confidentiality is decided
 * here: unless `vertrouwelijk` is asked for, vertrouwelijke meldingen, meldingen of a vertrouwelijke
 * zaak, and vertrouwelijke zaken with their acties never leave the database. Melder data, addresses
 * and descriptions of meldingen are never selected.
 */
import { isTeLaat, type ActieStatus } from '../domain/actie.js';
import type { ActieOpAgenda, MeldingOpAgenda } from '../domain/agenda.js';
import { doorzettingOordeel } from '../domain/melding.js';
import { instantVan, plusDagen, type Datum } from '../domain/tijd.js';
import type { Db } from './db.js';
import { DOORZETTING_ONBEKEND, EERSTE_DOORZETTING_DAG } from './doorzetting-sql.js';

/**
 * The documents of a meeting already held show the state as it was then (#15 item 6): `stand` is that
 * moment (the end of the meeting's day, as an ISO instant), and these sources replace the zaak and
 * actie tables in the queries below. A zaak opened later does not exist yet, one closed later is still
 * open; an actie has the status, deadline and partner of its last history row before the moment. The
 * moment is kvz's own ISO text, checked here, so it goes into the SQL as a literal. Without a stand
 * (a meeting today or ahead) the tables are read as they are.
 */
export type Stand = string | undefined;

/** The moment a document of the meeting on `datum` reads the state at: the end of that day once it is past. */
export function standVan(datum: Datum, vandaag: Datum): Stand {
  return datum < vandaag ? instantVan(plusDagen(datum, 1)).toISOString() : undefined;
}

function moment(stand: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(stand)) throw new Error(`ongeldig peilmoment ${stand}`);
  return `'${stand}'`;
}

export function zaakBron(stand: Stand): string {
  if (stand === undefined) return 'zaak';
  const s = moment(stand);
  return `(SELECT id, nummer, jaar, volgnummer, titel, soort, kern, vertrouwelijk, eigenaar, geopend_op,
             CASE WHEN status = 'gesloten' AND gesloten_op >= ${s} THEN 'open' ELSE status END AS status
           FROM zaak WHERE geopend_op < ${s})`;
}

export function actieBron(db: Db, stand: Stand): string {
  if (stand === undefined) return 'actie';
  const s = moment(stand);
  return `(SELECT a.id, a.nummer, a.jaar, a.volgnummer, a.zaak_id, a.omschrijving, a.soort, a.overleg_id, a.aangemaakt_op,${db.soort === 'postgres' ? ' a.geheim,' : ''}
             h.status_nieuw AS status, h.deadline_nieuw AS deadline, h.partner_nieuw AS partner, h.op AS gewijzigd_op,
             (SELECT count(*) FROM actie_historie u WHERE u.actie_id = a.id AND u.op < ${s} AND u.deadline_oud IS NOT NULL
                AND u.deadline_nieuw > u.deadline_oud) AS keer_uitgesteld
           FROM actie a JOIN actie_historie h ON h.id = (SELECT max(h2.id) FROM actie_historie h2 WHERE h2.actie_id = a.id AND h2.op < ${s}))`;
}

// Counts group on the covering index melding_dag: no lookup in the melding table per melding. The
// confidentiality filter comes from the dialect (d.openbaar).
/** 1 for a melding of this window, 0 for one of the window before. */
const DEZE = 'CASE WHEN m.ontvangen_dag >= @grens THEN 1 ELSE 0 END';

/**
 * Meldingen from `van` up to `tot` (exclusive); `grens` splits them into the previous window (0) and
 * this one (1). `vorigTot` ends the previous window early (a running window is compared with as many
 * days of the one before); by default it runs up to `grens`.
 */
export interface Vensters {
  van: Datum;
  grens: Datum;
  tot: Datum;
  vorigTot?: Datum;
}

function tel<T extends readonly unknown[]>(db: Db, kolommen: string, waar: string, groep: string, p: Record<string, unknown>, vertrouwelijk: boolean): Promise<T[]> {
  return db.rauw<T>(
    `SELECT ${kolommen}, count(*) FROM melding m
     WHERE m.ontvangen_dag >= @van AND m.ontvangen_dag < @tot ${'vorigTot' in p ? 'AND (m.ontvangen_dag >= @grens OR m.ontvangen_dag < @vorigTot)' : ''} AND m.vervallen = 0 ${waar} ${vertrouwelijk ? '' : `AND ${db.d.openbaar(false)}`}
     GROUP BY ${groep}`,
    p,
  );
}

const parameters = (v: Vensters): Record<string, unknown> =>
  v.vorigTot === undefined || v.vorigTot >= v.grens ? { van: v.van, grens: v.grens, tot: v.tot } : { ...v };

/** Every melding counted by [deze, categorie, kern, vergunninghouder] over both windows (deze: 1 or 0). */
export function telling(db: Db, v: Vensters, vertrouwelijk: boolean): Promise<[deze: number, categorie: string, kern: string, vh: number, n: number][]> {
  return tel(db, `${DEZE}, m.categorie, m.kern, m.vergunninghouder`, '', '1, 2, 3, 4', parameters(v), vertrouwelijk);
}

/** Jeugdoverlast by [deze, kern] over both windows. */
export function jeugdPerKern(db: Db, v: Vensters, vertrouwelijk: boolean): Promise<[deze: number, kern: string, n: number][]> {
  return tel(db, `${DEZE}, m.kern`, `AND m.categorie = 'jeugdoverlast'`, '1, 2', parameters(v), vertrouwelijk);
}

/** Meldingen about a vergunninghouder in [van, tot) by [categorie, kern]. */
export function vergunninghoudersIn(db: Db, van: Datum, tot: Datum, vertrouwelijk: boolean): Promise<[categorie: string, kern: string, n: number][]> {
  return tel(db, 'm.categorie, m.kern', 'AND m.vergunninghouder = 1', '1, 2', { van, tot }, vertrouwelijk);
}

/** Meldingen in [van, tot) per zaak id. */
export async function meldingenPerZaak(db: Db, van: Datum, tot: Datum, vertrouwelijk: boolean): Promise<Map<number, number>> {
  return new Map(await tel<[number, number]>(db, 'm.zaak_id', 'AND m.zaak_id IS NOT NULL', '1', { van, tot }, vertrouwelijk));
}

type MeldingRij = [nummer: string, op: string, dag: Datum, categorie: string, kern: string, zaak: string | null, vh: number, naar: string | null, eerste: Datum | null, onbekend: number | null];

const meldingSelect = (db: Db) => `
  SELECT m.nummer, m.ontvangen_op, m.ontvangen_dag, m.categorie, m.kern, z.nummer, m.vergunninghouder,
         ${db.d.doorgezetNaar(',')},
         ${EERSTE_DOORZETTING_DAG}, ${DOORZETTING_ONBEKEND}
  FROM melding m LEFT JOIN zaak z ON z.id = m.zaak_id`;

function meldingVan(r: MeldingRij, peildatum: Datum): MeldingOpAgenda {
  return {
    nummer: r[0],
    ontvangen_op: r[1],
    ontvangen_dag: r[2],
    categorie: r[3],
    kern: r[4],
    zaak: r[5],
    vergunninghouder: r[6] === 1,
    doorgezet_naar: r[7] ? r[7].split(',') : [],
    eerste_doorzetting_dag: r[8],
    doorzetting: doorzettingOordeel(r[2], r[8] ?? undefined, peildatum, r[9] === 1),
  };
}

export type MeldingKeuze = 'alle' | 'openbaar' | 'alleen-vertrouwelijk';

/** The meldingen received in [van, tot), oldest first. */
export async function meldingenIn(db: Db, van: Datum, tot: Datum, keuze: MeldingKeuze, peildatum: Datum): Promise<MeldingOpAgenda[]> {
  const filter = keuze === 'openbaar' ? `AND ${db.d.openbaar(true)}` : keuze === 'alleen-vertrouwelijk' ? 'AND m.vertrouwelijk = 1' : '';
  return (
    await db.rauw<MeldingRij>(`${meldingSelect(db)} WHERE m.ontvangen_dag >= @van AND m.ontvangen_dag < @tot AND m.vervallen = 0 ${filter} ORDER BY m.ontvangen_op, m.id`, { van, tot })
  ).map((r) => meldingVan(r, peildatum));
}

/** Meldingen received before day `voor` that were never forwarded nor closed, oldest first; not vertrouwelijk. */
export async function nooitDoorgezet(db: Db, voor: Datum, peildatum: Datum): Promise<MeldingOpAgenda[]> {
  return (
    await db.rauw<MeldingRij>(
      `${meldingSelect(db)} WHERE m.status = 'nieuw' AND m.ontvangen_dag < @voor AND ${db.d.openbaar(true)}
         AND NOT EXISTS (SELECT 1 FROM doorzetting d WHERE d.melding_id = m.id AND d.op IS NOT NULL)
       ORDER BY m.ontvangen_op, m.id`,
      { voor },
    )
  ).map((r) => meldingVan(r, peildatum));
}

export interface ZaakRij {
  id: number;
  nummer: string;
  titel: string;
  soort: string;
  kern: string;
  status: 'open' | 'gesloten';
  vertrouwelijk: number;
  eigenaar: string;
  geopend_op: string;
  /** How many meldingen it has, and how many of them were received in the window asked for (else 0). */
  meldingen: number;
  in_periode: number;
}

type ZaakKolommen = [number, string, string, string, string, 'open' | 'gesloten', number, string, string, number, number];

/**
 * The zaak columns; `vertrouwelijk` decides whether vertrouwelijke meldingen count. Counting the
 * window's meldingen per zaak here, on the index melding_zaak, beats grouping the whole window.
 */
const zaakSelect = (vertrouwelijk: boolean, venster: boolean, stand?: Stand) => {
  const tel = `SELECT count(*) FROM melding m WHERE m.zaak_id = z.id AND m.vervallen = 0 ${vertrouwelijk ? '' : 'AND m.vertrouwelijk = 0'}${stand ? ` AND m.ontvangen_op < ${moment(stand)}` : ''}`;
  return `
  SELECT z.id, z.nummer, z.titel, z.soort, z.kern, z.status, z.vertrouwelijk, z.eigenaar, z.geopend_op, (${tel}),
         ${venster ? `(${tel} AND m.ontvangen_dag >= @van AND m.ontvangen_dag < @tot)` : '0'}
  FROM ${zaakBron(stand)} z`;
};

// Raw rows made into objects here: better-sqlite3's named rows cost several times more (region scale: 2,000 open zaken).
function zaakRij(r: ZaakKolommen): ZaakRij {
  return {
    id: r[0], nummer: r[1], titel: r[2], soort: r[3], kern: r[4], status: r[5], vertrouwelijk: r[6], eigenaar: r[7], geopend_op: r[8],
    meldingen: r[9], in_periode: r[10],
  };
}

/**
 * The open zaken that are vertrouwelijk (for the politieoverleg), or those that are not, in number
 * order; with `venster` also counting the meldingen of each received in [van, tot).
 */
export async function openZaken(db: Db, vertrouwelijk: boolean, venster?: { van: Datum; tot: Datum }, stand?: Stand): Promise<ZaakRij[]> {
  return (
    await db.rauw<ZaakKolommen>(
      `${zaakSelect(vertrouwelijk, venster !== undefined, stand)} WHERE z.status = 'open' AND z.vertrouwelijk = @v ORDER BY z.jaar, z.volgnummer`,
      { v: vertrouwelijk ? 1 : 0, ...(venster ? { van: venster.van, tot: venster.tot } : {}) },
    )
  ).map(zaakRij);
}

/** Zaken by id or by number, in number order; vertrouwelijke ones (and meldingen) only when asked. */
export async function zakenMet(db: Db, sleutel: 'id' | 'nummer', waarden: readonly (number | string)[], vertrouwelijk: boolean, stand?: Stand): Promise<ZaakRij[]> {
  if (waarden.length === 0) return [];
  return (
    await db.rauw<ZaakKolommen>(
      `${zaakSelect(vertrouwelijk, false, stand)} WHERE ${db.d.inLijst(`z.${sleutel}`, '?', sleutel === 'id' ? 'getal' : 'tekst')} ${vertrouwelijk ? '' : 'AND z.vertrouwelijk = 0'}
       ORDER BY z.jaar, z.volgnummer`,
      [JSON.stringify(waarden)],
    )
  ).map(zaakRij);
}

type ActieRij = [zaak: string, nummer: string, omschrijving: string, partner: string, deadline: Datum, status: ActieStatus, uitgesteld: number];

const ACTIE_KOLOMMEN = 'a.nummer, a.omschrijving, a.partner, a.deadline, a.status, a.keer_uitgesteld';
const ACTIE_VOLGORDE = 'ORDER BY a.deadline, a.jaar, a.volgnummer';

function actieVan(r: ActieRij, peildatum: Datum): ActieOpAgenda {
  return {
    nummer: r[1],
    zaak: r[0],
    omschrijving: r[2],
    partner: r[3],
    deadline: r[4],
    status: r[5],
    keer_uitgesteld: r[6],
    te_laat: isTeLaat(r[4], r[5], peildatum),
  };
}

/**
 * The acties of these zaken per zaak, by deadline: those still open or running, and with `sinds` (an
 * instant) also those finished since then.
 */
export async function actiesPerZaak(db: Db, zaken: readonly ZaakRij[], peildatum: Datum, sinds?: string, stand?: Stand): Promise<Map<number, ActieOpAgenda[]>> {
  const per = new Map<number, ActieOpAgenda[]>();
  if (zaken.length === 0) return per;
  const nummer = new Map(zaken.map((z) => [z.id, z.nummer]));
  const rijen = await db.rauw<[number, string, string, string, Datum, ActieStatus, number]>(
    `SELECT a.zaak_id, ${ACTIE_KOLOMMEN} FROM ${actieBron(db, stand)} a
     WHERE ${db.d.inLijst('a.zaak_id', '@ids', 'getal')} AND (a.status IN ('open', 'loopt') OR a.gewijzigd_op >= @sinds)
     ${ACTIE_VOLGORDE}`,
    { ids: JSON.stringify([...nummer.keys()]), sinds: sinds ?? '9999' },
  );
  for (const r of rijen) {
    const id = r[0];
    const actie: ActieOpAgenda = {
      nummer: r[1], zaak: nummer.get(id)!, omschrijving: r[2], partner: r[3], deadline: r[4], status: r[5], keer_uitgesteld: r[6],
      te_laat: isTeLaat(r[4], r[5], peildatum),
    };
    const lijst = per.get(id);
    if (lijst) lijst.push(actie);
    else per.set(id, [actie]);
  }
  return per;
}

/** Which of these zaken have any actie at all, whatever its status. */
export async function metEenActie(db: Db, zaakIds: readonly number[], stand?: Stand): Promise<Set<number>> {
  if (zaakIds.length === 0) return new Set();
  return new Set(await db.kolom<number>(`SELECT DISTINCT zaak_id FROM ${actieBron(db, stand)} a WHERE ${db.d.inLijst('zaak_id', '?', 'getal')}`, [JSON.stringify(zaakIds)]));
}

/** How the acties agreed in one overleg row stand now: [status, te laat (1 or 0), n]; not of vertrouwelijke zaken. */
export function standVanOverleg(db: Db, overlegId: number, peildatum: Datum, stand?: Stand): Promise<[status: ActieStatus, teLaat: number, n: number][]> {
  return db.rauw(
    `SELECT a.status, CASE WHEN a.status IN ('open', 'loopt') AND a.deadline < ? THEN 1 ELSE 0 END, count(*)
     FROM ${actieBron(db, stand)} a WHERE a.overleg_id = ? AND ${db.d.actieOpenbaar()} GROUP BY 1, 2`,
    [peildatum, overlegId],
  );
}

async function acties(db: Db, waar: string, peildatum: Datum, p: unknown[], stand: Stand): Promise<ActieOpAgenda[]> {
  return (
    await db.rauw<ActieRij>(
      `SELECT z.nummer, ${ACTIE_KOLOMMEN} FROM ${actieBron(db, stand)} a JOIN ${zaakBron(stand)} z ON z.id = a.zaak_id WHERE ${waar} ${ACTIE_VOLGORDE}`,
      p,
    )
  ).map((r) => actieVan(r, peildatum));
}

/** The acties agreed in one overleg row; not of vertrouwelijke zaken. */
export function actiesVanOverleg(db: Db, overlegId: number, peildatum: Datum, stand?: Stand): Promise<ActieOpAgenda[]> {
  return acties(db, 'a.overleg_id = ? AND z.vertrouwelijk = 0', peildatum, [overlegId], stand);
}

/** Acties still open or running whose deadline is before `peildatum`; not of vertrouwelijke zaken. */
export function teLateActies(db: Db, peildatum: Datum, stand?: Stand): Promise<ActieOpAgenda[]> {
  return acties(db, `a.status IN ('open', 'loopt') AND a.deadline < ? AND z.vertrouwelijk = 0`, peildatum, [peildatum], stand);
}

/** Partner code → name. */
export async function partnerNamen(db: Db): Promise<Map<string, string>> {
  return new Map(await db.rauw<[string, string]>('SELECT code, naam FROM partner'));
}

/** The partners recorded as present at an overleg row. */
export function aanwezigen(db: Db, overlegId: number): Promise<string[]> {
  return db.kolom<string>('SELECT partner FROM aanwezigheid WHERE overleg_id = ? ORDER BY partner', [overlegId]);
}
