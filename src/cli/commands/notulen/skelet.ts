/** `kvz notulen gio|tweewekelijks|politie`: the minutes skeleton of the next (or a given) meeting. */
import { soortNaam, type OverlegSoort } from '../../../domain/cadans.js';
import { datumLang } from '../../../domain/tijd.js';
import { notulenMarkdown } from '../../../documents/notulen-md.js';
import { agendaVoor } from '../../../store/agenda.js';
import { databaseId } from '../../../store/instellingen.js';
import { schrijfAtomisch } from '../../bestand.js';
import type { Context } from '../../context.js';
import type { Handler } from '../../handler.js';
import { schrijf } from '../../output.js';
import { documentOverleg } from '../agenda/overleg-keuze.js';

interface Opts {
  datum?: string;
  output?: string;
}

export function skeletVan(soort: OverlegSoort): Handler<Opts> {
  return async (ctx: Context, o: Opts) => {
    const { db, overleg, output } = await documentOverleg(ctx, soort, o);
    const inhoud = notulenMarkdown(await agendaVoor(db, overleg, ctx.nu), await databaseId(db));
    if (output === undefined) return void ctx.io.stdout.write(inhoud);
    schrijfAtomisch(output, inhoud);
    schrijf(ctx, `Notulenskelet van het ${soortNaam(soort)} van ${datumLang(overleg.datum)} geschreven naar ${output}.`);
    schrijf(ctx, `Vul het in en verwerk het daarna met: kvz notulen verwerk ${output}`);
  };
}
