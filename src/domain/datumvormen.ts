/**
 * Every form a date field accepts, in one list for the parser's messages, --help and the README, so
 * they cannot drift apart. The command definitions load it at start-up; it imports only vouw.
 */
import { vouw } from './vouw.js';

/** [the form, what it means], as --help shows them. */
export const DATUMVORMEN: readonly (readonly [string, string?])[] = [
  ['16-03-2027, 16-3-2027 of 2027-03-16'],
  ['16-3 of 16-03', 'dit jaar; bij een deadline, een nieuwe overlegdatum of het begin van een reeks volgend jaar als die dag dit jaar al voorbij is'],
  ['vandaag, morgen, gisteren'],
  ['vrijdag (of vr)', 'de eerstvolgende vrijdag na vandaag (op een vrijdag: over een week); zo ook de andere weekdagen'],
  ['over 3 dagen, over 2 weken, +3d, +2w'],
];

export const DEADLINEVORM = [
  'volgend-gio',
  'bij een deadline: de datum van het eerstvolgende GIO na vandaag; zo ook volgend-tweewekelijks en volgend-politie',
] as const;

/** The forms alone, for a message that refuses a date. */
export function datumVormenKort(deadline: boolean): string {
  const vormen = DATUMVORMEN.map(([v]) => v.replace(' (of vr)', ''));
  vormen[3] = 'een weekdag (vrijdag)';
  if (deadline) vormen.push('volgend-gio, volgend-tweewekelijks, volgend-politie');
  return vormen.join('; ');
}

/** The "Een datum mag zijn" block under --help of a command with date options, wrapped at 80 columns. */
export function datumHulp(o: { tijd?: boolean; deadline?: boolean } = {}): string {
  const regels = ['', 'Een datum mag zijn:'];
  for (const [vorm, uitleg] of o.deadline ? [...DATUMVORMEN, DEADLINEVORM] : DATUMVORMEN) {
    if (uitleg === undefined) {
      regels.push(`  ${vorm}`);
      continue;
    }
    const [eerste = '', ...rest] = vouw(uitleg, 80, 22);
    regels.push(`  ${vorm.padEnd(18)}  ${eerste.trimStart()}`, ...rest);
  }
  if (o.tijd) {
    regels.push(
      'Een moment is zo\'n datum, eventueel met een tijd erachter: "16-03-2027 09:30",',
      '"gisteren 14:00". Zonder tijd is het nu als het vandaag is, anders 12:00.',
    );
  }
  return regels.join('\n');
}
