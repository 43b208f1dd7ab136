/**
 * Meldingen of the demo year as the front desk lives them: received at any hour, registered in
 * office hours (so what comes in at night or in the weekend is forwarded a day late), forwarded at
 * once or later, melders called back, and most meldingen closed after a while.
 */
import type { Kanaal, NieuweMelding } from '../domain/melding.js';
import { dagVan, instantVan, plusDagen } from '../domain/tijd.js';
import type { Db } from '../store/db.js';
import { legContactVast, sluitMelding, voegMeldingToe, zetDoor } from '../store/meldingen.js';
import { ACHTERNAMEN, AFHANDELING, INFORMATIE, OMSCHRIJVINGEN, TERUGKOPPELING, VOORNAMEN } from './teksten.js';
import { binnenKantoortijd, later, werkdagVanaf, type Toeval, type Wachtrij } from './wachtrij.js';

const BALIE = ['m.kok', 'a.stam'];
export const IV = ['s.demir', 'r.visser'];

/** Who a melding of a categorie goes to. */
const PARTNERS: Record<string, string[][]> = {
  jeugdoverlast: [['jongerenwerk'], ['jongerenwerk', 'politie']],
  burenoverlast: [['politie'], ['zorgteam']],
  treiteren: [['politie'], ['politie', 'jongerenwerk']],
  discriminatie: [['politie']],
  vandalisme: [['politie']],
  drugs: [['politie']],
  'verward-gedrag': [['zorgteam'], ['zorgteam', 'politie']],
  geluidsoverlast: [['politie']],
  overig: [['zorgteam'], ['politie']],
};

export interface Melding {
  ontvangen: Date;
  categorie: string;
  kern: string;
  /** The place in the kern, for the text; also the address when it is a street. */
  plek: string;
  adres?: string;
  kanaal: Kanaal;
  vergunninghouder: boolean;
  vertrouwelijk: boolean;
  /** Acute (SPEC §11). */
  urgent?: boolean;
  tekst?: string;
  /** How forwarding goes: at registration, later that day, the next working day, or not (yet). */
  doorzetten: 'direct' | 'later' | 'volgende-dag' | 'niet';
  naar?: string[];
  /** The placement it concerns (SPEC §11), once registered (read when the melding is). */
  plaatsing?: () => string | undefined;
  /** The zaak it belongs to, once that is open (read when it is registered). */
  zaak?: () => string | undefined;
  /** Registered at this moment instead of in the next office hours. */
  geregistreerd?: Date;
  /** Called once the melding is registered, with its number and the zaak it was linked to. */
  klaar?: (nummer: string, op: Date, zaak: string | undefined) => void;
}

function melder(r: Toeval): Pick<NieuweMelding, 'melderNaam' | 'melderTelefoon' | 'melderEmail' | 'terugkoppeling'> {
  if (r.kans(0.3)) return { terugkoppeling: false };
  const voornaam = r.kies(VOORNAMEN);
  const achternaam = r.kies(ACHTERNAMEN);
  const naam = r.kans(0.2) ? `Familie ${achternaam.replace(/^de /, 'De ')}` : `${voornaam} ${achternaam}`;
  const uit: ReturnType<typeof melder> = { melderNaam: naam, terugkoppeling: r.kans(0.5) };
  if (r.kans(0.85)) uit.melderTelefoon = `06-${String(r.tussen(10_000_000, 99_999_999))}`;
  if (r.kans(0.3)) uit.melderEmail = `${voornaam.toLowerCase()}.${achternaam.replace(/ /g, '').toLowerCase()}@example.nl`;
  // As melding add demands, who wants feedback leaves a number; made from the name, not drawn, so
  // that the rest of the demo year stays as it was.
  if (uit.terugkoppeling && !uit.melderTelefoon && !uit.melderEmail) {
    uit.melderTelefoon = `06-${10_000_000 + [...naam].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 90_000_000, 7)}`;
  }
  return uit;
}

export function omschrijving(r: Toeval, categorie: string, plek: string, teksten?: string[]): string {
  return r.kies(teksten ?? OMSCHRIJVINGEN[categorie]!).replace('{plek}', plek);
}

/** Plans the registration of a melding and what follows it: forwarding, calls with the melder, closing. */
export function planMelding(db: Db, w: Wachtrij, r: Toeval, m: Melding): void {
  const geregistreerd = m.geregistreerd ?? binnenKantoortijd(later(m.ontvangen, r.tussen(3, 40)), r.tussen(0, 60));
  const naar = m.naar ?? r.kies(PARTNERS[m.categorie]!);
  const gegevens = melder(r);
  const tekst = m.tekst ?? omschrijving(r, m.categorie, m.plek);
  const sluitNa = r.kans(0.8) ? r.tussen(8, 60) : undefined;
  const balie = r.kies(BALIE);
  const iv = r.kies(IV);
  const doorzetNotitie = r.kans(0.3) ? 'Telefonisch doorgegeven en per e-mail bevestigd.' : undefined;
  w.plan(geregistreerd, balie, 'melding add', async (actor) => {
    const zaak = m.zaak?.();
    const plaatsing = m.plaatsing?.();
    const { nummer } = await voegMeldingToe(db, actor, {
      ontvangenOp: m.ontvangen,
      kanaal: m.kanaal,
      categorie: m.categorie,
      kern: m.kern,
      omschrijving: tekst,
      ...(m.adres ? { adres: m.adres } : {}),
      ...gegevens,
      vergunninghouder: m.vergunninghouder,
      vertrouwelijk: m.vertrouwelijk,
      ...(m.urgent ? { urgent: true } : {}),
      ...(zaak ? { zaak } : {}),
      ...(plaatsing ? { plaatsing } : {}),
      doorzettenNaar: m.doorzetten === 'direct' ? naar : [],
    });
    m.klaar?.(nummer, actor.nu, zaak);
    if (m.doorzetten === 'later' || m.doorzetten === 'volgende-dag') {
      const op =
        m.doorzetten === 'later'
          ? later(actor.nu, r.tussen(60, 240))
          : instantVan(werkdagVanaf(plusDagen(dagVan(actor.nu), 1)), '09:30');
      w.plan(op, iv, 'melding forward', (a) => zetDoor(db, a, nummer, naar, a.nu, doorzetNotitie));
    }
    if (gegevens.melderNaam && r.kans(0.25)) {
      w.plan(binnenKantoortijd(later(actor.nu, r.tussen(60, 2 * 24 * 60)), r.tussen(0, 300)), iv, 'melding contact', (a) =>
        legContactVast(db, a, nummer, 'informatie', a.nu, r.kies(INFORMATIE)),
      );
    }
    // Feedback first, then closing: a melding whose melder waits is closed only after the feedback,
    // or (the few melders nobody reaches) explicitly without it, as at the desk (SPEC §12).
    let teruggekoppeld: Date | undefined;
    if (gegevens.terugkoppeling && r.kans(0.95)) {
      teruggekoppeld = binnenKantoortijd(later(actor.nu, r.tussen(5, 30) * 24 * 60), r.tussen(0, 300));
      w.plan(teruggekoppeld, iv, 'melding contact', (a) => legContactVast(db, a, nummer, 'terugkoppeling', a.nu, r.kies(TERUGKOPPELING)));
    }
    if (sluitNa !== undefined && m.doorzetten !== 'niet') {
      const gepland = binnenKantoortijd(later(actor.nu, sluitNa * 24 * 60 + 120), r.tussen(0, 420));
      const op = teruggekoppeld && gepland <= teruggekoppeld ? binnenKantoortijd(later(teruggekoppeld, 90)) : gepland;
      const zonder = gegevens.terugkoppeling === true && teruggekoppeld === undefined;
      w.plan(op, iv, 'melding close', (a) => sluitMelding(db, a, nummer, r.kies(AFHANDELING), zonder));
    }
  });
}
