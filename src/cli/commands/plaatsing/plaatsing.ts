/** `kvz plaatsing add|list|show|update|contact` (SPEC §11): placements of vergunninghouders. */
import { UsageError } from '../../../domain/errors.js';
import { kies } from '../../../domain/keuze.js';
import { parseNummer } from '../../../domain/nummers.js';
import { meervoud } from '../../../domain/taal.js';
import { optioneleTekst, positiefGetal, tekst } from '../../../domain/tekst.js';
import { dagVan, datumKort, parseDatum, parseTijdstip, tijdstipKort } from '../../../domain/tijd.js';
import {
  CONTACT_SOORTEN_PLAATSING, toonPlaatsing, voegPlaatsingContactToe, voegPlaatsingToe, wijzigPlaatsing, zoekPlaatsingen,
  type Plaatsing, type PlaatsingContactSoort, type PlaatsingDetail, type PlaatsingWijziging,
} from '../../../store/plaatsingen.js';
import { kernLijst, partnerLijst } from '../../../store/referentie.js';
import type { Db } from '../../../store/db.js';
import type { Context } from '../../context.js';
import { eisWaarden } from '../../invoer.js';
import { ingesprongen, kleuren, schrijf, schrijfJson, tabel } from '../../output.js';

const ADRES = { max: 200 } as const;
const NOTITIE = { max: 2000, meerdereRegels: true } as const;

const huishouden = (input: string | undefined) => (input === undefined ? undefined : positiefGetal(input, '--huishouden', 30));

async function partner(db: Db, input: string | undefined, veld: string): Promise<string | undefined> {
  return input === undefined ? undefined : kies(input, veld, await partnerLijst(db));
}

/** SPEC §11's keys, never the address: lists, and what add, update and contact answer (only show gives it). */
const lijstJson = ({ nummer, kern, datum, einde, huishouden, begeleiding, meldingen, contacten }: Plaatsing) => ({
  nummer, kern, datum, einde, huishouden, begeleiding, meldingen, contacten,
});

interface AddOpts {
  kern?: string;
  adres?: string;
  datum?: string;
  huishouden?: string;
  begeleiding?: string;
  notitie?: string;
  json?: boolean;
}

export async function add(ctx: Context, o: AddOpts): Promise<void> {
  eisWaarden({ '--kern': o.kern, '--adres': o.adres, '--datum': o.datum });
  const adres = tekst(o.adres!, '--adres', ADRES);
  const datum = parseDatum(o.datum!, '--datum', dagVan(ctx.nu));
  const n = huishouden(o.huishouden);
  const notitie = optioneleTekst(o.notitie, '--notitie', NOTITIE);
  const db = await ctx.db();
  const kern = kies(o.kern!, '--kern', await kernLijst(db));
  const begeleiding = await partner(db, o.begeleiding, '--begeleiding');
  const p = await voegPlaatsingToe(db, ctx.actor('plaatsing add'), {
    kern, adres, datum, ...(n !== undefined ? { huishouden: n } : {}), ...(begeleiding ? { begeleiding } : {}), ...(notitie ? { notitie } : {}),
  });
  if (o.json) return schrijfJson(ctx, lijstJson(p));
  const k = kleuren(ctx);
  schrijf(ctx, k.green(`Plaatsing ${p.nummer} vastgelegd: ${p.kern}, ${datum > dagVan(ctx.nu) ? 'vanaf' : 'sinds'} ${datumKort(p.datum)}.`));
  schrijf(ctx, `Koppel meldingen erover met kvz melding add|update --plaatsing ${p.nummer}; bezoeken met kvz plaatsing contact ${p.nummer}.`);
}

export async function list(ctx: Context, o: { kern?: string; alle?: boolean; json?: boolean }): Promise<void> {
  const db = await ctx.db();
  const kern = o.kern === undefined ? undefined : kies(o.kern, '--kern', await kernLijst(db));
  const vandaag = dagVan(ctx.nu);
  const lijst = await zoekPlaatsingen(db, { vandaag, ...(kern ? { kern } : {}), ...(o.alle ? { alle: true } : {}) });
  if (o.json) return schrijfJson(ctx, lijst.map(lijstJson));
  if (lijst.length === 0) return schrijf(ctx, o.alle ? 'Geen plaatsingen gevonden.' : 'Geen lopende plaatsingen gevonden (--alle toont ook de beëindigde).');
  const laatste = (p: Plaatsing) => {
    const c = p.contacten.at(-1);
    return c ? `${datumKort(dagVan(new Date(c.op)))} (${c.soort})` : 'nog geen';
  };
  schrijf(
    ctx,
    await tabel(
      ctx,
      ['Nummer', 'Kern', 'Geplaatst', 'Einde', 'Begeleiding', 'Meldingen', 'Laatste contact'],
      lijst.map((p) => [
        p.nummer, p.kern, datumKort(p.datum) + (p.datum > vandaag ? ' (komt)' : ''), p.einde ? datumKort(p.einde) : '', p.begeleiding ?? '',
        String(p.meldingen.length), laatste(p),
      ]),
    ),
  );
  schrijf(ctx, `${meervoud(lijst.length, 'plaatsing', 'plaatsingen')}. Het adres staat alleen in kvz plaatsing show.`);
}

function detail(ctx: Context, p: PlaatsingDetail): string {
  const k = kleuren(ctx);
  const regel = (label: string, waarde: string) => `${k.bold(label.padEnd(14))}${waarde}`;
  const uit = [
    k.bold(`Plaatsing ${p.nummer}`),
    '',
    regel('Kern', p.kern),
    regel('Adres', p.adres ?? `(gewist op ${datumKort(dagVan(new Date(p.adres_gewist_op!)))}, bewaartermijn)`),
    regel('Geplaatst', datumKort(p.datum)),
    regel('Einde', p.einde ? datumKort(p.einde) : '—'),
    regel('Huishouden', p.huishouden === null ? '—' : meervoud(p.huishouden, 'persoon', 'personen')),
    regel('Begeleiding', p.begeleiding ?? '—'),
    regel('Meldingen', p.meldingen.length ? p.meldingen.join(', ') : '(geen)'),
    regel('Vastgelegd', `${tijdstipKort(new Date(p.aangemaakt_op))} door ${p.door}`),
  ];
  if (p.notitie) uit.push('', k.bold('Notitie'), ingesprongen(p.notitie, 2));
  uit.push('', k.bold('Contacten'));
  if (p.contacten.length === 0) uit.push('  (nog geen)');
  for (const c of p.contacten) {
    uit.push(`  ${tijdstipKort(new Date(c.op))}  ${c.soort}${c.partner ? `  ${c.partner}` : ''}  door ${c.door} — ${ingesprongen(c.notitie, 6).trimStart()}`);
  }
  return uit.join('\n');
}

export async function show(ctx: Context, o: { json?: boolean }, [invoer]: string[]): Promise<void> {
  const nummer = parseNummer('plaatsing', invoer!, 'het plaatsingnummer');
  const p = await toonPlaatsing(await ctx.db(), nummer);
  if (o.json) return schrijfJson(ctx, p);
  schrijf(ctx, detail(ctx, p));
}

interface UpdateOpts {
  einde?: string;
  datum?: string;
  kern?: string;
  adres?: string;
  huishouden?: string;
  begeleiding?: string;
  notitie?: string;
  json?: boolean;
}

export async function update(ctx: Context, o: UpdateOpts, [invoer]: string[]): Promise<void> {
  const nummer = parseNummer('plaatsing', invoer!, 'het plaatsingnummer');
  const vandaag = dagVan(ctx.nu);
  const w: PlaatsingWijziging = {};
  if (o.einde !== undefined) w.einde = parseDatum(o.einde, '--einde', vandaag);
  if (o.datum !== undefined) w.datum = parseDatum(o.datum, '--datum', vandaag);
  if (o.adres !== undefined) w.adres = tekst(o.adres, '--adres', ADRES);
  if (o.huishouden !== undefined) w.huishouden = huishouden(o.huishouden)!;
  if (o.notitie !== undefined) w.notitie = optioneleTekst(o.notitie, '--notitie', NOTITIE) ?? null;
  if (Object.keys(o).filter((x) => x !== 'json').length === 0) {
    throw new UsageError('Geef minstens één wijziging: --einde, --datum, --kern, --adres, --huishouden, --begeleiding of --notitie.');
  }
  const db = await ctx.db();
  if (o.kern !== undefined) w.kern = kies(o.kern, '--kern', await kernLijst(db));
  if (o.begeleiding !== undefined) w.begeleiding = (await partner(db, o.begeleiding, '--begeleiding'))!;
  const { plaatsing, gewijzigd } = await wijzigPlaatsing(db, ctx.actor('plaatsing update'), nummer, w);
  if (o.json) return schrijfJson(ctx, lijstJson(plaatsing));
  if (gewijzigd.length === 0) return schrijf(ctx, `Plaatsing ${nummer}: niets gewijzigd (alles stond al zo).`);
  schrijf(ctx, `Plaatsing ${nummer} bijgewerkt: ${gewijzigd.join(', ')}.${w.einde ? ` Ze eindigt op ${datumKort(w.einde)}.` : ''}`);
}

interface ContactOpts {
  soort?: string;
  notitie?: string;
  partner?: string;
  op?: string;
  json?: boolean;
}

export async function contact(ctx: Context, o: ContactOpts, [invoer]: string[]): Promise<void> {
  const nummer = parseNummer('plaatsing', invoer!, 'het plaatsingnummer');
  eisWaarden({ '--notitie': o.notitie });
  const soort = kies(o.soort ?? 'bezoek', '--soort', { waarden: CONTACT_SOORTEN_PLAATSING, soort: 'soort contact' }) as PlaatsingContactSoort;
  const notitie = tekst(o.notitie!, '--notitie', NOTITIE);
  const op = o.op === undefined ? ctx.nu : parseTijdstip(o.op, '--op', ctx.nu);
  if (op.getTime() > ctx.nu.getTime() + 60_000) throw new UsageError(`--op ligt in de toekomst (${tijdstipKort(op)}); geef een moment tot en met nu.`);
  const db = await ctx.db();
  const wie = await partner(db, o.partner, '--partner');
  const p = await voegPlaatsingContactToe(db, ctx.actor('plaatsing contact'), nummer, { op, soort, notitie, ...(wie ? { partner: wie } : {}) });
  if (o.json) return schrijfJson(ctx, lijstJson(p));
  schrijf(ctx, `Contact met plaatsing ${nummer} vastgelegd: ${soort}, ${tijdstipKort(op)}.`);
}

