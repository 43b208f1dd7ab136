/** `kvz overleg plan`: the meetings ahead, as a table, JSON and/or an iCalendar file. */
import { OVERLEG_SOORTEN, type OverlegSoort } from '../../../domain/cadans.js';
import { opDatum, type Overleg } from '../../../domain/overleg.js';
import { UsageError } from '../../../domain/errors.js';
import { dagVan, parseDatum, plusMaanden } from '../../../domain/tijd.js';
import { datumLang } from '../../../domain/datum-nl.js';
import { icsKalender } from '../../../documents/ics.js';
import { databaseId } from '../../../store/instellingen.js';
import { cadansVersies, kalenderRij, kalenderRijen, vervallenIn, volgnummerVan } from '../../../store/kalender.js';
import { exporteerPlan, overleggen } from '../../../store/overleggen.js';
import { schrijfAtomisch } from '../../bestand.js';
import { leesOutput } from '../../output-pad.js';
import type { Context } from '../../context.js';
import { meervoud, meld, schrijf, schrijfJson } from '../../output.js';
import { waarschuwStandaardCadans } from '../agenda/overleg-keuze.js';
import { parseSoort } from './invoer.js';
import { overlegJson, planTabel } from './render.js';

interface Opts {
  soort?: string;
  van?: string;
  tot?: string;
  json?: boolean;
  ics?: string;
}

export default async function overlegPlan(ctx: Context, o: Opts): Promise<void> {
  const vandaag = dagVan(ctx.nu);
  const soort = o.soort === undefined ? undefined : parseSoort(o.soort, '--soort');
  const van = o.van === undefined ? vandaag : parseDatum(o.van, '--van', vandaag);
  const tot = o.tot === undefined ? plusMaanden(van, 6) : parseDatum(o.tot, '--tot', vandaag);
  if (van > tot) throw new UsageError('--van ligt na --tot; draai ze om.');
  if (o.ics !== undefined && o.ics.trim() === '') throw new UsageError('--ics heeft een bestandsnaam nodig, of "-" voor de uitvoer.');
  if (o.ics !== undefined && o.ics !== '-') leesOutput(o.ics, '--ics');
  if (o.ics === '-' && o.json) throw new UsageError('--ics - en --json schrijven allebei naar de uitvoer; kies er één.');

  const db = await ctx.db();
  const lijst = await overleggen(db, { soort, van, tot });
  await waarschuwStandaardCadans(ctx, db, soort);
  if (o.ics !== undefined) await exporteerIcs(ctx, lijst, { van, tot, soort, pad: o.ics });
  if (o.ics === '-') return;
  if (o.json) {
    const id = await databaseId(db);
    schrijfJson(ctx, lijst.map((x) => overlegJson(x, id)));
  }
  else await toonTabel(ctx, lijst, van, tot);
  if (o.ics !== undefined) {
    // With --json the output is the JSON alone; the notice goes to stderr.
    (o.json ? meld : schrijf)(ctx, `iCalendar-bestand geschreven: ${o.ics} (${meervoud(lijst.length, 'overleg', 'overleggen')}).`);
  }
}

/**
 * The file also carries, as cancelled, the meetings a new cadence dropped, so that a calendar that
 * imported them before drops them; each event's SEQUENCE is never below what went out by mail.
 */
async function exporteerIcs(ctx: Context, lijst: Overleg[], p: { van: string; tot: string; soort: OverlegSoort | undefined; pad: string }): Promise<void> {
  const db = await ctx.db();
  const versies = await cadansVersies(db);
  const rijen = await kalenderRijen(db, p.soort ? [p.soort] : OVERLEG_SOORTEN, p.van, p.tot);
  const alle = [...lijst, ...vervallenIn(rijen, p.van, p.tot)].sort(opDatum);
  const inhoud = icsKalender(alle, { nu: ctx.nu, databaseId: await databaseId(db), volgnummer: (o) => volgnummerVan(o, versies, kalenderRij(rijen, o)) });
  const details = { bestand: p.pad === '-' ? '(uitvoer)' : p.pad, van: p.van, tot: p.tot, soort: p.soort ?? 'alle', aantal: lijst.length };
  await exporteerPlan(db, ctx.actor('overleg plan'), details, () => {
    if (p.pad === '-') ctx.io.stdout.write(inhoud);
    else schrijfAtomisch(p.pad, inhoud);
  });
}

async function toonTabel(ctx: Context, lijst: Overleg[], van: string, tot: string): Promise<void> {
  const periode = `${datumLang(van)} tot en met ${datumLang(tot)}`;
  if (lijst.length === 0) return schrijf(ctx, `Geen overleggen van ${periode}.`);
  schrijf(ctx, `Overleggen van ${periode}:\n`);
  schrijf(ctx, await planTabel(ctx, lijst));
}
