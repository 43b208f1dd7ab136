/**
 * The names people type for commands (#15 item 9): the Dutch verb for a command named in English
 * (`kvz melding doorzetten` is `kvz melding forward`), a noun in the plural (`kvz meldingen list`),
 * and any case (`kvz agenda GIO`). The command line is rewritten to the command's own name before
 * commander reads it, so every command keeps one name in its help; this table is the documentation
 * of the others (README, "Andere namen"). What still matches nothing gets the nearest command.
 */
import type { Command, Option } from 'commander';
import { dichtstbij } from '../domain/suggestie.js';
import { commandoPad } from './handler.js';

/** Other names → the command's own name, where a command of that name exists at that place. */
export const ANDERE_NAMEN: Readonly<Record<string, string>> = {
  toevoegen: 'add', nieuw: 'add',
  lijst: 'list', overzicht: 'list',
  tonen: 'show', toon: 'show', bekijk: 'show', bekijken: 'show',
  sluiten: 'close', sluit: 'close', afsluiten: 'close', afhandelen: 'close',
  doorzetten: 'forward', doorsturen: 'forward',
  wijzigen: 'update', wijzig: 'update', bijwerken: 'update',
  openen: 'open',
  koppelen: 'link', koppel: 'link',
  verwijderen: 'remove', verwijder: 'remove',
  meldingen: 'melding', zaken: 'zaak', acties: 'actie', overleggen: 'overleg', kernen: 'kern', partners: 'partner',
  'categorieën': 'categorie', categorieen: 'categorie', rapporten: 'rapport', deelnemers: 'deelnemer',
  politieoverleg: 'politie', afstemmingen: 'afstemming', plaatsingen: 'plaatsing',
};

/**
 * Old spellings of options that SPEC §12 renamed, per command: one meaning per flag. They keep
 * working (README, "Andere namen"); help shows the new name only.
 */
export const OUDE_OPTIES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'export meldingen': { '--vertrouwelijk': '--met-vertrouwelijk' },
  'export matrix': { '--vertrouwelijk': '--met-vertrouwelijk' },
  'import meldingen': { '--dry-run': '--proef' },
};

/**
 * Rewrites `argv` (without node and script) so that every command word is the command's own name,
 * and an old option spelling the new one. Stops at the first word that is no command (commander
 * then reports it) and at `--`.
 */
export function normaliseerCommandos(program: Command, argv: readonly string[]): string[] {
  const uit = [...argv];
  let cmd = program;
  const opties: number[] = [];
  let i = 0;
  for (; i < uit.length; i++) {
    const woord = uit[i]!;
    if (woord === '--') break;
    if (woord.startsWith('-')) {
      opties.push(i);
      if (neemtWaarde(cmd, woord)) i++;
      continue;
    }
    if (cmd.commands.length === 0 || woord === 'help') break;
    const gevonden = zoekCommando(cmd, woord);
    if (!gevonden) break;
    uit[i] = gevonden.name();
    cmd = gevonden;
  }
  const oud = OUDE_OPTIES[commandoPad(cmd)];
  if (oud) {
    // The leaf's own options may follow its arguments: look at every word up to `--`.
    for (let j = i; j < uit.length && uit[j] !== '--'; j++) if (uit[j]!.startsWith('-')) opties.push(j);
    for (const j of opties) {
      const [naam, ...waarde] = uit[j]!.split('=');
      const nieuw = oud[naam!];
      if (nieuw) uit[j] = [nieuw, ...waarde].join('=');
    }
  }
  return uit;
}

function zoekCommando(cmd: Command, woord: string): Command | undefined {
  const exact = cmd.commands.find((c) => c.name() === woord || c.aliases().includes(woord));
  if (exact) return exact;
  const klein = woord.toLowerCase();
  const naam = ANDERE_NAMEN[klein];
  // 'Meldingen' under export is that command itself, not the other name of melding.
  return cmd.commands.find((c) => c.name() === naam) ?? cmd.commands.find((c) => c.name() === klein);
}

/** Whether the option `woord` (of this command or one above it) takes the next word as its value. */
function neemtWaarde(cmd: Command, woord: string): boolean {
  if (woord.includes('=') || !woord.startsWith('--') && woord.length > 2) return false;
  for (let c: Command | null = cmd; c; c = c.parent) {
    const optie = (c.options as readonly Option[]).find((o) => o.long === woord || o.short === woord);
    if (optie) return optie.required || optie.optional;
  }
  return false;
}

/**
 * The message for a word that is no command at this place: the nearest command by its own name or
 * another name, and the help of the command it was typed under.
 */
export function onbekendCommando(cmd: Command, woord: string): string {
  const pad = commandoPad(cmd);
  const kandidaten = new Map<string, string>();
  for (const c of cmd.commands) {
    if ((c as unknown as { _hidden?: boolean })._hidden) continue;
    kandidaten.set(c.name(), c.name());
    for (const a of c.aliases()) kandidaten.set(a, c.name());
  }
  for (const [ander, eigen] of Object.entries(ANDERE_NAMEN)) if (kandidaten.has(eigen)) kandidaten.set(ander, eigen);
  // The same nearest-value rule as every other typed value (kern, partner, ...).
  const naam = dichtstbij(woord, [...kandidaten.keys()]);
  const voorstel = naam === undefined ? '' : ` Bedoelde u 'kvz ${pad ? `${pad} ` : ''}${kandidaten.get(naam)}'?`;
  return `Onbekend commando '${woord}'${pad ? ` voor kvz ${pad}` : ''}.${voorstel} Zie kvz ${pad ? `${pad} ` : ''}--help.`;
}
