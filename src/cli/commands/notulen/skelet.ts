/** `kvz notulen gio|tweewekelijks|politie`: the minutes skeleton of the next (or a given) meeting, in Markdown or Word. */
import { soortNaam, type OverlegSoort } from '../../../domain/cadans.js';
import { datumLang } from '../../../domain/datum-nl.js';
import { notulenMarkdown } from '../../../documents/notulen-md.js';
import { agendaVoor } from '../../../store/agenda.js';
import { databaseId } from '../../../store/instellingen.js';
import { schrijfAtomisch } from '../../bestand.js';
import type { Context } from '../../context.js';
import { leesDocumentFormaat } from '../../document-opties.js';
import { kleineJongeGeneratie } from '../../geheugen.js';
import type { Handler } from '../../handler.js';
import { schrijf, schrijfDocument } from '../../output.js';
import { documentOverleg } from '../agenda/overleg-keuze.js';

interface Opts {
  datum?: string;
  output?: string;
  formaat?: string;
}

export function skeletVan(soort: OverlegSoort): Handler<Opts> {
  return async (ctx: Context, o: Opts) => {
    const formaat = leesDocumentFormaat(o.formaat, o.output);
    // As for the agenda: Markdown is built as text from rows held to the end; Word builds an object tree.
    if (formaat !== 'docx') kleineJongeGeneratie();
    const { db, overleg, output } = await documentOverleg(ctx, soort, o);
    const a = await agendaVoor(db, overleg, ctx.nu);
    const id = await databaseId(db);
    const inhoud = formaat === 'docx' ? await (await import('../../../documents/agenda-docx.js')).notulenDocx(a, id) : notulenMarkdown(a, id);
    if (output === undefined) return void schrijfDocument(ctx, String(inhoud)); // Word needs --output (checked above)
    schrijfAtomisch(output, inhoud);
    schrijf(ctx, `Notulenskelet van het ${soortNaam(soort)} van ${datumLang(overleg.datum)} geschreven naar ${output}.`);
    if (formaat === 'md') schrijf(ctx, `Vul het in en verwerk het daarna met: kvz notulen verwerk ${output}`);
    else schrijf(ctx, `Vul het in Word in en verwerk het daarna met: kvz notulen verwerk ${output}`);
  };
}
