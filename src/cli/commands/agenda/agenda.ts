/** `kvz agenda <soort>`: the agenda as Markdown, or its content as JSON; to stdout or a file. */
import { soortNaam, type OverlegSoort } from '../../../domain/cadans.js';
import { datumLang } from '../../../domain/tijd.js';
import { agendaMarkdown } from '../../../documents/agenda-md.js';
import { agendaVoor } from '../../../store/agenda.js';
import { schrijfAtomisch } from '../../bestand.js';
import type { Context } from '../../context.js';
import type { Handler } from '../../handler.js';
import { meld, schrijf } from '../../output.js';
import { documentOverleg } from './overleg-keuze.js';

interface Opts {
  datum?: string;
  output?: string;
  json?: boolean;
}

export function agendaVan(soort: OverlegSoort): Handler<Opts> {
  return async (ctx: Context, o: Opts) => {
    const { db, overleg, output } = await documentOverleg(ctx, soort, o);
    const a = await agendaVoor(db, overleg, ctx.nu);
    const inhoud = o.json ? `${JSON.stringify(a, null, 2)}\n` : agendaMarkdown(a);
    if (output === undefined) return void ctx.io.stdout.write(inhoud);
    schrijfAtomisch(output, inhoud);
    (o.json ? meld : schrijf)(ctx, `Agenda van het ${soortNaam(soort)} van ${datumLang(overleg.datum)} geschreven naar ${output}.`);
  };
}
