/** `kvz overleg annuleer <soort> <datum>`: a meeting does not take place. */
import { dagVan, parseDatum } from '../../../domain/tijd.js';
import { databaseId } from '../../../store/instellingen.js';
import { annuleerOverleg } from '../../../store/overleggen.js';
import { bezorgKalender, kalenderPostVoor } from '../../post.js';
import type { Context } from '../../context.js';
import { schrijf, schrijfJson } from '../../output.js';
import { parseReden, soortArgument } from './invoer.js';
import { hetOverleg, overlegJson } from './render.js';

export default async function overlegAnnuleer(ctx: Context, o: { reden?: string; json?: boolean }, [soortInvoer, datumInvoer]: string[]): Promise<void> {
  const soort = soortArgument(soortInvoer!, datumInvoer, 'annuleer');
  const datum = parseDatum(datumInvoer!, 'de datum van het overleg', dagVan(ctx.nu));
  const reden = parseReden(o.reden);
  const db = await ctx.db();
  const actor = ctx.actor('overleg annuleer');
  const mail = await kalenderPostVoor(ctx, db, [soort]);
  const { overleg } = await annuleerOverleg(db, actor, soort, datum, reden, mail?.post);
  if (o.json) schrijfJson(ctx, overlegJson(overleg, await databaseId(db)));
  else schrijf(ctx, `${hetOverleg(overleg)} is geannuleerd.${soort === 'gio' ? ' De tweewekelijkse overleggen ervoor en erna gaan gewoon door.' : ''}`);
  await bezorgKalender(ctx, db, actor, mail, o.json === true);
}
