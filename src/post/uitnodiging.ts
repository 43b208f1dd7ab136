/**
 * A meeting's mail (SPEC §8): the invitation (iCalendar METHOD:REQUEST), its update when the meeting
 * moves (REQUEST again, same UID, higher SEQUENCE) and its cancellation (METHOD:CANCEL). Calendars act
 * on the iCalendar part; the plain text says the same for whoever reads the mail itself.
 */
import { DUUR_MINUTEN, soortInZin, soortNaam, soortTitel } from '../domain/cadans.js';
import type { Overleg } from '../domain/overleg.js';
import { datumLang } from '../domain/datum-nl.js';
import { icsUitnodiging } from '../documents/ics.js';
import type { Bericht } from '../store/post.js';
import { nieuweMessageId, opEenRegel } from './doorzetting.js';

export type Aanleiding = 'nieuw' | 'gewijzigd' | 'geannuleerd';

export interface UitnodigingGegevens {
  overleg: Overleg;
  aanleiding: Aanleiding;
  /** What the invitation said before, for a change: date, time, place. */
  was?: { datum: string; tijd: string; locatie: string } | undefined;
  volgnummer: number;
  /** Who this message goes to (a subset of the participants when only new ones are invited). */
  aan: string[];
  /** Every participant with an address: the attendees of the event. */
  deelnemers: readonly { naam: string; email: string }[];
  afzender?: string | undefined;
  databaseId: string;
  domein: string;
  nu: Date;
}

function eindTijd(o: Overleg): string {
  const [u, m] = o.tijd.split(':').map(Number) as [number, number];
  const eind = (u * 60 + m + DUUR_MINUTEN[o.soort]) % 1440;
  return `${String(Math.floor(eind / 60)).padStart(2, '0')}:${String(eind % 60).padStart(2, '0')}`;
}

const wanneer = (o: { datum: string; tijd: string }) => `${datumLang(o.datum)} om ${o.tijd}`;

export function uitnodigingBericht(g: UitnodigingGegevens): Bericht {
  const o = g.overleg;
  const titel = soortTitel(o.soort);
  const annuleer = g.aanleiding === 'geannuleerd';
  const onderwerp = opEenRegel(
    `${annuleer ? 'Geannuleerd' : g.aanleiding === 'gewijzigd' ? 'Gewijzigd' : 'Uitnodiging'}: ${titel}, ${datumLang(o.datum)} ${o.tijd}`,
  );
  const kern = annuleer
    ? [`Het ${soortNaam(o.soort)} van ${wanneer(o)} (${opEenRegel(o.locatie)}) gaat niet door.`, ...(o.reden ? [`Reden: ${opEenRegel(o.reden)}.`] : [])]
    : [
        g.aanleiding === 'gewijzigd'
          ? `Het ${soortNaam(o.soort)} is gewijzigd. Het is nu op:`
          : `U bent uitgenodigd voor het ${soortInZin(o.soort)}:`,
        '',
        `Datum:    ${datumLang(o.datum)}`,
        `Tijd:     ${o.tijd} tot ${eindTijd(o)}`,
        `Plaats:   ${opEenRegel(o.locatie)}`,
        ...(g.was ? ['', `Eerder stond het op ${wanneer(g.was)}, ${opEenRegel(g.was.locatie)}.`] : []),
        '',
        'De agenda volgt voor het overleg.',
      ];
  const regels = [
    'Beste deelnemers,',
    '',
    ...kern,
    '',
    'Met vriendelijke groet,',
    '',
    '-- ',
    'Cluster Integrale Veiligheid, gemeente Koggenland',
  ];
  const kalender = icsUitnodiging(annuleer ? { ...o, status: 'geannuleerd' } : o, {
    nu: g.nu,
    databaseId: g.databaseId,
    volgnummer: () => g.volgnummer,
    methode: annuleer ? 'CANCEL' : 'REQUEST',
    organisator: g.afzender,
    deelnemers: g.deelnemers,
  });
  return {
    soort: annuleer ? 'annulering' : 'uitnodiging',
    object: `${o.soort} ${o.datum}`,
    aan: g.aan,
    onderwerp,
    tekst: `${regels.join('\n')}\n`,
    kalender,
    messageId: nieuweMessageId(g.domein),
  };
}
