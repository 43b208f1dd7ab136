/** `kvz zaak open`: meldingen that belong together become a zaak. */
import type { Keuzelijst } from '../../../domain/keuze.js';
import type { NieuweZaak } from '../../../domain/zaak.js';
import { ZAAK_SOORTEN } from '../../../domain/zaak.js';
import { openZaak } from '../../../store/zaken.js';
import { kernLijst, partnerLijst } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { zaakJson } from './render.js';
import { ontbrekendeWaarden } from '../../invoer.js';
import { kleuren, schrijf, schrijfJson } from '../../output.js';
import { geldig } from '../actie/invoer.js';
import { zaakInvoer } from './invoer.js';

interface Opts {
  titel?: string;
  soort?: string;
  kern?: string;
  melding?: string;
  eigenaar?: string;
  vertrouwelijk?: boolean;
  json?: boolean;
}

type Verplicht = Pick<NieuweZaak, 'titel' | 'soort' | 'kern'>;

export default async function zaakOpen(ctx: Context, o: Opts): Promise<void> {
  const db = await ctx.db();
  const kernen = await kernLijst(db);
  const gegeven: Partial<Verplicht> = {
    titel: o.titel === undefined ? undefined : zaakInvoer.titel(o.titel),
    soort: o.soort === undefined ? undefined : zaakInvoer.soort(o.soort),
    kern: o.kern === undefined ? undefined : zaakInvoer.kern(o.kern, kernen),
  };
  const z: NieuweZaak = {
    eigenaar: o.eigenaar === undefined ? 'iv' : zaakInvoer.eigenaar(o.eigenaar, await partnerLijst(db)),
    vertrouwelijk: o.vertrouwelijk ?? false,
    meldingen: o.melding === undefined ? [] : zaakInvoer.meldingen(o.melding),
    ...(await vraagAan(ctx, gegeven, kernen)),
  };
  const { zaak, verplaatst } = await openZaak(db, ctx.actor('zaak open'), z);
  if (o.json) return schrijfJson(ctx, zaakJson(zaak));
  const k = kleuren(ctx);
  const regels = [k.green(`Zaak ${zaak.nummer} geopend: ${zaak.titel}.`)];
  if (zaak.vertrouwelijk) regels.push('Vertrouwelijk: deze zaak komt alleen in het politieoverleg.');
  if (z.meldingen.length > 0) regels.push(`Gekoppelde meldingen: ${z.meldingen.join(', ')}.`);
  for (const v of verplaatst) regels.push(k.yellow(`! Melding ${v.melding} hoorde bij zaak ${v.was} en hoort nu bij ${zaak.nummer}.`));
  regels.push(`Leg de aanpak vast met: kvz actie add ${zaak.nummer} --omschrijving … --partner … --deadline …`);
  schrijf(ctx, regels.join('\n'));
}

/** Asks on a terminal for the required fields that no flag gave. */
async function vraagAan(ctx: Context, g: Partial<Verplicht>, kernen: Keuzelijst): Promise<Verplicht> {
  const ontbreekt = (['titel', 'soort', 'kern'] as const).filter((v) => g[v] === undefined);
  if (ontbreekt.length > 0 && !ctx.kanVragen) throw ontbrekendeWaarden(ontbreekt.map((v) => `--${v}`));
  const v = ctx.vraag;
  const titel = g.titel ?? zaakInvoer.titel(await v.input({ message: 'Titel van de zaak', validate: geldig(zaakInvoer.titel) }));
  const soort = g.soort ?? zaakInvoer.soort(await v.select({ message: 'Soort zaak', choices: ZAAK_SOORTEN.map((s) => ({ name: s, value: s })) }));
  const kern =
    g.kern ?? zaakInvoer.kern(await v.search({ message: 'Kern (typ om te zoeken)', choices: kernen.waarden.map((x) => ({ name: x, value: x })) }), kernen);
  return { titel, soort, kern };
}
