/**
 * The meetings as an iCalendar file (RFC 5545) that Outlook, Google and Apple calendars import.
 * Each meeting keeps one UID (soort + nominal date + the database's identity), so importing a newer
 * file updates the events instead of adding copies; SEQUENCE grows with every change, and cancelled
 * meetings (and those a new cadence dropped) are sent as STATUS:CANCELLED so that calendars drop
 * them. The same events go out by mail as invitations (METHOD:REQUEST) and cancellations
 * (METHOD:CANCEL). Times are wall-clock times in Europe/Amsterdam.
 */
import { DUUR_MINUTEN, overlegUid, soortTitel } from '../domain/cadans.js';
import type { Overleg } from '../domain/overleg.js';
import { plusDagen, TIJDZONE, type Datum } from '../domain/tijd.js';
import { datumLang } from '../domain/datum-nl.js';

export interface IcsOpties {
  /** DTSTAMP: when the file was made. */
  nu: Date;
  /** The database's identity, part of every UID. */
  databaseId: string;
  /** The SEQUENCE of a meeting: it grows with every change (see store/kalender.ts). */
  volgnummer: (o: Overleg) => number;
}

/** A meeting's invitation or cancellation (RFC 5546: METHOD REQUEST or CANCEL), sent by mail. */
export interface UitnodigingOpties extends IcsOpties {
  methode: 'REQUEST' | 'CANCEL';
  /** The sender's address (ORGANIZER); absent when drafts are written without a sender. */
  organisator?: string | undefined;
  deelnemers: readonly { naam: string; email: string }[];
}

/** The sender's name, as in the From header of kvz's mail. */
export const ORGANISATOR_NAAM = 'Integrale Veiligheid Koggenland';

// Europe/Amsterdam by the EU rule (the same rule domain/tijd.ts computes with).
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIJDZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export function icsKalender(overleggen: Overleg[], opties: IcsOpties): string {
  return kalender('PUBLISH', ['X-WR-CALNAME:Overleggen Integrale Veiligheid Koggenland', `X-WR-TIMEZONE:${TIJDZONE}`], overleggen.map((o) => gebeurtenis(o, opties)));
}

/**
 * One meeting as an invitation (REQUEST, also for a change: same UID, higher SEQUENCE) or a
 * cancellation (CANCEL), with the organiser and one attendee per participant with an address.
 */
export function icsUitnodiging(o: Overleg, opties: UitnodigingOpties): string {
  const wie = [
    ...(opties.organisator ? [`ORGANIZER;CN=${param(ORGANISATOR_NAAM)}:mailto:${opties.organisator}`] : []),
    ...opties.deelnemers.map(
      (d) => `ATTENDEE;CN=${param(d.naam)};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${d.email}`,
    ),
  ];
  const afgezegd: Overleg = opties.methode === 'CANCEL' ? { ...o, status: 'geannuleerd' } : o;
  return kalender(opties.methode, [], [gebeurtenis(afgezegd, opties, wie)]);
}

function kalender(methode: string, extra: string[], gebeurtenissen: string[][]): string {
  const regels = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Gemeente Koggenland//kvz//NL',
    'CALSCALE:GREGORIAN',
    `METHOD:${methode}`,
    ...extra,
    ...VTIMEZONE,
    ...gebeurtenissen.flat(),
    'END:VCALENDAR',
  ];
  return regels.map(vouw).join('\r\n') + '\r\n';
}

function gebeurtenis(o: Overleg, opties: IcsOpties, wie: string[] = []): string[] {
  const eind = plusMinuten(o.datum, o.tijd, DUUR_MINUTEN[o.soort]);
  return [
    'BEGIN:VEVENT',
    `UID:${overlegUid(o.soort, o.nominale_datum, opties.databaseId)}`,
    `DTSTAMP:${utc(opties.nu)}`,
    `SEQUENCE:${opties.volgnummer(o)}`,
    `DTSTART;TZID=${TIJDZONE}:${lokaal(o.datum, o.tijd)}`,
    `DTEND;TZID=${TIJDZONE}:${lokaal(eind.datum, eind.tijd)}`,
    `SUMMARY:${tekst(o.status === 'geannuleerd' ? `Geannuleerd: ${soortTitel(o.soort)}` : soortTitel(o.soort))}`,
    `LOCATION:${tekst(o.locatie)}`,
    ...omschrijving(beschrijving(o, wie.length === 0)),
    ...wie,
    `STATUS:${o.status === 'geannuleerd' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}

const omschrijving = (t: string) => (t === '' ? [] : [`DESCRIPTION:${tekst(t)}`]);

/** What changed; in the team's own file also the command for the agenda (never in a partner's invitation). */
function beschrijving(o: Overleg, metCommando: boolean): string {
  const regels: string[] = [];
  if (o.status === 'geannuleerd') regels.push(`Geannuleerd${o.reden ? `: ${o.reden}` : ''}.`);
  if (o.verschoven_van) regels.push(`Verschoven van ${datumLang(o.verschoven_van)}${o.reden && o.status !== 'geannuleerd' ? ` (${o.reden})` : ''}.`);
  else if (o.status === 'verzet' && o.reden) regels.push(`Verzet: ${o.reden}.`);
  if (o.status !== 'geannuleerd' && metCommando) regels.push(`Agenda: kvz agenda ${o.soort} --datum ${o.datum}`);
  return regels.join('\n');
}

/** A parameter value (RFC 5545 §3.2): quoted, without the characters a quoted value cannot hold. */
function param(waarde: string): string {
  return `"${waarde.replace(/["\r\n\u0000-\u001f\u007f]/g, ' ')}"`;
}

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function tekst(waarde: string): string {
  return waarde.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
export function vouw(regel: string): string {
  if (Buffer.byteLength(regel) <= 75) return regel;
  const delen: string[] = [];
  let huidig = '';
  let octetten = 0;
  for (const teken of regel) {
    const n = Buffer.byteLength(teken);
    // The first line holds 75 octets; every continuation starts with a space, leaving 74.
    if (octetten + n > (delen.length === 0 ? 75 : 74)) {
      delen.push(huidig);
      huidig = '';
      octetten = 0;
    }
    huidig += teken;
    octetten += n;
  }
  delen.push(huidig);
  return delen.join('\r\n ');
}

function lokaal(datum: Datum, tijd: string): string {
  return `${datum.replace(/-/g, '')}T${tijd.replace(':', '')}00`;
}

function utc(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function plusMinuten(datum: Datum, tijd: string, minuten: number): { datum: Datum; tijd: string } {
  const [u, m] = tijd.split(':').map(Number) as [number, number];
  const totaal = u * 60 + m + minuten;
  const dag = Math.floor(totaal / 1440);
  const rest = totaal % 1440;
  return { datum: plusDagen(datum, dag), tijd: `${String(Math.floor(rest / 60)).padStart(2, '0')}:${String(rest % 60).padStart(2, '0')}` };
}

