/**
 * AVG retention (SPEC §4.6): the name, phone and e-mail of melders are erased once their melding,
 * or its zaak, has been closed for the retention term; the address of a placement of vergunninghouders
 * once it ended the term ago (SPEC §11). The audit row names the meldingen, never the
 * erased values; the erased bytes are overwritten in the file (secure_delete, database.ts) and pushed
 * out of the write-ahead log by a checkpoint.
 */
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { bewaarGrens } from '../domain/bewaartermijn.js';
import { dagGrenzen, dagVan, type Datum } from '../domain/tijd.js';
import { inTransactie, schrijfAudit, type Actor } from './audit.js';
import type { Db } from './db.js';
import { SqliteDb } from './sqlite.js';

export interface TeWissen {
  nummer: string;
  /** When the melding (or its zaak) was closed: the moment the term started. */
  gesloten_op: string;
  reden: 'melding afgehandeld' | 'zaak gesloten';
  zaak: string | null;
}

export interface Opschoning {
  uitgevoerd: boolean;
  /** Also the free text of those meldingen (adres, omschrijving, notes) replaced by [gewist]. */
  ook_tekst: boolean;
  bewaartermijn_maanden: number;
  /** Closed on or before this Amsterdam day means due. */
  grens: Datum;
  aantal: number;
  meldingen: TeWissen[];
  /** Placements whose address (and with ook_tekst their notes) goes: ended on or before `grens`. */
  plaatsingen: { nummer: string; einde: Datum }[];
  /** After --uitvoeren: whether the erased bytes also left the write-ahead log (no other process had it open). */
  logbestand_opgeruimd?: boolean;
}

interface Rij {
  id: number;
  nummer: string;
  afgehandeld_op: string | null;
  zaak: string | null;
  zaak_gesloten_op: string | null;
}

const VELDEN = ['melder_naam', 'melder_telefoon', 'melder_email'];

async function zoekTeWissen(db: Db, grens: Datum, ookTekst = false): Promise<(TeWissen & { id: number })[]> {
  const voor = dagGrenzen(grens).eind.toISOString();
  // With the free text: also meldingen whose melder data went before, but whose text is still there.
  const nogIets = ookTekst
    ? `(m.melder_naam IS NOT NULL OR m.melder_telefoon IS NOT NULL OR m.melder_email IS NOT NULL OR m.omschrijving <> '${GEWIST}'
        OR m.adres IS NOT NULL AND m.adres <> '${GEWIST}' OR EXISTS (SELECT 1 FROM contact c WHERE c.melding_id = m.id AND c.notitie <> '${GEWIST}'))`
    : '(m.melder_naam IS NOT NULL OR m.melder_telefoon IS NOT NULL OR m.melder_email IS NOT NULL)';
  const rijen = await db.alle<Rij>(
    `SELECT m.id, m.nummer,
            CASE WHEN m.status = 'afgehandeld' AND m.afgehandeld_op < @voor THEN m.afgehandeld_op END AS afgehandeld_op,
            z.nummer AS zaak,
            CASE WHEN z.status = 'gesloten' AND z.gesloten_op < @voor THEN z.gesloten_op END AS zaak_gesloten_op
     FROM melding m LEFT JOIN zaak z ON z.id = m.zaak_id
     WHERE ${nogIets}
       AND ((m.status = 'afgehandeld' AND m.afgehandeld_op < @voor) OR (z.status = 'gesloten' AND z.gesloten_op < @voor))
     ORDER BY m.jaar, m.volgnummer`,
    { voor },
  );
  return rijen.map((r) => {
    const doorMelding = r.afgehandeld_op !== null && (r.zaak_gesloten_op === null || r.afgehandeld_op <= r.zaak_gesloten_op);
    return {
      id: r.id,
      nummer: r.nummer,
      gesloten_op: (doorMelding ? r.afgehandeld_op : r.zaak_gesloten_op)!,
      reden: doorMelding ? 'melding afgehandeld' : 'zaak gesloten',
      zaak: r.zaak,
    };
  });
}

/** Placements ended on or before `grens` that still hold an address (or, with the free text, a note). */
async function plaatsingenTeWissen(db: Db, grens: Datum, ookTekst: boolean): Promise<{ id: number; nummer: string; einde: Datum }[]> {
  const nogIets = ookTekst
    ? `(p.adres IS NOT NULL OR (p.notitie IS NOT NULL AND p.notitie <> '${GEWIST}') OR EXISTS (SELECT 1 FROM plaatsing_contact c WHERE c.plaatsing_id = p.id AND c.notitie <> '${GEWIST}'))`
    : 'p.adres IS NOT NULL';
  return db.alle<{ id: number; nummer: string; einde: Datum }>(
    `SELECT p.id, p.nummer, p.einde FROM plaatsing p WHERE p.einde IS NOT NULL AND p.einde <= ? AND ${nogIets} ORDER BY p.jaar, p.volgnummer`,
    [grens],
  );
}

function zonderId(lijst: (TeWissen & { id: number })[]): TeWissen[] {
  return lijst.map(({ id: _id, ...m }) => m);
}

/** What `kvz opschonen` would erase now: the dry run. */
export async function teOpschonen(db: Db, nu: Date, maanden: number, ookTekst = false): Promise<Opschoning> {
  const grens = bewaarGrens(dagVan(nu), maanden);
  const lijst = await zoekTeWissen(db, grens, ookTekst);
  const plaatsingen = (await plaatsingenTeWissen(db, grens, ookTekst)).map(({ nummer, einde }) => ({ nummer, einde }));
  return { uitgevoerd: false, ook_tekst: ookTekst, bewaartermijn_maanden: maanden, grens, aantal: lijst.length, meldingen: zonderId(lijst), plaatsingen };
}

/** What free text becomes: the melding keeps its place in the figures, not its story. */
export const GEWIST = '[gewist]';

/** Erases the melder data that is due, in one transaction with one audit row. */
export async function schoonOp(db: Db, actor: Actor, maanden: number, opties: { postmap: string; ookTekst?: boolean }): Promise<Opschoning> {
  const grens = bewaarGrens(dagVan(actor.nu), maanden);
  const ookTekst = opties.ookTekst === true;
  const concepten: string[] = [];
  let plaatsingen: { nummer: string; einde: Datum }[] = [];
  const lijst = await inTransactie(db, async () => {
    const due = await zoekTeWissen(db, grens, ookTekst);
    const plekken = await plaatsingenTeWissen(db, grens, ookTekst);
    plaatsingen = plekken.map(({ nummer, einde }) => ({ nummer, einde }));
    if (due.length === 0 && plekken.length === 0) return due;
    const nu = actor.nu.toISOString();
    // A placement's address (personal data, SPEC §11), and with the free text its notes; a new salt too.
    for (const p of plekken) {
      await db.voer(
        `UPDATE plaatsing SET adres = NULL, adres_gewist_op = coalesce(adres_gewist_op, ?), gewijzigd_op = ?,
           notitie = CASE WHEN ? = 1 AND notitie IS NOT NULL THEN ? ELSE notitie END, zout = ${db.d.nieuwZout()} WHERE id = ?`,
        [nu, nu, ookTekst ? 1 : 0, GEWIST, p.id],
      );
      if (ookTekst) await db.voer('UPDATE plaatsing_contact SET notitie = ? WHERE plaatsing_id = ? AND notitie <> ?', [GEWIST, p.id, GEWIST]);
    }
    // A new salt too: the state hash recorded before the erasure then reveals nothing about what was erased.
    const wis = `UPDATE melding SET ${VELDEN.map((v) => `${v} = NULL`).join(', ')}, melder_gewist_op = ?, gewijzigd_op = ?, zout = ${db.d.nieuwZout()} WHERE id = ?`;
    for (const m of due) await db.voer(wis, [nu, nu, m.id]);
    if (ookTekst) {
      // The story too: the address, the description, the notes of contacts and forwardings, and the
      // stored bodies of its messages (which repeat them).
      for (const m of due) {
        await db.voer(`UPDATE melding SET omschrijving = ?, adres = CASE WHEN adres IS NULL THEN NULL ELSE ? END, afhandeling = CASE WHEN afhandeling IS NULL THEN NULL ELSE ? END, zout = ${db.d.nieuwZout()} WHERE id = ?`, [GEWIST, GEWIST, GEWIST, m.id]);
        await db.voer(`UPDATE contact SET notitie = ? WHERE melding_id = ? AND notitie <> ?`, [GEWIST, m.id, GEWIST]);
        await db.voer(`UPDATE doorzetting SET notitie = ? WHERE melding_id = ? AND notitie IS NOT NULL`, [GEWIST, m.id]);
        await db.voer(`UPDATE bericht SET tekst = ? WHERE melding_id = ? AND tekst <> ?`, [GEWIST, m.id, GEWIST]);
      }
    }
    // The same data in stored messages (SPEC §8): the melder block, and the melder's own address.
    for (const m of due) {
      const metMelder = `melding_id = ? AND (melder_tekst IS NOT NULL OR (aan_melder = 1 AND aan <> ''))`;
      concepten.push(...(await db.kolom<string>(`SELECT bestand FROM bericht WHERE ${metMelder} AND bestand IS NOT NULL`, [m.id])));
      await db.voer(`UPDATE bericht SET melder_tekst = NULL, aan = CASE WHEN aan_melder = 1 THEN '' ELSE aan END WHERE ${metMelder}`, [m.id]);
    }
    const delen = [
      ...(due.length ? [`gegevens van melders gewist bij ${due.length} ${due.length === 1 ? 'melding' : 'meldingen'}`] : []),
      ...(plekken.length ? [`adres gewist bij ${plekken.length} ${plekken.length === 1 ? 'plaatsing' : 'plaatsingen'}`] : []),
    ];
    await schrijfAudit(db, actor, {
      resultaat: delen.join('; '),
      details: {
        bewaartermijn_maanden: maanden,
        grens,
        velden: ookTekst ? [...VELDEN, 'adres', 'omschrijving', 'afhandeling', 'contact.notitie', 'doorzetting.notitie', 'bericht.tekst'] : VELDEN,
        meldingen: due.map((m) => m.nummer),
        ...(plekken.length ? { plaatsingen: plekken.map((p) => p.nummer), plaatsing_velden: ookTekst ? ['adres', 'notitie', 'contact.notitie'] : ['adres'] } : {}),
      },
    });
    return due;
  });
  // Drafts of those messages still in this PC's post folder go too; only kvz's own .eml files there.
  for (const pad of concepten) {
    const map = resolve(opties.postmap);
    const echt = resolve(pad);
    if (dirname(echt) === map && /\.eml$/.test(echt)) rmSync(echt, { force: true });
  }
  const opgeruimd = (lijst.length === 0 && plaatsingen.length === 0) || leegLogbestand(db);
  return {
    uitgevoerd: true,
    ook_tekst: ookTekst,
    bewaartermijn_maanden: maanden,
    grens,
    aantal: lijst.length,
    meldingen: zonderId(lijst),
    plaatsingen,
    logbestand_opgeruimd: opgeruimd,
  };
}

/**
 * Copies the WAL into the database and truncates it, so the old page versions are gone from disk. On
 * PostgreSQL the server reuses the space of the old row versions itself.
 */
function leegLogbestand(alle: Db): boolean {
  if (!(alle instanceof SqliteDb)) return true;
  const db = alle.ruw;
  // A reader elsewhere may hold the old pages for as long as it likes: wait a moment, not the full busy timeout.
  const wachten = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 1000');
  try {
    const [uitslag] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return uitslag !== undefined && uitslag.busy === 0;
  } finally {
    db.pragma(`busy_timeout = ${wachten}`);
  }
}
