/**
 * The forwarding mail (SPEC §8): one per partner, a plain Dutch text with what the partner needs to
 * act, and the melder's name, phone and e-mail only for a partner that may have them (kept apart in
 * the outbox, so that opschonen can erase them).
 */
import { nodeCrypto } from '../store/crypto-lui.js';
import { tijdstipKort } from '../domain/tijd.js';
import type { Bericht } from '../store/post.js';

/** Who may receive a confidential melding: the politieoverleg's circle. */
export const KRING_VERTROUWELIJK = ['politie', 'oov', 'burgemeester'] as const;

export interface MeldingVoorPost {
  id: number;
  nummer: string;
  ontvangenOp: string;
  categorie: string;
  kern: string;
  adres: string | null;
  omschrijving: string;
  vergunninghouder: boolean;
  vertrouwelijk: boolean;
  melderNaam: string | null;
  melderTelefoon: string | null;
  melderEmail: string | null;
}

export interface PartnerVoorPost {
  code: string;
  naam: string;
  email: string | null;
  met_melder: number;
}

/** Stored text on one line, for a subject. */
export const opEenRegel = (t: string) => t.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();

/** A Message-ID that stays the same for every attempt to send this message. */
export function nieuweMessageId(domein: string): string {
  return `<${nodeCrypto().randomUUID()}@${domein}>`;
}

export function doorzettingBericht(m: MeldingVoorPost, p: PartnerVoorPost, notitie: string | undefined, domein: string): Bericht {
  const onderwerp = opEenRegel(`${m.vertrouwelijk ? 'Vertrouwelijk: m' : 'M'}elding ${m.nummer}: ${m.categorie} in ${m.kern}`);
  const regels = [
    'Beste collega\'s,',
    '',
    `Het cluster Integrale Veiligheid zet melding ${m.nummer} door naar ${p.naam}.`,
    ...(m.vertrouwelijk ? ['', 'VERTROUWELIJK: alleen voor de kring van het politieoverleg; niet doorsturen.'] : []),
    '',
    `Nummer:       ${m.nummer}`,
    `Ontvangen:    ${tijdstipKort(new Date(m.ontvangenOp))}`,
    `Categorie:    ${m.categorie}`,
    `Kern:         ${m.kern}`,
    ...(m.adres ? [`Adres:        ${opEenRegel(m.adres)}`] : []),
    ...(m.vergunninghouder ? ['Betreft:      een vergunninghouder (extra aandacht)'] : []),
    '',
    'Omschrijving:',
    m.omschrijving,
    ...(notitie ? ['', 'Toelichting:', notitie] : []),
    '',
    'Met vriendelijke groet,',
    '',
    '-- ',
    'Cluster Integrale Veiligheid, gemeente Koggenland',
    `Antwoord graag met het nummer ${m.nummer} in het onderwerp.`,
  ];
  const melder = [
    ...(m.melderNaam ? [`Naam:         ${m.melderNaam}`] : []),
    ...(m.melderTelefoon ? [`Telefoon:     ${m.melderTelefoon}`] : []),
    ...(m.melderEmail ? [`E-mail:       ${m.melderEmail}`] : []),
  ];
  return {
    soort: 'doorzetting',
    object: m.nummer,
    meldingId: m.id,
    partner: p.code,
    aan: p.email!.split(',').map((a) => a.trim()),
    onderwerp,
    tekst: `${regels.join('\n')}\n`,
    ...(p.met_melder && melder.length > 0 ? { melderTekst: ['Gegevens van de melder:', ...melder].join('\n') } : {}),
    messageId: nieuweMessageId(domein),
  };
}

/** The melding as the feedback mail needs it. */
export interface MeldingVoorMelder {
  id: number;
  nummer: string;
  ontvangenOp: string;
  categorieOmschrijving: string;
  kern: string;
  melderEmail: string;
}

/**
 * Feedback to the melder (SPEC §8): a courteous Dutch letter with the team's note, signed by the team.
 * The address is the melder's (shown as `melder`, erased by opschonen); the text names nobody.
 */
export function terugkoppelingBericht(m: MeldingVoorMelder, notitie: string, domein: string): Bericht {
  const dag = tijdstipKort(new Date(m.ontvangenOp)).slice(0, 10);
  const regels = [
    'Beste melder,',
    '',
    `Op ${dag} deed u bij de gemeente Koggenland een melding over ${m.categorieOmschrijving.toLowerCase()} in ${m.kern}`,
    `(ons nummer ${m.nummer}). U vroeg ons u te laten weten wat ermee gebeurt. Dat doen we graag:`,
    '',
    notitie,
    '',
    `Heeft u nog vragen of ziet u opnieuw iets, antwoord dan op deze e-mail en noem het nummer ${m.nummer}.`,
    'Dank u wel dat u het heeft gemeld.',
    '',
    'Met vriendelijke groet,',
    '',
    '-- ',
    'Team Integrale Veiligheid',
    'Gemeente Koggenland',
  ];
  return {
    soort: 'terugkoppeling',
    object: m.nummer,
    meldingId: m.id,
    aan: [m.melderEmail],
    aanMelder: true,
    onderwerp: opEenRegel(`Uw melding ${m.nummer} bij de gemeente Koggenland`),
    tekst: `${regels.join('\n')}\n`,
    messageId: nieuweMessageId(domein),
  };
}
