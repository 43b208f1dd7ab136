/**
 * A damaged file explained (SPEC §10): which table or index is hit, and on which page, instead of
 * SQLite's one sentence ("database disk image is malformed"). Each table is checked on its own
 * (`PRAGMA integrity_check(tabel)` covers the table and its indexes), and the pages SQLite names are
 * looked up in the file's own list of tables (their root pages). Reads only.
 */
import type Database from 'better-sqlite3';

export interface Schade {
  /** The table the damage belongs to; null when not even the list of tables can be read. */
  tabel: string | null;
  /** The index, when the damage is in an index (the rows themselves are then whole). */
  index: string | null;
  /** A page SQLite named, when it named one. */
  pagina: number | null;
  melding: string;
}

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  rootpage: number;
}

const isSchade = (e: unknown) => /^SQLITE_(CORRUPT|NOTADB|IOERR)/.test(String((e as { code?: unknown }).code ?? ''));

/** Every damaged table or index, each with what SQLite said about it. */
export function verklaarSchade(db: Database.Database): Schade[] {
  let objecten: SchemaObject[];
  try {
    objecten = db.prepare(`SELECT type, name, tbl_name, rootpage FROM sqlite_schema WHERE rootpage > 0`).all() as SchemaObject[];
  } catch (e) {
    if (!isSchade(e)) throw e;
    return [{ tabel: null, index: null, pagina: 1, melding: `de lijst van tabellen zelf (pagina 1) is onleesbaar: ${(e as Error).message}` }];
  }
  const perWortel = new Map(objecten.map((o) => [o.rootpage, o]));
  const uit: Schade[] = [];
  for (const t of objecten.filter((o) => o.type === 'table')) {
    let meldingen: string[];
    try {
      meldingen = (db.pragma(`integrity_check(${naam(t.name)})`) as { integrity_check: string }[]).map((r) => r.integrity_check).filter((m) => m !== 'ok');
    } catch (e) {
      if (!isSchade(e)) throw e;
      meldingen = [(e as Error).message];
    }
    const geplaatst = meldingen.map((m) => plaats(t, m, perWortel));
    // SQLite gave up without saying where ("database disk image is malformed"): read each index of the
    // table, and the table itself, on its own to find which one it is.
    if (geplaatst.length > 0 && geplaatst.every((g) => g.index === null && g.pagina === null)) {
      const gevonden = zoek(db, t, objecten.filter((o) => o.type === 'index' && o.tbl_name === t.name));
      if (gevonden.length > 0) {
        uit.push(...gevonden.map((g) => ({ ...g, melding: geplaatst[0]!.melding })));
        continue;
      }
    }
    uit.push(...geplaatst);
  }
  return uit;
}

const naam = (n: string) => `"${n.replace(/"/g, '""')}"`;

/** Reads every index of table `t` through that index alone, then the table's own rows: which fail. */
function zoek(db: Database.Database, t: SchemaObject, indexen: SchemaObject[]): Omit<Schade, 'melding'>[] {
  const kapot = (sql: string) => {
    try {
      db.prepare(sql).raw().all();
      return false;
    } catch (e) {
      // Only damage counts; a query SQLite will not plan this way tells nothing about the index.
      return isSchade(e);
    }
  };
  const uit: Omit<Schade, 'melding'>[] = [];
  for (const i of indexen) {
    const kolom = (db.pragma(`index_info(${naam(i.name)})`) as { name: string | null }[])[0]?.name;
    if (!kolom) continue;
    // A partial index is used only for rows its own WHERE selects.
    const waar = /\bWHERE\b([\s\S]*)$/i.exec((db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(i.name) as string | null) ?? '')?.[1];
    if (kapot(`SELECT ${naam(kolom)} FROM ${naam(t.name)} INDEXED BY ${naam(i.name)}${waar ? ` WHERE ${waar}` : ''} ORDER BY ${naam(kolom)}`)) {
      uit.push({ tabel: t.name, index: i.name, pagina: null });
    }
  }
  if (kapot(`SELECT * FROM ${naam(t.name)}`)) uit.push({ tabel: t.name, index: null, pagina: null });
  return uit;
}

/** Where in table `t` SQLite's sentence points: an index it names, or the tree (root page) of one. */
function plaats(t: SchemaObject, melding: string, perWortel: Map<number, SchemaObject>): Schade {
  const boom = /\bTree (\d+) page (\d+)/i.exec(melding);
  const pagina = boom ? Number(boom[2]) : Number(/\bPage (\d+)/i.exec(melding)?.[1] ?? NaN);
  const wortel = boom ? perWortel.get(Number(boom[1])) : undefined;
  const genoemd = /\bindex (\w+)/i.exec(melding)?.[1];
  const index = wortel?.type === 'index' ? wortel.name : genoemd && perWortel.size > 0 && [...perWortel.values()].some((o) => o.type === 'index' && o.name === genoemd) ? genoemd : null;
  return { tabel: t.name, index, pagina: Number.isNaN(pagina) ? null : pagina, melding };
}

/** One sentence per damaged place, for people: 'index melding_dag van tabel melding (pagina 34): …'. */
export function schadeZin(s: Schade): string {
  const waar = s.tabel === null ? 'het bestand' : s.index ? `index ${s.index} van tabel ${s.tabel}` : `tabel ${s.tabel}`;
  return `${waar}${s.pagina !== null ? ` (pagina ${s.pagina})` : ''}: ${s.melding}`;
}
