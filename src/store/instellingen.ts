/** Settings of a database that its users change (`kvz instelling`), each change audited. */
import { inTransactie, schrijfAudit, type Actor } from './audit.js';
import type { Db } from './db.js';
import { DomainError } from '../domain/errors.js';

/** The identity this database got at creation (minutes files carry it). */
export async function databaseId(db: Db): Promise<string> {
  const id = await db.waarde<string>(`SELECT waarde FROM instelling WHERE sleutel = 'database_id'`);
  if (id === undefined) throw new DomainError('De database mist haar identiteit (instelling database_id); draai kvz check.');
  return id;
}

/**
 * Whether this database may send mail. A new database may; a copy made by `kvz kopieer` or `kvz backup`
 * may not until someone switches it on there (SPEC §7), so a test or offline copy never mails anyone.
 */
export async function mailAan(db: Db): Promise<boolean> {
  return (await db.waarde<string>(`SELECT waarde FROM instelling WHERE sleutel = 'mail'`)) !== 'uit';
}

export async function zetMail(db: Db, actor: Actor, aan: boolean): Promise<{ was: boolean }> {
  return inTransactie(db, async () => {
    const was = await mailAan(db);
    if (was === aan) return { was };
    await db.voer(`INSERT INTO instelling (sleutel, waarde) VALUES ('mail', ?) ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde`, [aan ? 'aan' : 'uit']);
    await schrijfAudit(db, actor, { object: 'mail', resultaat: aan ? 'e-mail aangezet' : 'e-mail uitgezet', details: { mail: [was ? 'aan' : 'uit', aan ? 'aan' : 'uit'] } });
    return { was };
  });
}

/** Stores (or clears, with null) the SMTP server and the sender; never a password. Audited. */
export async function zetPostAdres(db: Db, actor: Actor, w: { smtp?: string | null; afzender?: string | null }): Promise<string[]> {
  return inTransactie(db, async () => {
    const gewijzigd: string[] = [];
    const details: Record<string, [string | null, string | null]> = {};
    for (const sleutel of ['smtp', 'afzender'] as const) {
      const nieuw = w[sleutel];
      if (nieuw === undefined) continue;
      const oud = (await db.waarde<string>('SELECT waarde FROM instelling WHERE sleutel = ?', [sleutel])) ?? null;
      if (oud === nieuw) continue;
      if (nieuw === null) await db.voer('DELETE FROM instelling WHERE sleutel = ?', [sleutel]);
      else {
        await db.voer('INSERT INTO instelling (sleutel, waarde) VALUES (?, ?) ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde', [sleutel, nieuw]);
      }
      details[sleutel] = [oud, nieuw];
      gewijzigd.push(sleutel);
    }
    if (gewijzigd.length > 0) await schrijfAudit(db, actor, { object: 'mail', resultaat: `mailinstelling gewijzigd: ${gewijzigd.join(', ')}`, details });
    return gewijzigd;
  });
}
