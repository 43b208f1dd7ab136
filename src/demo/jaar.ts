/**
 * `kvz demo`: a fictive but realistic last year of Koggenland in an empty database, made through
 * kvz's own use-cases (so the rules and the audit chain are real). Deterministic: the same seed and
 * the same day give the same database; the year always ends today.
 */
import type { Kanaal } from '../domain/melding.js';
import { dagVan, instantVan, plusDagen, weekdag, type Datum } from '../domain/tijd.js';
import { inTransactie, schrijfAudit, type Actor } from '../store/audit.js';
import { stelCadansIn } from '../store/cadans.js';
import type { Db } from '../store/db.js';
import { annuleerOverleg, overleggen, verzetOverleg, type Overleg } from '../store/overleggen.js';
import { planMelding } from './meldingen.js';
import { planPlaatsingen, type PlaatsingNummers } from './plaatsingen.js';
import { HOTSPOTS, PLEKKEN, STRATEN } from './teksten.js';
import { VERHALEN } from './verhalen.js';
import { isWerkdag, later, toeval, Wachtrij, werkdagVanaf, type Toeval } from './wachtrij.js';
import { bespreek, planAfstemming, planVerhaal, type ZaakStaat } from './zaken.js';

const ZAAD = 1598;

/** The kernen, roughly as large as they are: more meldingen where more people live. */
const KERNEN: [string, number][] = [
  ['Obdam', 7], ['Avenhorn', 6], ['De Goorn', 5], ['Spierdijk', 4], ['Ursem', 3], ['Berkhout', 3], ['Hensbroek', 2],
  ['Zuid-Spierdijk', 1], ['Scharwoude', 1], ['Oudendijk', 1], ['Wogmeer', 1], ['Grosthuizen', 1], ['Rustenburg', 1],
  ['Oostmijzen', 1], ['Zuidermeer', 1], ['Bobeldijk', 1],
];

const CATEGORIEEN: [string, number][] = [
  ['jeugdoverlast', 26], ['burenoverlast', 16], ['treiteren', 8], ['discriminatie', 4], ['vandalisme', 12], ['drugs', 6],
  ['verward-gedrag', 8], ['geluidsoverlast', 12], ['overig', 8],
];

const KANALEN: [Kanaal, number][] = [['telefoon', 45], ['email', 20], ['app', 15], ['balie', 10], ['politie', 7], ['anders', 3]];

const ACHTERGROND = 250;

/** When e-mail and app reports come in: mostly by day, some in the evening, few at night. */
const UREN: [number, number][] = [[7, 2], [8, 4], [9, 6], [10, 6], [11, 6], [12, 5], [13, 6], [14, 6], [15, 5], [16, 4], [17, 3], [18, 3], [19, 3], [20, 3], [21, 2], [22, 1]];

export interface DemoJaar {
  van: Datum;
  tot: Datum;
  meldingen: number;
  zaken: number;
  acties: number;
  auditregels: number;
}

/** Fills `db` (new and empty) with the year up to `nu`; the last audit row says it is a demo. */
export async function vulDemoJaar(db: Db, nu: Date, gebruiker: string): Promise<DemoJaar> {
  const r = toeval(ZAAD);
  const vandaag = dagVan(nu);
  const begin = plusDagen(vandaag, -365);
  const w = new Wachtrij(nu);
  const staten: ZaakStaat[] = [];

  w.plan(instantVan(begin, '08:40'), 'r.visser', 'overleg cadans', (a) => planOverleggen(db, w, r, a, begin, vandaag, staten));
  const plaatsingen: PlaatsingNummers = new Map();
  planPlaatsingen(db, w, begin, plaatsingen);
  for (const v of VERHALEN) staten.push(planVerhaal(db, w, r, begin, v, plaatsingen));
  planAchtergrond(db, w, r, begin, nu);
  planVandaag(db, w, r, nu);
  const gebeurtenissen = await w.voerUit();

  await inTransactie(db, () =>
    schrijfAudit(db, { gebruiker, nu, commando: 'demo' }, {
      resultaat: 'fictieve gegevens aangemaakt',
      details: { zaad: ZAAD, van: begin, tot: vandaag, gebeurtenissen },
    }),
  );
  const tel = async (tabel: string) => (await db.waarde<number>(`SELECT count(*) FROM ${tabel}`))!;
  return { van: begin, tot: vandaag, meldingen: await tel('melding'), zaken: await tel('zaak'), acties: await tel('actie'), auditregels: await tel('audit') };
}

/** The day of the week on or after `datum` (0 = Sunday). */
function eerste(datum: Datum, dag: number): Datum {
  return plusDagen(datum, (dag - weekdag(datum) + 7) % 7);
}

/** The cadence, one GIO moved for the council's budget debate, one summer tweewekelijks cancelled, and every meeting held. */
async function planOverleggen(db: Db, w: Wachtrij, r: Toeval, a: Actor, begin: Datum, vandaag: Datum, staten: ZaakStaat[]): Promise<void> {
  await stelCadansIn(db, a, 'gio', { start: eerste(plusDagen(begin, 7), 2), interval_weken: 6, tijd: '09:30', locatie: 'Gemeentehuis Koggenland, raadzaal' });
  await stelCadansIn(db, { ...a, nu: later(a.nu, 1) }, 'politie', {
    start: eerste(plusDagen(begin, 14), 4),
    interval_weken: 8,
    tijd: '14:00',
    locatie: 'Gemeentehuis Koggenland, kamer van de burgemeester',
  });
  const jaar = await overleggen(db, { van: begin, tot: plusDagen(vandaag, -1) });
  const gios = jaar.filter((o) => o.soort === 'gio');
  const verzet = gios.find((o) => /-1[01]-/.test(o.datum) && o.datum === o.nominale_datum && isWerkdag(plusDagen(o.datum, 2))) ??
    gios.find((o, i) => i >= 3 && o.datum === o.nominale_datum && isWerkdag(plusDagen(o.datum, 2)));
  const zomer = jaar.find((o) => o.soort === 'tweewekelijks' && /-0[78]-/.test(o.datum));
  for (const o of jaar) {
    let datum = o.datum;
    if (o === verzet) {
      datum = plusDagen(o.datum, 2);
      w.plan(instantVan(plusDagen(o.datum, -20), '10:15'), 'r.visser', 'overleg verzet', (x) =>
        verzetOverleg(db, x, 'gio', o.datum, { naar: datum, reden: 'Valt samen met de begrotingsbehandeling in de raad' }),
      );
    }
    if (o === zomer) {
      w.plan(instantVan(plusDagen(o.datum, -10), '10:15'), 'r.visser', 'overleg annuleer', (x) =>
        annuleerOverleg(db, x, 'tweewekelijks', o.datum, 'Zomerreces: te weinig partners aanwezig'),
      );
      continue;
    }
    planBespreking(db, w, r, o, datum, begin, staten);
  }
}

function planBespreking(db: Db, w: Wachtrij, r: Toeval, o: Overleg, datum: Datum, begin: Datum, staten: ZaakStaat[]): void {
  w.plan(instantVan(datum, o.tijd), 's.demir', 'overleg', () => bespreek(db, w, r, staten, o.soort, datum, begin));
}

/** Meldingen that belong to no zaak: every kern and categorie, youth at the hot spots, now and then a vergunninghouder. */
function planAchtergrond(db: Db, w: Wachtrij, r: Toeval, begin: Datum, nu: Date): void {
  for (let i = 0; i < ACHTERGROND; i++) {
    const categorie = r.gewogen(CATEGORIEEN);
    const hotspot = categorie === 'jeugdoverlast' && r.kans(0.6) ? r.kies(HOTSPOTS) : undefined;
    const kern = hotspot?.kern ?? r.gewogen(KERNEN);
    const straat = r.kies(STRATEN);
    const plek = hotspot?.plek ?? (r.kans(0.5) ? r.kies(PLEKKEN) : `de ${straat}`);
    const kanaal = r.gewogen(KANALEN);
    // The front desk and its phone are open on working days; e-mail, the app and the police never close.
    const kantoor = kanaal === 'balie' || (kanaal === 'telefoon' && r.kans(0.85));
    const dag = kantoor ? werkdagVanaf(plusDagen(begin, r.tussen(1, 362))) : plusDagen(begin, r.tussen(1, 364));
    const uur = kantoor ? r.tussen(9, 15) : r.gewogen(UREN);
    const ontvangen = instantVan(dag, `${String(uur).padStart(2, '0')}:${String(r.tussen(0, 59)).padStart(2, '0')}`);
    if (ontvangen.getTime() > nu.getTime() - 3 * 3_600_000) continue;
    const vertrouwelijk = kanaal === 'politie' && (categorie === 'drugs' || categorie === 'overig');
    planMelding(db, w, r, {
      ontvangen,
      categorie,
      kern,
      plek,
      ...(plek === `de ${straat}` || r.kans(0.3) ? { adres: `${straat} ${r.tussen(1, 120)}` } : {}),
      kanaal,
      vergunninghouder: ['treiteren', 'discriminatie'].includes(categorie) ? r.kans(0.4) : categorie === 'burenoverlast' && r.kans(0.1),
      vertrouwelijk,
      doorzetten: r.gewogen([['direct', 80], ['later', 11], ['volgende-dag', 8], ['niet', 1]] as const),
      ...(vertrouwelijk ? { naar: ['oov'] } : {}),
    });
  }
}

/** What is still to do today: meldingen of this morning and yesterday that are not yet forwarded. */
function planVandaag(db: Db, w: Wachtrij, r: Toeval, nu: Date): void {
  // Two days ago police and OOV spoke in between: the next politieoverleg sees it on its agenda.
  planAfstemming(db, w, new Date(nu.getTime() - 50 * 3_600_000), 'Onrust bij de ijsbaan in Bobeldijk: politie rijdt dit weekend extra rondes');
  const recent = [
    { uur: 26, categorie: 'geluidsoverlast', kern: 'Spierdijk', plek: 'de Zuiderweg' },
    { uur: 2, categorie: 'jeugdoverlast', kern: 'De Goorn', plek: 'de skatebaan aan de Sportlaan' },
    // Acute: it waits at the top of kvz status with !! until someone forwards it.
    { uur: 1, categorie: 'burenoverlast', kern: 'Obdam', plek: 'de Kerkstraat', urgent: true },
  ];
  for (const m of recent) {
    const ontvangen = new Date(nu.getTime() - m.uur * 3_600_000);
    planMelding(db, w, r, {
      ontvangen,
      categorie: m.categorie,
      kern: m.kern,
      plek: m.plek,
      kanaal: 'telefoon',
      vergunninghouder: false,
      vertrouwelijk: false,
      ...(m.urgent ? { urgent: true } : {}),
      doorzetten: 'niet',
      geregistreerd: later(ontvangen, 10),
    });
  }
}
