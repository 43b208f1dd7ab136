/** `kvz overleg …`: the recurring meetings on their cadence (SPEC §4.3). */
import type { Command } from 'commander';
import { voer, type Runtime } from '../../handler.js';
import { datumHulp } from '../../../domain/datumvormen.js';

export function registreerOverleg(program: Command, runtime: Runtime): void {
  const overleg = program
    .command('overleg')
    .description('de vaste overleggen (GIO, tweewekelijks, politie): cadans, planning, verzetten en annuleren');

  overleg
    .command('cadans')
    .description('de cadans tonen, of die van het GIO of het politieoverleg instellen (het tweewekelijks overleg volgt het GIO, met eventueel een eigen tijd en plek)')
    .argument('[soort]', 'gio, politie of tweewekelijks (dat laatste alleen --tijd en --locatie)')
    .option('--start <datum>', 'datum van het eerste overleg van de reeks')
    .option('--interval <weken>', 'om de hoeveel weken (GIO standaard 6, politie 8); vraagt ook --start')
    .option('--tijd <HH:MM>', 'begintijd, bijv. 10:00')
    .option('--locatie <plek>', 'waar het overleg is')
    .option('--json', 'uitvoer als JSON')
    .addHelpText('after', '\nVoorbeeld:\n  kvz overleg cadans gio --start 2027-01-05 --interval 6 --tijd 10:00 --locatie "Gemeentehuis, zaal 2"\n  kvz overleg cadans tweewekelijks --tijd 13:30 --locatie "Gemeentehuis, zaal 3"')
    .addHelpText('after', () => datumHulp())
    .action(voer(runtime, () => import('./cadans.js')));

  const deelnemer = overleg.command('deelnemer').description('wie er aan elk soort overleg deelneemt (agenda, notulen, uitnodigingen)');
  deelnemer
    .command('list')
    .description('de deelnemers van een soort overleg')
    .argument('<soort>', 'gio, tweewekelijks of politie')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./deelnemer.js').then((m) => ({ default: m.list }))));
  deelnemer
    .command('add')
    .description('een deelnemer toevoegen (op een gedeelde database: beheer)')
    .argument('<soort>', 'gio, tweewekelijks of politie')
    .option('--naam <naam>', 'naam van de deelnemer (verplicht)')
    .option('--email <adres>', 'e-mailadres voor uitnodigingen en agenda\'s')
    .option('--partner <code>', 'de partner die deze deelnemer in de aanwezigheid is')
    .option('--json', 'toon de deelnemer als JSON')
    .action(voer(runtime, () => import('./deelnemer.js').then((m) => ({ default: m.add }))));
  deelnemer
    .command('remove')
    .description('een deelnemer weghalen (op een gedeelde database: beheer)')
    .argument('<soort>', 'gio, tweewekelijks of politie')
    .option('--naam <naam>', 'naam van de deelnemer (verplicht)')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./deelnemer.js').then((m) => ({ default: m.remove }))));

  overleg
    .command('plan')
    .description('de overleggen in een periode (standaard de komende zes maanden), met verschuivingen en annuleringen')
    .option('--soort <soort>', 'alleen gio, tweewekelijks of politie')
    .option('--van <datum>', 'vanaf deze datum (standaard: vandaag)')
    .option('--tot <datum>', 'tot en met deze datum (standaard: zes maanden na --van)')
    .option('--json', 'uitvoer als JSON')
    .option('--ics <bestand>', 'schrijf ook een iCalendar-bestand voor Outlook of Google Agenda ("-" voor de uitvoer); een bestaand bestand wordt overschreven')
    .addHelpText('after', () => datumHulp())
    .action(voer(runtime, () => import('./plan.js')));

  overleg
    .command('show')
    .description('één overleg: status, wie er waren en het verslag (wat er besproken en afgesproken is)')
    .argument('<soort>', 'gio, tweewekelijks of politie')
    .argument('<datum>', 'de datum van het overleg')
    .option('--json', 'uitvoer als JSON')
    .addHelpText('after', '\nVoorbeeld:\n  kvz overleg show gio 2027-03-30')
    .addHelpText('after', () => datumHulp())
    .action(voer(runtime, () => import('./show.js')));

  overleg
    .command('uitnodig')
    .description('de deelnemers per e-mail uitnodigen (iCalendar); verzetten of annuleren stuurt daarna zelf de wijziging')
    .argument('<soort>', 'gio, tweewekelijks of politie')
    .option('--datum <datum>', 'het overleg op deze datum (standaard: het eerstvolgende)')
    .option('--van <datum>', 'alle overleggen vanaf deze datum (met --tot)')
    .option('--tot <datum>', 'tot en met deze datum (met --van)')
    .option('--json', 'uitvoer als JSON')
    .addHelpText('after', '\nVoorbeeld:\n  kvz overleg uitnodig gio --van 2027-01-01 --tot 2027-06-30')
    .addHelpText('after', () => datumHulp())
    .action(voer(runtime, () => import('./uitnodig.js')));

  overleg
    .command('verzet')
    .description('een overleg naar een andere datum, tijd of plek verzetten (brengt ook een geannuleerd overleg terug)')
    .argument('<soort>', 'gio, tweewekelijks of politie')
    .argument('<datum>', 'de datum waarop het overleg nu staat')
    .option('--naar <datum>', 'de nieuwe datum')
    .option('--tijd <HH:MM>', 'een andere begintijd')
    .option('--locatie <plek>', 'een andere plek')
    .option('--reden <tekst>', 'waarom het verzet wordt')
    .option('--json', 'toon het overleg daarna als JSON')
    .addHelpText('after', () => datumHulp())
    .action(voer(runtime, () => import('./verzet.js')));

  overleg
    .command('annuleer')
    .description('een overleg laten vervallen')
    .argument('<soort>', 'gio, tweewekelijks of politie')
    .argument('<datum>', 'de datum van het overleg')
    .option('--reden <tekst>', 'waarom het niet doorgaat')
    .option('--json', 'toon het overleg daarna als JSON')
    .addHelpText('after', () => datumHulp())
    .action(voer(runtime, () => import('./annuleer.js')));
}
