/**
 * Reading a spreadsheet list of meldingen into rows ready to write (`kvz import meldingen`): every
 * row checked by the rules of `kvz melding add`, numbered per year in order of receipt, and handed
 * on in batches as soon as they are ready, so that writing can start while later rows are still
 * being checked (in a worker thread, see cli/commands/import/meldingen.ts). No database here: what
 * numbering needs from it (the highest number per year, the highest id) comes in `ImportBasis`.
 */
import { UsageError } from '../domain/errors.js';
import { koppelKolommen, leesImportRij, ontvangstTekst } from '../domain/melding-import.js';
import type { Lijsten } from '../domain/melding-invoer.js';
import type { NieuweMelding } from '../domain/melding.js';
import { formatNummer } from '../domain/nummers.js';
import { dagVan, parseTijdstip } from '../domain/tijd.js';
import { nodeCrypto } from '../store/crypto-lui.js';
import { SOORTEN, toestandHash } from '../store/toestand.js';
import { decodeerCsv, elkeRij, zonderBom, type Scheiding } from './csv-lezen.js';

export type Waarde = string | number | null;

/** The columns of a melding row and of a doorzetting row as the batches carry them, in this order. */
export const MELDING_KOLOMMEN = [
  'id', 'jaar', 'volgnummer', 'ontvangen_op', 'ontvangen_dag', 'kanaal', 'categorie', 'kern', 'adres', 'omschrijving',
  'melder_naam', 'melder_telefoon', 'melder_email', 'terugkoppeling', 'vergunninghouder', 'vertrouwelijk', 'status',
  'geregistreerd_door', 'aangemaakt_op', 'gewijzigd_op', 'urgent',
] as const;
export const DOORZETTING_KOLOMMEN = ['melding_id', 'partner', 'op', 'dag', 'door', 'tijd_onbekend'] as const;
/** A melding row when the reader also salts and hashes its state (`ImportBasis.toestand`): the salt last. */
export const MELDING_KOLOMMEN_MET_ZOUT = [...MELDING_KOLOMMEN, 'zout'] as const;

/** What the database tells the reader before it starts. */
export interface ImportBasis {
  lijsten: Lijsten;
  nu: Date;
  gebruiker: string;
  /** The highest id of a melding so far. */
  hoogsteId: number;
  /** The highest sequence number per year so far. */
  hoogste: Record<number, number>;
  /**
   * Whether the reader salts each melding and computes its state hash (SQLite, SPEC §10): then rows
   * carry the salt (MELDING_KOLOMMEN_MET_ZOUT) and batches the hashes, work the writing thread is spared.
   */
  toestand?: boolean;
}

export interface ImportUitkomst {
  aantal: number;
  /** Per year of receipt, the first and last number given. */
  reeksen: { jaar: number; eerste: string; laatste: string }[];
  niet_doorgezet: number;
  /** Forwarded on an earlier day than today, but the file does not say when (#15 item 4). */
  tijd_onbekend: number;
  vertrouwelijk: number;
  met_melder: number;
}

export type ImportBericht =
  /** `toestanden`: with `ImportBasis.toestand`, each melding's state hash, in the order of its rows. */
  | { soort: 'rijen'; meldingen: Waarde[]; doorzettingen: Waarde[]; toestanden?: string[] }
  | { soort: 'klaar'; uitkomst: ImportUitkomst; codering: 'utf-8' | 'windows-1252'; genegeerd: string[] }
  /** Rows that are wrong: one message per problem, in line order. Nothing may be written. */
  | { soort: 'afgekeurd'; regels: string[]; codering: 'utf-8' | 'windows-1252'; genegeerd: string[] }
  /** The file as a whole cannot be read (no header, nothing in it). */
  | { soort: 'onleesbaar'; bericht: string };

/**
 * Rows per batch: enough to keep the statements full, few enough that writing starts early. The first
 * is one statement's worth (store/import.ts writes 200 rows per statement): the writing thread waits
 * for it, and checking 2,000 rows on a cold start took ~0.1 s (#14).
 */
const PARTIJ = 2000;
const EERSTE_PARTIJ = 200;

/** What the first half of reading (`bereidVoor`) hands to the second (`leesVoorbereid`). */
export interface Voorbereid {
  /** The text (without a BOM) and its separator: each record is read from it again when it is checked. */
  tekst: string;
  scheiding: Scheiding;
  /** Per record, header first: where it lies in `tekst`, and the line on which it starts. */
  van: number[];
  tot: number[];
  regels: number[];
  koppeling: ReturnType<typeof koppelKolommen>;
  codering: 'utf-8' | 'windows-1252';
  /** Each distinct moment of receipt as read, so that checking a row does not parse it again. */
  tijdstippen: Map<string, Date>;
  /** Record indexes in order of receipt. */
  volgorde: Uint32Array;
}

/**
 * The first half of reading, which needs nothing from the database: the file decoded and split into
 * records, and the order of receipt. A large import does this in its worker thread while the main
 * thread is still opening the database and its transaction (#14). Throws a UsageError for a file
 * that cannot be read as a list at all.
 */
export function bereidVoor(bytes: Uint8Array, bron: string, nu: Date): Voorbereid {
  const { tekst: ruw, codering } = decodeerCsv(bytes);
  const tekst = zonderBom(ruw);
  const tijdstippen = new Map<string, Date>();
  /** A moment of receipt in ms; Infinity when it cannot be read (that record goes last, and is refused when checked). */
  const moment = (ontvangst: string): number => {
    let op = tijdstippen.get(ontvangst);
    if (op === undefined) {
      try {
        op = parseTijdstip(ontvangst, 'ontvangen', nu);
      } catch {
        return Infinity;
      }
      tijdstippen.set(ontvangst, op);
    }
    return op.getTime();
  };

  // Numbers follow the order of receipt: sort on the moment first, then check and write in that
  // order. Only where each record lies and its moment are kept until then, not its cells: a hundred
  // thousand rows of cells kept alive made a third of this step the garbage collector's (#14).
  const van: number[] = [];
  const tot: number[] = [];
  const regels: number[] = [];
  const momenten: number[] = [];
  let koppeling: ReturnType<typeof koppelKolommen> | undefined;
  // Past the header only the cells of the moment of receipt are taken out of the text.
  const alleen: { kolommen?: boolean[] } = {};
  const scheiding = elkeRij(
    tekst,
    undefined,
    (rij, regel, a, b) => {
      van.push(a);
      tot.push(b);
      regels.push(regel);
      if (koppeling === undefined) {
        koppeling = koppelKolommen(rij);
        alleen.kolommen = [];
        for (const veld of ONTVANGST) if (koppeling.kolom[veld] !== undefined) alleen.kolommen[koppeling.kolom[veld]!] = true;
        momenten.push(0);
      } else momenten.push(moment(ontvangstTekst(rij, koppeling)));
    },
    alleen,
  );
  if (koppeling === undefined) throw new UsageError(`${bron} bevat niets; verwacht een kopregel en een regel per melding.`);
  if (regels.length === 1) throw new UsageError(`${bron} bevat alleen een kopregel; er is niets te importeren.`);
  const n = regels.length - 1;
  const volgorde = new Uint32Array(n);
  for (let i = 0; i < n; i++) volgorde[i] = i + 1;
  volgorde.sort((a, b) => momenten[a]! - momenten[b]! || a - b);
  return { tekst, scheiding, van, tot, regels, koppeling, codering, tijdstippen, volgorde };
}

/** The fields that make the moment of receipt (ontvangstTekst). */
const ONTVANGST = ['ontvangen', 'tijd'] as const;

/** The cells of record `r`, read again from the text. */
function cellen(v: Voorbereid, r: number): string[] {
  let uit: string[] = [];
  elkeRij(v.tekst.slice(v.van[r], v.tot[r]), v.scheiding, (rij) => (uit = rij));
  return uit;
}

/**
 * Reads `bytes` and reports through `zend`: batches of rows, then 'klaar' — or, if any row is wrong,
 * 'afgekeurd' with every problem (batches sent before that must then be thrown away).
 */
export function leesImport(bytes: Uint8Array, bron: string, basis: ImportBasis, zend: (b: ImportBericht) => void): void {
  leesVoorbereid(bereidVoor(bytes, bron, basis.nu), basis, zend);
}

/**
 * The second half: every row checked, numbered and handed on in batches. `kopieert`: `zend` copies each
 * batch before it returns (postMessage does), so the same two arrays can take every batch. Growing new
 * ones, a third of a megabyte each, cost the reading thread ~0.1 s of 100,000 rows in the garbage
 * collector (#14); preallocating them (`new Array(n)`) would make them holey, which postMessage copies
 * element by element as a sparse array, slower still.
 */
export function leesVoorbereid(v: Voorbereid, basis: ImportBasis, zend: (b: ImportBericht) => void, kopieert = false): void {
  const { regels, koppeling, codering, tijdstippen, volgorde } = v;
  const c = { lijsten: basis.lijsten, nu: basis.nu, tijdstippen };

  const fouten: { regel: number; tekst: string }[] = [];
  let fouteRegels = 0;
  const volgnummers = new Map<number, number>();
  const nu = basis.nu.toISOString();
  const uitkomst: ImportUitkomst = { aantal: 0, reeksen: [], niet_doorgezet: 0, tijd_onbekend: 0, vertrouwelijk: 0, met_melder: 0 };
  const reeksen = new Map<number, { jaar: number; eerste: string; laatste: string }>();
  const meldingen = new Rijen(kopieert);
  const doorzettingen = new Rijen(kopieert);
  const staat = basis.toestand ? new Staat() : undefined;
  let toestanden: string[] = [];
  const verstuur = () => {
    const [ms, ds] = [meldingen.neem(), doorzettingen.neem()];
    zend(staat ? { soort: 'rijen', meldingen: ms, doorzettingen: ds, toestanden } : { soort: 'rijen', meldingen: ms, doorzettingen: ds });
    toestanden = [];
  };

  for (const r of volgorde) {
    const uit = leesImportRij(cellen(v, r), regels[r]!, koppeling, c);
    if (!('melding' in uit)) {
      fouteRegels++;
      for (const f of uit.fouten) fouten.push({ regel: regels[r]!, tekst: f });
      continue;
    }
    if (fouten.length > 0) continue; // only looking for more problems now
    const m = uit.melding;
    const dag = dagVan(m.ontvangenOp);
    const jaar = Number(dag.slice(0, 4));
    const volgnummer = (volgnummers.get(jaar) ?? basis.hoogste[jaar] ?? 0) + 1;
    volgnummers.set(jaar, volgnummer);
    const id = basis.hoogsteId + uitkomst.aantal + 1;
    const begin = meldingen.n;
    const dBegin = doorzettingen.n;
    meldingen.n = meldingRij(meldingen.w, begin, m, id, jaar, volgnummer, dag, basis.gebruiker, nu);
    if (m.doorzettenNaar.length > 0) {
      // Without a moment of its own: a melding of today was forwarded today (by now, at the latest); one
      // of an earlier day at a moment nobody knows, which is not late but unknown (#15 item 4). Its op
      // and dag are then those of receipt, and the same-day figures leave it out.
      const onbekend = m.doorgezetOp === undefined && dag < dagVan(basis.nu);
      const op = m.doorgezetOp ?? (onbekend || m.ontvangenOp > basis.nu ? m.ontvangenOp : basis.nu);
      const [opIso, opDag] = [op.toISOString(), dagVan(op)];
      const d = doorzettingen.w;
      for (const partner of m.doorzettenNaar) {
        const p = doorzettingen.n;
        d[p] = id;
        d[p + 1] = partner;
        d[p + 2] = opIso;
        d[p + 3] = opDag;
        d[p + 4] = basis.gebruiker;
        d[p + 5] = onbekend ? 1 : 0;
        doorzettingen.n = p + DOORZETTING_KOLOMMEN.length;
      }
      if (onbekend) uitkomst.tijd_onbekend++;
    }
    if (staat) {
      toestanden.push(staat.zoutEnHash(meldingen.w, begin, doorzettingen.w, dBegin, doorzettingen.n));
      meldingen.n++;
    }
    tel(uitkomst, reeksen, m, formatNummer('melding', jaar, volgnummer), jaar);
    if (uitkomst.aantal % PARTIJ === 0 || uitkomst.aantal === EERSTE_PARTIJ) verstuur();
  }
  if (fouten.length > 0) {
    const totaal = regels.length - 1;
    const regelsTekst = fouten.sort((a, b) => a.regel - b.regel).map((f) => f.tekst);
    regelsTekst.push(`${fouteRegels} van de ${totaal} ${totaal === 1 ? 'regel' : 'regels'} afgekeurd; er is niets geïmporteerd.`);
    zend({ soort: 'afgekeurd', regels: regelsTekst, codering, genegeerd: koppeling.genegeerd });
    return;
  }
  if (meldingen.n > 0) verstuur();
  uitkomst.reeksen = [...reeksen.values()].sort((a, b) => a.jaar - b.jaar);
  zend({ soort: 'klaar', uitkomst, codering, genegeerd: koppeling.genegeerd });
}

/**
 * A batch's rows, flat: `w` holds them from index 0, `n` values long (beyond that, values of an earlier
 * batch may remain when `hergebruik`). Values are written in index order, so the array stays packed.
 */
class Rijen {
  w: Waarde[] = [];
  n = 0;
  constructor(private readonly hergebruik: boolean) {}

  /** The batch's values, and the array ready for the next batch. */
  neem(): Waarde[] {
    const uit = this.n === this.w.length ? this.w : this.w.slice(0, this.n);
    if (!this.hergebruik) this.w = [];
    this.n = 0;
    return uit;
  }
}

/** Writes the melding's row into `uit` from `p` on (in MELDING_KOLOMMEN order); returns where it ends. */
function meldingRij(uit: Waarde[], p: number, m: NieuweMelding, id: number, jaar: number, volgnummer: number, dag: string, door: string, nu: string): number {
  uit[p] = id;
  uit[p + 1] = jaar;
  uit[p + 2] = volgnummer;
  uit[p + 3] = m.ontvangenOp.toISOString();
  uit[p + 4] = dag;
  uit[p + 5] = m.kanaal;
  uit[p + 6] = m.categorie;
  uit[p + 7] = m.kern;
  uit[p + 8] = m.adres ?? null;
  uit[p + 9] = m.omschrijving;
  uit[p + 10] = m.melderNaam ?? null;
  uit[p + 11] = m.melderTelefoon ?? null;
  uit[p + 12] = m.melderEmail ?? null;
  uit[p + 13] = +m.terugkoppeling;
  uit[p + 14] = +m.vergunninghouder;
  uit[p + 15] = +m.vertrouwelijk;
  uit[p + 16] = m.doorzettenNaar.length > 0 ? 'doorgezet' : 'nieuw';
  uit[p + 17] = door;
  uit[p + 18] = nu;
  uit[p + 19] = nu;
  uit[p + 20] = m.urgent ? 1 : 0;
  return p + MELDING_KOLOMMEN.length;
}

const MELDING = SOORTEN.find((s) => s.tabel === 'melding')!;
/** Where each column of the state is in an import's row, or -1: a column the import leaves at its default (NULL, or 0 for a later one). */
const plaatsen = (kolommen: readonly string[], in_: readonly string[]) => kolommen.map((k) => in_.indexOf(k));
const M_STAAT = plaatsen(MELDING.kolommen, MELDING_KOLOMMEN);
const M_LATER = plaatsen(MELDING.later ?? [], MELDING_KOLOMMEN);
const DELEN = MELDING.delen.map((d) =>
  d.tabel === 'doorzetting'
    ? { staat: plaatsen(d.kolommen, DOORZETTING_KOLOMMEN), later: plaatsen(d.later ?? [], DOORZETTING_KOLOMMEN), laterNamen: d.later ?? [] }
    : undefined, // an import adds no contacts
);
const PARTNER = DOORZETTING_KOLOMMEN.indexOf('partner');

function json(w: Waarde | undefined): string {
  return w === null || w === undefined ? 'null' : typeof w === 'number' ? String(w) : JSON.stringify(w);
}

/**
 * A new melding's salt and state hash, on the reader's thread (#14: the writing thread is the import's
 * bottleneck, and reading back a hundred thousand states through SQL took it half a second). The state
 * is the JSON text that SQLite's view gives for the row once written (store/toestand.ts, staatSql):
 * the columns of SOORTEN in their order, a column the import does not write is NULL (its default), its
 * forwardings ordered by partner, no contacts, and a later column only when set. JSON.stringify writes
 * text as SQLite's json_array does for every well-formed string (a decoded file holds no other);
 * test/cli/import-toestand.test.ts holds them together through `kvz check`, which names any melding
 * whose state differs from its record.
 */
class Staat {
  private zouten = '';
  private volgende = 0;

  /** Writes the salt after the row that starts at `begin` (its forwardings: `doorzettingen[dBegin, dEind)`) and returns the hash of its state. */
  zoutEnHash(rij: Waarde[], begin: number, doorzettingen: readonly Waarde[], dBegin: number, dEind: number): string {
    if (this.volgende === this.zouten.length) {
      // lower(hex(randomblob(16))), as the column's default would give, drawn a batch at a time.
      this.zouten = nodeCrypto().randomBytes(16 * PARTIJ).toString('hex');
      this.volgende = 0;
    }
    const zout = this.zouten.slice(this.volgende, (this.volgende += 32));
    let staat = '[';
    for (let k = 0; k < M_STAAT.length; k++) staat += (k === 0 ? '' : ',') + (M_STAAT[k]! < 0 ? 'null' : json(rij[begin + M_STAAT[k]!]));
    for (const deel of DELEN) {
      if (!deel) {
        staat += ',[]';
        continue;
      }
      const rijen: [string, string][] = [];
      for (let i = dBegin; i < dEind; i += DOORZETTING_KOLOMMEN.length) {
        let d = '[';
        for (let k = 0; k < deel.staat.length; k++) d += (k === 0 ? '' : ',') + (deel.staat[k]! < 0 ? 'null' : json(doorzettingen[i + deel.staat[k]!]));
        for (let k = 0; k < deel.later.length; k++) {
          const w = deel.later[k]! < 0 ? null : doorzettingen[i + deel.later[k]!]!;
          if (w !== null && w !== 0) d += `,[${JSON.stringify(deel.laterNamen[k])},${json(w)}]`;
        }
        rijen.push([doorzettingen[i + PARTNER] as string, `${d}]`]);
      }
      if (rijen.length > 1) rijen.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      staat += ',[';
      for (let k = 0; k < rijen.length; k++) staat += (k === 0 ? '' : ',') + rijen[k]![1];
      staat += ']';
    }
    for (let k = 0; k < M_LATER.length; k++) {
      const w = M_LATER[k]! < 0 ? null : rij[begin + M_LATER[k]!]!;
      if (w !== null && w !== 0) staat += `,[${JSON.stringify(MELDING.later![k])},${json(w)}]`;
    }
    rij[begin + MELDING_KOLOMMEN.length] = zout;
    return toestandHash(zout, `${staat}]`);
  }
}

function tel(u: ImportUitkomst, reeksen: Map<number, { jaar: number; eerste: string; laatste: string }>, m: NieuweMelding, nummer: string, jaar: number): void {
  u.aantal++;
  if (m.doorzettenNaar.length === 0) u.niet_doorgezet++;
  if (m.vertrouwelijk) u.vertrouwelijk++;
  if (m.melderNaam || m.melderTelefoon || m.melderEmail) u.met_melder++;
  const reeks = reeksen.get(jaar);
  if (reeks) reeks.laatste = nummer;
  else reeksen.set(jaar, { jaar, eerste: nummer, laatste: nummer });
}
