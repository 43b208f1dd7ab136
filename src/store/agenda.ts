/**
 * The agenda of one meeting, gathered from the database (SPEC §4.4): a handful of index-driven
 * queries per document (store/agenda-feiten.ts), put together by the rules of domain/agenda.ts.
 * The minutes skeleton is made from the same object.
 */
import { plaatsingenInPeriode } from './plaatsingen.js';
import { deelnemers } from './deelnemers.js';
import {
  AGENDAPUNTEN,
  gioPlek,
  type GioPlek,
  perSleutel,
  som,
  telOp,
  trend,
  VEEL_MELDINGEN,
  zietVertrouwelijk,
  type ActieOpAgenda,
  type Agenda,
  type AgendaKop,
  type GioAgenda,
  type Periode,
  type PolitieAgenda,
  type Telling,
  type TweewekelijksAgenda,
  type ZaakOpAgenda,
  zakenOp,
} from '../domain/agenda.js';
import { ACTIE_STATUSSEN, type ActieStatus } from '../domain/actie.js';
import { soortTitel } from '../domain/cadans.js';
import type { Overleg } from '../domain/overleg.js';
import { dagenTussen, dagVan, dagVanIso, instantVan, plusDagen, type Datum } from '../domain/tijd.js';
import { laatsteDag, type Venster } from '../domain/venster.js';
import {
  aanwezigen,
  actiesPerZaak,
  actiesVanOverleg,
  jeugdPerKern,
  meldingenIn,
  meldingenPerZaak,
  metEenActie,
  nooitDoorgezet,
  openZaken,
  partnerNamen,
  standVanOverleg,
  teLateActies,
  telling,
  vergunninghoudersIn,
  standVan,
  type Stand,
  zakenMet,
  type ZaakRij,
} from './agenda-feiten.js';
import type { Db } from './db.js';
import { zoekAfstemmingen, zonderNotitie } from './afstemmingen.js';
import { overlegOp, venster, volgendOverleg, vorigOverleg } from './overleggen.js';

/** The agenda of `overleg` (a meeting that takes place), with the matrix as of `nu`. */
export async function agendaVoor(db: Db, overleg: Overleg, nu: Date): Promise<Agenda> {
  const v = await venster(db, overleg.soort, overleg.datum);
  // A meeting already held: its documents show the state as it was at the end of its day (#15 item 6),
  // with what was agreed and recorded that day, without what came after.
  const stand = standVan(overleg.datum, dagVan(nu));
  const namen = await partnerNamen(db);
  const kop: AgendaKop = {
    soort: overleg.soort,
    titel: soortTitel(overleg.soort),
    overleg: {
      datum: overleg.datum,
      tijd: overleg.tijd,
      locatie: overleg.locatie,
      status: overleg.status,
      verschoven_van: overleg.verschoven_van,
      reden: overleg.reden,
    },
    deelnemers: (await deelnemers(db, overleg.soort)).map((d) => ({ code: d.partner ?? '', naam: d.naam })),
    venster: { van: v.van, tot_en_met: laatsteDag(v), vorige: v.vorige },
    peildatum: stand === undefined ? dagVan(nu) : overleg.datum,
    agendapunten: [...AGENDAPUNTEN[overleg.soort]],
  };
  const agenda =
    kop.soort === 'gio' ? await gio(db, { ...kop, soort: 'gio' }, v, namen, stand)
    : kop.soort === 'tweewekelijks' ? await tweewekelijks(db, { ...kop, soort: 'tweewekelijks' }, v, stand)
    : await politie(db, { ...kop, soort: 'politie' }, v, stand);
  await vorigeAfspraken(db, agenda);
  return agenda;
}

/** Per zaak the afspraken of the last meeting of this soort before this one that wrote any about it. */
async function vorigeAfspraken(db: Db, a: Agenda): Promise<void> {
  const zaken = zakenOp(a);
  if (zaken.length === 0) return;
  const rijen = await db.alle<{ zaak: string; datum: Datum; afspraken: string }>(
    `SELECT z.nummer AS zaak, o.datum, v.afspraken FROM verslag v JOIN overleg o ON o.id = v.overleg_id JOIN zaak z ON z.id = v.zaak_id
     WHERE o.soort = @soort AND v.afspraken <> '' AND ${db.d.inLijst('z.nummer', '@zaken', 'tekst')}
       AND o.datum = (SELECT max(o2.datum) FROM verslag v2 JOIN overleg o2 ON o2.id = v2.overleg_id
                      WHERE v2.zaak_id = v.zaak_id AND o2.soort = @soort AND o2.datum < @datum AND v2.afspraken <> '')
     ORDER BY v.volgorde`,
    { soort: a.soort, datum: a.overleg.datum, zaken: JSON.stringify(zaken.map((z) => z.nummer)) },
  );
  const eerste = new Map<string, { datum: Datum; afspraken: string }>();
  for (const r of rijen) if (!eerste.has(r.zaak)) eerste.set(r.zaak, { datum: r.datum, afspraken: r.afspraken });
  for (const z of zaken) z.afspraken_vorige_keer = eerste.get(z.nummer) ?? null;
}

/** The window of the meeting before (for trends); for the first of a series, the same length before. */
async function vorigVenster(db: Db, kop: AgendaKop, v: Venster): Promise<{ van: Datum; tot: Datum }> {
  if (v.vorige) return venster(db, kop.soort, v.van);
  return { van: plusDagen(v.van, -dagenTussen(v.van, v.tot)), tot: v.van };
}

const periode = (v: { van: Datum; tot: Datum }): Periode => ({ van: v.van, tot_en_met: laatsteDag(v) });

/**
 * Like with like (#15 item 5): while this window still runs on the peildatum, the window before is
 * cut to as many days as have passed, so '16 meldingen in 12 days' is not set against 60 in 42.
 */
function vergelijkbaar(v: Venster, vv: { van: Datum; tot: Datum }, peildatum: Datum) {
  const lengte = dagenTussen(v.van, v.tot);
  if (peildatum >= laatsteDag(v)) return { vv, loopt: null };
  // A window that has not begun yet (the agenda of the meeting after next) counts its first day.
  const dagen = Math.max(1, Math.min(lengte, dagenTussen(v.van, peildatum) + 1));
  const tot = plusDagen(vv.van, Math.min(dagen, dagenTussen(vv.van, vv.tot)));
  return { vv: { van: vv.van, tot }, loopt: { tot_en_met: plusDagen(v.van, dagen - 1), dagen, van_dagen: lengte } };
}

function zaakOpAgenda(z: ZaakRij, inPeriode: number, acties: ActieOpAgenda[]): ZaakOpAgenda {
  return {
    nummer: z.nummer,
    titel: z.titel,
    soort: z.soort,
    kern: z.kern,
    status: z.status,
    vertrouwelijk: z.vertrouwelijk === 1,
    eigenaar: z.eigenaar,
    geopend_op: z.geopend_op,
    geopend_dag: dagVanIso(z.geopend_op),
    meldingen: z.meldingen,
    meldingen_in_periode: inPeriode,
    acties,
    afspraken_vorige_keer: null,
  };
}

/** Zaken with the acties an agenda shows: open or running, or finished since `sinds` (an instant). */
async function metActies(db: Db, zaken: ZaakRij[], perZaak: ReadonlyMap<number, number>, sinds: string, peildatum: Datum, stand: Stand): Promise<ZaakOpAgenda[]> {
  const acties = await actiesPerZaak(db, zaken, peildatum, sinds, stand);
  return zaken.map((z) => zaakOpAgenda(z, perZaak.get(z.id) ?? 0, acties.get(z.id) ?? []));
}

const alsTrend = <K extends string>(rijen: ReturnType<typeof trend>, naam: K) =>
  rijen.map(({ sleutel, aantal, vorige_periode }) => ({ [naam]: sleutel, aantal, vorige_periode }) as { [k in K]: string } & Telling);

async function gio(db: Db, kop: AgendaKop & { soort: 'gio' }, v: Venster, namen: Map<string, string>, stand: Stand): Promise<GioAgenda> {
  const { vv, loopt } = vergelijkbaar(v, await vorigVenster(db, kop, v), kop.peildatum);
  const jeugd = { deze: new Map<string, number>(), vorige: new Map<string, number>() };
  for (const [deze, kern, n] of await jeugdPerKern(db, { van: vv.van, grens: v.van, tot: v.tot, vorigTot: vv.tot }, false)) (deze ? jeugd.deze : jeugd.vorige).set(kern, n);
  const vh = { categorie: new Map<string, number>(), kern: new Map<string, number>() };
  for (const [categorie, kern, n] of await vergunninghoudersIn(db, v.van, v.tot, false)) {
    telOp(vh.categorie, categorie, n);
    telOp(vh.kern, kern, n);
  }
  const rijen = await openZaken(db, false, v, stand);
  const zaken = await metActies(db, rijen, new Map(rijen.map((z) => [z.id, z.in_periode])), instantVan(v.van).toISOString(), kop.peildatum, stand);
  // Only a zaak that shows no actie can have none at all: ask for those alone.
  const metActie = await metEenActie(db, rijen.filter((_, i) => zaken[i]!.acties.length === 0).map((z) => z.id), stand);
  const plekken: Record<GioPlek, ZaakOpAgenda[]> = { nieuw: [], lopend: [], klaar: [] };
  zaken.forEach((z, i) => {
    const heeft_acties = z.acties.length > 0 || metActie.has(rijen[i]!.id);
    plekken[gioPlek({ geopend_dag: z.geopend_dag, heeft_acties, acties: z.acties }, v)].push(z);
  });

  return {
    ...kop,
    vorig_venster: periode(vv),
    periode_loopt: loopt,
    vorig_gio: await vorigGio(db, v, kop.peildatum, namen, stand),
    nieuwe_zaken: plekken.nieuw,
    lopende_zaken: plekken.lopend,
    vergunninghouders: {
      totaal: som(vh.categorie),
      per_categorie: perSleutel(vh.categorie).map(({ sleutel, aantal }) => ({ categorie: sleutel, aantal })),
      per_kern: perSleutel(vh.kern).map(({ sleutel, aantal }) => ({ kern: sleutel, aantal })),
      plaatsingen: await plaatsingenInPeriode(db, v.van, plusDagen(v.tot, -1), false, stand),
    },
    jeugdoverlast: { aantal: som(jeugd.deze), vorige_periode: som(jeugd.vorige), per_kern: alsTrend(trend(jeugd.deze, jeugd.vorige), 'kern') },
    klaar_om_te_sluiten: plekken.klaar,
  };
}

/** What the previous GIO agreed, and how those acties stand now; who was there, if recorded. */
async function vorigGio(db: Db, v: Venster, peildatum: Datum, namen: Map<string, string>, stand: Stand): Promise<GioAgenda['vorig_gio']> {
  if (!v.vorige) return null;
  const id = (await overlegOp(db, 'gio', v.vorige.datum))?.id ?? null;
  const per_status = Object.fromEntries(ACTIE_STATUSSEN.map((s) => [s, 0])) as Record<ActieStatus, number>;
  let acties = 0;
  let te_laat = 0;
  for (const [status, laat, n] of id === null ? [] : await standVanOverleg(db, id, peildatum, stand)) {
    per_status[status] += n;
    acties += n;
    if (laat) te_laat += n;
  }
  return {
    datum: v.vorige.datum,
    aanwezig: id === null ? [] : (await aanwezigen(db, id)).map((p) => namen.get(p) ?? p),
    acties,
    per_status,
    te_laat,
  };
}

async function tweewekelijks(db: Db, kop: AgendaKop & { soort: 'tweewekelijks' }, v: Venster, stand: Stand): Promise<TweewekelijksAgenda> {
  const peil = kop.peildatum;
  const nieuwe = await meldingenIn(db, v.van, v.tot, 'openbaar', peil);
  const laat = nieuwe.filter((m) => m.doorzetting === 'te-laat' || m.doorzetting === 'niet-doorgezet');
  const laatste = await vorigOverleg(db, 'gio', kop.overleg.datum);
  const volgende = await volgendOverleg(db, 'gio', kop.overleg.datum);
  const uitGio = laatste?.id == null ? [] : (await actiesVanOverleg(db, laatste.id, peil, stand)).filter((a) => !volgende || a.deadline < volgende.datum);
  const teLaat = await teLateActies(db, peil, stand);

  // The minutes get a table per open zaak of these acties, with all its open and running acties.
  const zaken = (await zakenMet(db, 'nummer', [...new Set([...uitGio, ...teLaat].map((a) => a.zaak))], false, stand)).filter((z) => z.status === 'open');
  const lopend = await actiesPerZaak(db, zaken, peil, undefined, stand);
  const inPeriode = new Map<string, number>();
  for (const m of nieuwe) if (m.zaak !== null) telOp(inPeriode, m.zaak);
  return {
    ...kop,
    nieuwe_meldingen: nieuwe,
    niet_op_tijd_doorgezet: [...(await nooitDoorgezet(db, v.van, peil)), ...laat],
    laatste_gio: laatste?.datum ?? null,
    volgende_gio: volgende?.datum ?? null,
    acties_laatste_gio: uitGio,
    te_late_acties: teLaat,
    zaken: zaken.map((z) => zaakOpAgenda(z, inPeriode.get(z.nummer) ?? 0, lopend.get(z.id) ?? [])),
  };
}

async function politie(db: Db, kop: AgendaKop & { soort: 'politie' }, v: Venster, stand: Stand): Promise<PolitieAgenda> {
  const { vv, loopt } = vergelijkbaar(v, await vorigVenster(db, kop, v), kop.peildatum);
  const nieuw = () => ({ deze: new Map<string, number>(), vorige: new Map<string, number>() });
  const categorie = nieuw();
  const kern = nieuw();
  const vh = nieuw();
  const jeugd = nieuw();
  const alles = zietVertrouwelijk(kop.soort);
  for (const [deze, cat, k, vergunninghouder, n] of await telling(db, { van: vv.van, grens: v.van, tot: v.tot, vorigTot: vv.tot }, alles)) {
    const welke = deze ? 'deze' : 'vorige';
    telOp(categorie[welke], cat, n);
    telOp(kern[welke], k, n);
    if (vergunninghouder === 1) telOp(vh[welke], cat, n);
    if (cat === 'jeugdoverlast') telOp(jeugd[welke], k, n);
  }
  const telt = (t: ReturnType<typeof nieuw>) => ({ aantal: som(t.deze), vorige_periode: som(t.vorige) });
  const perZaak = await meldingenPerZaak(db, v.van, v.tot, alles);
  const sinds = instantVan(v.van).toISOString();
  const veel = [...perZaak].filter(([, n]) => n >= VEEL_MELDINGEN).map(([id]) => id);
  return {
    ...kop,
    vorig_venster: periode(vv),
    periode_loopt: loopt,
    trends: {
      ...telt(categorie),
      per_categorie: alsTrend(trend(categorie.deze, categorie.vorige), 'categorie'),
      per_kern: alsTrend(trend(kern.deze, kern.vorige), 'kern'),
    },
    zaken_veel_meldingen: await metActies(db, await zakenMet(db, 'id', veel, alles, stand), perZaak, sinds, kop.peildatum, stand),
    vertrouwelijke_zaken: await metActies(db, await openZaken(db, true, undefined, stand), perZaak, sinds, kop.peildatum, stand),
    vertrouwelijke_meldingen: await meldingenIn(db, v.van, v.tot, 'alleen-vertrouwelijk', kop.peildatum),
    // The window's tot is the meeting's own day, not included (as for the meldingen).
    afstemmingen: (await zoekAfstemmingen(db, { van: v.van, tot: plusDagen(v.tot, -1) })).map(zonderNotitie),
    vergunninghouders: { ...telt(vh), per_categorie: alsTrend(trend(vh.deze, vh.vorige), 'categorie') },
    jeugdoverlast: { ...telt(jeugd), per_kern: alsTrend(trend(jeugd.deze, jeugd.vorige), 'kern') },
  };
}
