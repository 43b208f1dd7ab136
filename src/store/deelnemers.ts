/**
 * The participants of each overleg soort (SPEC §8): named in agendas and minutes, invited by mail;
 * a participant linked to a partner is that partner in the minutes' attendance.
 */
import type { OverlegSoort } from '../domain/cadans.js';
import { DomainError } from '../domain/errors.js';
import { inTransactie, schrijfAudit, type Actor } from './audit.js';
import type { Db } from './db.js';

export interface Deelnemer {
  naam: string;
  email: string | null;
  partner: string | null;
}

export function deelnemers(db: Db, soort: OverlegSoort): Promise<Deelnemer[]> {
  return db.alle<Deelnemer>('SELECT naam, email, partner FROM deelnemer WHERE soort = ? ORDER BY volgorde, naam', [soort]);
}

/** Participants' names that stand for a partner (for reading the attendance in minutes). */
export async function deelnemerAliassen(db: Db): Promise<Map<string, string>> {
  const rijen = await db.alle<{ naam: string; partner: string }>('SELECT DISTINCT naam, partner FROM deelnemer WHERE partner IS NOT NULL');
  return new Map(rijen.map((r) => [r.naam, r.partner]));
}

export async function voegDeelnemerToe(db: Db, actor: Actor, soort: OverlegSoort, d: Deelnemer): Promise<void> {
  await inTransactie(db, async () => {
    const al = await db.waarde<string>('SELECT naam FROM deelnemer WHERE soort = ? AND lower(naam) = lower(?)', [soort, d.naam]);
    if (al !== undefined) throw new DomainError(`${al} is al deelnemer van het ${soort}-overleg; er is niets gewijzigd.`);
    if (d.partner !== null && (await db.waarde<string>('SELECT code FROM partner WHERE code = ?', [d.partner])) === undefined) {
      throw new DomainError(`Partner ${d.partner} bestaat niet. Zie kvz partner list.`);
    }
    const volgorde = ((await db.waarde<number>('SELECT max(volgorde) FROM deelnemer WHERE soort = ?', [soort])) ?? 0) + 1;
    await db.voer('INSERT INTO deelnemer (soort, naam, email, partner, volgorde) VALUES (?, ?, ?, ?, ?)', [soort, d.naam, d.email, d.partner, volgorde]);
    await schrijfAudit(db, actor, {
      object: `deelnemers ${soort}`,
      resultaat: `deelnemer toegevoegd: ${d.naam}`,
      details: { naam: d.naam, email: d.email !== null, partner: d.partner },
    });
  });
}

export async function verwijderDeelnemer(db: Db, actor: Actor, soort: OverlegSoort, naam: string): Promise<string> {
  return inTransactie(db, async () => {
    const echt = await db.waarde<string>('SELECT naam FROM deelnemer WHERE soort = ? AND lower(naam) = lower(?)', [soort, naam]);
    if (echt === undefined) throw new DomainError(`${naam} is geen deelnemer van het ${soort}-overleg. Zie kvz overleg deelnemer list ${soort}.`);
    await db.voer('DELETE FROM deelnemer WHERE soort = ? AND naam = ?', [soort, echt]);
    await schrijfAudit(db, actor, { object: `deelnemers ${soort}`, resultaat: `deelnemer verwijderd: ${echt}`, details: { naam: echt } });
    return echt;
  });
}
