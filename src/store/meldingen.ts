/**
 * Meldingen in the database: registering, forwarding, contacts, changes and closing, each one
 * immediate transaction with its audit row; and the read models that lists, `show` and `--json` use.
 * The objects returned are the stable JSON interface of SPEC §2 (snake_case keys, ISO dates).
 */
import { DomainError, UsageError } from '../domain/errors.js';
import {
  doorzettingOordeel,
  type ContactSoort,
  type MeldingStatus,
  type MeldingWijziging,
  type NieuweMelding,
} from '../domain/melding.js';
import { dagVan, plusDagen, tijdstipKort, type Datum } from '../domain/tijd.js';
import { inTransactie, schrijfAudit, type Actor } from './audit.js';
import type { Db } from './db.js';
import { plaatsingId } from './plaatsingen.js';
import { MELDING_STATUS, selectieVoorwaarden, type MeldingSelectie } from './melding-selectie.js';
import { volgendNummer } from './nummering.js';
import { DOORZETTING_ONBEKEND, EERSTE_DOORZETTING_DAG, EERSTE_DOORZETTING_OP } from './doorzetting-sql.js';
import { doorzettingBericht, KRING_VERTROUWELIJK, terugkoppelingBericht, type MeldingVoorPost, type PartnerVoorPost } from '../post/doorzetting.js';
import { wachtOpTerugkoppeling } from './terugkoppeling.js';
import { legBerichtVast, type Bericht, type BerichtStatus } from './post.js';

export interface MeldingOverzicht {
  nummer: string;
  ontvangen_op: string;
  ontvangen_dag: Datum;
  kanaal: string;
  categorie: string;
  kern: string;
  status: MeldingStatus;
  zaak: string | null;
  doorgezet_naar: string[];
  eerste_doorzetting_op: string | null;
  /** The same-day rule: op-tijd, te-laat, vandaag-nog-doen or niet-doorgezet. */
  doorzetting: ReturnType<typeof doorzettingOordeel>;
  vergunninghouder: boolean;
  vertrouwelijk: boolean;
  /** Acuut (SPEC §11): first in lists and status, marked !! until forwarded. */
  urgent: boolean;
  /** The placement of vergunninghouders it concerns (SPEC §11), by number. */
  plaatsing: string | null;
  terugkoppeling: boolean;
}

export interface Doorzetting {
  partner: string;
  /** The moment that counts (SPEC §8); null while its mail waits or failed. */
  op: string | null;
  door: string;
  notitie: string | null;
  zelfde_dag: boolean;
  /** Forwarded at a moment nobody recorded (an import without dates): `op` is then null, not late. */
  tijd_onbekend: boolean;
  /** The status of its mail, or null when no mail was involved. */
  mail: BerichtStatus | null;
}

export interface Contact {
  op: string;
  soort: ContactSoort;
  notitie: string;
  door: string;
}

export interface MeldingDetail extends MeldingOverzicht {
  adres: string | null;
  omschrijving: string;
  melder_naam: string | null;
  melder_telefoon: string | null;
  melder_email: string | null;
  melder_gewist_op: string | null;
  doorzettingen: Doorzetting[];
  contacten: Contact[];
  afgehandeld_op: string | null;
  afhandeling: string | null;
  geregistreerd_door: string;
  aangemaakt_op: string;
  gewijzigd_op: string;
}

/**
 * A melding its writer may not see once it is written: on a shared database the front desk registers
 * a confidential one (a police tip) and hears its number only (SPEC §7).
 */
export interface VerborgenMelding {
  nummer: string;
  vertrouwelijk: true;
}

export function isVerborgen(m: MeldingDetail | VerborgenMelding): m is VerborgenMelding {
  return !('status' in m);
}

export interface MeldingFilter extends MeldingSelectie {
  nietDoorgezet?: boolean;
  teLaatDoorgezet?: boolean;
  limit?: number;
}

interface Rij {
  id: number;
  nummer: string;
  ontvangen_op: string;
  ontvangen_dag: string;
  kanaal: string;
  categorie: string;
  kern: string;
  status: MeldingStatus;
  zaak: string | null;
  doorgezet_naar: string | null;
  eerste_doorzetting_op: string | null;
  eerste_doorzetting_dag: string | null;
  doorzetting_onbekend: number | null;
  urgent: number;
  plaatsing: string | null;
  vergunninghouder: number;
  vertrouwelijk: number;
  terugkoppeling: number;
}

const overzichtSelect = (db: Db, extra = '') => `
  SELECT m.id, m.nummer, m.ontvangen_op, m.ontvangen_dag, m.kanaal, m.categorie, m.kern, ${MELDING_STATUS} AS status,
         z.nummer AS zaak, m.vergunninghouder, m.vertrouwelijk, m.terugkoppeling, m.urgent,
         (SELECT p.nummer FROM plaatsing p WHERE p.id = m.plaatsing_id) AS plaatsing,
         ${db.d.doorgezetNaar(',')} AS doorgezet_naar,
         ${EERSTE_DOORZETTING_OP} AS eerste_doorzetting_op,
         ${EERSTE_DOORZETTING_DAG} AS eerste_doorzetting_dag, ${DOORZETTING_ONBEKEND} AS doorzetting_onbekend ${extra}
  FROM melding m LEFT JOIN zaak z ON z.id = m.zaak_id`;

function overzicht(rij: Rij, vandaag: Datum): MeldingOverzicht {
  return {
    nummer: rij.nummer,
    ontvangen_op: rij.ontvangen_op,
    ontvangen_dag: rij.ontvangen_dag,
    kanaal: rij.kanaal,
    categorie: rij.categorie,
    kern: rij.kern,
    status: rij.status,
    zaak: rij.zaak,
    doorgezet_naar: rij.doorgezet_naar ? rij.doorgezet_naar.split(',') : [],
    eerste_doorzetting_op: rij.eerste_doorzetting_op,
    doorzetting: doorzettingOordeel(rij.ontvangen_dag, rij.eerste_doorzetting_dag ?? undefined, vandaag, rij.doorzetting_onbekend === 1),
    vergunninghouder: rij.vergunninghouder === 1,
    vertrouwelijk: rij.vertrouwelijk === 1,
    urgent: Number(rij.urgent) === 1,
    plaatsing: rij.plaatsing,
    terugkoppeling: rij.terugkoppeling === 1,
  };
}

/** Urgent and not yet forwarded (status nieuw); the constant terms let SQLite use the index of open meldingen. */
export const ACUUT = "(m.urgent = 1 AND m.status = 'nieuw' AND (m.status = 'nieuw' OR m.status = 'doorgezet'))";

/** Meldingen matching `filter`, urgent ones waiting to be forwarded first, then newest first; and how many match in all. */
export async function zoekMeldingen(db: Db, filter: MeldingFilter, nu: Date): Promise<{ meldingen: MeldingOverzicht[]; totaal: number }> {
  const waar: string[] = [];
  const p: Record<string, unknown> = {};
  selectieVoorwaarden(filter, waar, p);
  // What still waits to be forwarded: a melding closed without forwarding waits for nothing (#15 item 14).
  if (filter.nietDoorgezet) waar.push("m.status <> 'afgehandeld' AND NOT EXISTS (SELECT 1 FROM doorzetting d WHERE d.melding_id = m.id AND d.op IS NOT NULL)");
  if (filter.teLaatDoorgezet) {
    waar.push(`${EERSTE_DOORZETTING_DAG} > m.ontvangen_dag`);
  }
  const where = waar.length ? `WHERE ${waar.join(' AND ')}` : '';
  // The filters name only m: counting and choosing a page need no join (with one, SQLite walks every zaak too).
  const totaal = (await db.waarde<number>(`SELECT count(*) FROM melding m ${where}`, p))!;
  const en = where ? `${where} AND` : 'WHERE';
  const volgorde = 'ORDER BY m.ontvangen_dag DESC, m.ontvangen_op DESC, m.id DESC';
  // A page is chosen by its ids first: sorting whole rows would work out every row's forwardings before
  // the limit applies (seconds on a region's million meldingen, #17). The always-true range on the day
  // lets the planner walk the day index backwards and stop at the limit, instead of sorting every melding.
  const pagina = (voorwaarde: string, n: number | undefined) =>
    n === undefined
      ? db.alle<Rij>(`${overzichtSelect(db)} ${en} ${voorwaarde} ${volgorde}`, p)
      : db.alle<Rij>(
          `${overzichtSelect(db)} WHERE m.id IN (SELECT m.id FROM melding m ${en} m.ontvangen_dag >= '' AND ${voorwaarde} ${volgorde}
             LIMIT ${Math.max(0, Math.trunc(n))}) ${volgorde}`,
          p,
        );
  // Urgent meldingen not yet forwarded come first (SPEC §11): a small query on the index of open meldingen,
  // then the page as before without them, so the usual order keeps its index.
  const acuut = await pagina(ACUUT, filter.limit);
  const rest = filter.limit !== undefined && acuut.length >= filter.limit
    ? []
    : await pagina(`NOT (${ACUUT})`, filter.limit === undefined ? undefined : filter.limit - acuut.length);
  const vandaag = dagVan(nu);
  return { meldingen: [...acuut, ...rest].map((r) => overzicht(r, vandaag)), totaal };
}

/** The id of a melding by its number (via its year and sequence number, which are indexed). */
export async function zoekMeldingId(db: Db, nummer: string): Promise<number | undefined> {
  const m = /^M-(\d{4})-(\d+)$/.exec(nummer);
  if (!m) return undefined;
  return db.waarde<number>('SELECT id FROM melding WHERE jaar = ? AND volgnummer = ?', [+m[1]!, +m[2]!]);
}

async function meldingId(db: Db, nummer: string): Promise<number> {
  const id = await zoekMeldingId(db, nummer);
  if (id === undefined) throw new DomainError(`Melding ${nummer} bestaat niet. Zie kvz melding list.`);
  return id;
}

type Extra = Omit<MeldingDetail, keyof MeldingOverzicht | 'doorzettingen' | 'contacten'>;
const EXTRA = `, m.adres, m.omschrijving, m.melder_naam, m.melder_telefoon, m.melder_email, m.melder_gewist_op, m.afgehandeld_op,
  m.afhandeling, m.geregistreerd_door, m.aangemaakt_op, m.gewijzigd_op`;

export async function toonMelding(db: Db, nummer: string, nu: Date): Promise<MeldingDetail> {
  const n = /^M-(\d{4})-(\d+)$/.exec(nummer);
  const gevonden = n ? await db.een<Rij & Extra>(`${overzichtSelect(db, EXTRA)} WHERE m.jaar = ? AND m.volgnummer = ?`, [+n[1]!, +n[2]!]) : undefined;
  if (!gevonden) throw new DomainError(`Melding ${nummer} bestaat niet. Zie kvz melding list.`);
  const { adres, omschrijving, melder_naam, melder_telefoon, melder_email, melder_gewist_op, afgehandeld_op, afhandeling,
    geregistreerd_door, aangemaakt_op, gewijzigd_op, ...rij } = gevonden;
  const extra: Extra = { adres, omschrijving, melder_naam, melder_telefoon, melder_email, melder_gewist_op, afgehandeld_op, afhandeling,
    geregistreerd_door, aangemaakt_op, gewijzigd_op };
  const id = rij.id;
  const doorzettingen = (
    await db.alle<Omit<Doorzetting, 'zelfde_dag' | 'tijd_onbekend'> & { dag: string | null; tijd_onbekend: number }>(
      `SELECT d.partner, CASE WHEN d.tijd_onbekend = 1 THEN NULL ELSE d.op END AS op, d.dag, d.door, d.notitie, d.tijd_onbekend,
              (SELECT b.status FROM bericht b WHERE b.melding_id = d.melding_id AND b.partner = d.partner AND b.soort = 'doorzetting'
               ORDER BY b.id DESC LIMIT 1) AS mail
       FROM doorzetting d WHERE d.melding_id = ? ORDER BY d.op IS NULL, d.op, d.partner`,
      [id],
    )
  ).map(({ dag, tijd_onbekend, ...d }) => ({ ...d, zelfde_dag: tijd_onbekend === 0 && dag !== null && dag <= rij.ontvangen_dag, tijd_onbekend: Number(tijd_onbekend) === 1 }));
  const contacten = await db.alle<Contact>('SELECT op, soort, notitie, door FROM contact WHERE melding_id = ? ORDER BY op, id', [id]);
  return { ...overzicht(rij, dagVan(nu)), ...extra, doorzettingen, contacten };
}

/** The id of an open zaak, for linking; refuses unknown and closed zaken. */
async function openZaakId(db: Db, nummer: string): Promise<number> {
  const zaak = await db.een<{ id: number; status: string }>('SELECT id, status FROM zaak WHERE nummer = ?', [nummer]);
  if (!zaak) throw new DomainError(`Zaak ${nummer} bestaat niet. Zie kvz zaak list.`);
  if (zaak.status !== 'open') throw new DomainError(`Zaak ${nummer} is gesloten; koppel de melding aan een open zaak.`);
  return zaak.id;
}

function nietInDeToekomst(op: Date, nu: Date, veld: string): void {
  if (op.getTime() > nu.getTime() + 60_000) {
    throw new UsageError(`${veld} ligt in de toekomst (${tijdstipKort(op)}); geef een moment tot en met nu.`);
  }
}

function nietVoorOntvangst(op: Date, ontvangenOp: string, veld: string): void {
  if (op.toISOString() < ontvangenOp) {
    throw new UsageError(`${veld} (${tijdstipKort(op)}) ligt vóór de ontvangst van de melding (${tijdstipKort(new Date(ontvangenOp))}).`);
  }
}

const INSERT_DOORZETTING = `INSERT INTO doorzetting (melding_id, partner, op, dag, door, notitie)
  VALUES (?, ?, ?, ?, ?, ?)`;

/** How forwarding goes by mail in this run (SPEC §8). */
export interface PostKeuze {
  /** Whether this database may mail (a copy may not: its messages get status uit). */
  aan: boolean;
  /** --zonder-mail: forwarded by other means (phone), recorded only. */
  zonderMail: boolean;
  /** The domain of Message-IDs. */
  domein: string;
}

/** What forwarding by mail made: the messages to deliver after the commit, the partners without an address. */
export interface DoorzetPost {
  berichten: Bericht[];
  zonderAdres: string[];
  /** Whether any partner has an address: mail is in use, so one without deserves a notice. */
  inGebruik: boolean;
}

async function laadPartners(db: Db, naar: string[]): Promise<{ rijen: PartnerVoorPost[]; inGebruik: boolean }> {
  const rijen = await db.alle<PartnerVoorPost & { in_gebruik: number }>(
    `SELECT code, naam, email, met_melder, (SELECT count(*) FROM partner WHERE email IS NOT NULL) AS in_gebruik
     FROM partner WHERE ${db.d.inLijst('code', '?', 'tekst')}`,
    [JSON.stringify(naar)],
  );
  return { rijen, inGebruik: (rijen[0]?.in_gebruik ?? 0) > 0 };
}

/** Whether a forwarding to `partners` counts at once: some partner gets no mail that must first go out. */
function teltMeteen(partners: PartnerVoorPost[], post: PostKeuze | undefined): boolean {
  if (partners.length === 0) return false;
  if (post === undefined || post.zonderMail || !post.aan) return true;
  return partners.some((p) => p.email === null);
}

/**
 * Records forwardings of melding `m` to `naar` inside the running transaction: a partner with an
 * address gets a message and its forwarding counts only once that is sent; otherwise (no address,
 * --zonder-mail, mail switched off) it counts at `op`. Returns whether any counts already.
 */
async function legDoorzettingenVast(
  db: Db, actor: Actor, m: MeldingVoorPost, naar: string[], op: Date, notitie: string | undefined, post: PostKeuze | undefined, uit: DoorzetPost,
  geladen?: { rijen: PartnerVoorPost[]; inGebruik: boolean },
): Promise<boolean> {
  if (m.vertrouwelijk) {
    const buiten = naar.filter((p) => !(KRING_VERTROUWELIJK as readonly string[]).includes(p));
    if (buiten.length > 0) {
      throw new DomainError(
        `Melding ${m.nummer} is vertrouwelijk en mag alleen naar ${KRING_VERTROUWELIJK.join(', ')}, niet naar ${buiten.join(', ')}; er is niets vastgelegd.`,
      );
    }
  }
  const partners = geladen ?? (await laadPartners(db, naar));
  uit.inGebruik ||= partners.inGebruik;
  let telt = false;
  for (const code of naar) {
    const p = partners.rijen.find((x) => x.code === code)!;
    const metMail = post !== undefined && !post.zonderMail && p.email !== null;
    const wacht = metMail && post.aan;
    await db.voer(INSERT_DOORZETTING, [m.id, code, wacht ? null : op.toISOString(), wacht ? null : dagVan(op), actor.gebruiker, notitie ?? null]);
    if (metMail) {
      const b = doorzettingBericht(m, p, notitie, post.domein);
      await legBerichtVast(db, actor, b, post.aan ? 'wacht' : 'uit');
      if (post.aan) uit.berichten.push(b);
    } else if (p.email === null && post !== undefined && !post.zonderMail) {
      uit.zonderAdres.push(code);
    }
    telt ||= !wacht;
  }
  return telt;
}

/** An address as people type it, for comparing: case, spacing and a trailing full stop do not count. */
const adresSleutel = (a: string) => a.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.,]$/, '');

/**
 * Meldingen that look like this one (#15 item 14): the same categorie and address, received within a
 * day of it. The desk is warned before it records a duplicate; on PostgreSQL only those the role may see.
 */
export async function lijktOp(db: Db, m: Pick<NieuweMelding, 'categorie' | 'kern' | 'adres' | 'ontvangenOp'>): Promise<{ nummer: string; ontvangen_op: string; zaak: string | null; zaak_open: boolean }[]> {
  if (!m.adres?.trim()) return [];
  const dag = dagVan(m.ontvangenOp);
  const rijen = await db.alle<{ nummer: string; ontvangen_op: string; adres: string; zaak: string | null; zaak_status: string | null }>(
    `SELECT m.nummer, m.ontvangen_op, m.adres, z.nummer AS zaak, z.status AS zaak_status FROM melding m LEFT JOIN zaak z ON z.id = m.zaak_id
     WHERE m.ontvangen_dag BETWEEN @van AND @tot AND m.categorie = @categorie AND m.kern = @kern AND m.adres IS NOT NULL AND m.vervallen = 0
     ORDER BY m.ontvangen_op`,
    { van: plusDagen(dag, -1), tot: plusDagen(dag, 1), categorie: m.categorie, kern: m.kern },
  );
  const sleutel = adresSleutel(m.adres);
  const dagMs = 24 * 3600 * 1000;
  return rijen
    .filter((r) => adresSleutel(r.adres) === sleutel && Math.abs(Date.parse(r.ontvangen_op) - m.ontvangenOp.getTime()) <= dagMs)
    .map(({ nummer, ontvangen_op, zaak, zaak_status }) => ({ nummer, ontvangen_op, zaak, zaak_open: zaak_status === 'open' }));
}

/** Registers a new melding (and the forwarding given with it) and returns it as `show` would. */
export async function voegMeldingToe(
  db: Db, actor: Actor, m: NieuweMelding, post?: PostKeuze, uit: DoorzetPost = { berichten: [], zonderAdres: [], inGebruik: false },
): Promise<MeldingDetail | VerborgenMelding> {
  nietInDeToekomst(m.ontvangenOp, actor.nu, '--ontvangen');
  const doorgezetOp = m.doorgezetOp ?? (m.ontvangenOp > actor.nu ? m.ontvangenOp : actor.nu);
  const nummer = await inTransactie(db, async () => {
    const zaakId = m.zaak === undefined ? null : await openZaakId(db, m.zaak);
    const plaatsing = m.plaatsing === undefined ? null : await plaatsingId(db, m.plaatsing);
    const ontvangenDag = dagVan(m.ontvangenOp);
    const jaar = Number(ontvangenDag.slice(0, 4));
    const { nummer, volgnummer } = await volgendNummer(db, 'melding', jaar);
    const nu = actor.nu.toISOString();
    const id = (await db.waarde<number>(db.d.volgendId('melding')))!;
    // Set with the row: on PostgreSQL the front desk cannot update a confidential melding it just made.
    const partners = m.doorzettenNaar.length > 0 ? await laadPartners(db, m.doorzettenNaar) : undefined;
    const status: MeldingStatus = teltMeteen(partners?.rijen ?? [], post) ? 'doorgezet' : 'nieuw';
    const zaakGeheim = zaakId !== null && (await db.waarde<number>('SELECT vertrouwelijk FROM zaak WHERE id = ?', [zaakId])) === 1;
    const rij: Record<string, unknown> = {
      id, jaar, volgnummer, ontvangen_op: m.ontvangenOp.toISOString(), ontvangen_dag: ontvangenDag, kanaal: m.kanaal,
      categorie: m.categorie, kern: m.kern, adres: m.adres ?? null, omschrijving: m.omschrijving, melder_naam: m.melderNaam ?? null,
      melder_telefoon: m.melderTelefoon ?? null, melder_email: m.melderEmail ?? null, terugkoppeling: +m.terugkoppeling,
      vergunninghouder: +m.vergunninghouder, vertrouwelijk: +m.vertrouwelijk, status, geregistreerd_door: actor.gebruiker,
      aangemaakt_op: nu, gewijzigd_op: nu,
    };
    if (m.urgent) rij.urgent = 1;
    // Only a melding linked to a zaak names the column: on a shared database the front desk may not set it.
    if (zaakId !== null) rij.zaak_id = zaakId;
    if (plaatsing !== null) (rij.plaatsing_id = plaatsing), (rij.vergunninghouder = 1);
    const kolommen = Object.keys(rij);
    await db.voer(`INSERT INTO melding (${kolommen.join(', ')}) VALUES (${kolommen.map(() => '?').join(', ')})`, Object.values(rij));
    if (m.doorzettenNaar.length > 0) {
      const voorPost: MeldingVoorPost = {
        id, nummer, ontvangenOp: m.ontvangenOp.toISOString(), categorie: m.categorie, kern: m.kern, adres: m.adres ?? null,
        omschrijving: m.omschrijving, vergunninghouder: m.vergunninghouder, vertrouwelijk: m.vertrouwelijk || zaakGeheim,
        melderNaam: m.melderNaam ?? null, melderTelefoon: m.melderTelefoon ?? null, melderEmail: m.melderEmail ?? null,
      };
      await legDoorzettingenVast(db, actor, voorPost, m.doorzettenNaar, doorgezetOp, undefined, post, uit, partners);
    }
    await schrijfAudit(db, actor, {
      object: nummer,
      resultaat: 'melding vastgelegd',
      details: {
        categorie: m.categorie,
        kern: m.kern,
        kanaal: m.kanaal,
        ontvangen_op: m.ontvangenOp.toISOString(),
        vergunninghouder: m.vergunninghouder,
        vertrouwelijk: m.vertrouwelijk,
        zaak: m.zaak ?? null,
        ...(m.plaatsing ? { plaatsing: m.plaatsing } : {}),
        doorgezet_naar: m.doorzettenNaar,
        melder: m.melderNaam || m.melderTelefoon || m.melderEmail ? 'gegevens vastgelegd' : 'anoniem',
        ...(m.urgent ? { urgent: true } : {}),
      },
    });
    return nummer;
  });
  if (m.vertrouwelijk && (await zoekMeldingId(db, nummer)) === undefined) return { nummer, vertrouwelijk: true };
  return await toonMelding(db, nummer, actor.nu);
}

/** Records forwarding to one or more partners; refuses partners it already went to. */
export async function zetDoor(
  db: Db, actor: Actor, nummer: string, naar: string[], op: Date, notitie?: string, post?: PostKeuze,
  uit: DoorzetPost = { berichten: [], zonderAdres: [], inGebruik: false },
): Promise<MeldingDetail> {
  nietInDeToekomst(op, actor.nu, '--op');
  await inTransactie(db, async () => {
    const id = await meldingId(db, nummer);
    const m = (await db.een<{
      ontvangen_op: string; status: MeldingStatus; categorie: string; kern: string; adres: string | null; omschrijving: string;
      vergunninghouder: number; vertrouwelijk: number; zaak_id: number | null; melder_naam: string | null; melder_telefoon: string | null;
      melder_email: string | null;
    }>(
      `SELECT ontvangen_op, ${MELDING_STATUS} AS status, categorie, kern, adres, omschrijving, vergunninghouder, vertrouwelijk, zaak_id, melder_naam,
              melder_telefoon, melder_email FROM melding m WHERE id = ?`,
      [id],
    ))!;
    if (m.status === 'afgehandeld' || m.status === 'vervallen') throw new DomainError(`Melding ${nummer} is al ${m.status}; doorzetten kan niet meer.`);
    nietVoorOntvangst(op, m.ontvangen_op, '--op');
    const al = await db.alle<{ partner: string; op: string | null }>('SELECT partner, op FROM doorzetting WHERE melding_id = ?', [id]);
    const dubbel = al.filter((d) => naar.includes(d.partner));
    if (dubbel.length > 0) {
      const wie = dubbel.map((d) => `${d.partner} (${d.op === null ? 'mail nog niet verzonden' : tijdstipKort(new Date(d.op))})`).join(', ');
      const wacht = dubbel.some((d) => d.op === null) ? ' Wacht de mail nog of mislukte hij: herstel het adres (kvz partner update) en verstuur hem met kvz post verzend --opnieuw.' : '';
      throw new DomainError(`Melding ${nummer} is al doorgezet naar ${wie}; er is niets vastgelegd.${wacht}`);
    }
    const zaakGeheim = m.zaak_id !== null && (await db.waarde<number>('SELECT vertrouwelijk FROM zaak WHERE id = ?', [m.zaak_id])) === 1;
    const voorPost: MeldingVoorPost = {
      id, nummer, ontvangenOp: m.ontvangen_op, categorie: m.categorie, kern: m.kern, adres: m.adres, omschrijving: m.omschrijving,
      vergunninghouder: m.vergunninghouder === 1, vertrouwelijk: m.vertrouwelijk === 1 || zaakGeheim,
      melderNaam: m.melder_naam, melderTelefoon: m.melder_telefoon, melderEmail: m.melder_email,
    };
    const telt = await legDoorzettingenVast(db, actor, voorPost, naar, op, notitie, post, uit);
    if (telt) await db.voer(`UPDATE melding SET status = 'doorgezet', gewijzigd_op = ? WHERE id = ? AND status = 'nieuw'`, [actor.nu.toISOString(), id]);
    await schrijfAudit(db, actor, { object: nummer, resultaat: `doorgezet naar ${naar.join(', ')}`, details: { naar, op: op.toISOString() } });
  });
  return await toonMelding(db, nummer, actor.nu);
}

export async function legContactVast(
  db: Db, actor: Actor, nummer: string, soort: ContactSoort, op: Date, notitie: string, mail?: { keuze: PostKeuze; uit: DoorzetPost },
): Promise<MeldingDetail> {
  nietInDeToekomst(op, actor.nu, '--op');
  await inTransactie(db, async () => {
    const id = await meldingId(db, nummer);
    const m = (await db.een<{ ontvangen_op: string; melder_email: string | null; melder_gewist_op: string | null; kern: string; omschrijving: string }>(
      `SELECT m.ontvangen_op, m.melder_email, m.melder_gewist_op, m.kern, c.omschrijving
       FROM melding m JOIN categorie c ON c.code = m.categorie WHERE m.id = ?`,
      [id],
    ))!;
    const ontvangenOp = m.ontvangen_op;
    nietVoorOntvangst(op, ontvangenOp, '--op');
    if (mail) {
      if (m.melder_gewist_op !== null) {
        throw new DomainError(`De gegevens van de melder van ${nummer} zijn gewist (bewaartermijn); er kan geen mail meer heen. Er is niets vastgelegd.`);
      }
      if (!m.melder_email) {
        throw new DomainError(`De melder van ${nummer} heeft geen e-mailadres opgegeven; leg het contact vast zonder --mail (bijvoorbeeld na een telefoontje). Er is niets vastgelegd.`);
      }
      const b = terugkoppelingBericht(
        { id, nummer, ontvangenOp, categorieOmschrijving: m.omschrijving, kern: m.kern, melderEmail: m.melder_email },
        notitie,
        mail.keuze.domein,
      );
      await legBerichtVast(db, actor, b, mail.keuze.aan ? 'wacht' : 'uit');
      if (mail.keuze.aan) mail.uit.berichten.push(b);
    }
    await db.voer('INSERT INTO contact (melding_id, op, soort, notitie, door) VALUES (?, ?, ?, ?, ?)', [
      id, op.toISOString(), soort, notitie, actor.gebruiker,
    ]);
    await schrijfAudit(db, actor, { object: nummer, resultaat: `contact met melder (${soort})`, details: { soort, op: op.toISOString() } });
  });
  return await toonMelding(db, nummer, actor.nu);
}

/** The columns of the fields a wijziging sets as they are (a placement is looked up by its number). */
const KOLOM: Record<Exclude<keyof MeldingWijziging, 'plaatsing'>, string> = {
  ontvangenOp: 'ontvangen_op',
  kanaal: 'kanaal',
  categorie: 'categorie',
  kern: 'kern',
  adres: 'adres',
  omschrijving: 'omschrijving',
  melderNaam: 'melder_naam',
  melderTelefoon: 'melder_telefoon',
  melderEmail: 'melder_email',
  terugkoppeling: 'terugkoppeling',
  vergunninghouder: 'vergunninghouder',
  vertrouwelijk: 'vertrouwelijk',
  urgent: 'urgent',
};

/** Personal (or possibly personal) fields: the audit log records that they changed, never the values. */
const PRIVE = new Set(['melder_naam', 'melder_telefoon', 'melder_email', 'adres', 'omschrijving']);

function opslagWaarde(v: unknown): string | number | null {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return +v;
  return v as string;
}

/** Changes the given fields; returns the melding and the names of the fields that really changed. */
export async function wijzigMelding(db: Db, actor: Actor, nummer: string, w: MeldingWijziging): Promise<{ melding: MeldingDetail; gewijzigd: string[] }> {
  if (w.ontvangenOp) nietInDeToekomst(w.ontvangenOp, actor.nu, '--ontvangen');
  const gewijzigd = await inTransactie(db, async () => {
    const id = await meldingId(db, nummer);
    const oud = (await db.een<Record<string, string | number | null>>('SELECT * FROM melding WHERE id = ?', [id]))!;
    const sets: string[] = [];
    const waarden: (string | number | null)[] = [];
    const details: Record<string, unknown> = {};
    for (const [sleutel, kolom] of Object.entries(KOLOM) as [keyof MeldingWijziging, string][]) {
      if (w[sleutel] === undefined) continue;
      const nieuw = opslagWaarde(w[sleutel]);
      if (nieuw === oud[kolom]) continue;
      sets.push(`${kolom} = ?`);
      waarden.push(nieuw);
      details[kolom] = PRIVE.has(kolom) ? 'gewijzigd' : [oud[kolom], nieuw];
    }
    // The rule of melding add: a melder who wants feedback must be reachable.
    const na = (sleutel: keyof typeof KOLOM) => (w[sleutel] === undefined ? oud[KOLOM[sleutel]] : opslagWaarde(w[sleutel]));
    const raaktBereikbaarheid = w.terugkoppeling !== undefined || w.melderTelefoon !== undefined || w.melderEmail !== undefined;
    if (raaktBereikbaarheid && na('terugkoppeling') === 1 && na('melderTelefoon') === null && na('melderEmail') === null) {
      throw new UsageError('--terugkoppeling vraagt om een manier om de melder te bereiken: geef ook --melder-telefoon of --melder-email.');
    }
    if (w.ontvangenOp && sets.some((s) => s.startsWith('ontvangen_op'))) {
      const eerste = (await db.waarde<string | null>('SELECT min(op) FROM doorzetting WHERE melding_id = ?', [id])) ?? null;
      if (eerste && w.ontvangenOp.toISOString() > eerste) {
        throw new UsageError(`--ontvangen (${tijdstipKort(w.ontvangenOp)}) ligt na de eerste doorzetting (${tijdstipKort(new Date(eerste))}).`);
      }
      sets.push('ontvangen_dag = ?');
      waarden.push(dagVan(w.ontvangenOp));
    }
    if (w.plaatsing !== undefined) {
      // Linked to a placement (SPEC §11): about a vergunninghouder, then, too.
      const naar = await plaatsingId(db, w.plaatsing, 'Er is niets gewijzigd.');
      if (naar !== oud.plaatsing_id) {
        const was = oud.plaatsing_id === null ? null : await db.waarde<string>('SELECT nummer FROM plaatsing WHERE id = ?', [oud.plaatsing_id]);
        sets.push('plaatsing_id = ?');
        waarden.push(naar);
        details.plaatsing = [was ?? null, w.plaatsing];
        if (Number(oud.vergunninghouder) !== 1 && !sets.some((s) => s.startsWith('vergunninghouder'))) {
          sets.push('vergunninghouder = ?');
          waarden.push(1);
          details.vergunninghouder = [oud.vergunninghouder, 1];
        }
      }
    }
    if (w.urgent === true && oud.status === 'afgehandeld' && oud.urgent !== 1) {
      throw new DomainError(`Melding ${nummer} is al ${Number(oud.vervallen) === 1 ? 'vervallen' : 'afgehandeld'}; urgent maken kan niet meer. Er is niets gewijzigd.`);
    }
    if (sets.length === 0) return [];
    await db.voer(`UPDATE melding SET ${sets.join(', ')}, gewijzigd_op = ? WHERE id = ?`, [...waarden, actor.nu.toISOString(), id]);
    await schrijfAudit(db, actor, { object: nummer, resultaat: 'melding gewijzigd', details });
    return Object.keys(details);
  });
  return { melding: await toonMelding(db, nummer, actor.nu), gewijzigd };
}

/**
 * Closes a melding. A melder who still waits for feedback (store/terugkoppeling.ts) holds it open
 * unless `zonderTerugkoppeling` says it is closed without (SPEC §12); the audit row says so, and so
 * does the answer (whether the melder was waiting). With `vervallen` (a reason) the melding lapses
 * instead (#15 item 14): a duplicate or one made in error, which no count or report includes; a
 * melding already handled can still be found to have lapsed.
 */
export async function sluitMelding(
  db: Db, actor: Actor, nummer: string, notitie?: string, zonderTerugkoppeling = false, vervallen?: string,
): Promise<{ melding: MeldingDetail; zonderTerugkoppeling: boolean }> {
  const wacht = await inTransactie(db, async () => {
    const id = await meldingId(db, nummer);
    const status = (await db.waarde<MeldingStatus>(`SELECT ${MELDING_STATUS} FROM melding m WHERE id = ?`, [id]))!;
    if (status === 'vervallen') throw new DomainError(`Melding ${nummer} is al vervallen.`);
    if (status === 'afgehandeld' && vervallen === undefined) throw new DomainError(`Melding ${nummer} is al afgehandeld.`);
    if (vervallen !== undefined) {
      const nu = actor.nu.toISOString();
      // A melding handled before keeps what was written then, under the reason.
      const eerder = await db.waarde<string | null>('SELECT afhandeling FROM melding WHERE id = ?', [id]);
      const tekst = eerder ? `${vervallen}\n(eerder afgehandeld: ${eerder})` : vervallen;
      await db.voer(
        `UPDATE melding SET status = 'afgehandeld', vervallen = 1, afgehandeld_op = coalesce(afgehandeld_op, ?), afhandeling = ?, gewijzigd_op = ? WHERE id = ?`,
        [nu, tekst, nu, id],
      );
      await schrijfAudit(db, actor, { object: nummer, resultaat: 'melding vervallen', details: { status: [status, 'vervallen'] } });
      return false;
    }
    const wacht = await wachtOpTerugkoppeling(db, id);
    if (wacht && !zonderTerugkoppeling) {
      throw new DomainError(
        `De melder van ${nummer} wacht nog op terugkoppeling; leg die vast met kvz melding contact ${nummer} --soort terugkoppeling, ` +
          'of sluit met --zonder-terugkoppeling. Er is niets gewijzigd.',
      );
    }
    await db.voer(`UPDATE melding SET status = 'afgehandeld', afgehandeld_op = ?, afhandeling = ?, gewijzigd_op = ? WHERE id = ?`, [
      actor.nu.toISOString(), notitie ?? null, actor.nu.toISOString(), id,
    ]);
    await schrijfAudit(db, actor, {
      object: nummer,
      resultaat: wacht ? 'melding afgehandeld zonder terugkoppeling' : 'melding afgehandeld',
      details: { status: [status, 'afgehandeld'], ...(wacht ? { zonder_terugkoppeling: true } : {}) },
    });
    return wacht;
  });
  return { melding: await toonMelding(db, nummer, actor.nu), zonderTerugkoppeling: wacht };
}

/** Whether the melder of a melding waits for feedback (for the question before closing). */
export async function wachtMelderOpTerugkoppeling(db: Db, nummer: string): Promise<boolean> {
  return await wachtOpTerugkoppeling(db, await meldingId(db, nummer));
}

/** Attaches a melding to an open zaak; returns the zaak it belonged to before. */
export async function koppelMelding(db: Db, actor: Actor, nummer: string, zaak: string): Promise<{ melding: MeldingDetail; was: string | null }> {
  const was = await inTransactie(db, async () => {
    const id = await meldingId(db, nummer);
    const zaakId = await openZaakId(db, zaak);
    const oud = await db.waarde<string>('SELECT z.nummer FROM melding m JOIN zaak z ON z.id = m.zaak_id WHERE m.id = ?', [id]);
    if (oud === zaak) return oud;
    await db.voer('UPDATE melding SET zaak_id = ?, gewijzigd_op = ? WHERE id = ?', [zaakId, actor.nu.toISOString(), id]);
    await schrijfAudit(db, actor, { object: nummer, resultaat: `gekoppeld aan ${zaak}`, details: { zaak: [oud ?? null, zaak] } });
    return oud ?? null;
  });
  return { melding: await toonMelding(db, nummer, actor.nu), was };
}
