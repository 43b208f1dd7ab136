/**
 * What processing a minutes file would change, judged against the database: which acties get a new
 * status or deadline, which new acties are made, who is recorded as present. It writes nothing; the
 * dry run prints this plan, and store/notulen.ts makes it again inside its transaction and applies it.
 *
 * Processing the same file again changes nothing: a status or deadline that an actie already has, or
 * that its history records as agreed in this meeting, is not applied again (so a later change made
 * elsewhere is not undone); a new actie matching one already agreed in this meeting for the same zaak
 * (same omschrijving and partner) is not made again.
 */
import { actieBron, standVan } from './agenda-feiten.js';
import { isLopend, isUitstel, type ActieBasis, type ActieStatus } from '../domain/actie.js';
import { soortNaam } from '../domain/cadans.js';
import { DomainError, UsageError } from '../domain/errors.js';
import type { Overleg } from '../domain/overleg.js';
import type { ActieWens, Fout, Voornemen } from '../domain/notulen.js';
import { dagVan, dagVanIso, datumKort, parseDatum, type Datum } from '../domain/tijd.js';
import { datumLang } from '../domain/datum-nl.js';
import { databaseId } from './instellingen.js';
import type { Db } from './db.js';
import { geenOverlegOp, overlegOp } from './overleggen.js';

export interface ActiePlan {
  regel: number;
  actie: string;
  status: { oud: ActieStatus; nieuw: ActieStatus } | null;
  deadline: { oud: Datum; nieuw: Datum; uitgesteld: boolean } | null;
  /** How often its deadline will have been postponed afterwards. */
  keer_uitgesteld: number;
}

export interface NieuweActiePlan {
  regel: number;
  /** Its number once made (null in a dry run). */
  actie: string | null;
  omschrijving: string;
  partner: string;
  deadline: Datum;
  status: ActieStatus;
}

export interface ZaakPlan {
  zaak: string;
  titel: string;
  wijzigingen: ActiePlan[];
  nieuwe_acties: NieuweActiePlan[];
}

export interface VerslagPunt {
  punt: string;
  zaak: string | null;
  besproken: string;
  afspraken: string;
}

export interface Verwerking {
  overleg: Overleg;
  /** Present as ticked, and how that differs from what was stored; null when nothing was ticked. */
  aanwezig: { partners: string[]; erbij: string[]; eraf: string[] } | null;
  zaken: ZaakPlan[];
  /** The Besproken/Afspraken text of the file (null: every box empty, the stored verslag stays), and whether it differs from the stored one (then it replaces it). */
  verslag: { punten: VerslagPunt[]; gewijzigd: boolean; eerder: number } | null;
  /** Whether processing marks the meeting as held (the first minutes with anything filled in). */
  gehouden: boolean;
  /** Values in the file that need no change (already so, or already processed). */
  al_verwerkt: number;
  waarschuwingen: Fout[];
}

/** Whether the plan changes anything. */
export function heeftWijzigingen(v: Verwerking): boolean {
  return (
    v.zaken.length > 0 ||
    (v.aanwezig !== null && v.aanwezig.erbij.length + v.aanwezig.eraf.length > 0) ||
    v.verslag?.gewijzigd === true ||
    v.gehouden
  );
}

interface ActieNu extends Omit<ActieBasis, 'te_laat'> {
  id: number;
}

interface ZaakNu {
  id: number;
  nummer: string;
  titel: string;
  status: string;
  vertrouwelijk: number;
  geopend_op: string;
}

/** The meeting a file belongs to: of this database, taking place (not cancelled), and not in the future. */
async function overlegVanBestand(db: Db, v: Voornemen, nu: Date): Promise<Overleg> {
  const { soort, datum, database } = v.kenmerk;
  if (database !== (await databaseId(db))) {
    throw new UsageError('Dit notulenbestand hoort bij een andere kvz-database; er is niets verwerkt. Verwerk het met --db in de database waarvoor het is gemaakt.');
  }
  const o = await overlegOp(db, soort, datum);
  if (!o || o.status === 'geannuleerd') throw await geenOverlegOp(db, soort, datum, o);
  if (datum > dagVan(nu)) {
    throw new DomainError(`Het ${soortNaam(soort)} van ${datumLang(datum)} moet nog plaatsvinden; verwerk de notulen op of na die dag.`);
  }
  return o;
}

const lijst = (waarden: Iterable<string>) => JSON.stringify([...new Set(waarden)]);
const gelijkeTekst = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

export async function planVerwerking(db: Db, v: Voornemen, nu: Date): Promise<{ verwerking: Verwerking; fouten: Fout[] }> {
  const overleg = await overlegVanBestand(db, v, nu);
  const fouten: Fout[] = [];
  const fout = (regel: number, tekst: string) => fouten.push({ regel, tekst });
  const waarschuwingen: Fout[] = [];
  const vandaag = dagVan(nu);
  const nummers = v.zaken.flatMap((z) => z.acties.map((a) => a.actie));
  const acties = new Map(
    (
      await db.alle<ActieNu>(
        `SELECT a.id, a.nummer, z.nummer AS zaak, a.omschrijving, a.partner, a.deadline, a.status, a.keer_uitgesteld
         FROM actie a JOIN zaak z ON z.id = a.zaak_id WHERE ${db.d.inLijst('a.nummer', '?', 'tekst')}`,
        [lijst(nummers)],
      )
    ).map((a) => [a.nummer, a]),
  );
  // The skeleton of a meeting already held shows the acties as they stood at the end of its day
  // (#15 item 6): its columns are compared with that, not with what changed since.
  const stand = standVan(overleg.datum, vandaag);
  const toen = stand === undefined ? acties : new Map(
    (
      await db.alle<ActieNu>(
        `SELECT a.id, a.nummer, z.nummer AS zaak, a.omschrijving, a.partner, a.deadline, a.status, a.keer_uitgesteld
         FROM ${actieBron(db, stand)} a JOIN zaak z ON z.id = a.zaak_id WHERE ${db.d.inLijst('a.nummer', '?', 'tekst')}`,
        [lijst(nummers)],
      )
    ).map((a) => [a.nummer, a]),
  );
  const zaken = new Map(
    (
      await db.alle<ZaakNu>(`SELECT id, nummer, titel, status, vertrouwelijk, geopend_op FROM zaak WHERE ${db.d.inLijst('nummer', '?', 'tekst')}`, [
        lijst([...v.zaken.map((z) => z.zaak), ...v.verslag.flatMap((d) => (d.zaak === null ? [] : [d.zaak]))]),
      ])
    ).map((z) => [z.nummer, z]),
  );
  // What this meeting already changed and made (when it has a row: something refers to it).
  const eerder = new Map<number, { status: Set<string>; deadline: Set<string> }>();
  const gemaakt = new Map<string, { nummer: string; deadline: Datum }[]>();
  if (overleg.id !== null) {
    const ids = JSON.stringify([...acties.values()].map((a) => a.id));
    for (const h of await db.alle<{ actie_id: number; status: string | null; deadline: string | null }>(
      `SELECT actie_id, CASE WHEN status_oud IS DISTINCT FROM status_nieuw THEN status_nieuw END AS status,
              CASE WHEN deadline_oud IS DISTINCT FROM deadline_nieuw THEN deadline_nieuw END AS deadline
       FROM actie_historie WHERE ${db.d.inLijst('actie_id', '?', 'getal')} AND overleg_id = ?`,
      [ids, overleg.id],
    )) {
      const e = eerder.get(h.actie_id) ?? { status: new Set(), deadline: new Set() };
      if (h.status !== null) e.status.add(h.status);
      if (h.deadline !== null) e.deadline.add(h.deadline);
      eerder.set(h.actie_id, e);
    }
    for (const a of await db.alle<{ nummer: string; zaak: string; omschrijving: string; partner: string; deadline: Datum }>(
      `SELECT a.nummer, z.nummer AS zaak, a.omschrijving, a.partner,
              (SELECT h.deadline_nieuw FROM actie_historie h WHERE h.actie_id = a.id ORDER BY h.id LIMIT 1) AS deadline
       FROM actie a JOIN zaak z ON z.id = a.zaak_id WHERE a.overleg_id = ? ORDER BY a.id`,
      [overleg.id],
    )) {
      const sleutel = nieuwSleutel(a.zaak, a.omschrijving, a.partner);
      gemaakt.set(sleutel, [...(gemaakt.get(sleutel) ?? []), { nummer: a.nummer, deadline: a.deadline }]);
    }
  }

  let alVerwerkt = 0;
  const plannen: ZaakPlan[] = [];
  for (const w of v.zaken) {
    const zaak = zaken.get(w.zaak);
    if (!zaak) {
      fout(w.regel, `onbekende zaak ${w.zaak}. Zie kvz zaak list.`);
      continue;
    }
    if (zaak.vertrouwelijk === 1 && v.kenmerk.soort !== 'politie') {
      fout(w.regel, `zaak ${w.zaak} is vertrouwelijk en hoort alleen in de notulen van het politieoverleg.`);
      continue;
    }
    // Minutes record what a meeting agreed: about a zaak that did not exist yet it agreed nothing (#15 item 6).
    if (dagVanIso(zaak.geopend_op) > overleg.datum) {
      fout(w.regel, `zaak ${w.zaak} is geopend op ${datumKort(dagVanIso(zaak.geopend_op))}, na dit overleg van ${datumKort(overleg.datum)}; zet haar in de notulen van een later overleg.`);
      continue;
    }
    const plan: ZaakPlan = { zaak: w.zaak, titel: zaak.titel, wijzigingen: [], nieuwe_acties: [] };
    for (const a of w.acties) {
      const huidig = acties.get(a.actie);
      if (!huidig) {
        fout(a.regel, `onbekende actie ${a.actie}. Zie kvz actie list --zaak ${w.zaak}.`);
        continue;
      }
      if (huidig.zaak !== w.zaak) {
        fout(a.regel, `actie ${a.actie} hoort bij zaak ${huidig.zaak}, niet bij ${w.zaak}; zet haar in de tabel van haar eigen zaak.`);
        continue;
      }
      const al = eerder.get(huidig.id);
      const status = a.status !== undefined && a.status !== huidig.status && !al?.status.has(a.status) ? a.status : undefined;
      const deadline = a.deadline !== undefined && a.deadline !== huidig.deadline && !al?.deadline.has(a.deadline) ? a.deadline : undefined;
      alVerwerkt += (a.status !== undefined && status === undefined ? 1 : 0) + (a.deadline !== undefined && deadline === undefined ? 1 : 0);
      const afwijkend = afwijkingen(a, toen.get(a.actie) ?? huidig);
      if (afwijkend.length > 0) {
        waarschuwingen.push({
          regel: a.regel,
          tekst: `bij ${a.actie} ${afwijkend.length === 1 ? 'wijkt de kolom' : 'wijken de kolommen'} ${afwijkend.join(' en ')} af van de matrix en ${afwijkend.length === 1 ? 'wordt' : 'worden'} niet verwerkt; een wijziging hoort in Nieuwe status of Nieuwe deadline.`,
        });
      }
      if (status === undefined && deadline === undefined) continue;
      const uitgesteld = deadline !== undefined && isUitstel(huidig.deadline, deadline);
      if (deadline !== undefined && deadline < vandaag && isLopend(status ?? huidig.status)) {
        waarschuwingen.push({ regel: a.regel, tekst: `de nieuwe deadline ${datumKort(deadline)} van ${a.actie} ligt al in het verleden: de actie is meteen te laat.` });
      }
      plan.wijzigingen.push({
        regel: a.regel,
        actie: a.actie,
        status: status === undefined ? null : { oud: huidig.status, nieuw: status },
        deadline: deadline === undefined ? null : { oud: huidig.deadline, nieuw: deadline, uitgesteld },
        keer_uitgesteld: huidig.keer_uitgesteld + (uitgesteld ? 1 : 0),
      });
    }
    for (const n of w.nieuw) {
      const sleutel = nieuwSleutel(w.zaak, n.omschrijving, n.partner);
      const al = gemaakt.get(sleutel)?.shift();
      if (al) {
        alVerwerkt++;
        if (al.deadline !== n.deadline) {
          waarschuwingen.push({
            regel: n.regel,
            tekst: `deze nieuwe actie is al gemaakt als ${al.nummer}, met deadline ${datumKort(al.deadline)}; een andere deadline zet u met kvz actie update ${al.nummer} --deadline <datum>.`,
          });
        }
        continue;
      }
      plan.nieuwe_acties.push({ regel: n.regel, actie: null, omschrijving: n.omschrijving, partner: n.partner, deadline: n.deadline, status: n.status });
      if (isLopend(n.status) && n.deadline < vandaag) {
        waarschuwingen.push({ regel: n.regel, tekst: `de deadline ${datumKort(n.deadline)} ligt al in het verleden: deze nieuwe actie is meteen te laat.` });
      }
    }
    if (plan.wijzigingen.length + plan.nieuwe_acties.length === 0) continue;
    if (zaak.status !== 'open') {
      fout(w.regel, `zaak ${w.zaak} is gesloten; acties wijzigen of toevoegen kan niet meer.`);
      continue;
    }
    plannen.push(plan);
  }
  // The verslag: its zaken must exist and belong in these minutes (a table's zaak was judged above).
  const metTabel = new Set(v.zaken.map((z) => z.zaak));
  for (const d of v.verslag) {
    if (d.zaak === null || metTabel.has(d.zaak)) continue;
    const zaak = zaken.get(d.zaak);
    if (!zaak) fout(d.regel, `onbekende zaak ${d.zaak}. Zie kvz zaak list.`);
    else if (zaak.vertrouwelijk === 1 && v.kenmerk.soort !== 'politie') fout(d.regel, `zaak ${d.zaak} is vertrouwelijk en hoort alleen in de notulen van het politieoverleg.`);
  }
  const punten = v.verslag.map((d) => ({ punt: d.punt, zaak: d.zaak, besproken: d.besproken, afspraken: d.afspraken }));
  const opgeslagen = overleg.id === null ? [] : await verslagVan(db, overleg.id, overleg.soort);
  const verslag = punten.length === 0 ? null : { punten, gewijzigd: JSON.stringify(punten) !== JSON.stringify(opgeslagen), eerder: opgeslagen.length };
  const ingevuld =
    v.aanwezig !== null || punten.length > 0 || v.zaken.some((z) => z.nieuw.length > 0 || z.acties.some((a) => a.status !== undefined || a.deadline !== undefined));
  return {
    verwerking: {
      overleg,
      aanwezig: await aanwezigheid(db, overleg, v),
      zaken: plannen,
      verslag,
      gehouden: ingevuld && overleg.status !== 'gehouden',
      al_verwerkt: alVerwerkt,
      waarschuwingen,
    },
    fouten,
  };
}

/**
 * Verslag rows new minutes do not replace: in a meeting other than the politieoverleg, those about a
 * zaak that has since become confidential (the file cannot speak of it any more). Parameter: the soort.
 */
export const BEHOUDEN = `verslag.zaak_id IS NOT NULL AND ? <> 'politie' AND (SELECT z.vertrouwelijk FROM zaak z WHERE z.id = verslag.zaak_id) = 1`;

/**
 * The stored verslag of a meeting, in document order (on PostgreSQL: what this role may see); with
 * `soort`, only the rows that new minutes of that meeting replace.
 */
export function verslagVan(db: Db, overlegId: number, soort?: string): Promise<VerslagPunt[]> {
  return db.alle<VerslagPunt>(
    `SELECT verslag.punt, z.nummer AS zaak, verslag.besproken, verslag.afspraken FROM verslag LEFT JOIN zaak z ON z.id = verslag.zaak_id
     WHERE verslag.overleg_id = ?${soort === undefined ? '' : ` AND NOT (${BEHOUDEN})`} ORDER BY verslag.volgorde, verslag.id`,
    soort === undefined ? [overlegId] : [overlegId, soort],
  );
}

function nieuwSleutel(zaak: string, omschrijving: string, partner: string): string {
  return JSON.stringify([zaak, omschrijving.replace(/\s+/g, ' ').trim().toLowerCase(), partner]);
}

/** The informative columns that were edited (changing them has no effect, which a person should hear). */
function afwijkingen(a: ActieWens, nu: ActieNu): string[] {
  const z = a.zoals;
  const uit: string[] = [];
  if (z.omschrijving !== '' && !gelijkeTekst(z.omschrijving, nu.omschrijving)) uit.push('Omschrijving');
  if (z.partner !== '' && z.partner !== nu.partner) uit.push('Partner');
  if (a.deadline === undefined && z.deadline !== '' && probeerDatum(z.deadline, nu.deadline) !== nu.deadline) uit.push(`Deadline (${datumKort(nu.deadline)})`);
  if (a.status === undefined && z.status !== '' && z.status.trim().toLowerCase() !== nu.status) uit.push(`Status (${nu.status})`);
  return uit;
}

function probeerDatum(tekst: string, terug: Datum): Datum | undefined {
  try {
    return parseDatum(tekst, 'Deadline', terug);
  } catch {
    return undefined;
  }
}

async function aanwezigheid(db: Db, overleg: Overleg, v: Voornemen): Promise<Verwerking['aanwezig']> {
  if (v.aanwezig === null) return null;
  const partners = v.aanwezig.map((a) => a.partner);
  const opgeslagen = overleg.id === null ? [] : await db.kolom<string>('SELECT partner FROM aanwezigheid WHERE overleg_id = ?', [overleg.id]);
  return {
    partners,
    erbij: partners.filter((p) => !opgeslagen.includes(p)),
    eraf: opgeslagen.filter((p) => !partners.includes(p)),
  };
}
