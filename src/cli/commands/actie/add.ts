/** `kvz actie add`: a new row in the matrix, from flags or by answering questions. */
import type { NieuweActie } from '../../../domain/actie.js';
import type { Keuzelijst } from '../../../domain/keuze.js';
import { parseNummer } from '../../../domain/nummers.js';
import { datumKort, dagVan, type Datum } from '../../../domain/tijd.js';
import { voegActieToe } from '../../../store/acties.js';
import { partnerLijst, partners } from '../../../store/referentie.js';
import type { Db } from '../../../store/db.js';
import type { Context } from '../../context.js';
import { ontbrekendeWaarden } from '../../invoer.js';
import { kleuren, schrijf, schrijfJson } from '../../output.js';
import { actieInvoer, geldig, leesDeadline } from './invoer.js';
import { volgendDatums } from '../../../store/overleggen.js';
import { overlegLabel } from './render.js';

interface Opts {
  omschrijving?: string;
  partner?: string;
  deadline?: string;
  soort?: string;
  overleg?: string;
  json?: boolean;
}

type Verplicht = Pick<NieuweActie, 'omschrijving' | 'partner' | 'deadline'>;

export default async function actieAdd(ctx: Context, o: Opts, [z]: string[]): Promise<void> {
  const zaak = parseNummer('zaak', z!, 'het zaaknummer');
  const vandaag = dagVan(ctx.nu);
  const db = await ctx.db();
  const lijst = await partnerLijst(db);
  // Everything typed is checked before anything is asked, so a typo is not found only at the end.
  const gegeven: Partial<Verplicht> = {
    omschrijving: o.omschrijving === undefined ? undefined : actieInvoer.omschrijving(o.omschrijving),
    partner: o.partner === undefined ? undefined : actieInvoer.partner(o.partner, lijst),
    deadline: o.deadline === undefined ? undefined : await leesDeadline(async () => db, o.deadline, vandaag),
  };
  const a: NieuweActie = {
    zaak,
    soort: o.soort === undefined ? 'overig' : actieInvoer.soort(o.soort),
    ...(o.overleg === undefined ? {} : { overleg: actieInvoer.overleg(o.overleg, vandaag) }),
    ...(await vraagAan(ctx, db, gegeven, lijst, vandaag)),
  };
  const actie = await voegActieToe(db, ctx.actor('actie add'), a);
  if (o.json) return schrijfJson(ctx, actie);
  const k = kleuren(ctx);
  const waar = actie.afgesproken_in ? `, afgesproken in ${overlegLabel(actie.afgesproken_in)}` : '';
  schrijf(ctx, k.green(`Actie ${actie.nummer} toegevoegd aan zaak ${zaak}: ${actie.partner}, deadline ${datumKort(actie.deadline)}${waar}.`));
  if (actie.te_laat) schrijf(ctx, k.red('! De deadline ligt al in het verleden: de actie is meteen te laat.'));
}

/** Asks on a terminal for the required fields that no flag gave. */
async function vraagAan(ctx: Context, db: Db, g: Partial<Verplicht>, lijst: Keuzelijst, vandaag: Datum): Promise<Verplicht> {
  const ontbreekt = (['omschrijving', 'partner', 'deadline'] as const).filter((v) => g[v] === undefined);
  if (ontbreekt.length > 0 && !ctx.kanVragen) throw ontbrekendeWaarden(ontbreekt.map((v) => `--${v}`));
  const v = ctx.vraag;
  const omschrijving =
    g.omschrijving ?? actieInvoer.omschrijving(await v.input({ message: 'Omschrijving', validate: geldig((x) => actieInvoer.omschrijving(x)) }));
  const partner =
    g.partner ??
    actieInvoer.partner(
      await v.search({
        message: 'Partner (typ om te zoeken)',
        choices: (await partners(await ctx.db())).map((p) => ({ name: `${p.code} — ${p.naam}`, value: p.code })),
      }),
      lijst,
    );
  const volgend = g.deadline === undefined ? await volgendDatums(db, vandaag) : {};
  const lees = (x: string) => actieInvoer.deadline(x, vandaag, volgend, 'de deadline');
  const deadline =
    g.deadline ?? lees(await v.input({ message: 'Deadline (bijv. 30-03-2027, 30-3, vrijdag, over 2 weken of volgend-gio)', validate: geldig(lees) }));
  return { omschrijving, partner, deadline };
}
