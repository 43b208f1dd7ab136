/** The figures behind `kvz status`: counts and today's to-dos. */
import type { OverlegSoort } from '../domain/cadans.js';
import type { Datum } from '../domain/tijd.js';
import type { Db } from './database.js';
import { volgendeOverleggen } from './overleggen.js';

export interface StatusCijfers {
  meldingen: { totaal: number; nieuw: number; doorgezet: number; afgehandeld: number; dit_jaar: number };
  /** Received today and not forwarded yet: still in time. */
  vandaag_door_te_zetten: string[];
  /** Received on an earlier day and never forwarded: already late. */
  niet_doorgezet: string[];
  /** Open meldingen whose melder asked for feedback and has had none yet, oldest first. */
  wacht_op_terugkoppeling: string[];
  /** The next meeting of each soort, today included. */
  volgende_overleggen: VolgendOverleg[];
  zaken: { open: number; gesloten: number };
  /** Acties past their deadline and still open or running, per partner (most first). */
  te_laat_per_partner: { partner: string; aantal: number }[];
}

export interface VolgendOverleg {
  soort: OverlegSoort;
  datum: Datum;
  tijd: string;
  locatie: string;
  status: string;
  verschoven_van: Datum | null;
  reden: string | null;
}

export function statusCijfers(db: Db, vandaag: Datum): StatusCijfers {
  // A GROUP BY over every melding reads the whole status index (150 ms at a million); SQLite counts
  // a table from its pages, and the open statuses are small ranges of that index.
  const tel = (sql: string, ...p: unknown[]) => db.prepare(sql).pluck().get(...p) as number;
  const totaal = tel('SELECT count(*) FROM melding');
  const nieuw = tel(`SELECT count(*) FROM melding WHERE status = 'nieuw'`);
  const doorgezet = tel(`SELECT count(*) FROM melding WHERE status = 'doorgezet'`);
  const ditJaar = tel('SELECT count(*) FROM melding WHERE ontvangen_dag >= ?', `${vandaag.slice(0, 4)}-01-01`);
  const nietDoorgezet = db.prepare(
    `SELECT nummer, ontvangen_dag FROM melding m
     WHERE m.status = 'nieuw' AND NOT EXISTS (SELECT 1 FROM doorzetting d WHERE d.melding_id = m.id)
     ORDER BY ontvangen_op`,
  ).all() as { nummer: string; ontvangen_dag: string }[];
  // Written as the partial index melding_wacht is (status <> 'afgehandeld', not the open statuses):
  // otherwise SQLite reads every open melding through melding_open, 130 ms at region scale.
  const wacht = db.prepare(
    `SELECT nummer FROM melding m
     WHERE m.terugkoppeling = 1 AND m.melder_gewist_op IS NULL AND m.status <> 'afgehandeld'
       AND NOT EXISTS (SELECT 1 FROM contact c WHERE c.melding_id = m.id AND c.soort = 'terugkoppeling')
     ORDER BY m.ontvangen_op, m.id`,
  ).pluck().all() as string[];
  return {
    meldingen: { totaal, nieuw, doorgezet, afgehandeld: totaal - nieuw - doorgezet, dit_jaar: ditJaar },
    vandaag_door_te_zetten: nietDoorgezet.filter((m) => m.ontvangen_dag >= vandaag).map((m) => m.nummer),
    niet_doorgezet: nietDoorgezet.filter((m) => m.ontvangen_dag < vandaag).map((m) => m.nummer),
    wacht_op_terugkoppeling: wacht,
    volgende_overleggen: volgendeOverleggen(db, vandaag).map(({ soort, datum, tijd, locatie, status, verschoven_van, reden }) => ({
      soort, datum, tijd, locatie, status, verschoven_van, reden,
    })),
    zaken: {
      open: db.prepare(`SELECT count(*) FROM zaak WHERE status = 'open'`).pluck().get() as number,
      gesloten: db.prepare(`SELECT count(*) FROM zaak WHERE status = 'gesloten'`).pluck().get() as number,
    },
    te_laat_per_partner: db
      .prepare(
        `SELECT partner, count(*) AS aantal FROM actie WHERE status IN ('open', 'loopt') AND deadline < ?
         GROUP BY partner ORDER BY aantal DESC, partner`,
      )
      .all(vandaag) as { partner: string; aantal: number }[],
  };
}
