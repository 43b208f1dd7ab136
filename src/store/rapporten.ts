/**
 * The figures behind `kvz rapport …`, by the Amsterdam day of receipt. Vertrouwelijke meldingen
 * are counted (IV's own overviews) but no report shows their details.
 */
import { maandenVan, type DoorzettingFeit, type Maand, type Periode } from '../domain/rapport.js';
import { dagenTussen, dagGrenzen, type Datum } from '../domain/tijd.js';
import type { Db } from './db.js';
import { wachtOpTerugkoppelingSql } from './terugkoppeling.js';

export interface Verdeling {
  totaal: number;
  per_maand: { maand: Maand; aantal: number }[];
  per_categorie: { categorie: string; aantal: number }[];
  per_kern: { kern: string; aantal: number }[];
}

/** Which meldingen a report is about. */
export type Selectie = 'vergunninghouder' | 'jeugdoverlast';

const SELECTIE: Record<Selectie, string> = {
  vergunninghouder: 'vergunninghouder = 1',
  jeugdoverlast: "categorie = 'jeugdoverlast'",
};

function groepeer(db: Db, kolom: string, selectie: Selectie, p: Periode): Promise<{ k: string; n: number }[]> {
  return db.alle<{ k: string; n: number }>(
    `SELECT ${kolom} AS k, count(*) AS n FROM melding
     WHERE ontvangen_dag BETWEEN ? AND ? AND vervallen = 0 AND ${SELECTIE[selectie]}
     GROUP BY ${kolom} ORDER BY n DESC, k`,
    [p.van, p.tot],
  );
}

/** Counts per month (every month of the period, zeros too), per categorie and per kern; most first. */
export async function verdeling(db: Db, selectie: Selectie, p: Periode): Promise<Verdeling> {
  const perMaand = new Map((await groepeer(db, 'substr(ontvangen_dag, 1, 7)', selectie, p)).map((r) => [r.k, r.n]));
  const per_maand = maandenVan(p).map((maand) => ({ maand, aantal: perMaand.get(maand) ?? 0 }));
  return {
    totaal: per_maand.reduce((som, m) => som + m.aantal, 0),
    per_maand,
    per_categorie: (await groepeer(db, 'categorie', selectie, p)).map((r) => ({ categorie: r.k, aantal: r.n })),
    per_kern: (await groepeer(db, 'kern', selectie, p)).map((r) => ({ kern: r.k, aantal: r.n })),
  };
}

/**
 * The interventions (seed §2.6) around vergunninghouders: acties agreed in the period (Amsterdam days)
 * for zaken with at least one melding about a vergunninghouder, counted per soort; most first.
 */
export async function interventiesVergunninghouders(db: Db, p: Periode): Promise<{ soort: string; aantal: number }[]> {
  const rijen = await db.alle<{ k: string; n: number }>(
    `SELECT a.soort AS k, count(*) AS n FROM actie a
     WHERE a.aangemaakt_op >= ? AND a.aangemaakt_op < ?
       AND EXISTS (SELECT 1 FROM melding m WHERE m.zaak_id = a.zaak_id AND m.vergunninghouder = 1 AND m.vervallen = 0)
     GROUP BY a.soort ORDER BY n DESC, k`,
    [dagGrenzen(p.van).start.toISOString(), dagGrenzen(p.tot).eind.toISOString()],
  );
  return rijen.map((r) => ({ soort: r.k, aantal: Number(r.n) }));
}

/** Counts per kern only (for the previous period beside this one). */
export async function perKern(db: Db, selectie: Selectie, p: Periode): Promise<Map<string, number>> {
  return new Map((await groepeer(db, 'kern', selectie, p)).map((r) => [r.k, r.n]));
}

/** Every melding of the period with its first forwarding, for the forwarding report. */
export async function doorzettingFeiten(db: Db, p: Periode): Promise<DoorzettingFeit[]> {
  const rijen = await db.alle<Omit<DoorzettingFeit, 'minuten'> & { ontvangen_op: string; eerste_op: string | null }>(
    `SELECT substr(m.ontvangen_dag, 1, 7) AS maand, m.categorie, m.ontvangen_dag, m.ontvangen_op, m.urgent,
            CASE WHEN max(d.tijd_onbekend) = 1 THEN NULL ELSE min(d.dag) END AS eerste_dag,
            CASE WHEN max(d.tijd_onbekend) = 1 THEN NULL ELSE min(d.op) END AS eerste_op,
            coalesce(max(d.tijd_onbekend), 0) AS onbekend
     FROM melding m LEFT JOIN doorzetting d ON d.melding_id = m.id
     WHERE m.ontvangen_dag BETWEEN ? AND ? AND m.vervallen = 0
     GROUP BY m.id`,
    [p.van, p.tot],
  );
  return rijen.map(({ ontvangen_op, eerste_op, ...f }) => ({
    ...f,
    minuten: eerste_op === null ? null : (Date.parse(eerste_op) - Date.parse(ontvangen_op)) / 60_000,
  }));
}

export interface Wachtend {
  nummer: string;
  ontvangen_op: string;
  kern: string;
  dagen_wachten: number;
}

/** Melders who wait for feedback (store/terugkoppeling.ts: the same definition as kvz status), oldest first. */
export async function wachtOpTerugkoppeling(db: Db, p: Partial<Periode>, vandaag: Datum): Promise<Wachtend[]> {
  const rijen = await db.alle<Omit<Wachtend, 'dagen_wachten'> & { ontvangen_dag: Datum }>(
    `SELECT m.nummer, m.ontvangen_op, m.ontvangen_dag, m.kern FROM melding m
     WHERE ${wachtOpTerugkoppelingSql(db)}
       AND m.ontvangen_dag BETWEEN ? AND ?
     ORDER BY m.ontvangen_dag, m.ontvangen_op, m.id`,
    [p.van ?? '0000-00-00', p.tot ?? '9999-99-99'],
  );
  return rijen.map(({ ontvangen_dag, ...r }) => ({ ...r, dagen_wachten: Math.max(0, dagenTussen(ontvangen_dag, vandaag)) }));
}
