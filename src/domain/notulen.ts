/**
 * What a filled-in minutes skeleton asks for, judged cell by cell (SPEC §4.4): per zaak a new status
 * and/or deadline per actie and new acties, and who was present. Forgiving as a person is (partner by
 * code or name in any case, dates in every accepted format, "vandaag" meaning the day of the meeting),
 * strict where it matters (unknown partner or status, impossible dates, a new actie without its
 * facts). Every problem is reported with its line; whether acties and zaken exist is for the store.
 */
import { ACTIE_LENGTE, ACTIE_STATUS_ALIASSEN, ACTIE_STATUSSEN, type ActieStatus } from './actie.js';
import { KvzError, UsageError } from './errors.js';
import { kies, type Keuzelijst } from './keuze.js';
import { parseNummer } from './nummers.js';
import { optioneleTekst, tekst } from './tekst.js';
import { parseDatum, type Datum, type DatumVeld } from './tijd.js';
import type { OverlegSoort } from './cadans.js';

/** The word in the Actie column of a row for a new actie: the skeleton writes it, the reader looks for it. */
export const NIEUW = 'nieuw';

/** The structure of a minutes file as documents/notulen-lezen.ts reads it. */
export interface Fout {
  regel: number;
  tekst: string;
}

export interface Kenmerk {
  soort: OverlegSoort;
  datum: Datum;
  database: string;
}

export interface Vinkje {
  regel: number;
  label: string;
  aangevinkt: boolean;
}

/** One data row of a matrix table: its cells in the order of NOTULEN_KOLOMMEN, un-escaped and trimmed. */
export interface TabelRij {
  regel: number;
  cellen: string[];
}

export interface ZaakTabel {
  /** The zaak number as written in the heading. */
  zaak: string;
  /** The line of the zaak's heading and of its table's header. */
  kopRegel: number;
  regel: number;
  rijen: TabelRij[];
}

/** What a box pair Besproken/Afspraken says: under an item (zaak null) or under a zaak of that item. */
export interface VerslagDeel {
  /** Where the boxes are (the line of the first, or a Word place). */
  regel: number;
  /** The item's heading: '3. Nieuwe zaken: aanpak bepalen'. */
  punt: string;
  /** The zaak number as written in its heading, or null for the item itself. */
  zaak: string | null;
  besproken: string;
  afspraken: string;
}

export interface GelezenNotulen {
  kenmerk: Kenmerk | null;
  /** Where a row number points in a file without lines (Word): 'tabel Z-2027-001, rij 3'. */
  plaatsen?: Map<number, string>;
  aanwezig: Vinkje[];
  tabellen: ZaakTabel[];
  /** The Besproken/Afspraken text, in document order; boxes left empty are not here. */
  verslag: VerslagDeel[];
  fouten: Fout[];
}

export interface ActieWens {
  regel: number;
  actie: string;
  status?: ActieStatus;
  deadline?: Datum;
  /** The informative cells as they stand in the file (the partner as a code where possible), to warn when they differ from the matrix. */
  zoals: { omschrijving: string; partner: string; deadline: string; status: string };
}

export interface NieuweActieWens {
  regel: number;
  omschrijving: string;
  partner: string;
  deadline: Datum;
  status: ActieStatus;
}

export interface ZaakWens {
  zaak: string;
  regel: number;
  acties: ActieWens[];
  nieuw: NieuweActieWens[];
}

export interface Voornemen {
  kenmerk: Kenmerk;
  /** The partners ticked as present, or null when no box was ticked (attendance not filled in). */
  aanwezig: { regel: number; partner: string }[] | null;
  zaken: ZaakWens[];
  /** The verslag as written, the zaak numbers parsed; empty when no box holds text. */
  verslag: VerslagDeel[];
  /** As read (GelezenNotulen.plaatsen), for naming problems. */
  plaatsen?: Map<number, string>;
}

const STATUSSEN: Keuzelijst = { soort: 'status', waarden: ACTIE_STATUSSEN, aliassen: ACTIE_STATUS_ALIASSEN };

/** A box of the verslag: paragraphs of text, no control characters; a long discussion fits, a pasted document does not. */
export const VERSLAG_TEKST = { max: 20000, meerdereRegels: true } as const;

/**
 * Collects the Besproken/Afspraken text of a minutes file per item and zaak, in document order: the
 * one place both readers (Markdown, Word) keep it.
 */
export function verslagVerzamelaar() {
  const delen = new Map<string, { deel: VerslagDeel; besproken: string[]; afspraken: string[] }>();
  return {
    /** The lines of box `soort` under item `punt` (and zaak); `regel` names its place the first time. A second such box starts a new paragraph. */
    vak(punt: string, zaak: string | null, soort: 'besproken' | 'afspraken', regel: () => number): string[] {
      const sleutel = `${punt}\u0000${zaak ?? ''}`;
      let d = delen.get(sleutel);
      if (!d) {
        d = { deel: { regel: regel(), punt, zaak, besproken: '', afspraken: '' }, besproken: [], afspraken: [] };
        delen.set(sleutel, d);
      }
      const regels = d[soort];
      if (regels.length > 0) regels.push('');
      return regels;
    },
    /** The boxes that hold text. */
    klaar(): VerslagDeel[] {
      return [...delen.values()]
        .map(({ deel, besproken, afspraken }) => ({ ...deel, besproken: vakTekst(besproken), afspraken: vakTekst(afspraken) }))
        .filter((d) => d.besproken + d.afspraken !== '');
    },
  };
}

/**
 * The text of a box as a person typed it: lines trimmed at the end, no blank lines at the start or
 * end, at most one blank line between paragraphs.
 */
export function vakTekst(regels: readonly string[]): string {
  return regels.map((r) => r.trimEnd()).join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Runs a cell validator; its error becomes a line-numbered problem. */
/**
 * Who was there, as a partner: a partner or participant by name, or someone else with the partner they
 * came for in brackets ('Wijkagent Obdam (politie)'), as the skeleton invites.
 */
function aanwezige(label: string, partners: Keuzelijst): string {
  const haakjes = /^(.+?)\s*\(([^()]+)\)\s*$/.exec(label);
  try {
    return kies(label, 'de aanwezigheid', partners);
  } catch (e) {
    if (haakjes) return kies(haakjes[2]!, `de partner van ${haakjes[1]}`, partners);
    if (e instanceof UsageError && e.message.includes('Bedoelde u')) throw e;
    throw new UsageError(`'${label}' is geen partner of deelnemer; zet de partner erachter tussen haakjes, bijvoorbeeld: - [x] ${label} (politie)`);
  }
}

function cel<T>(fouten: Fout[], regel: number, lees: () => T): T | undefined {
  try {
    return lees();
  } catch (e) {
    if (!(e instanceof KvzError)) throw e;
    fouten.push({ regel, tekst: e.message.charAt(0).toLowerCase() + e.message.slice(1) });
    return undefined;
  }
}

/**
 * `volgend` gives the dates volgend-gio etc. name in a Deadline column: the meetings after this one.
 * Dates in the minutes are read from the meeting's day: 'over 2 weken' is two weeks after it.
 */
export function leesVoornemen(g: GelezenNotulen, partners: Keuzelijst, volgend: DatumVeld['volgend'] = {}): { voornemen: Voornemen | null; fouten: Fout[] } {
  const fouten = [...g.fouten];
  if (!g.kenmerk) return { voornemen: null, fouten };
  const dag = g.kenmerk.datum;
  const alsDeadline: DatumVeld = { toekomst: true, volgend };

  const aangevinkt = g.aanwezig.filter((v) => v.aangevinkt);
  const aanwezig: { regel: number; partner: string }[] = [];
  for (const v of aangevinkt) {
    const partner = cel(fouten, v.regel, () => aanwezige(v.label, partners));
    if (partner !== undefined && !aanwezig.some((a) => a.partner === partner)) aanwezig.push({ regel: v.regel, partner });
  }

  const zaken: ZaakWens[] = [];
  for (const t of g.tabellen) {
    const zaak = cel(fouten, t.kopRegel, () => parseNummer('zaak', t.zaak, 'de kop van de zaak'));
    if (zaak === undefined) continue;
    const wens: ZaakWens = { zaak, regel: t.kopRegel, acties: [], nieuw: [] };
    const gezien = new Map<string, number>();
    for (const rij of t.rijen) {
      const [actie = '', ...rest] = rij.cellen;
      if (actie === '') {
        if (rest.some((c) => c !== '')) fouten.push({ regel: rij.regel, tekst: "de kolom Actie is leeg; zet er een actienummer in, of 'nieuw' voor een nieuwe actie." });
        continue;
      }
      if (actie.toLowerCase() === NIEUW) {
        const n = nieuweActie(rij, fouten, partners, dag, alsDeadline);
        if (n) wens.nieuw.push(n);
        continue;
      }
      const nummer = cel(fouten, rij.regel, () => parseNummer('actie', actie, 'de kolom Actie'));
      if (nummer === undefined) continue;
      const eerder = gezien.get(nummer);
      if (eerder !== undefined) {
        fouten.push({ regel: rij.regel, tekst: `actie ${nummer} staat al op regel ${eerder}; één rij per actie.` });
        continue;
      }
      gezien.set(nummer, rij.regel);
      const [omschrijving = '', partner = '', deadline = '', status = '', nieuweStatus = '', nieuweDeadline = ''] = rest;
      const w: ActieWens = { regel: rij.regel, actie: nummer, zoals: { omschrijving, partner: zoalsPartner(partner, partners), deadline, status } };
      if (nieuweStatus !== '') {
        const s = cel(fouten, rij.regel, () => kies(nieuweStatus, 'de kolom Nieuwe status', STATUSSEN) as ActieStatus);
        if (s !== undefined) w.status = s;
      }
      if (nieuweDeadline !== '') {
        const d = cel(fouten, rij.regel, () => parseDatum(nieuweDeadline, 'de kolom Nieuwe deadline', dag, alsDeadline));
        if (d !== undefined) w.deadline = d;
      }
      // Also a row whose new value was refused: whether its actie exists is worth reporting with it.
      wens.acties.push(w);
    }
    zaken.push(wens);
  }
  const verslag: VerslagDeel[] = [];
  for (const d of g.verslag) {
    const zaak = d.zaak === null ? null : cel(fouten, d.regel, () => parseNummer('zaak', d.zaak!, 'de kop van de zaak'));
    const besproken = cel(fouten, d.regel, () => optioneleTekst(d.besproken, `het vak Besproken bij ${d.zaak ?? `punt ${d.punt}`}`, VERSLAG_TEKST) ?? '');
    const afspraken = cel(fouten, d.regel, () => optioneleTekst(d.afspraken, `het vak Afspraken bij ${d.zaak ?? `punt ${d.punt}`}`, VERSLAG_TEKST) ?? '');
    if (zaak === undefined || besproken === undefined || afspraken === undefined || besproken + afspraken === '') continue;
    verslag.push({ regel: d.regel, punt: d.punt, zaak, besproken, afspraken });
  }
  const voornemen: Voornemen = { kenmerk: g.kenmerk, aanwezig: aangevinkt.length === 0 ? null : aanwezig, zaken, verslag };
  if (g.plaatsen) voornemen.plaatsen = g.plaatsen;
  return { voornemen, fouten };
}

/** The Partner cell of an actie row, as a code where it names one (it is informative: never an error). */
function zoalsPartner(cel: string, partners: Keuzelijst): string {
  try {
    return cel === '' ? '' : kies(cel, 'Partner', partners);
  } catch {
    return cel;
  }
}

/**
 * A 'nieuw' row: omschrijving, partner and deadline are required, status is optional (open). A
 * deadline or status typed in the Nieuwe … column instead is taken too; both, and different, is an error.
 */
function nieuweActie(rij: TabelRij, fouten: Fout[], partners: Keuzelijst, dag: Datum, alsDeadline: DatumVeld): NieuweActieWens | undefined {
  const [, omschrijving = '', partner = '', deadline = '', status = '', nieuweStatus = '', nieuweDeadline = ''] = rij.cellen;
  if ([omschrijving, partner, deadline, status, nieuweStatus, nieuweDeadline].every((c) => c === '')) return undefined;
  const dubbel = (a: string, b: string, wat: string) => {
    if (a !== '' && b !== '' && a !== b) fouten.push({ regel: rij.regel, tekst: `een nieuwe actie met twee ${wat} ('${a}' en '${b}'); laat er één staan.` });
    return a || b;
  };
  const d = dubbel(deadline, nieuweDeadline, 'deadlines');
  const s = dubbel(status, nieuweStatus, 'statussen');
  const ontbreekt = [omschrijving === '' && 'omschrijving', partner === '' && 'partner', d === '' && 'deadline'].filter(Boolean);
  if (ontbreekt.length > 0) {
    fouten.push({ regel: rij.regel, tekst: `een nieuwe actie heeft een omschrijving, partner en deadline nodig; ${ontbreekt.join(' en ')} ontbreekt.` });
    return undefined;
  }
  const uit = {
    omschrijving: cel(fouten, rij.regel, () => tekst(omschrijving, 'de kolom Omschrijving', { max: ACTIE_LENGTE.omschrijving })),
    partner: cel(fouten, rij.regel, () => kies(partner, 'de kolom Partner', partners)),
    deadline: cel(fouten, rij.regel, () => parseDatum(d, 'de kolom Deadline', dag, alsDeadline)),
    status: s === '' ? 'open' : cel(fouten, rij.regel, () => kies(s, 'de kolom Status', STATUSSEN) as ActieStatus),
  };
  if (uit.omschrijving === undefined || uit.partner === undefined || uit.deadline === undefined || uit.status === undefined) return undefined;
  return { regel: rij.regel, omschrijving: uit.omschrijving, partner: uit.partner, deadline: uit.deadline, status: uit.status };
}
