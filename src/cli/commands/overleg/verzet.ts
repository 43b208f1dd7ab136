/** `kvz overleg verzet <soort> <datum> --naar <datum>`: move a meeting (or bring a cancelled one back). */
import { eersteWerkdag, geenWerkdag } from '../../../domain/feestdagen.js';
import { UsageError } from '../../../domain/errors.js';
import { dagVan, parseDatum, VOORUIT, parseKloktijd } from '../../../domain/tijd.js';
import { datumLang } from '../../../domain/datum-nl.js';
import { databaseId } from '../../../store/instellingen.js';
import { verzetOverleg } from '../../../store/overleggen.js';
import { bezorgKalender, kalenderPostVoor } from '../../post.js';
import type { Context } from '../../context.js';
import { schrijf, schrijfJson } from '../../output.js';
import { parseLocatie, parseReden, soortArgument } from './invoer.js';
import { hetOverleg, overlegJson } from './render.js';

interface Opts {
  naar?: string;
  tijd?: string;
  locatie?: string;
  reden?: string;
  json?: boolean;
}

export default async function overlegVerzet(ctx: Context, o: Opts, [soortInvoer, datumInvoer]: string[]): Promise<void> {
  const vandaag = dagVan(ctx.nu);
  const soort = soortArgument(soortInvoer!, datumInvoer, 'verzet');
  const datum = parseDatum(datumInvoer!, 'de datum van het overleg', vandaag);
  const verzetting = {
    naar: o.naar === undefined ? undefined : parseDatum(o.naar, '--naar', vandaag, VOORUIT),
    tijd: o.tijd === undefined ? undefined : parseKloktijd(o.tijd, '--tijd'),
    locatie: parseLocatie(o.locatie, '--locatie'),
    reden: parseReden(o.reden),
  };
  if (!verzetting.naar && !verzetting.tijd && !verzetting.locatie) {
    throw new UsageError('Geef met --naar de nieuwe datum (of met --tijd of --locatie wat er verandert).');
  }
  // A meeting is moved to a working day: a holiday or a weekend is refused, not just warned about (#15 item 12).
  const vrij = verzetting.naar === undefined ? undefined : geenWerkdag(verzetting.naar);
  if (vrij) {
    throw new UsageError(`--naar ${datumLang(verzetting.naar!)} is geen werkdag (${vrij}); kies een werkdag, bijvoorbeeld ${datumLang(eersteWerkdag(verzetting.naar!).datum)}. Er is niets verzet.`);
  }

  const db = await ctx.db();
  const actor = ctx.actor('overleg verzet');
  const mail = await kalenderPostVoor(ctx, db, [soort]);
  const { overleg, voorheen } = await verzetOverleg(db, actor, soort, datum, verzetting, mail?.post);
  if (o.json) schrijfJson(ctx, overlegJson(overleg, await databaseId(db)));
  else {
    const waar = `${datumLang(overleg.datum)} ${overleg.tijd}, ${overleg.locatie}`;
    schrijf(ctx, voorheen.status === 'geannuleerd'
      ? `${hetOverleg(voorheen)} gaat weer door: ${waar}.`
      : `${hetOverleg(voorheen)} is verzet naar ${waar}.`);
  }
  await bezorgKalender(ctx, db, actor, mail, o.json === true);
}
