/** `kvz melding add`: the front desk records a melding, from flags or by answering questions. */
import {
  alsFlag,
  leesNieuweMelding,
  valideerGegeven,
  veldRegels,
  VERPLICHT,
  type RegelContext,
  type RuweMelding,
} from '../../../domain/melding-invoer.js';
import { CancelledError } from '../../../domain/errors.js';
import { KANALEN, type NieuweMelding } from '../../../domain/melding.js';
import { tijdstipKort } from '../../../domain/tijd.js';
import { isVerborgen, lijktOp, toonMelding, voegMeldingToe } from '../../../store/meldingen.js';
import { categorieen, meldingLijsten, partners } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { ontbrekendeWaarden } from '../../invoer.js';
import { meld, schrijfJson, schrijfTekst } from '../../output.js';
import { bereidPostVoor, leverAf, meldPost } from '../../post.js';
import { bevestiging } from './render.js';

interface Opts extends RuweMelding {
  json?: boolean;
  zonderMail?: boolean;
}

export default async function meldingAdd(ctx: Context, opts: Opts): Promise<void> {
  const db = await ctx.db();
  const c: RegelContext = {
    lijsten: await meldingLijsten(db),
    nu: ctx.nu,
  };
  const ruw: RuweMelding = { ...opts };
  const ontbreekt = VERPLICHT.filter((v) => ruw[v] === undefined);
  if (ontbreekt.length > 0) {
    if (!ctx.kanVragen) throw ontbrekendeWaarden(ontbreekt.map(alsFlag));
    // Check what was typed before asking for the rest, so a typo is not found only at the end.
    valideerGegeven(ruw, c, alsFlag);
    await vraagAan(ctx, ruw, c);
  }
  const nieuw = leesNieuweMelding(ruw, c, alsFlag);
  // A second report of the same thing (#15 item 14): asked about in a terminal, warned about otherwise.
  const gelijk = await lijktOp(db, nieuw);
  const gevraagd = gelijk.length > 0 && ctx.kanVragen && !opts.json;
  if (gevraagd) await kiesBijGelijke(ctx, nieuw, gelijk);
  const post = nieuw.doorzettenNaar.length > 0 ? await bereidPostVoor(ctx, db, opts.zonderMail === true) : undefined;
  const actor = ctx.actor('melding add');
  let melding = await voegMeldingToe(db, actor, nieuw, post?.keuze, post?.verslag);
  const afgeleverd = post ? await leverAf(db, actor, post) : [];
  // Delivered after the commit: shown as it stands now, forwarded or still waiting for its mail.
  if (afgeleverd.length > 0 && !isVerborgen(melding)) melding = await toonMelding(db, melding.nummer, ctx.nu);
  if (opts.json) schrijfJson(ctx, gelijk.length > 0 ? { ...melding, lijkt_op: gelijk.map((g) => g.nummer) } : melding);
  else schrijfTekst(ctx, bevestiging(ctx, melding));
  if (gelijk.length > 0 && !gevraagd && !opts.json) meld(ctx, gelijkWaarschuwing(melding.nummer, gelijk, nieuw.ontvangenOp));
  meldPost(ctx, post, afgeleverd, opts.json);
}

type Gelijke = Awaited<ReturnType<typeof lijktOp>>;

/** How many like it are named; a busy address can have dozens in a day, and one line should stay readable. */
const NOEMEN = 5;

/** The ones to name: all, or the five received nearest to the new one's moment, in order of receipt. */
function teNoemen(gelijk: Gelijke, op: Date): Gelijke {
  if (gelijk.length <= NOEMEN) return gelijk;
  const afstand = (g: Gelijke[number]) => Math.abs(Date.parse(g.ontvangen_op) - op.getTime());
  const dichtst = new Set([...gelijk].sort((a, b) => afstand(a) - afstand(b)).slice(0, NOEMEN));
  return gelijk.filter((g) => dichtst.has(g));
}

/** 'lijkt op M-2027-0041 (16-03-2027 09:12, zaak Z-2027-003): zelfde categorie, kern en adres, binnen een dag.' */
function gelijkTekst(gelijk: Gelijke, op: Date): string {
  const genoemd = teNoemen(gelijk, op);
  const meer = gelijk.length - genoemd.length;
  const lijst = genoemd.map((g) => `${g.nummer} (${tijdstipKort(new Date(g.ontvangen_op))}${g.zaak ? `, zaak ${g.zaak}` : ''})`).join(', ');
  return `lijkt op ${lijst}${meer > 0 ? ` en ${meer} andere` : ''}: zelfde categorie, kern en adres, binnen een dag.`;
}

function gelijkWaarschuwing(nummer: string, gelijk: Gelijke, op: Date): string {
  // Only a zaak still open can take it (a closed one is in the text above, as what it was).
  const zaak = gelijk.find((g) => g.zaak_open)?.zaak;
  const genoemd = teNoemen(gelijk, op);
  const doe = zaak ? `kvz melding link ${nummer} ${zaak}` : `kvz zaak open --melding ${[...genoemd.filter((g) => g.zaak === null).map((g) => g.nummer), nummer].join(',')} …`;
  return [
    `! ${nummer} ${gelijkTekst(gelijk, op)}`,
    `  Hoort ze erbij, koppel ze dan:     ${doe}`,
    `  Is het dezelfde melding nog eens: kvz melding close ${nummer} --vervallen "dubbel met ${genoemd[0]!.nummer}"`,
  ].join('\n');
}

/** In a terminal: record it anyway, record it with the zaak of the earlier one, or stop. */
async function kiesBijGelijke(ctx: Context, nieuw: NieuweMelding, gelijk: Gelijke): Promise<void> {
  // Linking to a zaak is iv's (on a shared database the desk may not); a closed zaak takes nothing.
  const magKoppelen = nieuw.zaak === undefined && ctx.rol() !== 'balie';
  const metZaak = magKoppelen ? gelijk.find((g) => g.zaak_open) : undefined;
  const keuze = await ctx.vraag.select({
    message: `Deze melding ${gelijkTekst(gelijk, nieuw.ontvangenOp)} Wat wilt u?`,
    choices: [
      { name: 'Toch vastleggen als nieuwe melding', value: 'nieuw' },
      ...(metZaak ? [{ name: `Vastleggen en koppelen aan zaak ${metZaak.zaak} (van ${metZaak.nummer})`, value: 'koppel' }] : []),
      { name: 'Afbreken: niets vastleggen', value: 'stop' },
    ],
    default: 'nieuw',
  });
  if (keuze === 'stop') throw new CancelledError();
  if (keuze === 'koppel') nieuw.zaak = metZaak!.zaak!;
}

/** The interactive route: asks for every field that no flag gave. */
async function vraagAan(ctx: Context, ruw: RuweMelding, c: RegelContext): Promise<void> {
  const db = await ctx.db();
  const v = ctx.vraag;
  const geldig = (veld: keyof typeof veldRegels, naam: string) => (x: string) => {
    try {
      veldRegels[veld](x, naam, c);
      return true as const;
    } catch (e) {
      return (e as Error).message;
    }
  };
  ruw.kanaal ??= await v.select({
    message: 'Kanaal',
    choices: KANALEN.map((k) => ({ name: k, value: k })),
    default: 'telefoon',
  });
  ruw.categorie ??= await v.search({
    message: 'Categorie (typ om te zoeken)',
    choices: (await categorieen(db)).map((c) => ({ name: `${c.code} — ${c.omschrijving}`, value: c.code })),
  });
  ruw.kern ??= await v.search({
    message: 'Kern (typ om te zoeken)',
    choices: c.lijsten.kern.waarden.map((k) => ({ name: k, value: k })),
  });
  ruw.adres ??= await v.input({ message: 'Adres of plek (optioneel)', validate: geldig('adres', 'het adres') });
  ruw.omschrijving ??= await v.input({
    message: 'Omschrijving',
    validate: geldig('omschrijving', 'de omschrijving'),
  });
  ruw.melderNaam ??= await v.input({
    message: 'Naam melder (leeg = anoniem)',
    validate: geldig('melderNaam', 'de naam'),
  });
  ruw.melderTelefoon ??= await v.input({
    message: 'Telefoon melder (optioneel)',
    validate: geldig('melderTelefoon', 'het telefoonnummer'),
  });
  ruw.melderEmail ??= await v.input({
    message: 'E-mail melder (optioneel)',
    validate: geldig('melderEmail', 'het e-mailadres'),
  });
  if (ruw.terugkoppeling === undefined && (ruw.melderTelefoon?.trim() || ruw.melderEmail?.trim())) {
    ruw.terugkoppeling = await v.confirm({ message: 'Wil de melder terugkoppeling?', default: false });
  }
  ruw.vergunninghouder ??= await v.confirm({ message: 'Betreft het een vergunninghouder?', default: false });
  ruw.vertrouwelijk ??= await v.confirm({ message: 'Vertrouwelijk (alleen politieoverleg)?', default: false });
  if (ruw.doorzetten === undefined) {
    const eerst = ['politie', 'jongerenwerk', 'zorgteam'];
    const gekozen = await v.checkbox({
      message: 'Nu doorzetten naar (spatie kiest, enter bevestigt)',
      choices: (await partners(db))
        .sort((a, b) => (eerst.indexOf(a.code) + 1 || 99) - (eerst.indexOf(b.code) + 1 || 99))
        .map((p) => ({ name: `${p.code} — ${p.naam}`, value: p.code })),
    });
    if (gekozen.length > 0) ruw.doorzetten = gekozen.join(',');
  }
}
