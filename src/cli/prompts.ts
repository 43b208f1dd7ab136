/**
 * Interactive questions. Handlers ask through the Prompter interface; the real one loads inquirer
 * only when the first question is really asked, so non-interactive runs never pay for it.
 */
import { CancelledError } from '../domain/errors.js';
import type { Io } from './context.js';
import { zoekKeuzes } from './zoeken.js';

export interface Keuze {
  name: string;
  value: string;
  description?: string;
}

export interface Prompter {
  input(vraag: { message: string; default?: string; validate?: (waarde: string) => true | string }): Promise<string>;
  /** A list the user can filter by typing (kern, categorie). */
  search(vraag: { message: string; choices: Keuze[] }): Promise<string>;
  select(vraag: { message: string; choices: Keuze[]; default?: string }): Promise<string>;
  checkbox(vraag: { message: string; choices: Keuze[] }): Promise<string[]>;
  confirm(vraag: { message: string; default?: boolean }): Promise<boolean>;
  /** Typed without showing it (a password). */
  wachtwoord(vraag: { message: string }): Promise<string>;
}

type Inquirer = typeof import('@inquirer/prompts');

function isAfgebroken(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}

const TOETSEN: Record<string, string> = { navigate: 'bladeren', select: 'kiezen', submit: 'bevestigen', all: 'alles', invert: 'omkeren' };
const TOETSNAMEN: Record<string, string> = { space: 'spatie' };
/** Inquirer's own words that reach the screen. */
const MELDINGEN: Record<string, string> = { 'No results found': 'Niets gevonden; typ minder of iets anders' };

/** Inquirer's key hints, messages and yes/no words, in Dutch. */
const THEMA = {
  style: {
    keysHelpTip: (toetsen: [string, string][]) => toetsen.map(([toets, wat]) => `${TOETSNAMEN[toets] ?? toets} ${TOETSEN[wat] ?? wat}`).join(' • '),
    error: (tekst: string) => `> ${MELDINGEN[tekst] ?? tekst}`,
  },
};
const JA_NEE = { keywords: { yes: 'Ja', no: 'Nee', error: () => 'Antwoord met j(a) of n(ee).' } };

export function inquirerPrompter(io: Io): Prompter {
  let geladen: Promise<Inquirer> | undefined;
  const context = { input: io.stdin, output: io.stdout as NodeJS.WritableStream, clearPromptOnDone: false };
  async function vraag<T>(stel: (inq: Inquirer) => Promise<T>): Promise<T> {
    geladen ??= import('@inquirer/prompts');
    try {
      return await stel(await geladen);
    } catch (e) {
      if (isAfgebroken(e)) throw new CancelledError();
      throw e;
    }
  }
  return {
    input: (v) => vraag((inq) => inq.input(v, context)),
    search: (v) =>
      vraag((inq) =>
        inq.search(
          {
            message: v.message,
            theme: THEMA,
            source: (term) => zoekKeuzes(v.choices, term),
          },
          context,
        ),
      ),
    select: (v) => vraag((inq) => inq.select({ ...v, theme: THEMA }, context)),
    checkbox: (v) => vraag((inq) => inq.checkbox({ ...v, theme: THEMA }, context)),
    confirm: (v) => vraag((inq) => inq.confirm({ ...v, theme: JA_NEE }, context)),
    wachtwoord: (v) => vraag((inq) => inq.password({ message: v.message, mask: '*' }, context)),
  };
}
