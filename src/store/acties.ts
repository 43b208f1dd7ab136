/**
 * Acties in the database: adding one to a zaak and changing it, each one immediate transaction with
 * its audit row. Every change is kept as history (who, when, what, the note and the meeting where it
 * was agreed); a deadline moved later counts as a postponement.
 */
import {
  pasWijzigingToe,
  type ActieStand,
  type ActieVeld,
  type ActieWijziging,
  type NieuweActie,
} from '../domain/actie.js';
import { DomainError } from '../domain/errors.js';
import { dagVan, type Datum } from '../domain/tijd.js';
import { inTransactie, schrijfAudit, type Actor } from './audit.js';
import type { Db } from './db.js';
import { actieRijen, actieVan, telActies, type ActieOverzicht, type MatrixFilter, type MatrixRij, type OverlegRef } from './matrix.js';
import { volgendNummer } from './nummering.js';
import { overlegVoor } from './overleggen.js';

/** One line of an actie's history: its creation, or a change with who, when and why. */
export interface HistorieRegel {
  op: string;
  door: string;
  status_oud: string | null;
  status_nieuw: string;
  deadline_oud: Datum | null;
  deadline_nieuw: Datum;
  partner_oud: string | null;
  partner_nieuw: string;
  notitie: string | null;
  overleg: OverlegRef | null;
}

export interface ActieDetail extends ActieOverzicht {
  historie: HistorieRegel[];
}

export interface ActieFilter extends MatrixFilter {
  limit?: number;
}

export async function actieHistorie(db: Db, nummer: string): Promise<HistorieRegel[]> {
  const rijen = await db.alle<Omit<HistorieRegel, 'overleg'> & { overleg_soort: OverlegRef['soort'] | null; overleg_datum: string | null }>(
    `SELECT h.op, h.door, h.status_oud, h.status_nieuw, h.deadline_oud, h.deadline_nieuw, h.partner_oud, h.partner_nieuw,
            h.notitie, o.soort AS overleg_soort, o.datum AS overleg_datum
     FROM actie_historie h JOIN actie a ON a.id = h.actie_id LEFT JOIN overleg o ON o.id = h.overleg_id
     WHERE a.nummer = ? ORDER BY h.id`,
    [nummer],
  );
  return rijen.map(({ overleg_soort, overleg_datum, ...h }) => ({
    ...h,
    overleg: overleg_soort === null ? null : { soort: overleg_soort, datum: overleg_datum! },
  }));
}

/** Writes one history row; `oud` is absent for the row that records the creation. Call inside the transaction. */
export async function legHistorieVast(
  db: Db,
  actor: Actor,
  actieId: number,
  r: { oud?: ActieStand; nieuw: ActieStand; notitie?: string | undefined; overlegId?: number | undefined },
): Promise<void> {
  await db.voer(
    `INSERT INTO actie_historie (actie_id, op, door, status_oud, status_nieuw, deadline_oud, deadline_nieuw, partner_oud,
       partner_nieuw, notitie, overleg_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      actieId, actor.nu.toISOString(), actor.gebruiker, r.oud?.status ?? null, r.nieuw.status, r.oud?.deadline ?? null,
      r.nieuw.deadline, r.oud?.partner ?? null, r.nieuw.partner, r.notitie ?? null, r.overlegId ?? null,
    ],
  );
}

export async function toonActie(db: Db, nummer: string, nu: Date): Promise<ActieDetail> {
  const [rij] = await actieRijen(db, { actie: nummer, vertrouwelijk: true }, dagVan(nu), '');
  if (!rij) throw new DomainError(`Actie ${nummer} bestaat niet. Zie kvz actie list.`);
  return { ...actieVan(rij), historie: await actieHistorie(db, nummer) };
}

/** Acties matching `filter`, newest first, and how many match in all. Vertrouwelijke zaken only when the filter asks. */
export async function zoekActies(db: Db, filter: ActieFilter, nu: Date): Promise<{ acties: MatrixRij[]; totaal: number }> {
  const vandaag = dagVan(nu);
  return {
    acties: await actieRijen(db, filter, vandaag, 'ORDER BY a.aangemaakt_op DESC, a.id DESC', filter.limit),
    totaal: await telActies(db, filter, vandaag),
  };
}

/** Adds an actie to an open zaak, with its first history row. */
export async function voegActieToe(db: Db, actor: Actor, a: NieuweActie): Promise<ActieDetail> {
  const nummer = await inTransactie(db, async () => {
    const overleg = a.overleg ? () => overlegVoor(db, a.overleg!.soort, a.overleg!.datum, actor.nu) : undefined;
    const nummer = await maakActie(db, actor, a, overleg);
    await schrijfAudit(db, actor, {
      object: nummer,
      resultaat: `actie toegevoegd aan ${a.zaak}`,
      details: { zaak: a.zaak, soort: a.soort, partner: a.partner, deadline: a.deadline, overleg: a.overleg ?? null },
    });
    return nummer;
  });
  return await toonActie(db, nummer, actor.nu);
}

/**
 * Writes a new actie and its first history row; `overleg` gives the overleg row it was agreed in (asked
 * once the zaak is known to be open). Returns its number. Call inside a transaction that also writes
 * the audit row (`kvz actie add`, the minutes).
 */
export async function maakActie(db: Db, actor: Actor, a: Omit<NieuweActie, 'overleg'>, overleg?: () => Promise<number>): Promise<string> {
  const zaak = await db.een<{ id: number; status: string }>('SELECT id, status FROM zaak WHERE nummer = ?', [a.zaak]);
  if (!zaak) throw new DomainError(`Zaak ${a.zaak} bestaat niet. Zie kvz zaak list.`);
  if (zaak.status !== 'open') throw new DomainError(`Zaak ${a.zaak} is gesloten; een actie kan alleen bij een open zaak.`);
  const overlegId = await overleg?.();
  const jaar = Number(dagVan(actor.nu).slice(0, 4));
  const { nummer, volgnummer } = await volgendNummer(db, 'actie', jaar);
  const nu = actor.nu.toISOString();
  const id = (await db.waarde<number>(db.d.volgendId('actie')))!;
  await db.voer(
    `INSERT INTO actie (id, nummer, jaar, volgnummer, zaak_id, omschrijving, soort, partner, deadline, status, overleg_id,
       aangemaakt_op, aangemaakt_door, gewijzigd_op)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)`,
    [id, nummer, jaar, volgnummer, zaak.id, a.omschrijving, a.soort, a.partner, a.deadline, overlegId ?? null, nu, actor.gebruiker, nu],
  );
  await legHistorieVast(db, actor, id, {
    nieuw: { status: 'open', deadline: a.deadline, partner: a.partner },
    overlegId,
  });
  return nummer;
}

/**
 * Changes status, deadline and/or partner, or adds a note: one history row and one audit row. Returns
 * the fields that really changed and whether the deadline was postponed; nothing is written when the
 * change changes nothing and has no note.
 */
export async function wijzigActie(
  db: Db,
  actor: Actor,
  nummer: string,
  w: ActieWijziging,
): Promise<{ actie: ActieDetail; gewijzigd: string[]; uitgesteld: boolean }> {
  const uitkomst = await inTransactie(db, async () => {
    const overleg = w.overleg ? () => overlegVoor(db, w.overleg!.soort, w.overleg!.datum, actor.nu) : undefined;
    const { gewijzigd, uitgesteld, details } = await pasActieAan(db, actor, nummer, w, overleg);
    if (gewijzigd.length === 0 && w.notitie === undefined) return { gewijzigd: [] as string[], uitgesteld: false };
    if (w.overleg) details.overleg = w.overleg;
    await schrijfAudit(db, actor, { object: nummer, resultaat: gewijzigd.length > 0 ? 'actie gewijzigd' : 'notitie bij actie', details });
    return { gewijzigd: w.notitie === undefined ? gewijzigd : [...gewijzigd, 'notitie'], uitgesteld };
  });
  return { actie: await toonActie(db, nummer, actor.nu), ...uitkomst };
}

/**
 * Applies a change to an actie: the update and one history row (nothing when it changes nothing and
 * has no note). `overleg` gives the overleg row the change was agreed in, asked only when something
 * is written. Returns what changed and the audit details {veld: [oud, nieuw]}. Call inside a
 * transaction that also writes the audit row (`kvz actie update`, the minutes).
 */
export async function pasActieAan(
  db: Db,
  actor: Actor,
  nummer: string,
  w: Omit<ActieWijziging, 'overleg'>,
  overleg?: () => Promise<number>,
): Promise<{ gewijzigd: ActieVeld[]; uitgesteld: boolean; details: Record<string, unknown> }> {
  const oud = await db.een<ActieStand & { id: number; zaak: string; zaak_status: string }>(
    'SELECT a.id, a.status, a.deadline, a.partner, z.nummer AS zaak, z.status AS zaak_status FROM actie a JOIN zaak z ON z.id = a.zaak_id WHERE a.nummer = ?',
    [nummer],
  );
  if (!oud) throw new DomainError(`Actie ${nummer} bestaat niet. Zie kvz actie list.`);
  if (oud.zaak_status !== 'open') throw new DomainError(`Actie ${nummer} hoort bij gesloten zaak ${oud.zaak}; wijzigen kan niet meer.`);
  const { nieuw, gewijzigd, uitgesteld } = pasWijzigingToe(oud, w);
  if (gewijzigd.length === 0 && w.notitie === undefined) return { gewijzigd, uitgesteld: false, details: {} };
  const overlegId = await overleg?.();
  await db.voer(
    'UPDATE actie SET status = ?, deadline = ?, partner = ?, keer_uitgesteld = keer_uitgesteld + ?, gewijzigd_op = ? WHERE id = ?',
    [nieuw.status, nieuw.deadline, nieuw.partner, uitgesteld ? 1 : 0, actor.nu.toISOString(), oud.id],
  );
  await legHistorieVast(db, actor, oud.id, { oud, nieuw, notitie: w.notitie, overlegId });
  const details: Record<string, unknown> = Object.fromEntries(gewijzigd.map((v) => [v, [oud[v], nieuw[v]]]));
  if (uitgesteld) details.uitgesteld = true;
  if (w.notitie !== undefined) details.notitie = 'toegevoegd';
  return { gewijzigd, uitgesteld, details };
}
