/**
 * The table behind the hostile-input suite: every command × every place that takes a value × every
 * hostile value. To cover a new command, add a Doelwit with its places; the suite does the rest.
 *
 * Whether a hostile value must be accepted depends on what the place takes (its Soort): free text
 * must store SQL-looking text, emoji and combining characters literally; a kern, a number or a date
 * must refuse them. Everything refused must exit 2 with one clean line and write nothing.
 */
import { join } from 'node:path';

export type Soort =
  | 'tekst' // one line of free text (adres, naam, kern add)
  | 'regels' // free text with newlines (omschrijving, notitie)
  | 'naam' // the user's name for the audit log
  | 'keuze' // a value from a list: kern, categorie, partner, kanaal, status
  | 'datum' // a date or moment
  | 'getal' // a whole number (--limit, --bewaartermijn)
  | 'nummer' // M-/Z-/A-number
  | 'code' // a partner or categorie code
  | 'telefoon'
  | 'email'
  | 'tijd' // a clock time HH:MM
  | 'overleg' // a meeting as soort:datum
  | 'pad'; // a file path (placed inside the test's own directory)

export interface Omgeving {
  /** A fresh directory of this test, for file paths. */
  map: string;
}

export interface Plek {
  /** How the test title names the place. */
  naam: string;
  soort: Soort;
  /** The whole command line with `w` in this place. Positional values come after `--`, so '-5' is a value. */
  args: (w: string, o: Omgeving) => string[];
  /** For places that store text: SQL returning the value as stored by the command, to compare with what was typed. */
  opgeslagen?: string;
  /** An empty value is allowed here: it means "none" (melding add --melder-naam "") or clears the field (update --adres ""). */
  leegMag?: boolean;
  /** Exit code of an accepted value when it is not 0 (a path to a file that does not exist: 1). */
  aanvaardCode?: number;
  /** The command runs without a database and must not create one when it refuses (kvz init). */
  zonderDb?: boolean;
}

export interface Doelwit {
  commando: string;
  plekken: Plek[];
}

export interface Vijandig {
  naam: string;
  waarde: string;
  /** The kinds of place that must accept this value. */
  aanvaard: readonly Soort[];
}

const TEKST: Soort[] = ['tekst', 'regels', 'naam', 'pad'];

export const VIJANDIG: Vijandig[] = [
  { naam: 'zeer lange tekst', waarde: 'x'.repeat(100_000), aanvaard: [] },
  { naam: 'NUL-teken', waarde: 'voor\u0000na', aanvaard: [] },
  { naam: 'ANSI-escape', waarde: '\u001b[2J\u001b]0;gehackt\u0007rood', aanvaard: [] },
  { naam: 'backspace', waarde: 'ab\u0008\u0008cd', aanvaard: [] },
  { naam: 'RTL-override', waarde: 'factuur\u202Efdp.exe', aanvaard: [] },
  { naam: 'losse surrogaat', waarde: 'a\uD800b', aanvaard: [] },
  { naam: 'leeg', waarde: '', aanvaard: [] },
  { naam: 'alleen spaties', waarde: '   ', aanvaard: [] },
  { naam: 'SQL', waarde: "x'); DROP TABLE melding; --", aanvaard: TEKST },
  { naam: 'combinerende tekens', waarde: 'Cafe\u0301 de Zwaan', aanvaard: TEKST },
  { naam: 'emoji', waarde: 'Overlast 🚨👮‍♀️', aanvaard: TEKST },
  { naam: 'regeleinde', waarde: 'regel een\nregel twee', aanvaard: ['regels'] },
  { naam: 'datum waar een getal hoort', waarde: '2027-03-16', aanvaard: [...TEKST, 'datum', 'telefoon'] },
  { naam: 'getal waar een datum hoort', waarde: '12', aanvaard: [...TEKST, 'getal'] },
  { naam: 'negatief getal', waarde: '-5', aanvaard: TEKST },
  { naam: 'onmogelijke datum', waarde: '2027-02-30', aanvaard: [...TEKST, 'telefoon'] },
];

/** A path inside the test's directory; an empty value stays empty, so that it reaches kvz as typed. */
const inMap = (w: string, o: Omgeving) => (w.trim() === '' ? w : join(o.map, w));

/**
 * The test database holds M-2027-0001 (open, with melder data), zaak Z-2027-001 with actie A-2027-0001,
 * and a GIO cadence from 2 March 2027 (so a tweewekelijks overleg on 16 March 2027, today).
 */
const M = 'M-2027-0001';
const Z = 'Z-2027-001';
const A = 'A-2027-0001';
const ADD = ['melding', 'add', '--categorie', 'jeugdoverlast', '--kern', 'Obdam', '--omschrijving', 'Groep op het plein'];
const laatsteMelding = (kolom: string) => `SELECT ${kolom} FROM melding ORDER BY id DESC LIMIT 1`;

/** `melding add` with one flag replaced (or added). */
function add(flag: string, w: string): string[] {
  const args = [...ADD];
  const i = args.indexOf(flag);
  if (i >= 0) args[i + 1] = w;
  else args.push(flag, w);
  return args;
}

const update = (flag: string, soort: Soort, kolom?: string, leegMag = false): Plek => ({
  naam: flag,
  soort,
  args: (w) => ['melding', 'update', M, flag, w],
  ...(kolom ? { opgeslagen: `SELECT ${kolom} FROM melding WHERE nummer = '${M}'` } : {}),
  leegMag,
});

export const DOELWITTEN: Doelwit[] = [
  {
    commando: 'melding add',
    plekken: [
      { naam: '--categorie', soort: 'keuze', args: (w) => add('--categorie', w) },
      { naam: '--kern', soort: 'keuze', args: (w) => add('--kern', w) },
      { naam: '--omschrijving', soort: 'regels', args: (w) => add('--omschrijving', w), opgeslagen: laatsteMelding('omschrijving') },
      { naam: '--adres', soort: 'tekst', args: (w) => add('--adres', w), opgeslagen: laatsteMelding('adres'), leegMag: true },
      { naam: '--ontvangen', soort: 'datum', args: (w) => add('--ontvangen', w) },
      { naam: '--kanaal', soort: 'keuze', args: (w) => add('--kanaal', w) },
      { naam: '--melder-naam', soort: 'tekst', args: (w) => add('--melder-naam', w), opgeslagen: laatsteMelding('melder_naam'), leegMag: true },
      { naam: '--melder-telefoon', soort: 'telefoon', args: (w) => add('--melder-telefoon', w), leegMag: true },
      { naam: '--melder-email', soort: 'email', args: (w) => add('--melder-email', w), leegMag: true },
      { naam: '--zaak', soort: 'nummer', args: (w) => add('--zaak', w) },
      { naam: '--doorzetten', soort: 'keuze', args: (w) => add('--doorzetten', w) },
      {
        naam: '--gebruiker (globaal)',
        soort: 'naam',
        args: (w) => ['--gebruiker', w, ...ADD],
        opgeslagen: 'SELECT gebruiker FROM audit ORDER BY id DESC LIMIT 1',
      },
    ],
  },
  {
    commando: 'melding update',
    plekken: [
      { naam: '<nummer>', soort: 'nummer', args: (w) => ['melding', 'update', '--kern', 'Ursem', '--', w] },
      update('--categorie', 'keuze'),
      update('--kern', 'keuze'),
      update('--omschrijving', 'regels', 'omschrijving'),
      update('--adres', 'tekst', 'adres', true),
      update('--ontvangen', 'datum'),
      update('--kanaal', 'keuze'),
      update('--melder-naam', 'tekst', 'melder_naam', true),
      update('--melder-telefoon', 'telefoon', undefined, true),
      update('--melder-email', 'email', undefined, true),
    ],
  },
  {
    commando: 'melding forward',
    plekken: [
      { naam: '<nummer>', soort: 'nummer', args: (w) => ['melding', 'forward', '--naar', 'politie', '--', w] },
      { naam: '--naar', soort: 'keuze', args: (w) => ['melding', 'forward', M, '--naar', w] },
      { naam: '--op', soort: 'datum', args: (w) => ['melding', 'forward', M, '--naar', 'politie', '--op', w] },
      {
        naam: '--notitie',
        soort: 'regels',
        args: (w) => ['melding', 'forward', M, '--naar', 'politie', '--notitie', w],
        opgeslagen: "SELECT notitie FROM doorzetting WHERE partner = 'politie' ORDER BY op DESC LIMIT 1",
        leegMag: true,
      },
    ],
  },
  {
    commando: 'melding contact',
    plekken: [
      { naam: '<nummer>', soort: 'nummer', args: (w) => ['melding', 'contact', '--soort', 'informatie', '--notitie', 'Gebeld', '--', w] },
      { naam: '--soort', soort: 'keuze', args: (w) => ['melding', 'contact', M, '--soort', w, '--notitie', 'Gebeld'] },
      {
        naam: '--notitie',
        soort: 'regels',
        args: (w) => ['melding', 'contact', M, '--soort', 'informatie', '--notitie', w],
        opgeslagen: 'SELECT notitie FROM contact ORDER BY id DESC LIMIT 1',
      },
      { naam: '--op', soort: 'datum', args: (w) => ['melding', 'contact', M, '--soort', 'informatie', '--notitie', 'Gebeld', '--op', w] },
    ],
  },
  {
    commando: 'melding close',
    plekken: [
      { naam: '<nummer>', soort: 'nummer', args: (w) => ['melding', 'close', '--', w] },
      {
        naam: '--notitie',
        soort: 'regels',
        args: (w) => ['melding', 'close', M, '--notitie', w],
        opgeslagen: `SELECT afhandeling FROM melding WHERE nummer = '${M}'`,
        leegMag: true,
      },
    ],
  },
  {
    commando: 'melding link',
    plekken: [
      { naam: '<melding>', soort: 'nummer', args: (w) => ['melding', 'link', '--', w, 'Z-2027-001'] },
      { naam: '<zaak>', soort: 'nummer', args: (w) => ['melding', 'link', '--', M, w] },
    ],
  },
  {
    commando: 'melding list',
    plekken: [
      { naam: '--status', soort: 'keuze', args: (w) => ['melding', 'list', '--status', w] },
      { naam: '--categorie', soort: 'keuze', args: (w) => ['melding', 'list', '--categorie', w] },
      { naam: '--kern', soort: 'keuze', args: (w) => ['melding', 'list', '--kern', w] },
      { naam: '--zaak', soort: 'nummer', args: (w) => ['melding', 'list', '--zaak', w] },
      { naam: '--van', soort: 'datum', args: (w) => ['melding', 'list', '--van', w] },
      { naam: '--tot', soort: 'datum', args: (w) => ['melding', 'list', '--tot', w] },
      { naam: '--limit', soort: 'getal', args: (w) => ['melding', 'list', '--limit', w] },
    ],
  },
  {
    commando: 'melding show',
    plekken: [{ naam: '<nummer>', soort: 'nummer', args: (w) => ['melding', 'show', '--', w] }],
  },
  {
    commando: 'kern add',
    plekken: [{ naam: '<naam>', soort: 'tekst', args: (w) => ['kern', 'add', '--', w], opgeslagen: 'SELECT object FROM audit ORDER BY id DESC LIMIT 1' }],
  },
  {
    commando: 'partner add',
    plekken: [
      { naam: '<code>', soort: 'code', args: (w) => ['partner', 'add', '--naam', 'Woningcorporatie', '--', w] },
      {
        naam: '--naam',
        soort: 'tekst',
        args: (w) => ['partner', 'add', 'woningcorporatie', '--naam', w],
        opgeslagen: `SELECT naam FROM partner WHERE code = 'woningcorporatie'`,
      },
    ],
  },
  {
    commando: 'categorie add',
    plekken: [
      { naam: '<code>', soort: 'code', args: (w) => ['categorie', 'add', '--omschrijving', 'Dieren', '--', w] },
      {
        naam: '--omschrijving',
        soort: 'tekst',
        args: (w) => ['categorie', 'add', 'dieren', '--omschrijving', w],
        opgeslagen: `SELECT omschrijving FROM categorie WHERE code = 'dieren'`,
      },
    ],
  },
  {
    commando: 'init',
    plekken: [
      { naam: '--gio-start', soort: 'datum', args: (w) => ['init', '--gio-start', w], zonderDb: true },
      { naam: '--politie-start', soort: 'datum', args: (w) => ['init', '--politie-start', w], zonderDb: true },
      // Any path init can make, it makes (the file is there afterwards).
      { naam: '--db (globaal)', soort: 'pad', args: (w, o) => ['--db', inMap(w, o), 'init'] },
    ],
  },
  {
    commando: 'status',
    // A reading command makes no database where none is (SPEC §4.6): exit 1, whatever the path.
    plekken: [{ naam: '--db (globaal)', soort: 'pad', args: (w, o) => ['--db', inMap(w, o), 'status'], aanvaardCode: 1 }],
  },
  {
    commando: 'log',
    plekken: [
      { naam: '--van', soort: 'datum', args: (w) => ['log', '--van', w] },
      { naam: '--tot', soort: 'datum', args: (w) => ['log', '--tot', w] },
      { naam: '--object', soort: 'tekst', args: (w) => ['log', '--object', w] },
      { naam: '--door', soort: 'naam', args: (w) => ['log', '--door', w] },
      { naam: '--limit', soort: 'getal', args: (w) => ['log', '--limit', w] },
    ],
  },
  {
    commando: 'check',
    plekken: [{ naam: '--vergelijk', soort: 'pad', args: (w, o) => ['check', '--vergelijk', inMap(w, o)], aanvaardCode: 1 }],
  },
  {
    commando: 'backup',
    plekken: [{ naam: '<bestand>', soort: 'pad', args: (w, o) => ['backup', '--', inMap(w, o)] }],
  },
  {
    commando: 'agenda',
    plekken: [
      { naam: '<soort>', soort: 'keuze', args: (w) => ['agenda', w] },
      // The template's GIO meets on 2 March and 13 April: a real date between them is refused too
      // (exit 2, naming those two).
      { naam: '--datum', soort: 'datum', args: (w) => ['agenda', 'gio', '--datum', w], aanvaardCode: 2 },
      { naam: '--output', soort: 'pad', args: (w, o) => ['agenda', 'politie', '--output', inMap(w, o)] },
    ],
  },
  {
    commando: 'notulen',
    plekken: [
      { naam: '--datum', soort: 'datum', args: (w) => ['notulen', 'gio', '--datum', w], aanvaardCode: 2 },
      { naam: '--output', soort: 'pad', args: (w, o) => ['notulen', 'gio', '--output', inMap(w, o)] },
      // No such file in the test's directory: accepted as a path, then exit 1.
      { naam: 'verwerk <bestand>', soort: 'pad', args: (w, o) => ['notulen', 'verwerk', '--', inMap(w, o)], aanvaardCode: 1 },
    ],
  },
  {
    commando: 'opschonen',
    plekken: [{ naam: '--bewaartermijn', soort: 'getal', args: (w) => ['opschonen', '--uitvoeren', '--bewaartermijn', w] }],
  },
  ...zaakDoelwitten(),
  ...overlegDoelwitten(),
  ...documentDoelwitten(),
];

/** Places that each of a list of commands has: a flag and its kind, with the rest of the command line. */
function plekken(basis: string[], lijst: [flag: string, soort: Soort, extra?: Partial<Plek>][]): Plek[] {
  return lijst.map(([flag, soort, extra]) => ({ naam: flag, soort, args: (w) => [...basis, flag, w], ...extra }));
}

function zaakDoelwitten(): Doelwit[] {
  const open = ['zaak', 'open', '--titel', 'Overlast plein', '--soort', 'overlast', '--kern', 'Obdam'];
  const actieAdd = ['actie', 'add', Z, '--omschrijving', 'Gesprek met de groep', '--partner', 'jongerenwerk', '--deadline', '2027-04-01'];
  return [
    {
      commando: 'zaak open',
      plekken: [
        { naam: '--titel', soort: 'tekst', args: (w) => vervang(open, '--titel', w), opgeslagen: 'SELECT titel FROM zaak ORDER BY id DESC LIMIT 1' },
        { naam: '--soort', soort: 'keuze', args: (w) => vervang(open, '--soort', w) },
        { naam: '--kern', soort: 'keuze', args: (w) => vervang(open, '--kern', w) },
        { naam: '--melding', soort: 'nummer', args: (w) => [...open, '--melding', w] },
        { naam: '--eigenaar', soort: 'keuze', args: (w) => [...open, '--eigenaar', w] },
      ],
    },
    {
      commando: 'zaak update',
      plekken: [
        { naam: '<nummer>', soort: 'nummer', args: (w) => ['zaak', 'update', '--kern', 'Ursem', '--', w] },
        { naam: '--titel', soort: 'tekst', args: (w) => ['zaak', 'update', Z, '--titel', w], opgeslagen: `SELECT titel FROM zaak WHERE nummer = '${Z}'` },
        ...plekken(['zaak', 'update', Z], [['--soort', 'keuze'], ['--kern', 'keuze'], ['--eigenaar', 'keuze']]),
      ],
    },
    {
      commando: 'zaak close',
      plekken: [
        { naam: '<nummer>', soort: 'nummer', args: (w) => ['zaak', 'close', '--resultaat', 'Opgelost', '--forceer', '--', w] },
        {
          naam: '--resultaat',
          soort: 'regels',
          args: (w) => ['zaak', 'close', Z, '--forceer', '--resultaat', w],
          opgeslagen: `SELECT resultaat FROM zaak WHERE nummer = '${Z}'`,
        },
      ],
    },
    {
      commando: 'zaak list',
      plekken: plekken(['zaak', 'list'], [['--status', 'keuze'], ['--kern', 'keuze'], ['--soort', 'keuze'], ['--limit', 'getal']]),
    },
    { commando: 'zaak show', plekken: [{ naam: '<nummer>', soort: 'nummer', args: (w) => ['zaak', 'show', '--', w] }] },
    {
      commando: 'actie add',
      plekken: [
        { naam: '<zaak>', soort: 'nummer', args: (w) => ['actie', 'add', ...actieAdd.slice(3), '--', w] },
        {
          naam: '--omschrijving',
          soort: 'regels',
          args: (w) => vervang(actieAdd, '--omschrijving', w),
          opgeslagen: 'SELECT omschrijving FROM actie ORDER BY id DESC LIMIT 1',
        },
        { naam: '--partner', soort: 'keuze', args: (w) => vervang(actieAdd, '--partner', w) },
        { naam: '--deadline', soort: 'datum', args: (w) => vervang(actieAdd, '--deadline', w) },
        { naam: '--soort', soort: 'keuze', args: (w) => [...actieAdd, '--soort', w] },
        { naam: '--overleg', soort: 'overleg', args: (w) => [...actieAdd, '--overleg', w] },
      ],
    },
    {
      commando: 'actie update',
      plekken: [
        { naam: '<nummer>', soort: 'nummer', args: (w) => ['actie', 'update', '--status', 'loopt', '--', w] },
        ...plekken(['actie', 'update', A], [['--status', 'keuze'], ['--deadline', 'datum'], ['--partner', 'keuze']]),
        {
          naam: '--notitie',
          soort: 'regels',
          args: (w) => ['actie', 'update', A, '--notitie', w],
          opgeslagen: 'SELECT notitie FROM actie_historie ORDER BY id DESC LIMIT 1',
        },
        { naam: '--overleg', soort: 'overleg', args: (w) => ['actie', 'update', A, '--status', 'loopt', '--overleg', w] },
      ],
    },
    {
      commando: 'actie list',
      plekken: plekken(['actie', 'list'], [['--zaak', 'nummer'], ['--partner', 'keuze'], ['--status', 'keuze'], ['--limit', 'getal']]),
    },
    { commando: 'actie show', plekken: [{ naam: '<nummer>', soort: 'nummer', args: (w) => ['actie', 'show', '--', w] }] },
    { commando: 'matrix', plekken: plekken(['matrix'], [['--status', 'keuze'], ['--partner', 'keuze'], ['--zaak', 'nummer']]) },
  ];
}

function overlegDoelwitten(): Doelwit[] {
  const TW = ['tweewekelijks', '2027-03-16'];
  const overlegRij = (kolom: string) => `SELECT ${kolom} FROM overleg WHERE soort = 'tweewekelijks'`;
  return [
    {
      commando: 'overleg cadans',
      plekken: [
        { naam: '<soort>', soort: 'keuze', args: (w) => ['overleg', 'cadans', '--tijd', '10:00', '--', w] },
        ...plekken(['overleg', 'cadans', 'gio'], [['--start', 'datum'], ['--tijd', 'tijd']]),
        { naam: '--interval', soort: 'getal', args: (w) => ['overleg', 'cadans', 'gio', '--start', '2027-03-02', '--interval', w] },
        { naam: '--locatie', soort: 'tekst', args: (w) => ['overleg', 'cadans', 'gio', '--locatie', w], opgeslagen: `SELECT locatie FROM cadans WHERE soort = 'gio'` },
      ],
    },
    {
      commando: 'overleg plan',
      plekken: [
        ...plekken(['overleg', 'plan'], [['--soort', 'keuze'], ['--van', 'datum'], ['--tot', 'datum']]),
        { naam: '--ics', soort: 'pad', args: (w, o) => ['overleg', 'plan', '--ics', inMap(w, o)] },
      ],
    },
    {
      commando: 'overleg verzet',
      plekken: [
        { naam: '<soort>', soort: 'keuze', args: (w) => ['overleg', 'verzet', '--naar', '2027-03-17', '--', w, '2027-03-16'] },
        { naam: '<datum>', soort: 'datum', args: (w) => ['overleg', 'verzet', '--naar', '2027-03-17', '--', 'tweewekelijks', w] },
        // From the GIO of 2 March, the first of its series: today is a date it may move to.
        { naam: '--naar', soort: 'datum', args: (w) => ['overleg', 'verzet', 'gio', '2027-03-02', '--naar', w] },
        { naam: '--tijd', soort: 'tijd', args: (w) => ['overleg', 'verzet', ...TW, '--tijd', w] },
        { naam: '--locatie', soort: 'tekst', args: (w) => ['overleg', 'verzet', ...TW, '--locatie', w], opgeslagen: overlegRij('locatie') },
        {
          naam: '--reden',
          soort: 'tekst',
          args: (w) => ['overleg', 'verzet', ...TW, '--naar', '2027-03-17', '--reden', w],
          opgeslagen: overlegRij('reden'),
          leegMag: true,
        },
      ],
    },
    {
      commando: 'overleg uitnodig',
      plekken: [
        // Accepted values reach the participants, who have no address here: exit 1, nothing sent.
        { naam: '<soort>', soort: 'keuze', args: (w) => ['overleg', 'uitnodig', '--', w], aanvaardCode: 1 },
        { naam: '--datum', soort: 'datum', args: (w) => ['overleg', 'uitnodig', 'tweewekelijks', '--datum', w], aanvaardCode: 1 },
        { naam: '--van', soort: 'datum', args: (w) => ['overleg', 'uitnodig', 'tweewekelijks', '--van', w, '--tot', '2027-06-30'], aanvaardCode: 1 },
        { naam: '--tot', soort: 'datum', args: (w) => ['overleg', 'uitnodig', 'tweewekelijks', '--van', '2027-03-16', '--tot', w], aanvaardCode: 1 },
      ],
    },
    {
      commando: 'overleg annuleer',
      plekken: [
        { naam: '<soort>', soort: 'keuze', args: (w) => ['overleg', 'annuleer', '--', w, '2027-03-16'] },
        { naam: '<datum>', soort: 'datum', args: (w) => ['overleg', 'annuleer', '--', 'tweewekelijks', w] },
        { naam: '--reden', soort: 'tekst', args: (w) => ['overleg', 'annuleer', ...TW, '--reden', w], opgeslagen: overlegRij('reden'), leegMag: true },
      ],
    },
  ];
}

function documentDoelwitten(): Doelwit[] {
  const rapport = (soort: string, extra: [string, Soort][] = []): Doelwit => ({
    commando: `rapport ${soort}`,
    plekken: plekken(['rapport', soort], [['--van', 'datum'], ['--tot', 'datum'], ...extra]),
  });
  return [
    // A path to a file that does not exist: accepted as a path, then "not found" (exit 1).
    { commando: 'import meldingen', plekken: [{ naam: '<bestand>', soort: 'pad', args: (w, o) => ['import', 'meldingen', '--', inMap(w, o)], aanvaardCode: 1 }] },
    {
      commando: 'export meldingen',
      plekken: [
        { naam: '--output', soort: 'pad', args: (w, o) => ['export', 'meldingen', '--output', inMap(w, o)] },
        ...plekken(['export', 'meldingen'], [
          ['--formaat', 'keuze'], ['--van', 'datum'], ['--tot', 'datum'], ['--categorie', 'keuze'], ['--kern', 'keuze'], ['--status', 'keuze'],
          ['--zaak', 'nummer'],
        ]),
      ],
    },
    {
      commando: 'export matrix',
      plekken: [
        { naam: '--output', soort: 'pad', args: (w, o) => ['export', 'matrix', '--output', inMap(w, o)] },
        ...plekken(['export', 'matrix'], [['--formaat', 'keuze'], ['--status', 'keuze'], ['--partner', 'keuze'], ['--zaak', 'nummer']]),
      ],
    },
    rapport('vergunninghouders'),
    rapport('jeugd'),
    rapport('doorzetting'),
    rapport('terugkoppeling', [['--limit', 'getal']]),
    { commando: 'demo', plekken: [{ naam: '--db (globaal)', soort: 'pad', args: (w, o) => ['--db', inMap(w, o), 'demo'] }] },
  ];
}

/** A command line with the value after `flag` replaced. */
function vervang(args: string[], flag: string, w: string): string[] {
  const uit = [...args];
  uit[uit.indexOf(flag) + 1] = w;
  return uit;
}
