/** `kvz post list`: what kvz mailed, drafted or still has to send. A melder's address shows as `melder`. */
import { kiesMeerdere } from '../../../domain/keuze.js';
import { tijdstipKort } from '../../../domain/tijd.js';
import { BERICHT_STATUSSEN, berichten, type BerichtStatus, type OpgeslagenBericht } from '../../../store/post.js';
import type { Context } from '../../context.js';
import { schrijf, schrijfJson, tabel } from '../../output.js';

export function alsPostRij(b: OpgeslagenBericht) {
  return {
    id: b.id,
    soort: b.soort,
    aan: b.aan_melder ? 'melder' : b.aan,
    onderwerp: b.onderwerp,
    status: b.status,
    object: b.object,
    gemaakt_op: b.gemaakt_op,
    verzonden_op: b.verzonden_op,
    fout: b.fout,
  };
}

export default async function postList(ctx: Context, o: { status?: string; json?: boolean }): Promise<void> {
  const statussen =
    o.status === undefined
      ? undefined
      : (kiesMeerdere(o.status, '--status', { soort: 'status', waarden: BERICHT_STATUSSEN }) as BerichtStatus[]);
  const rijen = (await berichten(await ctx.db(), statussen)).map(alsPostRij);
  if (o.json) return schrijfJson(ctx, rijen);
  if (rijen.length === 0) return schrijf(ctx, statussen ? `Geen berichten met status ${statussen.join(', ')}.` : 'Er is nog geen post.');
  schrijf(
    ctx,
    await tabel(
      ctx,
      ['Nr', 'Soort', 'Over', 'Aan', 'Status', 'Gemaakt', 'Verzonden', 'Fout'],
      rijen.map((r) => [
        String(r.id), r.soort, r.object, r.aan, r.status, tijdstipKort(new Date(r.gemaakt_op)),
        r.verzonden_op ? tijdstipKort(new Date(r.verzonden_op)) : '–', r.fout ?? '',
      ]),
    ),
  );
}
