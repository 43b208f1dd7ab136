/**
 * The meetings as an iCalendar file (RFC 5545) that Outlook, Google and Apple calendars import.
 * Each meeting keeps one UID (soort + nominal date), so importing a newer file updates the events
 * instead of adding copies; SEQUENCE grows with every change, and cancelled meetings are sent as
 * STATUS:CANCELLED so that calendars drop them. Times are wall-clock times in Europe/Amsterdam.
 */
import { cadansSoort, DUUR_MINUTEN, soortTitel, type CadansSoort } from '../domain/cadans.js';
import type { Overleg } from '../domain/overleg.js';
import { datumLang, plusDagen, TIJDZONE, type Datum } from '../domain/tijd.js';

export interface IcsOpties {
  /** DTSTAMP: when the file was made. */
  nu: Date;
  /** How often each cadence was changed: added to SEQUENCE, since a cadence change moves its meetings. */
  cadansVersie: Record<CadansSoort, number>;
}

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
  const regels = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Gemeente Koggenland//kvz//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Overleggen Integrale Veiligheid Koggenland',
    `X-WR-TIMEZONE:${TIJDZONE}`,
    ...VTIMEZONE,
    ...overleggen.flatMap((o) => gebeurtenis(o, opties)),
    'END:VCALENDAR',
  ];
  return regels.map(vouw).join('\r\n') + '\r\n';
}

function gebeurtenis(o: Overleg, opties: IcsOpties): string[] {
  const eind = plusMinuten(o.datum, o.tijd, DUUR_MINUTEN[o.soort]);
  return [
    'BEGIN:VEVENT',
    `UID:${o.uid}`,
    `DTSTAMP:${utc(opties.nu)}`,
    `SEQUENCE:${opties.cadansVersie[cadansSoort(o.soort)] + o.versie}`,
    `DTSTART;TZID=${TIJDZONE}:${lokaal(o.datum, o.tijd)}`,
    `DTEND;TZID=${TIJDZONE}:${lokaal(eind.datum, eind.tijd)}`,
    `SUMMARY:${tekst(o.status === 'geannuleerd' ? `Geannuleerd: ${soortTitel(o.soort)}` : soortTitel(o.soort))}`,
    `LOCATION:${tekst(o.locatie)}`,
    `DESCRIPTION:${tekst(beschrijving(o))}`,
    `STATUS:${o.status === 'geannuleerd' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}

function beschrijving(o: Overleg): string {
  const regels: string[] = [];
  if (o.status === 'geannuleerd') regels.push(`Geannuleerd${o.reden ? `: ${o.reden}` : ''}.`);
  if (o.verschoven_van) regels.push(`Verschoven van ${datumLang(o.verschoven_van)}${o.reden && o.status !== 'geannuleerd' ? ` (${o.reden})` : ''}.`);
  else if (o.status === 'verzet' && o.reden) regels.push(`Verzet: ${o.reden}.`);
  if (o.status !== 'geannuleerd') regels.push(`Agenda: kvz agenda ${o.soort} --datum ${o.datum}`);
  return regels.join('\n');
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

