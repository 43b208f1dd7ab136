/** `kvz overleg cadans [gio|politie]`: show the cadences, or set that of the GIO or politieoverleg. */
import { cadansSoort, soortenVan, soortNaam, tijdEnPlek, type OverlegSoort } from '../../../domain/cadans.js';
import { UsageError } from '../../../domain/errors.js';
import { positiefGetal } from '../../../domain/tekst.js';
import { dagVan, parseDatum, VOORUIT, parseKloktijd } from '../../../domain/tijd.js';
import { datumLang } from '../../../domain/datum-nl.js';
import { leesCadans, stelCadansIn, type CadansInstelling } from '../../../store/cadans.js';
import { volgendeOverleggen } from '../../../store/overleggen.js';
import type { Actor } from '../../../store/audit.js';
import type { Db } from '../../../store/db.js';
import type { Context } from '../../context.js';
import { kleuren, meervoud, schrijf, schrijfJson, tabel } from '../../output.js';
import { bezorgKalender, kalenderPostVoor } from '../../post.js';
import { parseLocatie, parseSoort } from './invoer.js';
import { dagKort, toelichting } from './render.js';

interface Opts {
  start?: string;
  interval?: string;
  tijd?: string;
  locatie?: string;
  json?: boolean;
}

export default async function overlegCadans(ctx: Context, o: Opts, [soortInvoer]: string[]): Promise<void> {
  const vandaag = dagVan(ctx.nu);
  const wijziging = {
    start: o.start === undefined ? undefined : parseDatum(o.start, '--start', vandaag, VOORUIT),
    interval_weken: o.interval === undefined ? undefined : positiefGetal(o.interval, '--interval', 52),
    tijd: o.tijd === undefined ? undefined : parseKloktijd(o.tijd, '--tijd'),
    locatie: parseLocatie(o.locatie, '--locatie'),
  };
  const wijzigt = Object.values(wijziging).some((w) => w !== undefined);
  const soort = soortInvoer === undefined ? undefined : parseSoort(soortInvoer, 'het argument <soort>');
  if (soort === 'tweewekelijks' && (wijziging.start !== undefined || wijziging.interval_weken !== undefined)) {
    throw new UsageError('Het tweewekelijks overleg heeft geen eigen cadans: het volgt het GIO (elke 14 dagen na een GIO, tot een week voor het volgende). Stel de cadans van het GIO in (kvz overleg cadans gio); alleen een eigen --tijd en --locatie kan het tweewekelijks overleg wel krijgen.');
  }
  if (wijzigt && soort === undefined) throw new UsageError('Zeg welke cadans u instelt: kvz overleg cadans gio … of kvz overleg cadans politie ….');
  if (wijziging.interval_weken !== undefined && wijziging.start === undefined) {
    throw new UsageError('Geef bij --interval ook --start: de datum van het eerste overleg met het nieuwe interval.');
  }

  const db = await ctx.db();
  if (!wijzigt) return toon(ctx, soort, o.json === true);

  const actor = ctx.actor('overleg cadans');
  if (soort === 'tweewekelijks') return tweewekelijksInstellen(ctx, db, actor, wijziging, o.json === true);
  const mail = await kalenderPostVoor(ctx, db, soortenVan(soort!));
  const uitkomst = await stelCadansIn(db, actor, soort!, wijziging, mail?.post);
  if (o.json) {
    schrijfJson(ctx, { ...cadansJson(uitkomst.cadans), bewaard: uitkomst.bewaard.map((b) => b.datum), vervallen: uitkomst.vervallen.map((v) => v.datum) });
    return bezorgKalender(ctx, db, actor, mail, true);
  }
  const k = kleuren(ctx);
  const c = uitkomst.cadans;
  if (!uitkomst.gewijzigd) {
    schrijf(ctx, `De cadans van het ${soortNaam(c.soort)} stond al zo ingesteld; er is niets gewijzigd.`);
  } else {
    schrijf(ctx, k.green(`Cadans van het ${soortNaam(c.soort)} ingesteld: ${beschrijf(c)}.`));
  }
  if (c.soort === 'gio') schrijf(ctx, `Het tweewekelijks overleg volgt: ${tweewekelijksRegel(c.interval_weken)}.`);
  if (uitkomst.bewaard.length > 0) {
    schrijf(ctx, `${meervoud(uitkomst.bewaard.length, 'overleg', 'overleggen')} van de oude cadans blijven als geschiedenis bewaard (het laatste op ${datumLang(uitkomst.bewaard.at(-1)!.datum)}).`);
  }
  for (const v of uitkomst.vervallen) {
    schrijf(ctx, k.yellow(`! Vervallen met de oude cadans: ${soortNaam(v.soort)} van ${dagKort(v.datum)} (${v.status}${toelichting(v) ? `, ${toelichting(v)}` : ''}).`));
  }
  const volgende = (await volgendeOverleggen(db, vandaag)).filter((v) => (c.soort === 'gio' ? v.soort !== 'politie' : v.soort === 'politie'));
  if (volgende.length > 0) schrijf(ctx, `Eerstvolgende: ${volgende.map((v) => `${soortNaam(v.soort)} ${datumLang(v.datum)}`).join('; ')}.`);
  await bezorgKalender(ctx, db, actor, mail);
}

/** The tweewekelijks overleg's own time and place, kept in the GIO's cadence row (it follows the GIO's dates). */
async function tweewekelijksInstellen(ctx: Context, db: Db, actor: Actor, w: { tijd?: string | undefined; locatie?: string | undefined }, json: boolean): Promise<void> {
  const mail = await kalenderPostVoor(ctx, db, soortenVan('gio'));
  const uitkomst = await stelCadansIn(db, actor, 'gio', { tweewekelijks_tijd: w.tijd, tweewekelijks_locatie: w.locatie }, mail?.post);
  const c = uitkomst.cadans;
  if (json) {
    schrijfJson(ctx, tweewekelijksJson(c));
    return bezorgKalender(ctx, db, actor, mail, true);
  }
  const { tijd, locatie } = tijdEnPlek('tweewekelijks', c);
  schrijf(ctx, uitkomst.gewijzigd
    ? kleuren(ctx).green(`Tijd en plek van het tweewekelijks overleg ingesteld: ${tijd}, ${locatie}. De data volgen het GIO.`)
    : 'Het tweewekelijks overleg stond al zo ingesteld; er is niets gewijzigd.');
  await bezorgKalender(ctx, db, actor, mail);
}

function tweewekelijksJson(c: CadansInstelling, volgende?: string | null) {
  return {
    soort: 'tweewekelijks', start: null, interval_weken: null, ...tijdEnPlek('tweewekelijks', c), volgt: 'gio',
    eigen_tijd: c.tweewekelijks_tijd != null, eigen_locatie: c.tweewekelijks_locatie != null,
    ...(volgende === undefined ? {} : { volgende }),
  };
}

function cadansJson(c: CadansInstelling) {
  return { soort: c.soort, start: c.start, interval_weken: c.interval_weken, tijd: c.tijd, locatie: c.locatie, ingesteld: c.ingesteld_op !== null };
}

function beschrijf(c: CadansInstelling): string {
  return `elke ${meervoud(c.interval_weken, 'week', 'weken')} vanaf ${datumLang(c.start)}, ${c.tijd}, ${c.locatie}`;
}

/** All cadences (with the tweewekelijks overleg that follows the GIO), or that of one soort. */
async function toon(ctx: Context, soort: OverlegSoort | undefined, json: boolean): Promise<void> {
  const db = await ctx.db();
  const alle = await leesCadans(db);
  const soorten = soort ? [soort] : (['gio', 'tweewekelijks', 'politie'] as const);
  const gekozen = [...new Set(soorten.map((s) => alle[cadansSoort(s)]))];
  const volgende = new Map((await volgendeOverleggen(db, dagVan(ctx.nu))).map((v) => [v.soort, v]));
  const naDatum = (s: OverlegSoort) => volgende.get(s)?.datum ?? null;
  if (json) {
    return schrijfJson(ctx, soorten.map((s) => (s === 'tweewekelijks' ? tweewekelijksJson(alle.gio, naDatum(s)) : { ...cadansJson(alle[s]), volgende: naDatum(s) })));
  }
  const rijen: string[][] = [];
  for (const s of soorten) {
    const c = alle[cadansSoort(s)];
    const { tijd, locatie } = tijdEnPlek(s, c);
    const reeks = s === 'tweewekelijks' ? tweewekelijksKort(c.interval_weken) : `elke ${meervoud(c.interval_weken, 'week', 'weken')} vanaf ${dagKort(c.start)}`;
    rijen.push([soortNaam(s), reeks, tijd, locatie, volgendeTekst(volgende.get(s))]);
  }
  schrijf(ctx, await tabel(ctx, ['Overleg', 'Cadans', 'Tijd', 'Locatie', 'Volgende'], rijen));
  const k = kleuren(ctx);
  for (const c of gekozen.filter((c) => c.ingesteld_op === null)) {
    schrijf(ctx, k.yellow(`! De cadans van het ${soortNaam(c.soort)} staat nog op de standaard (de eerste dinsdag na het aanmaken van de database). Stel haar in met kvz overleg cadans ${c.soort} --start <datum>.`));
  }
}

function volgendeTekst(o: { datum: string } | undefined): string {
  return o ? dagKort(o.datum) : '—';
}

/** How the tweewekelijks overleg follows a GIO of this interval (SPEC §12), in words. */
function tweewekelijksRegel(weken: number): string {
  if (weken === 6) return '14 dagen voor en 14 dagen na elk GIO';
  const keer = Math.floor((weken * 7 - 7) / 14);
  if (keer === 0) return 'alleen 14 dagen voor het eerste GIO (bij deze cadans past er geen tussen twee GIO\'s)';
  return `elke 14 dagen na een GIO, tot een week voor het volgende (${keer === 1 ? 'één keer' : `${keer} keer`} tussen twee GIO's), en 14 dagen voor het eerste`;
}

function tweewekelijksKort(weken: number): string {
  return weken === 6 ? '14 dagen voor en na elk GIO' : 'elke 14 dagen na een GIO';
}
