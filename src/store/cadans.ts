/** The cadence settings of the recurring meetings. */
import type { Datum } from '../domain/tijd.js';
import { inTransactie, schrijfAudit, type Actor } from './audit.js';
import type { Db } from './database.js';

export function zetCadansStart(db: Db, actor: Actor, start: { gio?: Datum | undefined; politie?: Datum | undefined }): void {
  inTransactie(db, () => {
    for (const soort of ['gio', 'politie'] as const) {
      const datum = start[soort];
      if (!datum) continue;
      const oud = db.prepare('SELECT start FROM cadans WHERE soort = ?').pluck().get(soort) as string;
      db.prepare('UPDATE cadans SET start = ? WHERE soort = ?').run(datum, soort);
      schrijfAudit(db, actor, { object: `cadans ${soort}`, resultaat: 'startdatum gezet', details: { start: [oud, datum] } });
    }
  });
}
