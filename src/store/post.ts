/**
 * The outbox (SPEC §8). A message is written in the transaction of the record it belongs to and
 * delivered after the commit: claimed first (so two runs never both send it), then marked with its
 * outcome. Only once a forwarding's mail was sent or written as a draft does the forwarding count,
 * at that moment. On PostgreSQL claiming and marking are the database's own functions, so the front
 * desk can deliver the mail of a confidential melding it registered but can no longer see.
 */
import { dagVan } from '../domain/tijd.js';
import { inTransactie, schrijfAudit, type Actor } from './audit.js';
import type { Db } from './db.js';

export const BERICHT_SOORTEN = ['doorzetting', 'terugkoppeling', 'uitnodiging', 'annulering', 'agenda'] as const;
export type BerichtSoort = (typeof BERICHT_SOORTEN)[number];
export const BERICHT_STATUSSEN = ['wacht', 'mislukt', 'verzonden', 'klaargezet', 'uit'] as const;
export type BerichtStatus = (typeof BERICHT_STATUSSEN)[number];

/** A message as it is composed and stored. */
export interface Bericht {
  soort: BerichtSoort;
  /** M-2027-0042, or `gio 2027-04-28`. */
  object: string;
  meldingId?: number;
  partner?: string;
  aan: string[];
  /** The recipient is the melder (shown as `melder`, erased by opschonen). */
  aanMelder?: boolean;
  onderwerp: string;
  tekst: string;
  /** The melder's data, kept apart so that opschonen can erase it. */
  melderTekst?: string;
  /** An invitation's or cancellation's iCalendar text (METHOD REQUEST or CANCEL). */
  kalender?: string;
  /** A document sent with it (the agenda in Word). */
  bijlage?: { naam: string; inhoud: Buffer };
  messageId: string;
}

/** How long a claim holds: a run that died while sending lets go after this. */
const CLAIM_MS = 10 * 60_000;

/** Stores `b` inside the running transaction, waiting for delivery (or `uit`: mail is switched off). */
export async function legBerichtVast(db: Db, actor: Actor, b: Bericht, status: 'wacht' | 'uit'): Promise<void> {
  const rij: Record<string, unknown> = {
    soort: b.soort, object: b.object, melding_id: b.meldingId ?? null, partner: b.partner ?? null, aan: b.aan.join(', '),
    aan_melder: b.aanMelder ? 1 : 0, onderwerp: b.onderwerp, tekst: b.tekst, melder_tekst: b.melderTekst ?? null,
    message_id: b.messageId, status, gemaakt_op: actor.nu.toISOString(),
  };
  if (b.kalender !== undefined) rij.kalender = b.kalender;
  if (b.bijlage !== undefined) {
    rij.bijlage = b.bijlage.inhoud.toString('base64');
    rij.bijlage_naam = b.bijlage.naam;
  }
  // On PostgreSQL the database records the login itself.
  if (db.soort === 'sqlite') rij.gemaakt_door = actor.gebruiker;
  const k = Object.keys(rij);
  await db.voer(`INSERT INTO bericht (${k.join(', ')}) VALUES (${k.map(() => '?').join(', ')})`, Object.values(rij));
}

/**
 * Claims a waiting message for sending (and a failed one with `opnieuw`); undefined when another run
 * has it or it is done, else the claim (its expiry), which the outcome must name. A forwarding takes
 * its partner's current address, so a corrected address is used on the next attempt.
 */
export async function claim(db: Db, messageId: string, nu: Date, opnieuw = false): Promise<string | undefined> {
  const tot = new Date(nu.getTime() + CLAIM_MS).toISOString();
  if (db.soort === 'postgres') {
    // Booleans come back as 1/0, as on SQLite.
    const ok = await db.waarde<number>('SELECT bericht_claim(?, ?, ?, ?)', [messageId, nu.toISOString(), tot, opnieuw]);
    return ok === 1 ? tot : undefined;
  }
  return db.transactie(async () => {
    const r = await db.voer(
      `UPDATE bericht SET bezet_tot = ?, status = 'wacht',
         aan = CASE WHEN soort = 'doorzetting' THEN coalesce((SELECT p.email FROM partner p WHERE p.code = bericht.partner), aan) ELSE aan END
       WHERE message_id = ? AND (status = 'wacht' OR (? = 1 AND status = 'mislukt')) AND (bezet_tot IS NULL OR bezet_tot < ?)`,
      [tot, messageId, opnieuw ? 1 : 0, nu.toISOString()],
    );
    return r === 1 ? tot : undefined;
  });
}

/**
 * Why a claimed forwarding may no longer go as it was written: its melding became confidential and
 * the partner is outside the circle, or it carries the melder's data and the partner may no longer
 * have them. Undefined when it may go (or the melding is not visible here: the database checked it
 * when the message was written).
 */
export async function magNietMeer(db: Db, messageId: string): Promise<string | undefined> {
  const r = await db.een<{ soort: string; partner: string | null; geheim: number | null; met_melder: number | null; melder: number }>(
    `SELECT b.soort, b.partner, CASE WHEN m.vertrouwelijk = 1 OR coalesce(z.vertrouwelijk, 0) = 1 THEN 1 ELSE 0 END AS geheim,
            p.met_melder, CASE WHEN b.melder_tekst IS NULL THEN 0 ELSE 1 END AS melder
     FROM bericht b JOIN melding m ON m.id = b.melding_id LEFT JOIN zaak z ON z.id = m.zaak_id LEFT JOIN partner p ON p.code = b.partner
     WHERE b.message_id = ?`,
    [messageId],
  );
  if (!r || r.soort !== 'doorzetting' || !r.partner) return undefined;
  if (r.geheim === 1 && !['politie', 'oov', 'burgemeester'].includes(r.partner)) {
    return `de melding is inmiddels vertrouwelijk en gaat alleen naar politie, oov of burgemeester`;
  }
  if (r.melder === 1 && r.met_melder !== 1) return `het bericht bevat gegevens van de melder en ${r.partner} mag die niet meer krijgen`;
  return undefined;
}

export interface Uitkomst {
  status: 'wacht' | 'mislukt' | 'verzonden' | 'klaargezet';
  fout?: string;
  bestand?: string;
}

/**
 * Records what delivery of a claimed message came to. Sent or written as a draft: a forwarding now
 * counts, at `actor.nu`, and the melding is forwarded; that is audited.
 */
export async function legUitkomstVast(
  db: Db, actor: Actor, b: Pick<Bericht, 'soort' | 'object' | 'messageId' | 'partner'>, u: Uitkomst, claimTot: string,
): Promise<void> {
  const op = actor.nu.toISOString();
  const dag = dagVan(actor.nu);
  const klaar = u.status === 'verzonden' || u.status === 'klaargezet';
  await inTransactie(db, async () => {
    let gedaan: boolean;
    if (db.soort === 'postgres') {
      gedaan = (await db.waarde<number>('SELECT bericht_uitkomst(?, ?, ?, ?, ?, ?, ?)', [b.messageId, claimTot, u.status, op, dag, u.fout ?? null, u.bestand ?? null])) === 1;
    } else {
      const r = await db.voer(
        `UPDATE bericht SET status = ?, fout = ?, bestand = coalesce(?, bestand), bezet_tot = NULL, verzonden_op = ?
         WHERE message_id = ? AND bezet_tot = ?`,
        [u.status, u.fout ?? null, u.bestand ?? null, klaar ? op : null, b.messageId, claimTot],
      );
      gedaan = r === 1;
      if (gedaan && klaar && b.soort === 'doorzetting') {
        const rij = (await db.een<{ melding_id: number; partner: string }>('SELECT melding_id, partner FROM bericht WHERE message_id = ?', [b.messageId]))!;
        await db.voer('UPDATE doorzetting SET op = ?, dag = ? WHERE melding_id = ? AND partner = ? AND op IS NULL', [op, dag, rij.melding_id, rij.partner]);
        await db.voer(`UPDATE melding SET status = 'doorgezet', gewijzigd_op = ? WHERE id = ? AND status = 'nieuw'`, [op, rij.melding_id]);
      }
    }
    if (gedaan && klaar) {
      await schrijfAudit(db, actor, {
        object: b.object,
        resultaat: u.status === 'verzonden' ? `${b.soort} gemaild${b.partner ? ` aan ${b.partner}` : ''}` : `${b.soort} klaargezet als concept${b.partner ? ` voor ${b.partner}` : ''}`,
        details: { soort: b.soort, message_id: b.messageId, status: u.status, ...(b.partner ? { partner: b.partner } : {}) },
        // The politieoverleg's agenda is confidential as a whole, and so is the record of sending it.
        ...(b.soort === 'agenda' && b.object.startsWith('politie ') ? { vertrouwelijk: true } : {}),
      });
    }
  });
}

/** A stored message, as delivery and `post list` read it. */
export interface OpgeslagenBericht {
  id: number;
  soort: BerichtSoort;
  object: string;
  partner: string | null;
  aan: string;
  aan_melder: number;
  onderwerp: string;
  tekst: string;
  melder_tekst: string | null;
  message_id: string;
  status: BerichtStatus;
  gemaakt_op: string;
  verzonden_op: string | null;
  fout: string | null;
  bezet_tot: string | null;
  bestand: string | null;
  kalender: string | null;
  /** Base64; only read for delivery. */
  bijlage?: string | null;
  bijlage_naam?: string | null;
}

const KOLOMMEN = `id, soort, object, partner, aan, aan_melder, onderwerp, tekst, melder_tekst, message_id, status, gemaakt_op, verzonden_op,
  fout, bezet_tot, bestand, kalender`;

/** The messages `post verzend` takes: waiting (and failed, with `opnieuw`), oldest first. */
export async function teVerzenden(db: Db, opnieuw: boolean): Promise<OpgeslagenBericht[]> {
  return db.alle<OpgeslagenBericht>(
    `SELECT ${KOLOMMEN}, bijlage, bijlage_naam FROM bericht WHERE status = 'wacht' ${opnieuw ? `OR status = 'mislukt'` : ''} ORDER BY id`,
  );
}

export async function berichten(db: Db, statussen?: readonly BerichtStatus[]): Promise<OpgeslagenBericht[]> {
  const waar = statussen ? `WHERE ${db.d.inLijst('status', '?', 'tekst')}` : '';
  return db.alle<OpgeslagenBericht>(`SELECT ${KOLOMMEN} FROM bericht ${waar} ORDER BY id`, statussen ? [JSON.stringify(statussen)] : []);
}

/**
 * How many messages wait and how many failed: for `kvz status`; with `nu`, leaving out those another
 * run is sending at this moment (for `post verzend`'s exit code).
 */
export async function openPost(db: Db, nu?: Date): Promise<{ wacht: number; mislukt: number }> {
  const vrij = nu ? `AND (bezet_tot IS NULL OR bezet_tot < ?)` : '';
  const rijen = await db.alle<{ status: string; n: number }>(
    `SELECT status, count(*) AS n FROM bericht WHERE (status = 'wacht' OR status = 'mislukt') ${vrij} GROUP BY status`,
    nu ? [nu.toISOString()] : [],
  );
  const n = (s: string) => rijen.find((r) => r.status === s)?.n ?? 0;
  return { wacht: n('wacht'), mislukt: n('mislukt') };
}
