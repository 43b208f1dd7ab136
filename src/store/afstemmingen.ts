/**
 * Afstemming tussendoor (SPEC §11; the plan §2.2: "bij acute zaken wordt tussendoor contact gezocht en
 * informatie uitgewisseld tussen de politie en ambtenaren OOV"): who spoke, when, about what, and for
 * which zaak. The politieoverleg sees those since its previous meeting on its agenda. Confidential when
 * asked or when its zaak is; on PostgreSQL row-level security hides those from whoever may not see them.
 */
import type { AfstemmingOpAgenda } from '../domain/agenda.js';
import { DomainError } from '../domain/errors.js';
import { dagGrenzen, dagVan, type Datum } from '../domain/tijd.js';
import { inTransactie, schrijfAudit, type Actor } from './audit.js';
import type { Db } from './db.js';
import { volgendNummer } from './nummering.js';

export interface NieuweAfstemming {
  op: Date;
  /** Partner codes, at least two. */
  tussen: string[];
  onderwerp: string;
  zaak?: string;
  vertrouwelijk: boolean;
  notitie?: string;
}

/** An afstemming with the note and who recorded it; lists, JSON and agendas show only SPEC §11's keys. */
export interface Afstemming extends AfstemmingOpAgenda {
  notitie: string | null;
  door: string;
}

/** SPEC §11's keys, and no more: the note stays out of lists and agendas. */
export function zonderNotitie({ nummer, op, tussen, onderwerp, zaak, vertrouwelijk }: Afstemming): AfstemmingOpAgenda {
  return { nummer, op, tussen, onderwerp, zaak, vertrouwelijk };
}

export async function voegAfstemmingToe(db: Db, actor: Actor, a: NieuweAfstemming): Promise<Afstemming> {
  const nummer = await inTransactie(db, async () => {
    let zaakId: number | null = null;
    let zaakGeheim = false;
    if (a.zaak !== undefined) {
      const z = await db.een<{ id: number; vertrouwelijk: number }>('SELECT id, vertrouwelijk FROM zaak WHERE nummer = ?', [a.zaak]);
      if (!z) throw new DomainError(`Zaak ${a.zaak} bestaat niet. Zie kvz zaak list. Er is niets vastgelegd.`);
      zaakId = z.id;
      zaakGeheim = Number(z.vertrouwelijk) === 1;
    }
    const jaar = Number(dagVan(a.op).slice(0, 4));
    const { nummer, volgnummer } = await volgendNummer(db, 'afstemming', jaar);
    const id = (await db.waarde<number>(db.d.volgendId('afstemming')))!;
    const tussen = [...new Set(a.tussen)].sort();
    await db.voer(
      `INSERT INTO afstemming (id, nummer, jaar, volgnummer, op, dag, tussen, onderwerp, zaak_id, vertrouwelijk, notitie, door, aangemaakt_op)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, nummer, jaar, volgnummer, a.op.toISOString(), dagVan(a.op), tussen.join(','), a.onderwerp, zaakId, a.vertrouwelijk ? 1 : 0,
        a.notitie ?? null, actor.gebruiker, actor.nu.toISOString()],
    );
    const geheim = a.vertrouwelijk || zaakGeheim;
    // The subject may name people: the log keeps the facts, not the text.
    await schrijfAudit(db, actor, {
      object: nummer,
      resultaat: 'afstemming vastgelegd',
      details: { tussen, op: a.op.toISOString(), zaak: a.zaak ?? null, ...(geheim ? { vertrouwelijk: true } : {}) },
      vertrouwelijk: geheim,
    });
    return nummer;
  });
  return (await zoekAfstemmingen(db, { nummer }))[0] ?? {
    // A confidential one recorded by a role that may not see it afterwards (PostgreSQL).
    nummer, op: a.op.toISOString(), tussen: [...new Set(a.tussen)].sort(), onderwerp: a.onderwerp, zaak: a.zaak ?? null, vertrouwelijk: true,
    notitie: a.notitie ?? null, door: actor.gebruiker,
  };
}

export interface AfstemmingFilter {
  /** Amsterdam days, both included. */
  van?: Datum;
  tot?: Datum;
  /** Only this one. */
  nummer?: string;
  /** Leave out the confidential ones (asked, or through the zaak). */
  zonderVertrouwelijk?: boolean;
}

/** Afstemmingen, oldest first (what a role may see). */
export async function zoekAfstemmingen(db: Db, f: AfstemmingFilter = {}): Promise<Afstemming[]> {
  const waar: string[] = [];
  const p: Record<string, unknown> = {};
  if (f.van) (waar.push('a.op >= @van'), (p.van = dagGrenzen(f.van).start.toISOString()));
  if (f.tot) (waar.push('a.op < @tot'), (p.tot = dagGrenzen(f.tot).eind.toISOString()));
  if (f.nummer) (waar.push('a.nummer = @nummer'), (p.nummer = f.nummer));
  if (f.zonderVertrouwelijk) waar.push('a.vertrouwelijk = 0 AND coalesce(z.vertrouwelijk, 0) = 0');
  const rijen = await db.alle<{ nummer: string; op: string; tussen: string; onderwerp: string; zaak: string | null; vertrouwelijk: number; notitie: string | null; door: string }>(
    `SELECT a.nummer, a.op, a.tussen, a.onderwerp, z.nummer AS zaak,
            CASE WHEN a.vertrouwelijk = 1 OR coalesce(z.vertrouwelijk, 0) = 1 THEN 1 ELSE 0 END AS vertrouwelijk, a.notitie, a.door
     FROM afstemming a LEFT JOIN zaak z ON z.id = a.zaak_id ${waar.length ? `WHERE ${waar.join(' AND ')}` : ''}
     ORDER BY a.op, a.id`,
    p,
  );
  return rijen.map((r) => ({ ...r, tussen: r.tussen.split(','), vertrouwelijk: Number(r.vertrouwelijk) === 1 }));
}
