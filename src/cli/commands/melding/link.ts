/** `kvz melding link`: attach a melding to a zaak. */
import { UsageError } from '../../../domain/errors.js';
import { parseNummer } from '../../../domain/nummers.js';
import { koppelMelding } from '../../../store/meldingen.js';
import type { Context } from '../../context.js';
import { schrijf, schrijfJson } from '../../output.js';

export default async function meldingLink(ctx: Context, o: { json?: boolean }, [m, z]: string[]): Promise<void> {
  if (/^\s*z-?\d/i.test(m!) && /^\s*m-?\d/i.test(z!)) {
    throw new UsageError(`De argumenten staan andersom: eerst de melding, dan de zaak. Bedoelde u kvz melding link ${z!.trim()} ${m!.trim()}?`);
  }
  const nummer = parseNummer('melding', m!, 'het meldingnummer');
  const zaak = parseNummer('zaak', z!, 'het zaaknummer');
  const { melding, was } = await koppelMelding(await ctx.db(), ctx.actor('melding link'), nummer, zaak);
  if (o.json) return schrijfJson(ctx, melding);
  if (was === zaak) return schrijf(ctx, `Melding ${nummer} hoorde al bij zaak ${zaak}; niets gewijzigd.`);
  schrijf(ctx, `Melding ${nummer} gekoppeld aan zaak ${zaak}${was ? ` (was ${was})` : ''}.`);
}
