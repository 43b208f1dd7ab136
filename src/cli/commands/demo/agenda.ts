/** The end of `kvz demo`: the agenda of the next GIO, exactly as `kvz agenda gio` writes it. */
import { dagVan } from '../../../domain/tijd.js';
import { agendaMarkdown } from '../../../documents/agenda-md.js';
import { agendaVoor } from '../../../store/agenda.js';
import { volgendOverleg } from '../../../store/overleggen.js';
import type { Context } from '../../context.js';
import { schrijfDocument } from '../../output.js';

export async function toonVolgendeGioAgenda(ctx: Context): Promise<void> {
  const db = await ctx.db();
  const gio = await volgendOverleg(db, 'gio', dagVan(ctx.nu));
  if (gio) schrijfDocument(ctx, agendaMarkdown(await agendaVoor(db, gio, ctx.nu)));
}
