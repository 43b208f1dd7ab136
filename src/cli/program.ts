/**
 * The command tree. Each noun registers its verbs and options here (cheap: commander only); the
 * handler behind a verb is imported when that verb runs, so start-up stays at commander's cost.
 */
import { readFileSync } from 'node:fs';
import { Command, Help, type Option } from 'commander';
import type { Runtime } from './handler.js';
import { registreerMelding } from './commands/melding/index.js';
import { registreerZaak } from './commands/zaak/index.js';
import { registreerActie } from './commands/actie/index.js';
import { registreerMatrix } from './commands/matrix/index.js';
import { registreerReferentie } from './commands/referentie/index.js';
import { registreerBeheer } from './commands/beheer/index.js';
import { registreerOverleg } from './commands/overleg/index.js';
import { registreerExport } from './commands/export/index.js';
import { registreerImport } from './commands/import/index.js';
import { registreerRapport } from './commands/rapport/index.js';
import { registreerAgenda } from './commands/agenda/index.js';
import { registreerNotulen } from './commands/notulen/index.js';
import { registreerDemo } from './commands/demo/index.js';
import { registreerGebruiker } from './commands/gebruiker/index.js';
import { registreerInstelling } from './commands/instelling/index.js';
import { registreerPost } from './commands/post/index.js';
import { registreerAfstemming } from './commands/afstemming/index.js';
import { registreerPlaatsing } from './commands/plaatsing/index.js';
import { onbekendCommando } from './commando-namen.js';
import { foutregel } from './zichtbaar.js';

const TITELS: Record<string, string> = {
  'Usage:': 'Gebruik:',
  'Arguments:': 'Argumenten:',
  'Options:': 'Opties:',
  'Commands:': "Commando's:",
  'Global Options:': 'Algemene opties:',
};

function nederlands(tekst: string): string {
  return tekst.replace('[options]', '[opties]').replace('[command]', '<commando>');
}

/** Commander's help, with Dutch headings and annotations. */
class DutchHelp extends Help {
  override styleTitle(titel: string): string {
    return TITELS[titel] ?? titel;
  }
  override commandUsage(cmd: Command): string {
    return nederlands(super.commandUsage(cmd));
  }
  override subcommandTerm(cmd: Command): string {
    return nederlands(super.subcommandTerm(cmd));
  }
  override optionDescription(option: Option): string {
    return super
      .optionDescription(option)
      .replace(/\(default: (.*)\)$/, '(standaard: $1)')
      .replace(/\(choices: (.*)\)$/, '(keuze uit: $1)');
  }
}

/** Commander's own error messages, in Dutch. */
function vertaalCommanderFout(bericht: string): string {
  const b = bericht.replace(/^error: /, '').trim();
  const regels: [RegExp, (...m: string[]) => string][] = [
    [/^unknown option '(.+?)'(?:\s*\(Did you mean (.+)\?\))?$/s, (o, s) => `Onbekende optie '${o}'.${s ? ` Bedoelde u '${s}'?` : ''} Zie --help.`],
    [/^unknown command '(.+?)'(?:\s*\(Did you mean (.+)\?\))?$/s, (c, s) => `Onbekend commando '${c}'.${s ? ` Bedoelde u '${s}'?` : ''} Zie kvz --help.`],
    [/^missing required argument '(.+)'$/, (a) => `Het argument <${a}> ontbreekt. Zie --help.`],
    [/^option '(.+)' argument missing$/, (o) => `De optie '${o}' heeft een waarde nodig.`],
    [/^required option '(.+)' not specified$/, (o) => `De optie '${o}' is verplicht.`],
    [/^too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/, (c, v, k) =>
      `Te veel argumenten${c ? ` voor '${c}'` : ''}: verwacht ${v}, gekregen ${k}. Zet tekst met spaties tussen aanhalingstekens.`],
    [/^option '(.+)' cannot be used with option '(.+)'$/, (a, b2) => `De opties '${a}' en '${b2}' gaan niet samen.`],
  ];
  for (const [patroon, vertaal] of regels) {
    const m = patroon.exec(b);
    if (m) return vertaal(...m.slice(1).map((x) => x ?? ''));
  }
  return b;
}

/** Every command in the tree gets the Dutch help. */
class KvzCommand extends Command {
  override createCommand(naam?: string): Command {
    return new KvzCommand(naam);
  }
  override createHelp(): Help {
    return Object.assign(new DutchHelp(), this.configureHelp());
  }
  /** A word that is no command here: the nearest one, and the help of this command (not of kvz). */
  unknownCommand(): never {
    this.error(onbekendCommando(this, this.args[0] ?? ''), { code: 'commander.unknownCommand', exitCode: 2 });
  }
}

function leesVersie(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Each register function with the top-level commands it makes (a test holds this against the full
 * program). A run that names one of them builds only that group: commander's work for the other
 * three hundred options is start-up time that `melding add` at the desk does not need (#17).
 */
export const GROEPEN: readonly [namen: readonly string[], registreer: (program: Command, runtime: Runtime) => void][] = [
  [['melding'], registreerMelding],
  [['zaak'], registreerZaak],
  [['actie'], registreerActie],
  [['matrix'], registreerMatrix],
  [['kern', 'partner', 'categorie'], registreerReferentie],
  [['overleg'], registreerOverleg],
  [['init', 'status', 'log', 'check', 'backup', 'kopieer', 'opschonen'], registreerBeheer],
  [['export'], registreerExport],
  [['rapport'], registreerRapport],
  [['agenda'], registreerAgenda],
  [['notulen'], registreerNotulen],
  [['import'], registreerImport],
  [['demo'], registreerDemo],
  [['gebruiker'], registreerGebruiker],
  [['instelling'], registreerInstelling],
  [['post'], registreerPost],
  [['afstemming'], registreerAfstemming],
  [['plaatsing'], registreerPlaatsing],
];

/** The top-level command `argv` names exactly (after the global options), or undefined: then every group is built. */
export function genoemdeGroep(argv: readonly string[]): (typeof GROEPEN)[number] | undefined {
  for (let i = 0; i < argv.length; i++) {
    const woord = argv[i]!;
    if (woord === '--db' || woord === '--gebruiker') {
      i++;
      continue;
    }
    if (woord.startsWith('-')) {
      // Help or version lists every command; any other global option is skipped.
      if (['-h', '--help', '-V', '--version'].includes(woord)) return undefined;
      continue;
    }
    // Only the exact name: another spelling (a plural, another case) goes through the full program.
    return GROEPEN.find(([namen]) => namen.includes(woord));
  }
  return undefined;
}

export function bouwProgramma(runtime: Runtime, argv?: readonly string[]): Command {
  const program = new KvzCommand('kvz');
  program
    .description('Meldingen, zaken, de matrix en de overleggen van het cluster Integrale Veiligheid (Koggenland).')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => runtime.io.stdout.write(s),
      writeErr: (s) => runtime.io.stderr.write(s),
      getOutHelpWidth: () => (runtime.io.stdout.isTTY ? (runtime.io.stdout.columns ?? 80) : 80),
      getErrHelpWidth: () => 80,
      outputError: (s, schrijf) => schrijf(`${foutregel(vertaalCommanderFout(s))}\n`),
    })
    .showSuggestionAfterError(true)
    .helpOption('-h, --help', 'toon de hulp bij dit commando')
    .helpCommand('help [commando]', 'toon de hulp bij een commando')
    .version(leesVersie(), '-V, --version', 'toon het versienummer')
    .option('--db <pad>', 'het databasebestand, of postgres://… voor een gedeelde database (anders KVZ_DB, anders ~/.local/share/kvz/kvz.db)')
    .option('--gebruiker <naam>', 'naam in het auditlog bij een bestand (anders KVZ_GEBRUIKER, anders de OS-gebruiker); op PostgreSQL geldt de login')
    .option('--no-color', 'geen kleur in de uitvoer (ook met NO_COLOR)')
    .option('--no-input', 'nooit vragen stellen; ontbrekende waarden zijn een fout');

  const groep = argv === undefined ? undefined : genoemdeGroep(argv);
  for (const [, registreer] of groep ? [groep] : GROEPEN) registreer(program, runtime);
  return program;
}
