/**
 * Bringing in many meldingen at once (`kvz import meldingen`): all in one immediate transaction
 * with one audit row, numbered per year of receipt like `kvz melding add`, with its statements
 * prepared once — 100,000 rows must go in at 50,000 rows/s or better (SPEC §6).
 */
import type { NieuweMelding } from '../domain/melding.js';
import { formatNummer } from '../domain/nummers.js';
import { dagVan } from '../domain/tijd.js';
import { inTransactie, schrijfAudit, type Actor } from './audit.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';

export interface ImportUitkomst {
  aantal: number;
  /** Per year of receipt, the first and last number given. */
  reeksen: { jaar: number; eerste: string; laatste: string }[];
  niet_doorgezet: number;
}

/** A melding ready to be written: its Amsterdam day computed once. */
interface Regel {
  m: NieuweMelding;
  dag: string;
  jaar: number;
}

/** The order of numbering: by moment of receipt, file order when equal. */
function opOntvangst(meldingen: readonly NieuweMelding[]): Regel[] {
  return meldingen
    .map((m, i) => ({ m, i, t: m.ontvangenOp.getTime() }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ m }) => {
      const dag = dagVan(m.ontvangenOp);
      return { m, dag, jaar: Number(dag.slice(0, 4)) };
    });
}

/** Numbers per year of receipt, after the highest already given (never reused). */
function reeksen(db: Db, regels: readonly Regel[]): { nummers: string[]; volgnummers: number[] } {
  const hoogste = db.prepare('SELECT coalesce(max(volgnummer), 0) FROM melding WHERE jaar = ?').pluck();
  const jaren = new Map<number, number>();
  const volgnummers = regels.map(({ jaar }) => {
    const volgnummer = (jaren.get(jaar) ?? (hoogste.get(jaar) as number)) + 1;
    jaren.set(jaar, volgnummer);
    return volgnummer;
  });
  return { nummers: regels.map((r, i) => formatNummer('melding', r.jaar, volgnummers[i]!)), volgnummers };
}

function samenvatting(regels: readonly Regel[], nummers: readonly string[]): ImportUitkomst {
  const perJaar = new Map<number, { jaar: number; eerste: string; laatste: string }>();
  nummers.forEach((nummer) => {
    const jaar = Number(nummer.slice(2, 6));
    const r = perJaar.get(jaar);
    if (r) r.laatste = nummer;
    else perJaar.set(jaar, { jaar, eerste: nummer, laatste: nummer });
  });
  return {
    aantal: regels.length,
    reeksen: [...perJaar.values()].sort((a, b) => a.jaar - b.jaar),
    niet_doorgezet: regels.filter((r) => r.m.doorzettenNaar.length === 0).length,
  };
}

/** What an import would do, without writing: the numbers it would give. */
export function proefImport(db: Db, meldingen: readonly NieuweMelding[]): ImportUitkomst {
  const volgorde = opOntvangst(meldingen);
  return samenvatting(volgorde, reeksen(db, volgorde).nummers);
}

/** Writes every melding (and its forwarding) in one transaction with one audit row. */
export function importeerMeldingen(db: Db, actor: Actor, meldingen: readonly NieuweMelding[], bron: string): ImportUitkomst {
  const volgorde = opOntvangst(meldingen);
  // The indexes of 100,000 new rows do not fit SQLite's default 2 MB page cache; spilling them
  // mid-transaction makes the import several times slower.
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -131072');
  try {
    return schrijfAlles(db, actor, volgorde, bron);
  } finally {
    db.pragma(`cache_size = ${cache}`);
  }
}

function schrijfAlles(db: Db, actor: Actor, volgorde: readonly Regel[], bron: string): ImportUitkomst {
  return inTransactie(db, () => {
    const { nummers, volgnummers } = reeksen(db, volgorde);
    const nu = actor.nu.toISOString();
    // Explicit ids (after the highest) let the forwardings refer to their melding without asking.
    const basis = db.prepare('SELECT coalesce(max(id), 0) FROM melding').pluck().get() as number;
    const meldingen = new Bundel(db, 'melding', [
      'id', 'jaar', 'volgnummer', 'ontvangen_op', 'ontvangen_dag', 'kanaal', 'categorie', 'kern', 'adres', 'omschrijving',
      'melder_naam', 'melder_telefoon', 'melder_email', 'terugkoppeling', 'vergunninghouder', 'vertrouwelijk', 'status',
      'geregistreerd_door', 'aangemaakt_op', 'gewijzigd_op',
    ]);
    // Forwardings refer to their melding: they are written right after their meldingen.
    const doorzettingen = new Bundel(db, 'doorzetting', ['melding_id', 'partner', 'op', 'dag', 'door'], meldingen);
    volgorde.forEach(({ m, dag, jaar }, i) => {
      const id = basis + i + 1;
      meldingen.voegToe(
        id, jaar, volgnummers[i]!, m.ontvangenOp.toISOString(), dag,
        m.kanaal, m.categorie, m.kern, m.adres ?? null, m.omschrijving, m.melderNaam ?? null, m.melderTelefoon ?? null,
        m.melderEmail ?? null, +m.terugkoppeling, +m.vergunninghouder, +m.vertrouwelijk,
        m.doorzettenNaar.length > 0 ? 'doorgezet' : 'nieuw', actor.gebruiker, nu, nu,
      );
      if (m.doorzettenNaar.length > 0) {
        // As `melding add --doorzetten`: without a moment of its own, forwarding happens now.
        const op = m.doorgezetOp ?? (m.ontvangenOp > actor.nu ? m.ontvangenOp : actor.nu);
        const [opIso, opDag] = [op.toISOString(), dagVan(op)];
        for (const partner of m.doorzettenNaar) doorzettingen.voegToe(id, partner, opIso, opDag, actor.gebruiker);
      }
    });
    meldingen.leeg();
    const uitkomst = samenvatting(volgorde, nummers);
    schrijfAudit(db, actor, {
      object: bron,
      resultaat: `${uitkomst.aantal} meldingen geïmporteerd`,
      details: {
        aantal: uitkomst.aantal,
        eerste: nummers[0] ?? null,
        laatste: nummers[nummers.length - 1] ?? null,
        reeksen: uitkomst.reeksen,
        vertrouwelijk: volgorde.filter(({ m }) => m.vertrouwelijk).length,
        met_melder: volgorde.filter(({ m }) => m.melderNaam || m.melderTelefoon || m.melderEmail).length,
      },
    });
    return uitkomst;
  });
}

type Waarde = string | number | null;

/**
 * Inserts rows many at a time (`INSERT … VALUES (…), (…), …`): a statement per row spends more time
 * in the call than in SQLite for narrow rows like these.
 */
class Bundel {
  private static readonly RIJEN = 200;
  private readonly vol: Statement;
  private readonly een: Statement;
  private buffer: Waarde[] = [];
  private readonly volgers: Bundel[] = [];

  constructor(
    db: Db,
    tabel: string,
    private readonly kolommen: string[],
    /** The bundle whose rows these rows refer to: this one is written each time right after it. */
    private readonly leider?: Bundel,
  ) {
    const rij = `(${kolommen.map(() => '?').join(', ')})`;
    const insert = (rijen: number) => db.prepare(`INSERT INTO ${tabel} (${kolommen.join(', ')}) VALUES ${Array(rijen).fill(rij).join(', ')}`);
    this.vol = insert(Bundel.RIJEN);
    this.een = insert(1);
    leider?.volgers.push(this);
  }

  voegToe(...waarden: Waarde[]): void {
    this.buffer.push(...waarden);
    if (!this.leider && this.buffer.length === Bundel.RIJEN * this.kolommen.length) this.leeg();
  }

  leeg(): void {
    const vol = Bundel.RIJEN * this.kolommen.length;
    let i = 0;
    for (; i + vol <= this.buffer.length; i += vol) this.vol.run(this.buffer.slice(i, i + vol));
    for (; i < this.buffer.length; i += this.kolommen.length) this.een.run(this.buffer.slice(i, i + this.kolommen.length));
    this.buffer = [];
    for (const volger of this.volgers) volger.leeg();
  }
}
