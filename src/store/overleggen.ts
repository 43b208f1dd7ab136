/**
 * The meetings as they are: the cadence (computed) merged with the stored moves, cancellations and
 * references. This is what the plan, the agendas and the minutes ask: which meetings lie in a range,
 * which is next or previous, and what window a meeting covers.
 */
import { DomainError, UsageError } from '../domain/errors.js';
import {
  beginVanReeks,
  cadansSoort,
  tijdEnPlek,
  geplandeDatum,
  isNominaal,
  MAX_VERSCHUIVING,
  nominaleDatums,
  OVERLEG_SOORTEN,
  soortNaam,
  standaardVensterDagen,
  type OverlegSoort,
} from '../domain/cadans.js';
import { opDatum, uitRij, voegSamen, volgensCadans, type Overleg } from '../domain/overleg.js';
import { plusDagen, volgendSoort, type Datum, type DatumVeld, type VolgendSoort } from '../domain/tijd.js';
import { datumLang } from '../domain/datum-nl.js';
import { bepaalVenster, vorigeSoorten, type Venster } from '../domain/venster.js';
import { inTransactie, schrijfAudit, type Actor } from './audit.js';
import { leesCadans, type CadansInstelling } from './cadans.js';
// Loaded only when a change must mail (kvz status and the agendas read meetings and must start fast).
import type { KalenderPost } from './kalender.js';
import type { Db } from './db.js';
import { rijenRond, rijVan, voegRijToe, vroegsteRij, wordtVerwezen, type NieuweRij } from './overleg-rijen.js';

export type { Overleg, Venster };

type Cadansen = Record<'gio' | 'politie', CadansInstelling>;

async function vanSoort(db: Db, soort: OverlegSoort, van: Datum, tot: Datum, cadansen: Cadansen): Promise<Overleg[]> {
  const cadans = cadansen[cadansSoort(soort)];
  const nominaalVan = plusDagen(van, -MAX_VERSCHUIVING);
  const samen = voegSamen(soort, cadans, nominaleDatums(soort, cadans, nominaalVan, tot), await rijenRond(db, soort, nominaalVan, van, tot));
  return samen.filter((o) => o.datum >= van && o.datum <= tot);
}

/**
 * The meetings whose (actual) date lies in [van, tot], of one soort or of all, in date order.
 * Cancelled meetings are included (status 'geannuleerd'), at the date they would have been.
 */
export async function overleggen(db: Db, filter: { soort?: OverlegSoort | undefined; van: Datum; tot: Datum }): Promise<Overleg[]> {
  const cadansen = await leesCadans(db);
  const soorten = filter.soort ? [filter.soort] : [...OVERLEG_SOORTEN];
  const uit: Overleg[] = [];
  for (const s of soorten) uit.push(...(await vanSoort(db, s, filter.van, filter.tot, cadansen)));
  return uit.sort(opDatum);
}

const STAP = 400;

/** The first meeting of a soort on or after `vanaf` that is not cancelled. */
export async function volgendOverleg(db: Db, soort: OverlegSoort, vanaf: Datum): Promise<Overleg | undefined> {
  const cadansen = await leesCadans(db);
  // A series may be cancelled for a long stretch; ten years ahead is far enough to stop looking.
  for (let van = vanaf, n = 0; n < 10; van = plusDagen(van, STAP), n++) {
    const tot = plusDagen(van, STAP - 1);
    const gevonden = (await vanSoort(db, soort, van, tot, cadansen)).find((o) => o.status !== 'geannuleerd');
    if (gevonden) return gevonden;
  }
  return undefined;
}

/**
 * The dates that volgend-gio, volgend-tweewekelijks and volgend-politie name: the first meeting of
 * that soort after `na` that is not cancelled. Looked up only for the soort that `invoer` names
 * (undefined: all three, for a prompt).
 */
export async function volgendDatums(db: Db, na: Datum, invoer?: string): Promise<DatumVeld['volgend']> {
  const gevraagd = invoer === undefined ? (['gio', 'tweewekelijks', 'politie'] as const) : [volgendSoort(invoer)].filter((s) => s !== undefined);
  const uit: Partial<Record<VolgendSoort, Datum | undefined>> = {};
  for (const soort of gevraagd) uit[soort] = (await volgendOverleg(db, soort, plusDagen(na, 1)))?.datum;
  return uit;
}

/** The last meeting of a soort strictly before `voor` that was not cancelled. */
export async function vorigOverleg(db: Db, soort: OverlegSoort, voor: Datum): Promise<Overleg | undefined> {
  const cadansen = await leesCadans(db);
  const cadans = cadansen[cadansSoort(soort)];
  const vroegst = [beginVanReeks(cadans), await vroegsteRij(db, [soort])].filter((d): d is Datum => d !== undefined).sort()[0]!;
  for (let tot = plusDagen(voor, -1); tot >= vroegst; tot = plusDagen(tot, -STAP)) {
    const van = plusDagen(tot, -(STAP - 1));
    const gevonden = (await vanSoort(db, soort, van, tot, cadansen)).filter((o) => o.status !== 'geannuleerd');
    if (gevonden.length > 0) return gevonden[gevonden.length - 1];
  }
  return undefined;
}

/**
 * The window of a meeting of `soort` on `datum` (see domain/venster.ts): [van, tot), from the date of
 * the previous meeting that counts up to, not including, `datum`.
 */
export async function venster(db: Db, soort: OverlegSoort, datum: Datum): Promise<Venster> {
  const vorigen: Overleg[] = [];
  for (const s of vorigeSoorten(soort)) {
    const o = await vorigOverleg(db, s, datum);
    if (o !== undefined) vorigen.push(o);
  }
  vorigen.sort(opDatum);
  const cadans = (await leesCadans(db))[cadansSoort(soort)];
  return bepaalVenster(datum, vorigen[vorigen.length - 1], standaardVensterDagen(soort, cadans));
}

/** The meeting of a soort that takes place on `datum`; a cancelled one only when no other is there. */
export async function overlegOp(db: Db, soort: OverlegSoort, datum: Datum): Promise<Overleg | undefined> {
  const op = await overleggen(db, { soort, van: datum, tot: datum });
  return op.find((o) => o.status !== 'geannuleerd') ?? op[0];
}

/** The usage error for a date on which no meeting of the soort takes place, naming the nearest ones. */
export async function geenOverlegOp(db: Db, soort: OverlegSoort, datum: Datum, geannuleerd?: Overleg): Promise<UsageError> {
  const naam = soortNaam(soort);
  const wel = [await vorigOverleg(db, soort, datum), await volgendOverleg(db, soort, plusDagen(datum, 1))]
    .filter((o): o is Overleg => o !== undefined)
    .map((o) => datumLang(o.datum));
  const begin = geannuleerd
    ? `Het ${naam} van ${datumLang(datum)} is geannuleerd`
    : `Er is geen ${naam} op ${datumLang(datum)}`;
  // Someone who names the cadence date of a moved meeting is told where it went.
  const elders = geannuleerd ? undefined : await metNominaleDatum(db, soort, datum);
  const uitleg = elders && elders.datum !== datum
    ? `: het ${naam} van die datum is verschoven naar ${datumLang(elders.datum)}${elders.status === 'geannuleerd' ? ' en geannuleerd' : ''}${elders.reden ? ` (${elders.reden})` : ''}`
    : wel.length ? `; wel op ${wel.join(' en op ')}` : '';
  return new UsageError(`${begin}${uitleg}. Zie kvz overleg plan.`);
}

/** The meeting whose cadence date is `nominaal`, wherever it now takes place. */
async function metNominaleDatum(db: Db, soort: OverlegSoort, nominaal: Datum): Promise<Overleg | undefined> {
  const cadans = (await leesCadans(db))[cadansSoort(soort)];
  const rij = await rijVan(db, soort, nominaal);
  if (rij) return uitRij(rij, cadans);
  return isNominaal(soort, cadans, nominaal) ? volgensCadans(soort, nominaal, cadans) : undefined;
}

/**
 * The id of the overleg row for the meeting of `soort` on (actual) date `datum`, created when the
 * meeting had none yet. Call inside the transaction of the change that refers to it. Throws a
 * UsageError naming the nearest meetings when none of that soort takes place that day.
 */
export async function overlegVoor(db: Db, soort: OverlegSoort, datum: Datum, nu: Date): Promise<number> {
  const o = await overlegOp(db, soort, datum);
  if (!o || o.status === 'geannuleerd') throw await geenOverlegOp(db, soort, datum, o);
  if (o.id !== null) return o.id;
  return voegRijToe(db, { soort, nominale_datum: o.nominale_datum, datum: o.datum, status: 'gepland' }, nu);
}

/** The next meeting of each soort on or after `vanaf` (for `kvz status`), the first first (#15 item 12). */
export async function volgendeOverleggen(db: Db, vanaf: Datum): Promise<Overleg[]> {
  const uit: Overleg[] = [];
  for (const s of OVERLEG_SOORTEN) {
    const o = await volgendOverleg(db, s, vanaf);
    if (o !== undefined) uit.push(o);
  }
  return uit.sort((a, b) => (a.datum + a.tijd).localeCompare(b.datum + b.tijd));
}

export interface Verzetting {
  naar?: Datum | undefined;
  tijd?: string | undefined;
  locatie?: string | undefined;
  reden?: string | undefined;
}

export interface OverlegWijziging {
  overleg: Overleg;
  voorheen: Overleg;
}

/** Finds the meeting a user names by soort and (actual) date, for moving or cancelling it; one that was held stays. */
async function teWijzigen(db: Db, soort: OverlegSoort, datum: Datum): Promise<Overleg> {
  const o = await overlegOp(db, soort, datum);
  if (!o) throw await geenOverlegOp(db, soort, datum);
  if (o.status === 'gehouden') {
    throw new DomainError(`Het ${soortNaam(soort)} van ${datumLang(datum)} is gehouden: de notulen zijn verwerkt. Verzetten of annuleren kan niet meer.`);
  }
  return o;
}

/**
 * Moves a meeting to another date and/or time or place (`kvz overleg verzet`); also brings a
 * cancelled meeting back. Moving it back to its cadence date makes it 'gepland' again.
 */
export function verzetOverleg(db: Db, actor: Actor, soort: OverlegSoort, datum: Datum, v: Verzetting, post?: KalenderPost): Promise<OverlegWijziging> {
  return inTransactie(db, async () => {
    const voorheen = await teWijzigen(db, soort, datum);
    const naar = v.naar ?? voorheen.datum;
    const naam = soortNaam(soort);
    const tijd = v.tijd ?? voorheen.tijd;
    const locatie = v.locatie ?? voorheen.locatie;
    if (naar === voorheen.datum && tijd === voorheen.tijd && locatie === voorheen.locatie && voorheen.status !== 'geannuleerd') {
      throw new UsageError(`Het ${naam} van ${datumLang(datum)} staat al zo gepland; geef met --naar een andere datum (of --tijd, --locatie).`);
    }
    const anderen = (await overleggen(db, { soort, van: plusDagen(naar, -400), tot: plusDagen(naar, 400) }))
      .filter((o) => o.nominale_datum !== voorheen.nominale_datum && o.status !== 'geannuleerd');
    const botsing = anderen.find((o) => o.datum === naar);
    if (botsing) throw new DomainError(`Op ${datumLang(naar)} is al een ${naam}; kies een andere datum.`);
    const vorige = anderen.filter((o) => o.datum < voorheen.datum).pop();
    const volgende = anderen.find((o) => o.datum > voorheen.datum);
    if ((vorige && naar < vorige.datum) || (volgende && naar > volgende.datum)) {
      const grens = naar < voorheen.datum ? `het vorige ${naam} (${datumLang(vorige!.datum)})` : `het volgende ${naam} (${datumLang(volgende!.datum)})`;
      throw new UsageError(`--naar ${naar} ligt voorbij ${grens}; een overleg verzetten kan alleen tussen de overleggen ervoor en erna.`);
    }

    // Time and place are stored on the row only where they differ from the cadence's.
    const standaard = tijdEnPlek(soort, (await leesCadans(db))[cadansSoort(soort)]);
    const eigen = { tijd: tijd === standaard.tijd ? null : tijd, locatie: locatie === standaard.locatie ? null : locatie };
    const gepland = geplandeDatum(voorheen.nominale_datum).datum;
    const volgensPlan = naar === gepland && eigen.tijd === null && eigen.locatie === null;
    const rij = {
      datum: naar,
      status: volgensPlan ? ('gepland' as const) : ('verzet' as const),
      // Moved from where the plan had it, however often it moved since (#15 item 12).
      verschoven_van: naar === gepland ? null : gepland,
      reden: volgensPlan ? null : (v.reden ?? null),
      ...eigen,
      versie: voorheen.versie + 1,
    };
    await bewaarRij(db, voorheen, rij, actor.nu);
    const overleg = (await overlegOp(db, soort, naar))!;
    const details: Record<string, unknown> = { datum: [voorheen.datum, naar] };
    if (overleg.tijd !== voorheen.tijd) details.tijd = [voorheen.tijd, overleg.tijd];
    if (overleg.locatie !== voorheen.locatie) details.locatie = [voorheen.locatie, overleg.locatie];
    if (voorheen.status === 'geannuleerd') details.status = ['geannuleerd', overleg.status];
    if (v.reden) details.reden = v.reden;
    await schrijfAudit(db, actor, { object: `${soort}:${voorheen.nominale_datum}`, resultaat: 'verzet', details });
    if (post) await (await import('./kalender.js')).werkBij(db, actor, post, soort, voorheen.nominale_datum);
    return { overleg, voorheen };
  });
}

/** Cancels a meeting (`kvz overleg annuleer`). A meeting that acties or attendance refer to took place. */
export function annuleerOverleg(
  db: Db, actor: Actor, soort: OverlegSoort, datum: Datum, reden: string | undefined, post?: KalenderPost,
): Promise<OverlegWijziging> {
  return inTransactie(db, async () => {
    const voorheen = await teWijzigen(db, soort, datum);
    const naam = soortNaam(soort);
    if (voorheen.status === 'geannuleerd') throw new DomainError(`Het ${naam} van ${datumLang(datum)} is al geannuleerd.`);
    if (voorheen.id !== null && (await wordtVerwezen(db, voorheen.id))) {
      throw new DomainError(`Het ${naam} van ${datumLang(datum)} kan niet worden geannuleerd: er zijn acties of aanwezigen bij vastgelegd.`);
    }
    await bewaarRij(db, voorheen, { status: 'geannuleerd', reden: reden ?? null, versie: voorheen.versie + 1 }, actor.nu);
    const overleg = (await overleggen(db, { soort, van: datum, tot: datum })).find((o) => o.nominale_datum === voorheen.nominale_datum)!;
    await schrijfAudit(db, actor, {
      object: `${soort}:${voorheen.nominale_datum}`,
      resultaat: 'geannuleerd',
      details: { datum: voorheen.datum, status: [voorheen.status, 'geannuleerd'], ...(reden ? { reden } : {}) },
    });
    if (post) await (await import('./kalender.js')).werkBij(db, actor, post, soort, voorheen.nominale_datum);
    return { overleg, voorheen };
  });
}

async function bewaarRij(db: Db, o: Overleg, velden: Partial<NieuweRij>, nu: Date): Promise<void> {
  if (o.id === null) {
    // Without a row a meeting is only planned or moved by the holiday rule (held needs a row).
    await voegRijToe(db, { soort: o.soort, nominale_datum: o.nominale_datum, datum: o.datum, status: o.status === 'gehouden' ? 'gepland' : o.status, ...velden }, nu);
    return;
  }
  const zet = Object.keys(velden).map((k) => `${k} = @${k}`).join(', ');
  await db.voer(`UPDATE overleg SET ${zet}, gewijzigd_op = @op WHERE id = @id`, { ...velden, op: nu.toISOString(), id: o.id });
}

/** Records an export of the plan (an iCalendar file) and writes it, in one transaction. */
export async function exporteerPlan(db: Db, actor: Actor, details: Record<string, unknown>, schrijf: () => void | Promise<void>): Promise<void> {
  await inTransactie(db, async () => {
    await schrijfAudit(db, actor, { object: 'overleg plan', resultaat: 'iCalendar geschreven', details });
    await schrijf();
  });
}
