/**
 * What the calendars outside kvz know of each meeting (SPEC §8). `kvz overleg uitnodig` mails the
 * invitations; moving, cancelling or re-planning an invited meeting then mails the update (REQUEST,
 * higher SEQUENCE) or the cancellation (CANCEL) by itself, in the transaction of that change, to be
 * delivered after its commit. The meetings a new cadence dropped are kept here too, so that
 * `overleg plan --ics` goes on sending them as cancelled and the calendars that imported them drop them.
 *
 * SEQUENCE: the cadence's version plus the meeting's own (both count changes), and never below what
 * went out before (the `volgnummer` kept here).
 */
import {
  cadansSoort,
  isNominaal,
  MAX_VERSCHUIVING,
  nominaleDatums,
  soortenVan,
  soortNaam,
  type Cadans,
  type CadansSoort,
  type OverlegSoort,
} from '../domain/cadans.js';
import { DomainError } from '../domain/errors.js';
import { uitRij, volgensCadans, type Overleg } from '../domain/overleg.js';
import { dagVan, plusDagen, type Datum } from '../domain/tijd.js';
import { agendaBericht } from '../post/agenda-mail.js';
import { uitnodigingBericht, type Aanleiding } from '../post/uitnodiging.js';
import type { Agenda } from '../domain/agenda.js';
import { inTransactie, schrijfAudit, type Actor } from './audit.js';
import { leesCadans, type CadansInstelling } from './cadans.js';
import type { Db } from './db.js';
import { deelnemers } from './deelnemers.js';
import type { PostKeuze } from './meldingen.js';
import { rijVan } from './overleg-rijen.js';
import { legBerichtVast, type Bericht } from './post.js';

export interface KalenderRij {
  soort: OverlegSoort;
  nominale_datum: Datum;
  datum: Datum;
  tijd: string;
  locatie: string;
  volgnummer: number;
  /** Who was invited ('' when nobody was). */
  aan: string;
  methode: 'request' | 'cancel' | null;
  vervallen: number;
}

/** What a command that may mail meetings needs: the mail settings, and where the messages go. */
export interface KalenderPost {
  keuze: PostKeuze;
  afzender?: string | undefined;
  databaseId: string;
  /** The messages written, to deliver after the commit. */
  berichten: Bericht[];
}

const KOLOMMEN = 'soort, nominale_datum, datum, tijd, locatie, volgnummer, aan, methode, vervallen';
const REDEN_VERVALLEN = 'vervallen met de oude cadans';
/** How far ahead a cadence change records the meetings it drops (the plan shows six months by default). */
const HORIZON_DAGEN = 400;

export type Volgnummers = Record<CadansSoort, number>;

export async function cadansVersies(db: Db): Promise<Volgnummers> {
  const c = await leesCadans(db);
  return { gio: c.gio.versie, politie: c.politie.versie };
}

/** The SEQUENCE of a meeting as it is now. */
export function volgnummerVan(o: Overleg, versies: Volgnummers, rij?: KalenderRij): number {
  return Math.max(versies[cadansSoort(o.soort)] + o.versie, rij?.volgnummer ?? 0);
}

const sleutel = (soort: string, nominaal: string) => `${soort} ${nominaal}`;

/** The rows of these soorten whose nominal or sent date lies near [van, tot]. */
export async function kalenderRijen(db: Db, soorten: readonly OverlegSoort[], van: Datum, tot: Datum): Promise<Map<string, KalenderRij>> {
  const rijen = await db.alle<KalenderRij>(
    `SELECT ${KOLOMMEN} FROM kalender WHERE ${db.d.inLijst('soort', '?', 'tekst')}
       AND (nominale_datum BETWEEN ? AND ? OR datum BETWEEN ? AND ?)`,
    [JSON.stringify(soorten), plusDagen(van, -HORIZON_DAGEN), plusDagen(tot, HORIZON_DAGEN), van, tot],
  );
  return new Map(rijen.map((r) => [sleutel(r.soort, r.nominale_datum), r]));
}

export const kalenderRij = (rijen: Map<string, KalenderRij>, o: Pick<Overleg, 'soort' | 'nominale_datum'>) => rijen.get(sleutel(o.soort, o.nominale_datum));

/** The meetings a new cadence dropped whose date lies in [van, tot], as cancelled meetings. */
export function vervallenIn(rijen: Map<string, KalenderRij>, van: Datum, tot: Datum): Overleg[] {
  return [...rijen.values()]
    .filter((r) => r.vervallen === 1 && r.datum >= van && r.datum <= tot)
    .map(alsGeannuleerd);
}

/** A meeting as the row last described it, cancelled. */
function alsGeannuleerd(r: KalenderRij): Overleg {
  return {
    soort: r.soort,
    nominale_datum: r.nominale_datum,
    datum: r.datum,
    status: 'geannuleerd' as const,
    verschoven_van: null,
    reden: REDEN_VERVALLEN,
    tijd: r.tijd,
    locatie: r.locatie,
    versie: 0,
    id: null,
  };
}

/** Whether any meeting of these soorten was ever invited: only then does a change need the mail settings. */
export async function uitgenodigd(db: Db, soorten: readonly OverlegSoort[]): Promise<boolean> {
  const n = await db.waarde<number>(`SELECT count(*) FROM kalender WHERE aan <> '' AND ${db.d.inLijst('soort', '?', 'tekst')}`, [JSON.stringify(soorten)]);
  return (n ?? 0) > 0;
}

async function rijVoor(db: Db, soort: OverlegSoort, nominaal: Datum): Promise<KalenderRij | undefined> {
  return db.een<KalenderRij>(`SELECT ${KOLOMMEN} FROM kalender WHERE soort = ? AND nominale_datum = ?`, [soort, nominaal]);
}

async function bewaar(db: Db, r: KalenderRij, nu: Date): Promise<void> {
  await db.voer(
    `INSERT INTO kalender (soort, nominale_datum, datum, tijd, locatie, volgnummer, aan, methode, vervallen, gewijzigd_op)
     VALUES (@soort, @nominale_datum, @datum, @tijd, @locatie, @volgnummer, @aan, @methode, @vervallen, @op)
     ON CONFLICT (soort, nominale_datum) DO UPDATE SET datum = excluded.datum, tijd = excluded.tijd, locatie = excluded.locatie,
       volgnummer = excluded.volgnummer, aan = excluded.aan, methode = excluded.methode, vervallen = excluded.vervallen,
       gewijzigd_op = excluded.gewijzigd_op`,
    { ...r, op: nu.toISOString() },
  );
}

/** The meeting whose cadence date is `nominaal`, wherever it now takes place; undefined when no cadence or row has it. */
async function zoalsNu(db: Db, soort: OverlegSoort, nominaal: Datum, cadans: Cadans): Promise<Overleg | undefined> {
  const rij = await rijVan(db, soort, nominaal);
  if (rij) return uitRij(rij, cadans);
  return isNominaal(soort, cadans, nominaal) ? volgensCadans(soort, nominaal, cadans) : undefined;
}

async function metAdres(db: Db, soort: OverlegSoort): Promise<{ naam: string; email: string }[]> {
  return (await deelnemers(db, soort)).filter((d): d is { naam: string; email: string; partner: string | null } => d.email !== null);
}

const adressen = (aan: string) => aan.split(',').map((a) => a.trim()).filter(Boolean);

function schrijfBericht(post: KalenderPost, actor: Actor, o: Overleg, aanleiding: Aanleiding, volgnummer: number, aan: string[],
  wie: { naam: string; email: string }[], was?: KalenderRij): Bericht {
  return uitnodigingBericht({
    overleg: o, aanleiding, volgnummer, aan, deelnemers: wie, afzender: post.afzender, databaseId: post.databaseId, domein: post.keuze.domein,
    nu: actor.nu, was: was && (was.datum !== o.datum || was.tijd !== o.tijd || was.locatie !== o.locatie) ? was : undefined,
  });
}

async function verstuur(db: Db, actor: Actor, post: KalenderPost, b: Bericht): Promise<void> {
  await legBerichtVast(db, actor, b, post.keuze.aan ? 'wacht' : 'uit');
  post.berichten.push(b);
}

/**
 * Brings the invitation of one meeting up to date after a change: a meeting that was invited and now
 * lies elsewhere gets a REQUEST with a higher SEQUENCE, one that no longer takes place a CANCEL (to
 * those invited who are still participants: the database sends a meeting's mail to participants only).
 */
export async function werkBij(db: Db, actor: Actor, post: KalenderPost, soort: OverlegSoort, nominaal: Datum): Promise<void> {
  const r = await rijVoor(db, soort, nominaal);
  if (!r || r.aan === '' || r.methode === null) return;
  const cadansen = await leesCadans(db);
  const versies = { gio: cadansen.gio.versie, politie: cadansen.politie.versie };
  const o = await zoalsNu(db, soort, nominaal, cadansen[cadansSoort(soort)]);
  // A meeting that has taken place (and stays in the past) needs no word to anyone.
  const vandaag = dagVan(actor.nu);
  if (r.datum < vandaag && (o === undefined || o.datum < vandaag)) return;
  const wie = await metAdres(db, soort);
  if (o === undefined || o.status === 'geannuleerd') {
    if (r.methode === 'cancel') return;
    const weg: Overleg = o ?? alsGeannuleerd(r);
    const volgnummer = Math.max(r.volgnummer + 1, o ? volgnummerVan(o, versies) : 0);
    const eerder = adressen(r.aan);
    const aan = wie.map((d) => d.email).filter((e) => eerder.includes(e));
    await bewaar(db, { ...r, volgnummer, methode: 'cancel' }, actor.nu);
    if (aan.length > 0) await verstuur(db, actor, post, schrijfBericht(post, actor, weg, 'geannuleerd', volgnummer, aan, wie));
    return;
  }
  if (r.methode === 'request' && o.datum === r.datum && o.tijd === r.tijd && o.locatie === r.locatie) return;
  const volgnummer = Math.max(r.volgnummer + 1, volgnummerVan(o, versies));
  const aan = wie.map((d) => d.email);
  await bewaar(db, { ...r, datum: o.datum, tijd: o.tijd, locatie: o.locatie, volgnummer, aan: aan.join(', ') || r.aan, methode: 'request' }, actor.nu);
  if (aan.length > 0) {
    await verstuur(db, actor, post, schrijfBericht(post, actor, o, r.methode === 'cancel' ? 'nieuw' : 'gewijzigd', volgnummer, aan, wie, r));
  }
}

/** Every invited meeting of a cadence's soorten from today on (after the cadence changed). */
export async function werkReeksBij(db: Db, actor: Actor, post: KalenderPost, soort: CadansSoort): Promise<void> {
  const vanaf = plusDagen(dagVan(actor.nu), -MAX_VERSCHUIVING);
  for (const s of soortenVan(soort)) {
    const rijen = await db.alle<{ nominale_datum: Datum }>(
      `SELECT nominale_datum FROM kalender WHERE soort = ? AND aan <> '' AND (nominale_datum >= ? OR datum >= ?) ORDER BY nominale_datum`,
      [s, vanaf, vanaf],
    );
    for (const r of rijen) await werkBij(db, actor, post, s, r.nominale_datum);
  }
}

/**
 * After a cadence changed its start or interval: the meetings of the old cadence from today on that
 * the new one does not have (and that are not kept as history) are recorded as dropped, with a
 * SEQUENCE above what the old cadence gave them; a dropped meeting the new cadence has again is back.
 * The default cadence of a fresh database drops nothing but what was invited, moved or cancelled.
 * `vervallenRijen`: the old cadence's stored moves and cancellations the change removed.
 */
export async function legVervallenVast(db: Db, actor: Actor, oud: CadansInstelling, nieuw: Cadans, vervallenRijen: readonly Overleg[]): Promise<void> {
  const vandaag = dagVan(actor.nu);
  for (const s of soortenVan(oud.soort)) {
    const bekend = await db.alle<KalenderRij>(`SELECT ${KOLOMMEN} FROM kalender WHERE soort = ?`, [s]);
    for (const r of bekend) {
      if (r.vervallen === 1 && isNominaal(s, nieuw, r.nominale_datum)) {
        await bewaar(db, { ...r, vervallen: 0, volgnummer: r.volgnummer + 1 }, actor.nu);
      }
    }
    // The default cadence of a fresh database was never the team's: only what someone acted on counts.
    const eerderePlanning = oud.ingesteld_op === null ? [] : nominaleDatums(s, oud, plusDagen(vandaag, -MAX_VERSCHUIVING), plusDagen(vandaag, HORIZON_DAGEN));
    const kandidaten = new Set([
      ...eerderePlanning,
      ...bekend.filter((r) => r.vervallen === 0 && r.datum >= vandaag).map((r) => r.nominale_datum),
      ...vervallenRijen.filter((v) => v.soort === s).map((v) => v.nominale_datum),
    ]);
    for (const n of [...kandidaten].sort()) {
      if (isNominaal(s, nieuw, n) || (await rijVan(db, s, n))) continue;
      const o = vervallenRijen.find((v) => v.soort === s && v.nominale_datum === n) ?? volgensCadans(s, n, oud);
      if (o.datum < vandaag) continue;
      const r = bekend.find((k) => k.nominale_datum === n);
      await bewaar(db, {
        soort: s, nominale_datum: n, datum: r?.methode ? r.datum : o.datum, tijd: r?.methode ? r.tijd : o.tijd, locatie: r?.methode ? r.locatie : o.locatie,
        volgnummer: Math.max(oud.versie + o.versie + 1, r?.volgnummer ?? 0), aan: r?.aan ?? '', methode: r?.methode ?? null, vervallen: 1,
      }, actor.nu);
    }
  }
}

export interface Uitgenodigd {
  overleg: Overleg;
  /** Who got this message; empty when everyone was invited already. */
  aan: string[];
}

/**
 * `kvz overleg uitnodig`: invites each meeting of `lijst` (REQUEST) to every participant with an
 * address; a meeting invited before gets a message only for participants added since. Refuses
 * (nothing written) when no participant of the soort has an address.
 */
export function nodigUit(db: Db, actor: Actor, post: KalenderPost, soort: OverlegSoort, lijst: readonly Overleg[]): Promise<Uitgenodigd[]> {
  return inTransactie(db, async () => {
    const wie = await metAdres(db, soort);
    if (wie.length === 0) {
      throw new DomainError(
        `Geen enkele deelnemer van het ${soortNaam(soort)} heeft een e-mailadres; ` +
          `er is niets verstuurd. Geef ze een adres (beheer): kvz overleg deelnemer remove ${soort} --naam …, en daarna add met --email ….`,
      );
    }
    const versies = await cadansVersies(db);
    const uit: Uitgenodigd[] = [];
    for (const o of lijst) {
      const r = await rijVoor(db, o.soort, o.nominale_datum);
      const alle = wie.map((d) => d.email);
      const ongewijzigd = r !== undefined && r.methode === 'request' && r.datum === o.datum && r.tijd === o.tijd && r.locatie === o.locatie;
      if (ongewijzigd) {
        const eerder = adressen(r.aan);
        const nieuw = alle.filter((e) => !eerder.includes(e));
        if (nieuw.length > 0) {
          // The same SEQUENCE: nothing about the meeting changed, it only has more attendees.
          await bewaar(db, { ...r, aan: [...eerder, ...nieuw].join(', ') }, actor.nu);
          await verstuur(db, actor, post, schrijfBericht(post, actor, o, 'nieuw', r.volgnummer, nieuw, wie));
        }
        uit.push({ overleg: o, aan: nieuw });
        continue;
      }
      const volgnummer = Math.max(volgnummerVan(o, versies, r), r?.methode ? r.volgnummer + 1 : 0);
      await bewaar(db, {
        soort: o.soort, nominale_datum: o.nominale_datum, datum: o.datum, tijd: o.tijd, locatie: o.locatie, volgnummer, aan: alle.join(', '),
        methode: 'request', vervallen: 0,
      }, actor.nu);
      await verstuur(db, actor, post, schrijfBericht(post, actor, o, r?.methode === 'request' ? 'gewijzigd' : 'nieuw', volgnummer, alle, wie, r?.methode ? r : undefined));
      uit.push({ overleg: o, aan: alle });
    }
    const verstuurd = uit.filter((u) => u.aan.length > 0);
    if (verstuurd.length > 0) {
      await schrijfAudit(db, actor, {
        object: `${soort} ${verstuurd.map((u) => u.overleg.datum).join(', ')}`,
        resultaat: `${verstuurd.length === 1 ? 'uitnodiging' : 'uitnodigingen'} gemaakt`,
        details: { overleggen: verstuurd.map((u) => ({ datum: u.overleg.datum, deelnemers: u.aan.length })) },
      });
    }
    return uit;
  });
}

/**
 * `kvz agenda <soort> --mail`: the agenda in Word to every participant of the meeting's soort with an
 * address, in the outbox with one audit row. Refuses (nothing written) when none has an address.
 */
export function mailAgenda(db: Db, actor: Actor, post: KalenderPost, a: Agenda, docx: Buffer): Promise<string[]> {
  return inTransactie(db, async () => {
    const wie = await metAdres(db, a.soort);
    if (wie.length === 0) {
      throw new DomainError(
        `Geen enkele deelnemer van het ${soortNaam(a.soort)} heeft een e-mailadres; er is niets verstuurd. ` +
          `Geef ze een adres (beheer): kvz overleg deelnemer remove ${a.soort} --naam …, en daarna add met --email ….`,
      );
    }
    const aan = wie.map((d) => d.email);
    await verstuur(db, actor, post, agendaBericht(a, docx, aan, post.keuze.domein));
    await schrijfAudit(db, actor, {
      object: `${a.soort} ${a.overleg.datum}`,
      resultaat: 'agenda in de uitgaande post',
      details: { datum: a.overleg.datum, deelnemers: aan.length },
      ...(a.soort === 'politie' ? { vertrouwelijk: true } : {}),
    });
    return aan;
  });
}
