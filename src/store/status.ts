/** The figures behind `kvz status`: counts and today's to-dos. */
import type { OverlegSoort } from '../domain/cadans.js';
import type { Datum } from '../domain/tijd.js';
import type { Db } from './db.js';
import { volgendeOverleggen } from './overleggen.js';
import { wachtOpTerugkoppelingSql } from './terugkoppeling.js';
import { openPost } from './post.js';

export interface StatusCijfers {
  meldingen: { totaal: number; nieuw: number; doorgezet: number; afgehandeld: number; dit_jaar: number; vervallen: number };
  /** Urgent and not forwarded yet (SPEC §11): first of all, oldest first; also in the lists below. */
  urgent_door_te_zetten: string[];
  /** Received today and not forwarded yet: still in time. */
  vandaag_door_te_zetten: string[];
  /** Received on an earlier day and never forwarded: already late. */
  niet_doorgezet: string[];
  /** Open meldingen whose melder asked for feedback and has had none yet, oldest first. */
  wacht_op_terugkoppeling: string[];
  /** The next meeting of each soort, today included. */
  volgende_overleggen: VolgendOverleg[];
  /** Null for the front desk's part. */
  zaken: { open: number; gesloten: number } | null;
  /** Mail not sent yet (SPEC §8): waiting, and failed for good until someone retries it. */
  post: { wacht: number; mislukt: number };
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

/**
 * The figures of `kvz status`. The front desk's part (`balie`: on a shared database, SPEC §7) is the
 * meldingen and what is to do with them; zaken, acties and meetings are not the desk's to see.
 */
export async function statusCijfers(db: Db, vandaag: Datum, deel: 'alles' | 'balie' = 'alles'): Promise<StatusCijfers> {
  const tel = async (sql: string, ...p: unknown[]) => (await db.waarde<number>(sql, p))!;
  const jaar = Number(vandaag.slice(0, 4));
  let totaal: number, nieuw: number, doorgezet: number, ditJaar: number;
  if (db.soort === 'postgres') {
    // PostgreSQL cannot count a million rows from a page header as SQLite does (100 ms and more): it
    // keeps the counts per year, status and secrecy (melding_stand, kept by its triggers, checked by
    // kvz check), and a role's rights apply to those rows as to the meldingen.
    const [rij] = await db.rauw<[number, number, number, number]>(
      `SELECT coalesce(sum(aantal), 0), coalesce(sum(aantal) FILTER (WHERE status = 'nieuw'), 0),
              coalesce(sum(aantal) FILTER (WHERE status = 'doorgezet'), 0), coalesce(sum(aantal) FILTER (WHERE jaar >= ?), 0)
       FROM melding_stand`,
      [jaar],
    );
    [totaal, nieuw, doorgezet, ditJaar] = rij!;
  } else {
    // Counting a million meldingen reads every page of an index (100 ms from a cold start): their number
    // is kept beside them (melding_aantal, by triggers; checked by kvz check). The open statuses are small
    // ranges of an index, and this year a range of the day index.
    totaal = await tel('SELECT aantal FROM melding_aantal WHERE id = 1');
    nieuw = await tel(`SELECT count(*) FROM melding WHERE status = 'nieuw'`);
    doorgezet = await tel(`SELECT count(*) FROM melding WHERE status = 'doorgezet'`);
    ditJaar = await tel('SELECT count(*) FROM melding WHERE ontvangen_dag >= ? AND vervallen = 0', `${jaar}-01-01`);
  }
  // Lapsed meldingen count nowhere (#15 item 14); they are few and have their own small index.
  const [[vervallen, vervallenDitJaar]] = await db.rauw<[number, number]>(
    `SELECT count(*), count(CASE WHEN ontvangen_dag >= ? THEN 1 END) FROM melding WHERE vervallen = 1`,
    [`${jaar}-01-01`],
  );
  totaal -= Number(vervallen);
  if (db.soort === 'postgres') ditJaar -= Number(vervallenDitJaar);
  const nietDoorgezet = await db.alle<{ nummer: string; ontvangen_dag: string; urgent: number }>(
    `SELECT nummer, ontvangen_dag, urgent FROM melding m
     WHERE m.status = 'nieuw' AND NOT EXISTS (SELECT 1 FROM doorzetting d WHERE d.melding_id = m.id AND d.op IS NOT NULL)
     ORDER BY ontvangen_op`,
  );
  const wacht = await db.kolom<string>(`SELECT nummer FROM melding m WHERE ${wachtOpTerugkoppelingSql(db)} ORDER BY m.ontvangen_op, m.id`);
  return {
    meldingen: { totaal, nieuw, doorgezet, afgehandeld: totaal - nieuw - doorgezet, dit_jaar: ditJaar, vervallen: Number(vervallen) },
    urgent_door_te_zetten: nietDoorgezet.filter((m) => Number(m.urgent) === 1).map((m) => m.nummer),
    vandaag_door_te_zetten: nietDoorgezet.filter((m) => m.ontvangen_dag >= vandaag).map((m) => m.nummer),
    niet_doorgezet: nietDoorgezet.filter((m) => m.ontvangen_dag < vandaag).map((m) => m.nummer),
    wacht_op_terugkoppeling: wacht,
    // The outbox is IV's (post list/verzend); the front desk's part leaves it out.
    post: deel === 'balie' ? { wacht: 0, mislukt: 0 } : await openPost(db),
    volgende_overleggen: deel === 'balie' ? [] : (await volgendeOverleggen(db, vandaag)).map(({ soort, datum, tijd, locatie, status, verschoven_van, reden }) => ({
      soort, datum, tijd, locatie, status, verschoven_van, reden,
    })),
    zaken:
      deel === 'balie'
        ? null
        : { open: await tel(`SELECT count(*) FROM zaak WHERE status = 'open'`), gesloten: await tel(`SELECT count(*) FROM zaak WHERE status = 'gesloten'`) },
    te_laat_per_partner:
      deel === 'balie'
        ? []
        : await db.alle<{ partner: string; aantal: number }>(
            `SELECT partner, count(*) AS aantal FROM actie WHERE status IN ('open', 'loopt') AND deadline < ?
             GROUP BY partner ORDER BY aantal DESC, partner`,
            [vandaag],
          ),
  };
}
