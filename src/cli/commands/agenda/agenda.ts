/** `kvz agenda <soort>`: the agenda as Markdown or a Word document, or its content as JSON; to stdout or a file. */
import { soortNaam, type OverlegSoort } from '../../../domain/cadans.js';
import { datumLang } from '../../../domain/datum-nl.js';
import { agendaMarkdown } from '../../../documents/agenda-md.js';
import { agendaVoor } from '../../../store/agenda.js';
import { schrijfAtomisch } from '../../bestand.js';
import type { Context } from '../../context.js';
import { leesDocumentFormaat, type DocumentFormaat } from '../../document-opties.js';
import { kleineJongeGeneratie } from '../../geheugen.js';
import type { Handler } from '../../handler.js';
import { meervoud, meld, schrijf, schrijfDocument } from '../../output.js';
import type { Db } from '../../../store/db.js';
import type { Agenda } from '../../../domain/agenda.js';
import { UsageError } from '../../../domain/errors.js';
import { documentOverleg } from './overleg-keuze.js';

interface Opts {
  datum?: string;
  output?: string;
  formaat?: string;
  json?: boolean;
  mail?: boolean;
}

export function agendaVan(soort: OverlegSoort): Handler<Opts> {
  return async (ctx: Context, o: Opts) => {
    if (o.mail && o.json) throw new UsageError('--mail en --json gaan niet samen; kies er één.');
    // Mail needs no file: --formaat docx without --output is what --mail sends.
    const formaat = leesDocumentFormaat(o.formaat, o.output, o.json === true, o.mail === true);
    // Markdown and JSON are built as text from rows held to the end; Word builds an object tree.
    if (formaat !== 'docx' && !o.mail) kleineJongeGeneratie();
    const { db, overleg, output } = await documentOverleg(ctx, soort, o);
    const a = await agendaVoor(db, overleg, ctx.nu);
    if (o.mail) return mail(ctx, db, a, formaat, output);
    const inhoud = formaat === 'docx'
      ? await (await import('../../../documents/agenda-docx.js')).agendaDocx(a)
      : o.json ? `${JSON.stringify(a, null, 2)}\n` : agendaMarkdown(a);
    if (output === undefined) return void schrijfDocument(ctx, String(inhoud)); // Word needs --output (checked above)
    schrijfAtomisch(output, inhoud);
    (o.json ? meld : schrijf)(ctx, `Agenda van het ${soortNaam(soort)} van ${datumLang(overleg.datum)} geschreven naar ${output}.`);
  };
}

/** --mail: the Word agenda to the meeting's participants (and, with --output, also to that file). */
async function mail(ctx: Context, db: Db, a: Agenda, formaat: DocumentFormaat, output: string | undefined): Promise<void> {
  const { agendaDocx } = await import('../../../documents/agenda-docx.js');
  const { mailAgenda } = await import('../../../store/kalender.js');
  const { bezorgKalender, kalenderPost } = await import('../../post.js');
  const docx = await agendaDocx(a);
  const post = await kalenderPost(ctx, db);
  const actor = ctx.actor(`agenda ${a.soort}`);
  // The file first: when it cannot be written, nothing is mailed either (and a second try mails once).
  if (output !== undefined) schrijfAtomisch(output, formaat === 'docx' ? docx : agendaMarkdown(a));
  const aan = await mailAgenda(db, actor, post.post, a, docx);
  if (output !== undefined) schrijf(ctx, `Agenda van het ${soortNaam(a.soort)} van ${datumLang(a.overleg.datum)} geschreven naar ${output}.`);
  schrijf(ctx, `Agenda van het ${soortNaam(a.soort)} van ${datumLang(a.overleg.datum)} als Word-document naar ${meervoud(aan.length, 'deelnemer', 'deelnemers')}.`);
  await bezorgKalender(ctx, db, actor, post);
}
