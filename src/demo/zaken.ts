/**
 * The zaken of the demo year and the meetings that steer them. A zaak opens after its first few
 * meldingen; at its first GIO (a vertrouwelijke zaak: politieoverleg) the partners agree an
 * approach, at later ones they report back: done, postponed, running or no longer needed; the
 * tweewekelijks overleg starts what was agreed. Zaken whose story is over are closed.
 */
import type { ActieStatus, ActieWijziging } from '../domain/actie.js';
import type { OverlegSoort } from '../domain/cadans.js';
import { instantVan, plusDagen, type Datum } from '../domain/tijd.js';
import type { Actor } from '../store/audit.js';
import type { Db } from '../store/db.js';
import { voegActieToe, wijzigActie } from '../store/acties.js';
import { koppelMelding } from '../store/meldingen.js';
import { openZaak, sluitZaak } from '../store/zaken.js';
import { IV, planMelding } from './meldingen.js';
import { voegAfstemmingToe } from '../store/afstemmingen.js';
import type { Afspraak, Verhaal } from './verhalen.js';
import { binnenKantoortijd, later, werkdagVanaf, type Toeval, type Wachtrij } from './wachtrij.js';

interface Actie {
  nummer: string;
  status: ActieStatus;
  deadline: Datum;
}

export interface ZaakStaat {
  v: Verhaal;
  nummer?: string;
  meldingen: string[];
  acties: Actie[];
  besproken: number;
  gesloten: boolean;
}

const lopend = (a: Actie) => a.status === 'open' || a.status === 'loopt';

/** Plans the meldingen of a story; its zaak opens after the second or third. */
export function planVerhaal(db: Db, w: Wachtrij, r: Toeval, jaarBegin: Datum, v: Verhaal, plaatsingen: ReadonlyMap<string, string> = new Map()): ZaakStaat {
  const staat: ZaakStaat = { v, meldingen: [], acties: [], besproken: 0, gesloten: false };
  const drempel = Math.min(v.meldingen, r.kans(0.5) ? 2 : 3);
  for (let i = 0; i < v.meldingen; i++) {
    const dag = plusDagen(jaarBegin, Math.min(364, v.begin + Math.floor((i * v.duur) / v.meldingen) + r.tussen(0, 3)));
    const ontvangen = instantVan(dag, `${String(r.tussen(8, 21)).padStart(2, '0')}:${String(r.tussen(0, 59)).padStart(2, '0')}`);
    // Contact in between about the first, acute melding (fixed, so the rest of the year stays as it was).
    if (i === 0 && v.afstemming) planAfstemming(db, w, later(ontvangen, 90), v.afstemming, v.vertrouwelijk === true);
    planMelding(db, w, r, {
      ontvangen,
      categorie: v.categorie,
      kern: v.kern,
      plek: `de ${v.straat}`.replace('de De ', 'De ').replace('de Het ', 'Het '),
      adres: `${v.straat} ${r.tussen(1, 80)}`,
      kanaal: v.vertrouwelijk ? 'politie' : r.kies(['telefoon', 'telefoon', 'email', 'app', 'balie']),
      vergunninghouder: v.vergunninghouder === true,
      vertrouwelijk: v.vertrouwelijk === true,
      ...(v.urgent && i === 0 ? { urgent: true } : {}),
      ...(v.teksten ? { tekst: r.kies(v.teksten).replace('{plek}', `de ${v.straat}`) } : {}),
      doorzetten: r.kans(0.8) ? 'direct' : r.kans(0.5) ? 'later' : 'volgende-dag',
      ...(v.vertrouwelijk ? { naar: ['oov'] } : {}),
      ...(v.plaatsing ? { plaatsing: () => plaatsingen.get(v.plaatsing!) } : {}),
      zaak: () => (staat.nummer && !staat.gesloten && r.kans(0.6) ? staat.nummer : undefined),
      klaar: (nummer, op, zaak) => {
        staat.meldingen.push(nummer);
        if (staat.nummer === undefined && staat.meldingen.length === drempel) planOpenen(db, w, r, staat, op);
        else if (staat.nummer !== undefined && zaak === undefined && !staat.gesloten) {
          w.plan(binnenKantoortijd(later(op, r.tussen(60, 48 * 60)), r.tussen(0, 300)), r.kies(IV), 'melding link', async (a) => {
            if (!staat.gesloten) await koppelMelding(db, a, nummer, staat.nummer!);
          });
        }
      },
    });
  }
  return staat;
}

function planOpenen(db: Db, w: Wachtrij, r: Toeval, staat: ZaakStaat, op: Date): void {
  const { v } = staat;
  w.plan(binnenKantoortijd(later(op, r.tussen(60, 3 * 24 * 60)), r.tussen(0, 300)), r.kies(IV), 'zaak open', async (a) => {
    const { zaak } = await openZaak(db, a, {
      titel: v.titel,
      soort: v.soort,
      kern: v.kern,
      eigenaar: v.eigenaar ?? 'iv',
      vertrouwelijk: v.vertrouwelijk === true,
      meldingen: [...staat.meldingen],
    });
    staat.nummer = zaak.nummer;
  });
}

/** What one meeting decides for the zaken it handles: each decision a minute or two after the last. */
export function bespreek(db: Db, w: Wachtrij, r: Toeval, staten: ZaakStaat[], soort: OverlegSoort, datum: Datum, jaarBegin: Datum): void {
  let op = instantVan(datum, soort === 'politie' ? '15:45' : '11:45');
  const secretaris = soort === 'politie' ? 'r.visser' : 's.demir';
  const doe = (commando: string, werk: (a: Actor) => Promise<void>) => {
    op = later(op, r.tussen(1, 3));
    w.plan(op, secretaris, commando, werk);
  };
  const overleg = { soort, datum };
  for (const staat of staten) {
    if (!staat.nummer || staat.gesloten) continue;
    if (soort === 'tweewekelijks') {
      if (staat.v.vertrouwelijk) continue;
      for (const actie of staat.acties.filter((x) => x.status === 'open')) {
        if (r.kans(0.4)) doe('actie update', (a) => wijzig(db, a, actie, { status: 'loopt', notitie: 'Gestart; besproken in het tweewekelijks overleg.', overleg }));
      }
      continue;
    }
    if ((soort === 'politie') !== (staat.v.vertrouwelijk === true)) continue;
    const einde = plusDagen(jaarBegin, staat.v.begin + staat.v.duur);
    if (staat.besproken === 0) {
      for (const afspraak of staat.v.aanpak) doe('actie add', (a) => voegToe(db, a, staat, afspraak, datum, overleg, r));
    } else {
      let blijftLopen = staat.acties.filter(lopend).length;
      for (const actie of staat.acties.filter((x) => lopend(x) && x.deadline <= plusDagen(datum, 7))) {
        const w2 = uitkomst(r, actie, datum);
        if (w2?.status === 'gereed' || w2?.status === 'vervallen') blijftLopen--;
        if (w2) doe('actie update', (a) => wijzig(db, a, actie, { ...w2, overleg }));
      }
      const sluit = staat.v.resultaat !== undefined && datum >= einde;
      const nieuw = staat.besproken === 1 && !sluit ? [...staat.v.vervolg] : [];
      // A zaak that stays open keeps an approach: when everything agreed is done, the partners agree a next step.
      if (!sluit && blijftLopen + nieuw.length === 0) nieuw.push(...volgendeStap(r, staat));
      for (const afspraak of nieuw) doe('actie add', (a) => voegToe(db, a, staat, afspraak, datum, overleg, r));
      if (sluit) {
        if (!staat.v.forceer) {
          for (const actie of staat.acties.filter(lopend)) {
            doe('actie update', (a) => wijzig(db, a, actie, { status: 'gereed', notitie: 'Afgerond; de zaak kan dicht.', overleg }));
          }
        }
        doe('zaak close', async (a) => {
          await sluitZaak(db, a, staat.nummer!, staat.v.resultaat!, staat.v.forceer === true);
          staat.gesloten = true;
          for (const actie of staat.acties.filter(lopend)) actie.status = 'vervallen';
        });
      }
    }
    if (staat.v.aanpak.length > 0) staat.besproken++;
  }
}

async function voegToe(db: Db, a: Actor, staat: ZaakStaat, afspraak: Afspraak, datum: Datum, overleg: ActieWijziging['overleg'], r: Toeval): Promise<void> {
  const deadline = werkdagVanaf(plusDagen(datum, r.tussen(10, 42)));
  const actie = await voegActieToe(db, a, { zaak: staat.nummer!, ...afspraak, deadline, ...(overleg ? { overleg } : {}) });
  staat.acties.push({ nummer: actie.nummer, status: 'open', deadline });
}

async function wijzig(db: Db, a: Actor, actie: Actie, w: ActieWijziging): Promise<void> {
  const { actie: nieuw } = await wijzigActie(db, a, actie.nummer, w);
  actie.status = nieuw.status;
  actie.deadline = nieuw.deadline;
}

/** What a partner reports on an actie that is due: mostly done, sometimes postponed or dropped. */
function uitkomst(r: Toeval, actie: Actie, datum: Datum): ActieWijziging | undefined {
  return r.gewogen<ActieWijziging | undefined>([
    [{ status: 'gereed', notitie: 'Afgerond en besproken.' }, 55],
    [{ deadline: werkdagVanaf(plusDagen(datum, 7 * r.tussen(3, 5))), notitie: r.kies(UITSTEL) }, 20],
    [actie.status === 'open' ? { status: 'loopt', notitie: 'Gestart; loopt nog.' } : { status: 'gereed', notitie: 'Afgerond.' }, 15],
    [{ status: 'vervallen', notitie: 'Niet meer nodig: de situatie is veranderd.' }, 5],
    [undefined, 5],
  ]);
}

/** One or two next steps for a zaak that stays open, by its soort. */
function volgendeStap(r: Toeval, staat: ZaakStaat): Afspraak[] {
  const pool = staat.v.soort === 'zorg' ? VERVOLG_ZORG : staat.v.vertrouwelijk ? VERVOLG_POLITIE : VERVOLG_OVERLAST;
  const eerste = r.kies(pool);
  const tweede = r.kies(pool);
  return r.kans(0.4) && tweede !== eerste ? [eerste, tweede] : [eerste];
}

const VERVOLG_OVERLAST: Afspraak[] = [
  { partner: 'politie', soort: 'handhaving', omschrijving: 'Surveillance voortzetten en bevindingen terugkoppelen in het volgende GIO' },
  { partner: 'iv', soort: 'gesprek-melder', omschrijving: 'Melders bellen: is de overlast afgenomen?' },
  { partner: 'jongerenwerk', soort: 'overig', omschrijving: 'Contact met de groep vasthouden en signalen doorgeven' },
  { partner: 'handhaving', soort: 'handhaving', omschrijving: 'Extra ronde op de bekende tijden en plekken' },
  { partner: 'iv', soort: 'gesprek-bewoners', omschrijving: 'Evaluatiegesprek met bewoners over de aanpak' },
];

const VERVOLG_ZORG: Afspraak[] = [
  { partner: 'zorgteam', soort: 'zorg', omschrijving: 'Voortgang van de begeleiding bespreken met de zorgaanbieder' },
  { partner: 'zorgteam', soort: 'huisbezoek', omschrijving: 'Vervolghuisbezoek en terugkoppeling aan IV' },
  { partner: 'iv', soort: 'overig', omschrijving: 'Evaluatie met het zorgteam plannen' },
];

const VERVOLG_POLITIE: Afspraak[] = [
  { partner: 'politie', soort: 'overig', omschrijving: 'Nieuwe informatie delen in het volgende politieoverleg' },
  { partner: 'oov', soort: 'overig', omschrijving: 'Bestuurlijke maatregelen op een rij zetten' },
];

const UITSTEL = ['De partner heeft meer tijd nodig.', 'Wacht op een gesprek met de betrokkenen.', 'Uitgesteld door de vakantieperiode.'];

/** An afstemming tussendoor between police and OOV (SPEC §11), by IV, about what just happened. */
export function planAfstemming(db: Db, w: Wachtrij, op: Date, onderwerp: string, vertrouwelijk = false): void {
  w.plan(op, IV[1]!, 'afstemming add', async (a) => {
    await voegAfstemmingToe(db, a, { op: a.nu, tussen: ['oov', 'politie'], onderwerp, vertrouwelijk });
  });
}
