/**
 * The cadence settings of the recurring meetings (`kvz overleg cadans`, `kvz init --gio-start`).
 * Changing where a series starts or its interval keeps the history: meetings of the old cadence that
 * have taken place before the new series begins are stored as rows, so windows and references to
 * them stay right. Old-cadence moves and cancellations that no longer apply are removed, unless
 * something refers to them.
 */
import {
  beginVanReeks,
  isNominaal,
  nominaleDatums,
  soortenVan,
  tijdEnPlek,
  TWEEWEKELIJKS_AFSTAND,
  type Cadans,
  type CadansSoort,
} from '../domain/cadans.js';
import { volgensCadans, uitRij, type Overleg } from '../domain/overleg.js';
import { dagVan, plusDagen, type Datum } from '../domain/tijd.js';
import { inTransactie, schrijfAudit, type Actor } from './audit.js';
import type { Db } from './db.js';
// Loaded only when a cadence changes (every command that plans meetings reads the cadence).
import type { KalenderPost } from './kalender.js';
import { alleRijen, voegRijToe, wordtVerwezen } from './overleg-rijen.js';

export interface CadansInstelling extends Cadans {
  /** When it was last set; null while it is still the default of a fresh database. */
  ingesteld_op: string | null;
  versie: number;
}

export async function leesCadans(db: Db): Promise<Record<CadansSoort, CadansInstelling>> {
  const rijen = await db.alle<CadansInstelling>('SELECT soort, start, interval_weken, tijd, locatie, ingesteld_op, versie, tweewekelijks_tijd, tweewekelijks_locatie FROM cadans');
  const per = Object.fromEntries(rijen.map((r) => [r.soort, r])) as Partial<Record<CadansSoort, CadansInstelling>>;
  if (!per.gio || !per.politie) throw new Error('de tabel cadans mist een rij');
  return per as Record<CadansSoort, CadansInstelling>;
}

export interface CadansWijziging {
  start?: Datum | undefined;
  interval_weken?: number | undefined;
  tijd?: string | undefined;
  locatie?: string | undefined;
  /** The GIO's cadence only: the tweewekelijks overleg's own time and place. */
  tweewekelijks_tijd?: string | undefined;
  tweewekelijks_locatie?: string | undefined;
}

export interface CadansUitkomst {
  cadans: CadansInstelling;
  /** Whether anything changed (setting the same values again changes nothing). */
  gewijzigd: boolean;
  /** Meetings of the old cadence kept as history. */
  bewaard: Overleg[];
  /** Moves and cancellations of the old cadence that no longer apply. */
  vervallen: Overleg[];
}

/** With `post`, invited meetings that moved or were dropped get their update or cancellation by mail. */
export function stelCadansIn(db: Db, actor: Actor, soort: CadansSoort, wijziging: CadansWijziging, post?: KalenderPost): Promise<CadansUitkomst> {
  return inTransactie(db, async () => {
    const uitkomst = await wijzig(db, actor, soort, wijziging);
    if (post && uitkomst.gewijzigd) await (await import('./kalender.js')).werkReeksBij(db, actor, post, soort);
    return uitkomst;
  });
}

/** `kvz init --gio-start/--politie-start`: both in one transaction. */
export async function zetCadansStart(db: Db, actor: Actor, start: { gio?: Datum | undefined; politie?: Datum | undefined }): Promise<void> {
  await inTransactie(db, async () => {
    for (const soort of ['gio', 'politie'] as const) {
      if (start[soort]) await wijzig(db, actor, soort, { start: start[soort] });
    }
  });
}

const VELDEN = ['start', 'interval_weken', 'tijd', 'locatie', 'tweewekelijks_tijd', 'tweewekelijks_locatie'] as const;

async function wijzig(db: Db, actor: Actor, soort: CadansSoort, wijziging: CadansWijziging): Promise<CadansUitkomst> {
  const oud = (await leesCadans(db))[soort];
  const nieuw: CadansInstelling = { ...oud };
  const details: Record<string, unknown> = {};
  for (const veld of VELDEN) {
    const waarde = wijziging[veld];
    if (waarde === undefined || waarde === oud[veld]) continue;
    (nieuw as unknown as Record<string, unknown>)[veld] = waarde;
    details[veld] = [oud[veld], waarde];
  }
  // Only the tweewekelijks overleg's time or place: the GIO's own cadence stays as set (or as the default).
  const alleenTweewekelijks = VELDEN.every((v) => v.startsWith('tweewekelijks_') || wijziging[v] === undefined);
  const gewijzigd = Object.keys(details).length > 0 || (oud.ingesteld_op === null && !alleenTweewekelijks);
  if (!gewijzigd) return { cadans: oud, gewijzigd, bewaard: [], vervallen: [] };

  const reeksAnders = nieuw.start !== oud.start || nieuw.interval_weken !== oud.interval_weken;
  const { bewaard, vervallen } = reeksAnders ? await bewaarVerleden(db, actor, oud, nieuw) : { bewaard: [], vervallen: [] };
  if (reeksAnders) await (await import('./kalender.js')).legVervallenVast(db, actor, oud, nieuw, vervallen);
  if (!alleenTweewekelijks) nieuw.ingesteld_op = actor.nu.toISOString();
  nieuw.versie = oud.versie + 1;
  await db.voer(
    `UPDATE cadans SET start = @start, interval_weken = @interval_weken, tijd = @tijd, locatie = @locatie,
       tweewekelijks_tijd = @tweewekelijks_tijd, tweewekelijks_locatie = @tweewekelijks_locatie,
       ingesteld_op = @ingesteld_op, versie = @versie WHERE soort = @soort`,
    { ...nieuw, tweewekelijks_tijd: nieuw.tweewekelijks_tijd ?? null, tweewekelijks_locatie: nieuw.tweewekelijks_locatie ?? null },
  );
  if (bewaard.length > 0) details.bewaard = bewaard.length;
  if (vervallen.length > 0) details.vervallen = vervallen.map((o) => `${o.soort}:${o.nominale_datum}`);
  await schrijfAudit(db, actor, { object: `cadans ${soort}`, resultaat: 'cadans ingesteld', details });
  return { cadans: nieuw, gewijzigd, bewaard, vervallen };
}

/**
 * Keeps the old cadence's meetings that took place (before today) and lie before the new series
 * begins; drops stored rows that the new cadence does not have, unless kept by that rule or referred to.
 */
async function bewaarVerleden(db: Db, actor: Actor, oud: Cadans, nieuw: Cadans): Promise<{ bewaard: Overleg[]; vervallen: Overleg[] }> {
  const vandaag = dagVan(actor.nu);
  const begin = beginVanReeks(nieuw);
  const bewaard: Overleg[] = [];
  const vervallen: Overleg[] = [];
  for (const soort of soortenVan(oud.soort)) {
    const rijen = await alleRijen(db, soort);
    const opgeslagen = new Set(rijen.map((r) => r.nominale_datum));
    const vroegst = plusDagen(oud.start, -TWEEWEKELIJKS_AFSTAND);
    for (const n of nominaleDatums(soort, oud, vroegst, plusDagen(begin, -1))) {
      const o = volgensCadans(soort, n, oud);
      if (opgeslagen.has(n) || o.datum >= vandaag) continue;
      await voegRijToe(db, { soort, nominale_datum: n, datum: o.datum, status: 'gepland', tijd: o.tijd, locatie: o.locatie }, actor.nu);
      bewaard.push(o);
    }
    for (const r of rijen) {
      if (isNominaal(soort, nieuw, r.nominale_datum)) continue;
      if ((r.nominale_datum < begin && r.datum < vandaag) || (await wordtVerwezen(db, r.id))) {
        // It stays, off the new cadence: it keeps the time and place of the old one.
        const { tijd, locatie } = tijdEnPlek(soort, oud);
        await db.voer('UPDATE overleg SET tijd = coalesce(tijd, ?), locatie = coalesce(locatie, ?) WHERE id = ?', [tijd, locatie, r.id]);
        continue;
      }
      await db.voer('DELETE FROM overleg WHERE id = ?', [r.id]);
      vervallen.push(uitRij(r, oud));
    }
  }
  return { bewaard, vervallen };
}
