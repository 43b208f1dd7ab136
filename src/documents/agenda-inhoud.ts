/**
 * The items of an agenda and what each says, shared by the agenda and the minutes skeleton: text
 * blocks (figures, tables, trends) and zaak blocks, which the agenda shows with their acties and the
 * minutes with the machine-read matrix table (documents/notulen-md.ts).
 */
import { ACTIE_STATUSSEN } from '../domain/actie.js';
import type { ActieOpAgenda, Agenda, GioAgenda, MeldingOpAgenda, PolitieAgenda, Telling, TweewekelijksAgenda, ZaakOpAgenda } from '../domain/agenda.js';
import { dagVanIso, datumKort } from '../domain/tijd.js';
import { datumLang } from '../domain/datum-nl.js';
import { inline, mdTabel } from './markdown.js';
import { staafdiagram } from './staaf.js';
import { meervoud } from '../domain/taal.js';

export type Blok =
  | { soort: 'tekst'; regels: string[]; alleen?: 'agenda' | 'notulen' }
  | { soort: 'zaak'; zaak: ZaakOpAgenda; toelichting: string[]; alleen?: 'notulen' };

export interface Punt {
  titel: string;
  blokken: Blok[];
}


const tekst = (...regels: string[]): Blok => ({ soort: 'tekst', regels });
const zaakBlok = (zaak: ZaakOpAgenda, toelichting: string[] = []): Blok => ({ soort: 'zaak', zaak, toelichting });
/** A list across zaken in the agenda; the minutes show the same acties per zaak, with its table. */
function perZaakInNotulen(acties: readonly ActieOpAgenda[], zaken: ReadonlyMap<string, ZaakOpAgenda>, wat: string): Blok[] {
  const perZaak = new Map<string, string[]>();
  const gesloten: string[] = [];
  for (const x of acties) {
    const label = `${x.nummer} (${x.status}${x.te_laat ? ', te laat' : ''})`;
    if (!zaken.has(x.zaak)) gesloten.push(`${x.nummer} (${x.zaak}, ${x.status})`);
    else if (perZaak.has(x.zaak)) perZaak.get(x.zaak)!.push(label);
    else perZaak.set(x.zaak, [label]);
  }
  return [
    { soort: 'tekst', regels: actieTabel(acties, true), alleen: 'agenda' },
    ...[...perZaak].map(([n, labels]): Blok => ({ soort: 'zaak', zaak: zaken.get(n)!, toelichting: [`${wat}: ${labels.join(', ')}.`], alleen: 'notulen' })),
    ...(gesloten.length === 0 ? [] : [{ soort: 'tekst', regels: [`Van inmiddels gesloten zaken: ${gesloten.join(', ')}.`], alleen: 'notulen' } as Blok]),
  ];
}

/** '▲ +3', '▼ -2' or '=': the change against the previous window, readable without colour. */
export function verschil(t: Telling): string {
  const d = t.aantal - t.vorige_periode;
  return d > 0 ? `▲ +${d}` : d < 0 ? `▼ ${d}` : '=';
}

function trendTabel(naam: string, rijen: readonly ({ naam: string } & Telling)[]): string[] {
  if (rijen.length === 0) return ['Geen meldingen in deze of de vorige periode.'];
  return mdTabel(
    [naam, 'Deze periode', 'Vorige periode', 'Verschil'],
    rijen.map((r) => [inline(r.naam), String(r.aantal), String(r.vorige_periode), verschil(r)]),
    [false, true, true, false],
  );
}

function staafBlok(rijen: readonly ({ naam: string } & Telling)[]): string[] {
  const met = rijen.filter((r) => r.aantal > 0);
  if (met.length === 0) return [];
  return ['```text', ...staafdiagram(met.map((r) => ({ label: r.naam, waarde: r.aantal }))), '```'];
}

/** Per placement (SPEC §11): number and kern only, never the address or the household. */
function plaatsingBlokken(plaatsingen: GioAgenda['vergunninghouders']['plaatsingen'], peildatum: string): Blok[] {
  if (plaatsingen.length === 0) return [tekst('Geen lopende plaatsingen in de periode.')];
  return [
    tekst(`Per plaatsing (${meervoud(plaatsingen.length, 'lopende plaatsing', 'lopende plaatsingen')} in de periode):`),
    tekst(...mdTabel(
      ['Plaatsing', 'Kern', 'Sinds', 'Meldingen sinds plaatsing', 'In de periode', 'Laatste contact'],
      plaatsingen.map((p) => [
        p.nummer + (p.einde ? ` (tot ${datumKort(p.einde)})` : ''), inline(p.kern), datumKort(p.datum) + (p.datum > peildatum ? ' (komt)' : ''), String(p.meldingen_sinds_plaatsing),
        String(p.meldingen_in_periode), p.laatste_contact ? `${datumKort(p.laatste_contact.dag)} (${p.laatste_contact.soort})` : 'nog geen',
      ]),
      [false, false, false, true, true, false],
    )),
  ];
}

function telTabel(naam: string, rijen: readonly { naam: string; aantal: number }[]): string[] {
  return mdTabel([naam, 'Aantal'], rijen.map((r) => [inline(r.naam), String(r.aantal)]), [false, true]);
}

/** The line under a zaak's heading: soort, kern, when opened, owner, meldingen. */
export function zaakKenmerken(z: ZaakOpAgenda): string {
  const delen = [z.soort === 'zorg' ? 'Zorgzaak' : 'Overlastzaak', inline(z.kern), `geopend ${datumKort(z.geopend_dag)}`, `eigenaar ${z.eigenaar}`];
  delen.push(`${meervoud(z.meldingen, 'melding', 'meldingen')}${z.meldingen_in_periode > 0 ? `, waarvan ${z.meldingen_in_periode} in de periode` : ''}`);
  if (z.status === 'gesloten') delen.push('gesloten');
  if (z.vertrouwelijk) delen.push('**vertrouwelijk**');
  return delen.join(' · ');
}

/** The afspraken the last meeting of this soort made about the zaak, as one line (none: nothing). */
export function vorigeAfspraken(z: ZaakOpAgenda): string[] {
  const a = z.afspraken_vorige_keer;
  return a === null ? [] : [`**Afspraken vorige keer** (${datumKort(a.datum)}): ${inline(a.afspraken)}`];
}

/** What needs attention on an actie: overdue, postponed. */
function letOp(a: ActieOpAgenda): string {
  const uitgesteld = a.keer_uitgesteld > 0 ? `${a.keer_uitgesteld}× uitgesteld` : '';
  if (!a.te_laat) return uitgesteld;
  return uitgesteld ? `! te laat, ${uitgesteld}` : '! te laat';
}

/**
 * Acties as an aligned table; with `metZaak` a column for the zaak (lists across zaken). Written out
 * rather than through mdTabel: a GIO agenda at region scale has thousands of these rows, and the
 * columns of fixed width (number, zaak, date) need no measuring.
 */
export function actieTabel(acties: readonly ActieOpAgenda[], metZaak = false): string[] {
  let wo = 'Omschrijving'.length;
  let wp = 'Partner'.length;
  let ws = 'Status'.length;
  let wl = 'Let op'.length;
  const omschrijving: string[] = [];
  const aandacht: string[] = [];
  for (const a of acties) {
    const o = inline(a.omschrijving);
    const l = letOp(a);
    omschrijving.push(o);
    aandacht.push(l);
    wo = Math.max(wo, o.length);
    wp = Math.max(wp, a.partner.length);
    ws = Math.max(ws, a.status.length);
    wl = Math.max(wl, l.length);
  }
  const zaak = (z: string) => (metZaak ? ` ${z.padEnd(10)} |` : '');
  const uit = [
    `| Actie       |${zaak('Zaak')} ${'Omschrijving'.padEnd(wo)} | ${'Partner'.padEnd(wp)} | Deadline   | ${'Status'.padEnd(ws)} | ${'Let op'.padEnd(wl)} |`,
    `|-------------|${metZaak ? '------------|' : ''}${'-'.repeat(wo + 2)}|${'-'.repeat(wp + 2)}|------------|${'-'.repeat(ws + 2)}|${'-'.repeat(wl + 2)}|`,
  ];
  acties.forEach((a, k) => {
    uit.push(
      `| ${a.nummer.padEnd(11)} |${zaak(a.zaak)} ${omschrijving[k]!.padEnd(wo)} | ${a.partner.padEnd(wp)} | ${datumKort(a.deadline)} | ${a.status.padEnd(ws)} | ${aandacht[k]!.padEnd(wl)} |`,
    );
  });
  return uit;
}

function meldingTabel(meldingen: readonly MeldingOpAgenda[], metDoorzetting: boolean): string[] {
  const kop = ['Melding', 'Ontvangen', 'Categorie', 'Kern', 'Zaak', metDoorzetting ? 'Doorgezet' : 'Doorgezet naar', metDoorzetting ? 'Let op' : 'Vergunninghouder'];
  return mdTabel(
    kop,
    meldingen.map((m) => [
      m.nummer,
      datumKort(m.ontvangen_dag),
      m.categorie,
      inline(m.kern),
      m.zaak ?? '',
      metDoorzetting ? (m.eerste_doorzetting_dag ? datumKort(m.eerste_doorzetting_dag) : m.doorzetting === 'onbekend' ? 'onbekend' : 'niet') : m.doorgezet_naar.join(', '),
      metDoorzetting ? (m.doorzetting === 'te-laat' ? 'niet op de dag van ontvangst' : '! nog niet doorgezet') : m.vergunninghouder ? 'ja' : '',
    ]),
  );
}

export function punten(a: Agenda): Punt[] {
  if (a.soort === 'gio') return gio(a);
  if (a.soort === 'tweewekelijks') return tweewekelijks(a);
  return politie(a);
}

function gio(a: GioAgenda): Punt[] {
  const [opening, vorig, nieuw, lopend, vh, jeugd, klaar, rondvraag] = a.agendapunten as [string, string, string, string, string, string, string, string];
  const metNieuws = a.lopende_zaken.filter((z) => z.meldingen_in_periode > 0).length;
  const metTeLaat = a.lopende_zaken.filter((z) => z.acties.some((x) => x.te_laat)).length;
  const vp = a.vorig_venster;
  return [
    { titel: opening, blokken: [] },
    { titel: vorig, blokken: [tekst(...vorigGio(a))] },
    {
      titel: nieuw,
      blokken: a.nieuwe_zaken.length === 0
        ? [tekst('Geen nieuwe zaken.')]
        : [tekst(`${meervoud(a.nieuwe_zaken.length, 'zaak', 'zaken')}: geopend in de periode, of nog zonder acties.`), ...a.nieuwe_zaken.map((z) => zaakBlok(z))],
    },
    {
      titel: lopend,
      blokken: a.lopende_zaken.length === 0
        ? [tekst('Geen lopende zaken.')]
        : [
            tekst(`${meervoud(a.lopende_zaken.length, 'lopende zaak', 'lopende zaken')}; ${metNieuws} met nieuwe meldingen in de periode, ${metTeLaat} met acties die te laat zijn.`),
            ...a.lopende_zaken.map((z) => zaakBlok(z)),
          ],
    },
    {
      titel: vh,
      blokken: [
        tekst(`${meervoud(a.vergunninghouders.totaal, 'melding', 'meldingen')} in de periode over een vergunninghouder.`),
        ...(a.vergunninghouders.totaal === 0
          ? []
          : [
              tekst(...telTabel('Categorie', a.vergunninghouders.per_categorie.map((r) => ({ naam: r.categorie, aantal: r.aantal })))),
              tekst(...telTabel('Kern', a.vergunninghouders.per_kern.map((r) => ({ naam: r.kern, aantal: r.aantal })))),
            ]),
        ...plaatsingBlokken(a.vergunninghouders.plaatsingen, a.peildatum),
      ],
    },
    {
      titel: jeugd,
      blokken: [
        tekst(`${meervoud(a.jeugdoverlast.aantal, 'melding', 'meldingen')} van jeugdoverlast in de periode; in de periode ervoor (${datumKort(vp.van)} tot en met ${datumKort(vp.tot_en_met)}) ${a.jeugdoverlast.vorige_periode}.${loopt(a)}`),
        tekst(...trendTabel('Kern', a.jeugdoverlast.per_kern.map((r) => ({ ...r, naam: r.kern })))),
      ],
    },
    {
      titel: klaar,
      blokken: a.klaar_om_te_sluiten.length === 0
        ? [tekst('Geen zaken: elke open zaak heeft nog acties die open zijn of lopen.')]
        : [
            tekst('Alle acties van deze zaken zijn gereed of vervallen: de zaak kan worden gesloten, met het resultaat, of er wordt een nieuwe actie afgesproken.'),
            ...a.klaar_om_te_sluiten.map((z) => zaakBlok(z)),
          ],
    },
    { titel: rondvraag, blokken: [] },
  ];
}

function vorigGio(a: GioAgenda): string[] {
  const v = a.vorig_gio;
  if (!v) return ['Dit is het eerste GIO van de reeks: er is geen vorig GIO.'];
  const regels = [`Vaststellen van de notulen van het GIO van ${datumLang(v.datum)}.`];
  if (v.aanwezig.length > 0) regels.push('', `Aanwezig waren: ${v.aanwezig.map(inline).join(', ')}.`);
  if (v.acties === 0) return [...regels, '', 'In dat GIO zijn geen acties vastgelegd.'];
  const stand = ACTIE_STATUSSEN.filter((s) => v.per_status[s] > 0).map((s) => `${v.per_status[s]} ${s}`);
  regels.push('', `Matrix: in dat GIO ${v.acties === 1 ? 'is 1 actie' : `zijn ${v.acties} acties`} afgesproken; nu ${stand.join(', ')}${v.te_laat > 0 ? `; ${v.te_laat} daarvan ${v.te_laat === 1 ? 'is' : 'zijn'} te laat` : ''}.`);
  return regels;
}

function tweewekelijks(a: TweewekelijksAgenda): Punt[] {
  const [opening, nieuw, doorzetting, uitGio, teLaat, afstemming, rondvraag] = a.agendapunten as [string, string, string, string, string, string, string];
  const zaken = new Map(a.zaken.map((z) => [z.nummer, z]));
  const gioTekst = a.laatste_gio
    ? `Het laatste GIO was op ${datumLang(a.laatste_gio)}${a.volgende_gio ? `; het volgende is op ${datumLang(a.volgende_gio)}` : ''}.`
    : 'Er is nog geen GIO geweest.';
  return [
    { titel: opening, blokken: [] },
    {
      titel: nieuw,
      blokken: [
        tekst(`${meervoud(a.nieuwe_meldingen.length, 'melding', 'meldingen')} ontvangen in de periode.`),
        ...(a.nieuwe_meldingen.length > 0 ? [tekst(...meldingTabel(a.nieuwe_meldingen, false))] : []),
      ],
    },
    {
      titel: doorzetting,
      blokken: a.niet_op_tijd_doorgezet.length === 0
        ? [tekst('Alle meldingen zijn op de dag van ontvangst doorgezet.')]
        : [
            tekst('Een melding gaat op de dag van ontvangst naar de partners. Hieronder de meldingen uit de periode waarbij dat niet lukte, en oudere die nog nooit zijn doorgezet.'),
            tekst(...meldingTabel(a.niet_op_tijd_doorgezet, true)),
          ],
    },
    {
      titel: uitGio,
      blokken: [
        tekst(gioTekst),
        ...(a.acties_laatste_gio.length === 0
          ? [tekst('Geen acties uit het laatste GIO met een deadline vóór het volgende.')]
          : perZaakInNotulen(a.acties_laatste_gio, zaken, 'Uit het laatste GIO')),
      ],
    },
    {
      titel: teLaat,
      blokken: a.te_late_acties.length === 0
        ? [tekst('Geen acties te laat.')]
        : [
            tekst(`${meervoud(a.te_late_acties.length, 'actie is', 'acties zijn')} te laat: de deadline is voorbij en de actie is nog open of loopt.`),
            ...perZaakInNotulen(a.te_late_acties, zaken, 'Te laat'),
          ],
    },
    { titel: afstemming, blokken: [] },
    { titel: rondvraag, blokken: [] },
  ];
}

/** Said where a running window is compared: counted so far, against as many days before. */
function loopt(a: GioAgenda | PolitieAgenda): string {
  const l = a.periode_loopt;
  if (!l) return '';
  return ` De periode loopt nog: geteld tot en met ${datumKort(l.tot_en_met)}, ${l.dagen} van de ${l.van_dagen} dagen, tegen evenveel dagen van de periode ervoor.`;
}

function politie(a: PolitieAgenda): Punt[] {
  const [opening, trends, veel, vertrouwelijk, tussendoor, vhJeugd, rondvraag] = a.agendapunten as [string, string, string, string, string, string, string];
  const vp = a.vorig_venster;
  const categorieen = a.trends.per_categorie.map((r) => ({ ...r, naam: r.categorie }));
  const kernen = a.trends.per_kern.map((r) => ({ ...r, naam: r.kern }));
  return [
    { titel: opening, blokken: [] },
    {
      titel: trends,
      blokken: [
        tekst(`${meervoud(a.trends.aantal, 'melding', 'meldingen')} in de periode, vertrouwelijke meegeteld; in de periode ervoor (${datumKort(vp.van)} tot en met ${datumKort(vp.tot_en_met)}) ${a.trends.vorige_periode} (${verschil(a.trends)}).${loopt(a)}`),
        tekst('**Per categorie**'),
        tekst(...trendTabel('Categorie', categorieen)),
        tekst(...staafBlok(categorieen)),
        tekst('**Per kern**'),
        tekst(...trendTabel('Kern', kernen)),
        tekst(...staafBlok(kernen)),
      ],
    },
    {
      titel: veel,
      blokken: a.zaken_veel_meldingen.length === 0
        ? [tekst('Geen zaken met drie of meer meldingen in de periode.')]
        : a.zaken_veel_meldingen.map((z) => zaakBlok(z)),
    },
    {
      titel: vertrouwelijk,
      blokken: [
        tekst('Alleen voor dit overleg: niet bespreken in het GIO of het tweewekelijks overleg.'),
        ...(a.vertrouwelijke_zaken.length === 0 ? [tekst('Geen open vertrouwelijke zaken.')] : a.vertrouwelijke_zaken.map((z) => zaakBlok(z))),
        tekst(`${meervoud(a.vertrouwelijke_meldingen.length, 'vertrouwelijke melding', 'vertrouwelijke meldingen')} in de periode.`),
        ...(a.vertrouwelijke_meldingen.length > 0 ? [tekst(...meldingTabel(a.vertrouwelijke_meldingen, false))] : []),
      ],
    },
    {
      titel: tussendoor,
      blokken: a.afstemmingen.length === 0
        ? [tekst('Geen afstemming tussendoor vastgelegd in de periode (kvz afstemming add).')]
        : [
            tekst(`${meervoud(a.afstemmingen.length, 'keer', 'keer')} tussendoor afgestemd in de periode${a.afstemmingen.some((x) => x.vertrouwelijk) ? '; de vertrouwelijke staan alleen op deze agenda' : ''}.`),
            tekst(...mdTabel(
              ['Afstemming', 'Op', 'Tussen', 'Onderwerp', 'Zaak'],
              a.afstemmingen.map((x) => [x.nummer + (x.vertrouwelijk ? ' (vertrouwelijk)' : ''), datumKort(dagVanIso(x.op)), x.tussen.join(', '), inline(x.onderwerp), x.zaak ?? '']),
            )),
          ],
    },
    {
      titel: vhJeugd,
      blokken: [
        tekst(`**Vergunninghouders:** ${meervoud(a.vergunninghouders.aantal, 'melding', 'meldingen')} in de periode; in de periode ervoor ${a.vergunninghouders.vorige_periode} (${verschil(a.vergunninghouders)}).`),
        ...(a.vergunninghouders.per_categorie.length > 0 ? [tekst(...trendTabel('Categorie', a.vergunninghouders.per_categorie.map((r) => ({ ...r, naam: r.categorie }))))] : []),
        tekst(`**Jeugdoverlast:** ${meervoud(a.jeugdoverlast.aantal, 'melding', 'meldingen')} in de periode; in de periode ervoor ${a.jeugdoverlast.vorige_periode} (${verschil(a.jeugdoverlast)}).`),
        ...(a.jeugdoverlast.per_kern.length > 0 ? [tekst(...trendTabel('Kern', a.jeugdoverlast.per_kern.map((r) => ({ ...r, naam: r.kern }))))] : []),
      ],
    },
    { titel: rondvraag, blokken: [] },
  ];
}
