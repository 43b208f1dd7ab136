/** `kvz overleg plan`: the meetings ahead, as a table, JSON and/or an iCalendar file. */
import { plusMaanden, type CadansSoort } from '../../../domain/cadans.js';
import type { Overleg } from '../../../domain/overleg.js';
import { UsageError } from '../../../domain/errors.js';
import { dagVan, datumLang, parseDatum } from '../../../domain/tijd.js';
import { icsKalender } from '../../../documents/ics.js';
import { leesCadans } from '../../../store/cadans.js';
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
  if (o.json) schrijfJson(ctx, lijst.map(overlegJson));
  else await toonTabel(ctx, lijst, van, tot);
  if (o.ics !== undefined) {
    // With --json the output is the JSON alone; the notice goes to stderr.
    (o.json ? meld : schrijf)(ctx, `iCalendar-bestand geschreven: ${o.ics} (${meervoud(lijst.length, 'overleg', 'overleggen')}).`);
  }
}

async function exporteerIcs(ctx: Context, lijst: Overleg[], p: { van: string; tot: string; soort: string | undefined; pad: string }): Promise<void> {
  const db = await ctx.db();
  const cadansVersie = Object.fromEntries(Object.values(await leesCadans(db)).map((c) => [c.soort, c.versie])) as Record<CadansSoort, number>;
  const inhoud = icsKalender(lijst, { nu: ctx.nu, cadansVersie });
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
