/** How meetings look: the JSON interface (SPEC §2), the plan table and one-line descriptions. */
import { overlegUid, soortNaam } from '../../../domain/cadans.js';
import type { Overleg } from '../../../domain/overleg.js';
import { datumKort, weekdag } from '../../../domain/tijd.js';
import { datumLang } from '../../../domain/datum-nl.js';
import type { Context } from '../../context.js';
import { kleuren, tabel } from '../../output.js';

/** The stable keys soort, datum, status, verschoven_van, and more; uid as in the iCalendar file. */
export function overlegJson(o: Overleg, databaseId: string) {
  return {
    soort: o.soort,
    datum: o.datum,
    tijd: o.tijd,
    locatie: o.locatie,
    status: o.status,
    verschoven_van: o.verschoven_van,
    reden: o.reden,
    nominale_datum: o.nominale_datum,
    uid: overlegUid(o.soort, o.nominale_datum, databaseId),
  };
}

const KORT = ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'];

/** 'wo 28-04-2027'. */
export function dagKort(datum: string): string {
  return `${KORT[weekdag(datum)]} ${datumKort(datum)}`;
}

/** Why a meeting is not simply on its cadence: 'verschoven van 27-04-2027 (Koningsdag)'. */
export function toelichting(o: Overleg): string {
  if (o.status === 'geannuleerd') return o.reden ? `reden: ${o.reden}` : '';
  if (o.verschoven_van) return `verschoven van ${datumKort(o.verschoven_van)}${o.reden ? ` (${o.reden})` : ''}`;
  return o.reden ?? '';
}

/** 'Het GIO van woensdag 28 april 2027' — capitalised to start a sentence. */
export function hetOverleg(o: Pick<Overleg, 'soort' | 'datum'>): string {
  return `Het ${soortNaam(o.soort)} van ${datumLang(o.datum)}`;
}

export async function planTabel(ctx: Context, overleggen: Overleg[]): Promise<string> {
  const k = kleuren(ctx);
  const status = (o: Overleg) =>
    o.status === 'geannuleerd' ? k.red('✗ geannuleerd') : o.status === 'verzet' ? k.yellow('! verzet') : o.status === 'gehouden' ? k.green('✓ gehouden') : 'gepland';
  return tabel(
    ctx,
    ['Datum', 'Overleg', 'Tijd', 'Locatie', 'Status', 'Toelichting'],
    overleggen.map((o) => [dagKort(o.datum), soortNaam(o.soort), o.tijd, o.locatie, status(o), toelichting(o)]),
  );
}
