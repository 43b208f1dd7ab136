/**
 * `kvz check`: is the file whole, do all references hold, and is the audit log as kvz wrote it?
 * The audit chain is recomputed row by row; the first row that does not follow from its predecessor
 * is named. Reads only: a check never changes the database.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../domain/errors.js';
import { auditHash, GENESIS_HASH, type AuditRij } from './audit.js';
import { APPLICATION_ID, schemaTekst, verbind } from './database.js';
import type { Db } from './db.js';
import type { SqliteDb } from './sqlite.js';
import { functies, rolnamen, tabellen } from './postgres-schema.js';
import { schadeZin, verklaarSchade, type Schade } from './schade.js';
import { elkeToestand, houdtToestandBij, ToestandVergelijking, type ToestandVerschil } from './toestand.js';

export interface BrokenRij {
  id: number;
  op: string;
  commando: string;
  object: string | null;
  reden: string;
}

export interface KetenUitslag {
  ok: boolean;
  rijen: number;
  /** The newest row: note its id and hash elsewhere to prove later that nothing before it changed. */
  laatste: { id: number; hash: string } | null;
  eerste_fout: BrokenRij | null;
}

/** A row of the chain noted elsewhere (`kvz check --anker id:hash`). */
export interface Anker {
  id: number;
  hash: string;
}

/** Whether the chain still holds an anchor: the row is there, unchanged, and every row before it follows. */
export interface AnkerUitslag extends Anker {
  ok: boolean;
  reden: string | null;
}

export interface Controle {
  ok: boolean;
  /** schade: where a damaged file is hit, per table or index (a file only). */
  integriteit: { ok: boolean; meldingen: string[]; schade?: Schade[] };
  verwijzingen: { ok: boolean; fouten: { tabel: string; rij: number | null; verwijst_naar: string }[] };
  auditlog: KetenUitslag & { beveiligd: boolean; ontbrekende_triggers: string[]; gewijzigde_triggers: string[] };
  rechten: { ok: boolean; modus: string };
  vergelijking?: Vergelijking;
  anker?: AnkerUitslag;
  /**
   * The data against the log (SPEC §10): every object's state against its newest record. bijgehouden
   * false: this database keeps no records (PostgreSQL, or a back-up of it); `reden` says why.
   */
  toestand: { ok: boolean; bijgehouden: boolean; reden: string | null; objecten: number; verschillen: ToestandVerschil[] };
}

type RuweRij = [number, string, string, string, string | null, string, string, string, string, string | null];

/** Every object's newest recorded state, and what the records themselves show was done behind kvz's back. */
export interface Vastgelegd {
  toestand: Map<string, string | null>;
  /** An object whose state before a change of kvz's is not the state kvz recorded last. */
  tussendoor: ToestandVerschil[];
}

/**
 * Whether the chain holds `anker`: its row must be there with that hash, and (the walk from the oldest
 * row having recomputed every hash) then nothing up to and including it was changed, removed or
 * rewritten. What came after it is the chain's own proof.
 */
export function toetsAnker(anker: Anker, keten: KetenUitslag, gezien: string | undefined): AnkerUitslag {
  const uit = (reden: string | null): AnkerUitslag => ({ ...anker, ok: reden === null, reden });
  if (keten.eerste_fout && keten.eerste_fout.id <= anker.id) return uit(`de keten is verbroken bij regel ${keten.eerste_fout.id}, vóór of bij het anker`);
  if (gezien === undefined) {
    return uit(keten.laatste && keten.laatste.id < anker.id
      ? `regel ${anker.id} bestaat niet meer: het log eindigt bij regel ${keten.laatste.id} (de nieuwste regels zijn weggeknipt)`
      : `regel ${anker.id} bestaat niet (meer)`);
  }
  if (gezien !== anker.hash) return uit(`regel ${anker.id} heeft nu een andere hash: het log tot en met die regel is herschreven`);
  return uit(null);
}

/**
 * Walks the chain from the oldest row; with `anker`, also notes the hash of that row as found; with
 * `vastgelegd`, collects every object's newest recorded state.
 */
export async function controleerKeten(db: Db, anker?: Anker, vastgelegd?: Vastgelegd): Promise<KetenUitslag & { ankerHash?: string }> {
  let vorige: Pick<AuditRij, 'id' | 'hash'> = { id: 0, hash: GENESIS_HASH };
  let rijen = 0;
  let ankerHash: string | undefined;
  // Raw rows: on a log of millions of rows, building result objects costs more than hashing them.
  const alle = db.stroom<RuweRij>('SELECT id, op, gebruiker, commando, object, resultaat, details, vorige_hash, hash, toestand FROM audit ORDER BY id');
  for await (const batch of alle) {
    for (const [id, op, gebruiker, commando, object, resultaat, details, vorige_hash, hash, toestand] of batch) {
      const rij: AuditRij = { id, op, gebruiker, commando, object, resultaat, details, vorige_hash, hash, toestand };
      rijen++;
      const reden = ketenFout(rij, vorige);
      if (reden) {
        return { ok: false, rijen, laatste: null, eerste_fout: { id: rij.id, op: rij.op, commando: rij.commando, object: rij.object, reden } };
      }
      if (anker && rij.id === anker.id) ankerHash = rij.hash;
      if (vastgelegd && toestand !== null) neemToestandOp(vastgelegd, rij);
      vorige = rij;
    }
  }
  const uit = { ok: true, rijen, laatste: vorige.id === 0 ? null : { id: vorige.id, hash: vorige.hash }, eerste_fout: null };
  return ankerHash === undefined ? uit : { ...uit, ankerHash };
}

/** A record of exactly one object's state after, and none before: {"na":{"M-2027-0042":"<hash>"}}. */
const EEN_OBJECT = /^\{"na":\{"([^"\\]+)":"([0-9a-f]{32})"\}\}$/;

/**
 * Takes in what one row records. Its `voor` must be the newest state recorded before it: otherwise the
 * object was changed (or, never recorded, added) behind kvz's back before kvz changed it in this row.
 */
function neemToestandOp(vastgelegd: Vastgelegd, rij: AuditRij): void {
  // Nearly every row records one object it added or changed without a state before (a melding add):
  // read without JSON.parse, which on a million rows costs seconds of check's budget (SPEC §6).
  const een = EEN_OBJECT.exec(rij.toestand!);
  if (een) {
    const [, object, hash] = een as unknown as [string, string, string];
    if (typeof vastgelegd.toestand.get(object) === 'string') vastgelegd.tussendoor.push({ object, wat: 'verwijderd', voor: { id: rij.id, commando: rij.commando } });
    vastgelegd.toestand.set(object, hash);
    return;
  }
  let r: { na?: unknown; voor?: unknown; basis?: unknown };
  try {
    r = JSON.parse(rij.toestand!) as typeof r;
  } catch {
    return;
  }
  const regel = { id: rij.id, commando: rij.commando };
  // A record of everything there is starts afresh: objects recorded before and absent from it were
  // removed by whatever made that record (a copy), not behind kvz's back.
  if (r.basis === true) vastgelegd.toestand.clear();
  const voor = r.voor && typeof r.voor === 'object' ? (r.voor as Record<string, unknown>) : {};
  for (const object in voor) {
    const was = vastgelegd.toestand.get(object);
    if (was === voor[object]) continue;
    vastgelegd.tussendoor.push({ object, wat: was === undefined || was === null ? 'toegevoegd' : 'gewijzigd', voor: regel });
  }
  // A migration's row records a million objects: a plain loop, no array per entry.
  const na = r.na && typeof r.na === 'object' ? (r.na as Record<string, unknown>) : {};
  for (const object in na) {
    const hash = na[object];
    // kvz thought it new (no state before), yet the records hold it: removed behind kvz's back, and its
    // number made again (a counter set back), so that this row would otherwise hide the removal.
    if (r.basis !== true && !(object in voor) && typeof vastgelegd.toestand.get(object) === 'string') {
      vastgelegd.tussendoor.push({ object, wat: 'verwijderd', voor: regel });
    }
    vastgelegd.toestand.set(object, typeof hash === 'string' ? hash : null);
  }
}

function ketenFout(rij: AuditRij, vorige: Pick<AuditRij, 'id' | 'hash'>): string | undefined {
  if (rij.id !== vorige.id + 1) {
    const van = vorige.id + 1;
    const wat = van === rij.id - 1 ? `regel ${van} ontbreekt` : `de regels ${van} tot en met ${rij.id - 1} ontbreken`;
    return `${wat} vóór deze regel (verwijderd buiten kvz om)`;
  }
  if (rij.vorige_hash !== vorige.hash) {
    return vorige.id === 0
      ? 'de eerste regel sluit niet aan op het begin van de keten (regels ervoor verwijderd, of deze regel ingevoegd)'
      : `deze regel sluit niet aan op regel ${vorige.id} (een regel is gewijzigd, verwijderd, ingevoegd of verplaatst)`;
  }
  if (auditHash(rij) !== rij.hash) return 'de inhoud van deze regel is gewijzigd na het vastleggen';
  return undefined;
}

const TRIGGERS = ['audit_geen_update', 'audit_geen_delete'];

/** The triggers that make the log append-only: an attacker who dropped them to edit may not restore them. */
async function ontbrekendeTriggers(db: Db): Promise<string[]> {
  const er = new Set(await db.kolom<string>(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit'`));
  return TRIGGERS.filter((t) => !er.has(t));
}

const zonderOpmaak = (sql: string) => sql.replace(/--[^\n]*/g, '').replace(/\s+/g, ' ').replace(/;\s*$/, '').trim();

/** Each trigger of schema.sql by name, as its SQL reads without layout. */
function verwachteTriggers(): Map<string, string> {
  return new Map([...schemaTekst().matchAll(/CREATE TRIGGER (\w+)[\s\S]*?\nEND;/g)].map((m) => [m[1]!, zonderOpmaak(m[0])]));
}

/** The triggers that keep the number of meldingen (schema.sql): check reports them with that number, not with the log. */
const TELTRIGGERS = ['melding_aantal_bij', 'melding_aantal_af'];

/**
 * Triggers whose SQL is not what schema.sql says (or that it does not have): one replaced by a no-op
 * under the same name guards nothing, though its name is there.
 */
async function gewijzigdeTriggers(db: Db): Promise<string[]> {
  const verwacht = verwachteTriggers();
  const er = await db.alle<{ name: string; sql: string }>(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`);
  return er.filter((t) => !TELTRIGGERS.includes(t.name) && verwacht.get(t.name) !== zonderOpmaak(t.sql)).map((t) => t.name);
}

/** What one of SQLite's checks came to in the worker: its answer, or the error it raised. */
export type Stap<T> = { ok: T } | { fout: { code: string | undefined; bericht: string } };
type FkRij = { table: string; rowid: number | null; parent: string };
export interface IntegriteitUitkomst {
  integriteit: Stap<string[]>;
  fk: Stap<FkRij[]>;
}

declare const __KVZ_BUNDEL__: boolean | undefined;
/** Only the built kvz has the worker's own file (dist/store/integriteit-werker.js). */
const GEBUNDELD = typeof __KVZ_BUNDEL__ !== 'undefined' && __KVZ_BUNDEL__;
/**
 * From this size on, SQLite's own checks run in a worker thread beside the chain and the states (SPEC
 * §6's check budget): on the region-scale file they take a third of check's time. Below it, starting
 * a thread costs more than it saves.
 */
const GROOT = 64 * 1024 * 1024;

/** SQLite's checks of the file in a worker thread; undefined when the thread cannot be started or fails. */
function integriteitApart(pad: string): Promise<IntegriteitUitkomst | undefined> {
  return new Promise((klaar) => {
    try {
      const werker = new Worker(new URL('../store/integriteit-werker.js', import.meta.url), { workerData: { pad } });
      werker.once('message', (u: IntegriteitUitkomst) => klaar(u));
      werker.once('error', () => klaar(undefined));
      werker.once('exit', () => klaar(undefined));
    } catch {
      klaar(undefined);
    }
  });
}

/** A worker's answer as the checks in this thread give it: damage becomes its message, anything else is thrown. */
function uitStap<T>(s: Stap<T>, bijSchade: (melding: string) => T): T {
  if ('ok' in s) return s.ok;
  if (isSchade(s.fout.code)) return bijSchade(s.fout.bericht);
  throw Object.assign(new Error(s.fout.bericht), { code: s.fout.code });
}

/** SQLite's error codes for a damaged file. */
const isSchade = (code: unknown) => typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB|IOERR)/.test(code);

/** A damaged file can make a check throw rather than answer; that is an answer too. */
async function ondanksSchade<T>(werk: () => T | Promise<T>, bijSchade: (melding: string) => T): Promise<T> {
  try {
    return await werk();
  } catch (e) {
    if (isSchade((e as { code?: unknown }).code)) return bijSchade((e as Error).message);
    throw e;
  }
}

/** What check is doing now, for a progress line on a terminal (SPEC §6): a step, and how far it is. */
export type Voortgang = (stap: string) => void;

/**
 * Every object's state now against its newest record (SPEC §10), on either store: a file's computed
 * here, PostgreSQL's by the database itself (toestand-pg.ts), to the same hashes.
 */
async function vergelijkMetLog(db: Db, vastgelegd: Vastgelegd, voortgang: Voortgang = () => undefined): Promise<{ objecten: number; verschillen: ToestandVerschil[] }> {
  voortgang('De toestand van elk object narekenen');
  const v = new ToestandVergelijking(vastgelegd.toestand, (n) => voortgang(`De toestand van elk object narekenen: ${n.toLocaleString('nl-NL')} objecten`));
  if (db.soort === 'sqlite') elkeToestand((db as SqliteDb).ruw, (sleutel, hash) => v.neem(sleutel, hash));
  else for await (const batch of db.stroom<[string, string]>('SELECT sleutel, hash FROM toestand_alle()')) for (const [sleutel, hash] of batch) v.neem(sleutel, hash);
  const { objecten, verschillen } = v.uitkomst();
  return { objecten, verschillen: [...vastgelegd.tussendoor, ...verschillen] };
}

/** What check says about the data against the log, once the chain was walked. */
async function toestandUitslag(db: Db, keten: KetenUitslag, vastgelegd: Vastgelegd, voortgang: Voortgang): Promise<Controle['toestand']> {
  if (keten.rijen === 0) return { ok: true, bijgehouden: false, reden: 'er is nog niets gewijzigd', objecten: 0, verschillen: [] };
  if (!keten.ok) return { ok: false, bijgehouden: true, reden: 'niet na te gaan zolang de hashketen verbroken is', objecten: 0, verschillen: [] };
  const { objecten, verschillen } = await vergelijkMetLog(db, vastgelegd, voortgang);
  return { ok: verschillen.length === 0, bijgehouden: true, reden: null, objecten, verschillen };
}

/**
 * Whether a database's data still matches its audit log (SPEC §10), for kvz kopieer before it copies:
 * a copy of tampered data would start a new record of states that makes the tampering look proper.
 * Null when all is well (or a file keeps no states); otherwise the sentence that says what is wrong.
 */
export async function bronKlopt(db: Db): Promise<string | null> {
  // One snapshot, as check reads: a colleague's melding add meanwhile is no change behind kvz's back.
  return db.momentopname(async () => {
    const vastgelegd: Vastgelegd = { toestand: new Map(), tussendoor: [] };
    const keten = await controleerKeten(db, undefined, vastgelegd);
    if (!keten.ok) return `de hashketen van het auditlog is verbroken bij regel ${keten.eerste_fout?.id} (${keten.eerste_fout?.reden})`;
    if ((db.soort === 'sqlite' && !houdtToestandBij((db as SqliteDb).ruw)) || keten.rijen === 0) return null;
    return verschillenZin((await vergelijkMetLog(db, vastgelegd)).verschillen);
  });
}

function verschillenZin(verschillen: ToestandVerschil[]): string | null {
  if (verschillen.length === 0) return null;
  const genoemd = verschillen.slice(0, 5).map((v) => `${v.object} (${v.wat})`).join(', ');
  return `${verschillen.length === 1 ? 'één object is' : `${verschillen.length} objecten zijn`} buiten kvz om gewijzigd: ${genoemd}${verschillen.length > 5 ? ` en ${verschillen.length - 5} meer` : ''}`;
}

export async function controleer(
  db: SqliteDb, pad: string, anker?: Anker, voortgang: Voortgang = () => undefined, apartVanaf = GROOT, meld: (tekst: string) => void = () => undefined,
): Promise<Controle> {
  // One snapshot for all of it: a colleague's melding add while check runs is not a change behind kvz's
  // back. A read transaction of its own, ended with ROLLBACK: on a damaged file even a COMMIT can fail.
  db.ruw.exec('BEGIN');
  try {
    return await controleerMomentopname(db, pad, anker, voortgang, apartVanaf, meld);
  } finally {
    try {
      if (db.ruw.inTransaction) db.ruw.exec('ROLLBACK');
    } catch {
      // Nothing was written; the connection closes after check anyway.
    }
  }
}

async function controleerMomentopname(
  db: SqliteDb, pad: string, anker: Anker | undefined, voortgang: Voortgang, apartVanaf: number, meld: (tekst: string) => void,
): Promise<Controle> {
  const schadeFk = (m: string): FkRij[] => [{ table: '?', rowid: null, parent: `niet na te gaan: ${m}` }];
  // A large file: SQLite's checks in a thread of their own, beside the chain and the states below.
  const apart = GEBUNDELD && statSync(pad).size >= apartVanaf ? integriteitApart(pad) : undefined;
  const hier = async (): Promise<{ integriteit: string[]; fk: FkRij[] }> => {
    voortgang('Integriteit van het bestand nagaan');
    const integriteit = await ondanksSchade(() => (db.ruw.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check), (m) => [m]);
    voortgang('Verwijzingen nagaan');
    const fk = await ondanksSchade(() => db.ruw.pragma('foreign_key_check') as FkRij[], schadeFk);
    return { integriteit, fk };
  };
  const eerst = apart ? undefined : await hier();
  const vastgelegd: Vastgelegd = { toestand: new Map(), tussendoor: [] };
  voortgang('De hashketen van het auditlog nalopen');
  const keten = await ondanksSchade(
    (): Promise<KetenUitslag & { ankerHash?: string }> => controleerKeten(db, anker, vastgelegd),
    (m): KetenUitslag => ({ ok: false, rijen: 0, laatste: null, eerste_fout: { id: 0, op: '', commando: '', object: null, reden: `niet na te gaan: ${m}` } }),
  );
  const ontbrekend = await ondanksSchade(() => ontbrekendeTriggers(db), () => TRIGGERS);
  const gewijzigd = await ondanksSchade(() => gewijzigdeTriggers(db), () => [] as string[]);
  const toestand = await ondanksSchade(
    (): Promise<Controle['toestand']> | Controle['toestand'] =>
      houdtToestandBij(db.ruw)
        ? toestandUitslag(db, keten, vastgelegd, voortgang)
        : { ok: true, bijgehouden: false, reden: 'deze kopie komt uit PostgreSQL van vóór kvz-schemaversie 15, dat toen geen toestand vastlegde', objecten: 0, verschillen: [] },
    (m): Controle['toestand'] => ({ ok: false, bijgehouden: true, reden: `niet na te gaan: ${m}`, objecten: 0, verschillen: [] }),
  );
  let sqliteZelf = eerst;
  if (apart) {
    voortgang('Integriteit van het bestand nagaan');
    const u = await apart;
    meld(u ? 'integriteit en verwijzingen nagegaan in een aparte thread' : 'de aparte thread voor integriteit mislukte; nagegaan in deze');
    sqliteZelf = u ? { integriteit: uitStap(u.integriteit, (m) => [m]), fk: uitStap(u.fk, schadeFk) } : await hier();
  }
  const { integriteit, fk } = sqliteZelf!;
  const telling = await ondanksSchade(() => meldingTelling(db), (m) => [`het aantal meldingen is niet na te gaan: ${m}`]);
  const modus = statSync(pad).mode & 0o777;
  const uitslag: Controle = {
    ok: false,
    integriteit: metTelling(integriteitUitslag(db, integriteit), telling),
    verwijzingen: { ok: fk.length === 0, fouten: fk.map((f) => ({ tabel: f.table, rij: f.rowid, verwijst_naar: f.parent })) },
    auditlog: { ...keten, beveiligd: ontbrekend.length + gewijzigd.length === 0, ontbrekende_triggers: ontbrekend, gewijzigde_triggers: gewijzigd },
    rechten: { ok: (modus & 0o077) === 0, modus: modus.toString(8).padStart(4, '0') },
    toestand,
  };
  const { ankerHash, ...ketenZelf } = keten as KetenUitslag & { ankerHash?: string };
  uitslag.auditlog = { ...ketenZelf, beveiligd: ontbrekend.length + gewijzigd.length === 0, ontbrekende_triggers: ontbrekend, gewijzigde_triggers: gewijzigd };
  if (anker) uitslag.anker = toetsAnker(anker, ketenZelf, ankerHash);
  uitslag.ok = uitslag.integriteit.ok && uitslag.verwijzingen.ok && keten.ok && uitslag.auditlog.beveiligd && toestand.ok && (uitslag.anker?.ok ?? true);
  return uitslag;
}

/**
 * The number of meldingen that kvz status shows (melding_aantal, kept by two triggers of schema.sql)
 * against the meldingen themselves: a difference, or a trigger gone or replaced, means the file was
 * changed behind kvz's back, and status would count wrong from then on.
 */
async function meldingTelling(db: SqliteDb): Promise<string[]> {
  const fouten: string[] = [];
  const verwacht = verwachteTriggers();
  const er = new Map(await db.rauw<[string, string]>(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'melding'`));
  const weg = TELTRIGGERS.filter((t) => !er.has(t));
  const anders = TELTRIGGERS.filter((t) => er.has(t) && zonderOpmaak(er.get(t)!) !== verwacht.get(t));
  const triggers = (namen: string[]) => `${namen.length === 1 ? 'de trigger' : 'de triggers'} ${namen.join(' en ')}`;
  if (weg.length > 0) fouten.push(`${triggers(weg)} ${weg.length === 1 ? 'ontbreekt' : 'ontbreken'}: het aantal meldingen in kvz status loopt niet meer mee`);
  if (anders.length > 0) fouten.push(`${triggers(anders)} ${anders.length === 1 ? 'is' : 'zijn'} anders dan in schema.sql: het aantal meldingen in kvz status klopt dan niet meer`);
  const [[bewaard, geteld]] = (await db.rauw<[number | null, number]>('SELECT (SELECT aantal FROM melding_aantal WHERE id = 1), (SELECT count(*) FROM melding)')) as [[number | null, number]];
  if (bewaard !== geteld) fouten.push(`kvz status telt ${bewaard ?? 'geen'} meldingen, er zijn er ${geteld} (melding_aantal is buiten kvz om gewijzigd)`);
  return fouten;
}

/** SQLite's verdict with the count's problems added to it. */
function metTelling(u: Controle['integriteit'], telling: string[]): Controle['integriteit'] {
  if (telling.length === 0) return u;
  return { ...u, ok: false, meldingen: [...u.meldingen, ...telling] };
}

/** SQLite's verdict; when the file is damaged, explained per table or index (SPEC §10). */
function integriteitUitslag(db: SqliteDb, meldingen: string[]): Controle['integriteit'] {
  if (meldingen.length === 1 && meldingen[0] === 'ok') return { ok: true, meldingen: [] };
  const schade = verklaarSchade(db.ruw);
  // Damage the whole-file check saw but no single table's check did (the free-page list, say) keeps SQLite's words.
  return { ok: false, meldingen: schade.length > 0 ? schade.map(schadeZin) : meldingen.filter((m) => m !== 'ok'), schade };
}

/**
 * `kvz check` on PostgreSQL: the server keeps its pages and references whole itself; what is checked
 * here is what kvz relies on: the audit chain, the triggers that keep it append-only, that no foreign
 * key was switched off, that every table is still under forced row-level security, and the state of
 * every object against the log (SPEC §10).
 */
export async function controleerPostgres(db: Db, anker?: Anker, voortgang: Voortgang = () => undefined): Promise<Controle> {
  // One snapshot for all of it, as on a file: a colleague's melding add while check runs is not a change behind kvz's back.
  return db.momentopname(() => controleerPostgresMomentopname(db, anker, voortgang));
}

async function controleerPostgresMomentopname(db: Db, anker: Anker | undefined, voortgang: Voortgang): Promise<Controle> {
  const vastgelegd: Vastgelegd = { toestand: new Map(), tussendoor: [] };
  voortgang('De hashketen van het auditlog nalopen');
  const { ankerHash, ...keten } = await controleerKeten(db, anker, vastgelegd);
  const triggers = new Set(
    await db.kolom<string>(`SELECT tgname::text FROM pg_trigger WHERE tgrelid = 'kvz.audit'::regclass AND tgenabled <> 'D' AND NOT tgisinternal`),
  );
  const ontbrekend = [...TRIGGERS, 'audit_geen_truncate'].filter((t) => !triggers.has(t));
  const gewijzigd = await gewijzigdeFuncties(db);
  const verwijzingen = await db.alle<{ tabel: string; verwijst_naar: string }>(
    `SELECT c.conrelid::regclass::text AS tabel, c.confrelid::regclass::text AS verwijst_naar FROM pg_constraint c
     WHERE c.connamespace = 'kvz'::regnamespace AND c.contype = 'f'
       AND (NOT c.convalidated OR EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgconstraint = c.oid AND t.tgenabled = 'D'))`,
  );
  const [tabellen, beveiligd] = (await db.rauw<[number, number]>(
    `SELECT count(*), count(*) FILTER (WHERE relrowsecurity AND relforcerowsecurity) FROM pg_class
     WHERE relnamespace = 'kvz'::regnamespace AND relkind = 'r'`,
  ))[0]!;
  const afgeleid = await afgeleideGegevens(db);
  const toestand = await toestandUitslag(db, keten, vastgelegd, voortgang);
  const uitslag: Controle = {
    ok: false,
    integriteit: { ok: afgeleid.length === 0, meldingen: afgeleid },
    verwijzingen: { ok: verwijzingen.length === 0, fouten: verwijzingen.map((v) => ({ tabel: v.tabel, rij: null, verwijst_naar: `${v.verwijst_naar} (controle uitgeschakeld)` })) },
    auditlog: { ...keten, beveiligd: ontbrekend.length + gewijzigd.length === 0, ontbrekende_triggers: ontbrekend, gewijzigde_triggers: gewijzigd },
    rechten: { ok: beveiligd === tabellen, modus: `rijbeveiliging afgedwongen op ${beveiligd} van ${tabellen} tabellen` },
    toestand,
  };
  if (anker) uitslag.anker = toetsAnker(anker, keten, ankerHash);
  uitslag.ok = uitslag.integriteit.ok && uitslag.verwijzingen.ok && keten.ok && uitslag.auditlog.beveiligd && uitslag.rechten.ok && toestand.ok && (uitslag.anker?.ok ?? true);
  return uitslag;
}

/**
 * kvz's functions on PostgreSQL (the triggers that keep the log append-only and secrecy right, the
 * functions that write the audit row) whose body is not what this kvz's schema defines: one replaced
 * by a no-op under the same name guards nothing, though its name is there.
 */
async function gewijzigdeFuncties(db: Db): Promise<string[]> {
  const voorvoegsel = db.identiteit?.voorvoegsel;
  if (!voorvoegsel) return [];
  const r = rolnamen(voorvoegsel);
  const verwacht = new Map(
    [...`${tabellen()}\n${functies(r)}`.matchAll(/CREATE (?:OR REPLACE )?FUNCTION (\w+)\([^)]*\)[\s\S]*?AS \$\$([\s\S]*?)\$\$/g)].map((m) => [m[1]!, m[2]!]),
  );
  const er = new Map((await db.rauw<[string, string]>(`SELECT proname::text, prosrc FROM pg_proc WHERE pronamespace = 'kvz'::regnamespace`)).map(([n, b]) => [n, b]));
  return [...verwacht].filter(([naam, body]) => er.get(naam) !== body).map(([naam]) => naam).sort();
}

/**
 * What PostgreSQL's triggers keep beside the data (which rows are secret, the counts per year and
 * status, who had feedback), recomputed from the data itself: a difference means someone changed the
 * database behind kvz's back, and for secrecy it would show a role what it may not see.
 */
async function afgeleideGegevens(db: Db): Promise<string[]> {
  const [rij] = await db.rauw<number[]>(
    `SELECT
       (SELECT count(*) FROM melding m LEFT JOIN zaak z ON z.id = m.zaak_id
          WHERE m.geheim <> CASE WHEN m.vertrouwelijk = 1 OR coalesce(z.vertrouwelijk, 0) = 1 THEN 1 ELSE 0 END),
       (SELECT count(*) FROM actie a JOIN zaak z ON z.id = a.zaak_id WHERE a.geheim <> z.vertrouwelijk),
       (SELECT count(*) FROM doorzetting d JOIN melding m ON m.id = d.melding_id WHERE d.geheim <> m.geheim)
         + (SELECT count(*) FROM contact c JOIN melding m ON m.id = c.melding_id WHERE c.geheim <> m.geheim)
         + (SELECT count(*) FROM actie_historie h JOIN actie a ON a.id = h.actie_id WHERE h.geheim <> a.geheim)
         + (SELECT count(*) FROM bericht b LEFT JOIN melding m ON m.id = b.melding_id
              WHERE b.geheim <> CASE WHEN m.id IS NOT NULL THEN m.geheim WHEN b.object LIKE 'politie %' AND b.soort NOT IN ('uitnodiging', 'annulering') THEN 1 ELSE 0 END)
         + (SELECT count(*) FROM verslag v JOIN overleg o ON o.id = v.overleg_id LEFT JOIN zaak z ON z.id = v.zaak_id
              WHERE v.geheim <> CASE WHEN o.soort = 'politie' THEN 1 WHEN v.zaak_id IS NULL THEN 0 ELSE z.vertrouwelijk END),
       (SELECT count(*) FROM (SELECT left(ontvangen_dag, 4)::integer AS jaar, status, geheim, count(*) AS n FROM melding GROUP BY 1, 2, 3) t
          FULL JOIN melding_stand s USING (jaar, status, geheim) WHERE coalesce(t.n, 0) <> coalesce(s.aantal, 0)),
       (SELECT count(*) FROM melding m
          WHERE m.teruggekoppeld <> (EXISTS (SELECT 1 FROM contact c WHERE c.melding_id = m.id AND c.soort = 'terugkoppeling'))::integer)`,
  );
  const [meldingen, acties, gekoppeld, stand, terug] = rij!;
  const fouten: string[] = [];
  const n = (aantal: number, een: string, meer: string) => `${aantal} ${aantal === 1 ? een : meer}`;
  if (meldingen) fouten.push(`${n(meldingen, 'melding is', 'meldingen zijn')} anders geheim dan haar vertrouwelijkheid en die van haar zaak zeggen`);
  if (acties) fouten.push(`${n(acties, 'actie is', 'acties zijn')} anders geheim dan haar zaak`);
  if (gekoppeld) fouten.push(`${n(gekoppeld, 'doorzetting, contact, bericht, verslag of actiehistorie is', 'doorzettingen, contacten, berichten, verslagen of actiehistorie zijn')} anders geheim dan waar ze bij horen`);
  if (stand) fouten.push('de tellingen in melding_stand wijken af van de meldingen');
  if (terug) fouten.push(`bij ${n(terug, 'melding', 'meldingen')} klopt teruggekoppeld niet met de contacten`);
  return fouten;
}

export interface Vergelijking {
  ok: boolean;
  bestand: string;
  rijen: number;
  /** The first row of the older copy that is missing or different in this database. */
  eerste_verschil: { id: number; op: string; commando: string; object: string | null; reden: string } | null;
}

/**
 * Compares this database's audit log with that of an older copy (a backup): every row of the copy
 * must still be here, unchanged. This finds what the chain alone cannot: a log rewritten from some
 * row on with freshly computed hashes, or its newest rows removed.
 */
export async function vergelijkMetKopie(db: Db, kopiePad: string): Promise<Vergelijking> {
  // Only read; the -wal and -shm files SQLite creates beside it for reading are removed again after.
  const bijbestanden = ['-wal', '-shm'].map((d) => `${kopiePad}${d}`).filter((p) => !existsSync(p));
  const geenKopie = new DomainError(`${kopiePad} is geen kvz-database; geef een kopie gemaakt met kvz backup.`);
  const kopie = verbind(kopiePad, { readonly: true, fileMustExist: true });
  try {
    let appId: unknown;
    try {
      appId = kopie.pragma('application_id', { simple: true });
    } catch {
      throw geenKopie;
    }
    if (appId !== APPLICATION_ID) throw geenKopie;
    let rijen = 0;
    for (const rij of kopie.prepare('SELECT id, op, commando, object, hash FROM audit ORDER BY id').iterate() as IterableIterator<
      Pick<AuditRij, 'id' | 'op' | 'commando' | 'object' | 'hash'>
    >) {
      rijen++;
      const hash = await db.waarde<string>('SELECT hash FROM audit WHERE id = ?', [rij.id]);
      if (hash !== rij.hash) {
        const reden = hash === undefined ? 'deze regel uit de kopie ontbreekt hier' : 'deze regel verschilt van de kopie';
        const { id, op, commando, object } = rij;
        return { ok: false, bestand: kopiePad, rijen, eerste_verschil: { id, op, commando, object, reden } };
      }
    }
    return { ok: true, bestand: kopiePad, rijen, eerste_verschil: null };
  } finally {
    kopie.close();
    for (const p of bijbestanden) if (existsSync(p) && (p.endsWith('-shm') || statSync(p).size === 0)) rmSync(p);
  }
}
