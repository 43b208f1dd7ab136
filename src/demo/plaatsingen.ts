/**
 * The demo's placements of vergunninghouders (SPEC §11; the plan §1 and §2.4): a few households housed
 * over the year, three with the incidents of a story linked to them, visits by Vluchtelingenwerk and
 * IV, one placement that ended and one still to come. Drawn from a stream of their own, so the rest of
 * the demo year is the same as before.
 */
import { plusDagen, instantVan, type Datum } from '../domain/tijd.js';
import type { Db } from '../store/db.js';
import { voegPlaatsingContactToe, voegPlaatsingToe, wijzigPlaatsing, type PlaatsingContactSoort } from '../store/plaatsingen.js';
import { IV } from './meldingen.js';
import { toeval, werkdagVanaf, type Wachtrij } from './wachtrij.js';

interface DemoPlaatsing {
  /** What a story names it by (verhalen.ts). */
  sleutel: string;
  kern: string;
  adres: string;
  /** Days after the start of the demo year (negative: before it, so it ran all year). */
  dag: number;
  huishouden: number;
  einde?: number;
}

const PLAATSINGEN: readonly DemoPlaatsing[] = [
  { sleutel: 'kerkstraat', kern: 'Obdam', adres: 'Kerkstraat 14', dag: 62, huishouden: 5 },
  { sleutel: 'zuiderweg', kern: 'Spierdijk', adres: 'Zuiderweg 31', dag: 96, huishouden: 4 },
  { sleutel: 'de-kolk', kern: 'Obdam', adres: 'De Kolk 8', dag: 214, huishouden: 1 },
  { sleutel: 'dorpsstraat', kern: 'Avenhorn', adres: 'Dorpsstraat 3', dag: 290, huishouden: 2 },
  { sleutel: 'noorderweg', kern: 'Ursem', adres: 'Noorderweg 5', dag: -40, huishouden: 3, einde: 180 },
  // Known weeks before: the household arrives three weeks after the demo's today.
  { sleutel: 'binnenweg', kern: 'De Goorn', adres: 'Binnenweg 22', dag: 386, huishouden: 6 },
];

const NOTITIES: Record<PlaatsingContactSoort, string[]> = {
  bezoek: [
    'Kennismaking: gezin is goed aangekomen, kinderen gaan naar school.',
    'Huisbezoek: het gaat goed; contact met de buren is nog beperkt.',
    'Huisbezoek na de meldingen: gezin voelt zich onveilig, maar blijft graag wonen.',
    'Huisbezoek: rustig, de buurtapp helpt.',
  ],
  telefoon: ['Telefonisch contact: geen bijzonderheden.', 'Gebeld na de melding: gezin weet bij wie het terecht kan.'],
  gesprek: ['Gesprek op het gemeentehuis over de situatie in de straat.'],
  overig: ['Brief met contactgegevens van het wijkteam bezorgd.'],
};

/** The placement numbers by story key, filled as the demo registers them. */
export type PlaatsingNummers = Map<string, string>;

export function planPlaatsingen(db: Db, w: Wachtrij, begin: Datum, nummers: PlaatsingNummers): void {
  const r = toeval(7_2027);
  for (const p of PLAATSINGEN) {
    const datum = plusDagen(begin, p.dag);
    // Registered by IV some weeks before the day (within the demo year).
    const vastgelegd = instantVan(werkdagVanaf(plusDagen(begin, Math.max(1, Math.min(p.dag - 21, 364)))), '10:05');
    w.plan(vastgelegd, IV[0]!, 'plaatsing add', async (a) => {
      const { nummer } = await voegPlaatsingToe(db, a, { kern: p.kern, adres: p.adres, datum, huishouden: p.huishouden, begeleiding: 'vluchtelingenwerk' });
      nummers.set(p.sleutel, nummer);
    });
    // Visits and calls: a first visit in the first week, then every five to eight weeks.
    const eind = p.einde ?? 365;
    let dag = Math.max(p.dag + r.tussen(2, 6), 1);
    let eerste = true;
    while (dag < eind) {
      const soort: PlaatsingContactSoort = eerste ? 'bezoek' : r.kies(['bezoek', 'bezoek', 'telefoon', 'gesprek', 'overig'] as const);
      const notitie = eerste ? NOTITIES.bezoek[0]! : r.kies(NOTITIES[soort]);
      const partner = soort === 'gesprek' ? 'iv' : 'vluchtelingenwerk';
      const op = instantVan(werkdagVanaf(plusDagen(begin, dag)), `${String(r.tussen(9, 16)).padStart(2, '0')}:30`);
      w.plan(op, IV[1]!, 'plaatsing contact', async (a) => {
        const nummer = nummers.get(p.sleutel);
        if (nummer) await voegPlaatsingContactToe(db, a, nummer, { op: a.nu, soort, partner, notitie });
      });
      eerste = false;
      dag += r.tussen(35, 56);
    }
    if (p.einde !== undefined) {
      w.plan(instantVan(werkdagVanaf(plusDagen(begin, p.einde)), '11:00'), IV[0]!, 'plaatsing update', async (a) => {
        const nummer = nummers.get(p.sleutel);
        if (nummer) await wijzigPlaatsing(db, a, nummer, { einde: plusDagen(begin, p.einde!) });
      });
    }
  }
}
