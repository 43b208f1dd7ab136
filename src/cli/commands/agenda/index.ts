/** `kvz agenda <soort>`: the agenda of the next (or a given) meeting, in Markdown (SPEC §4.4). */
import type { Command } from 'commander';
import { voer, type Runtime } from '../../handler.js';

export function registreerAgenda(program: Command, runtime: Runtime): void {
  program
    .command('agenda')
    .description('de agenda van een overleg in Markdown (GIO, tweewekelijks of politie); zet om naar Word met pandoc')
    .argument('<soort>', 'gio, tweewekelijks of politie')
    .option('--datum <datum>', 'de datum van het overleg (standaard: het eerstvolgende, vandaag meegerekend)')
    .option('--output <bestand>', 'schrijf naar dit bestand (anders naar de standaarduitvoer)')
    .option('--json', 'de inhoud van de agenda als JSON in plaats van Markdown')
    .addHelpText(
      'after',
      '\nVoorbeelden:\n  kvz agenda gio\n  kvz agenda politie --datum 04-05-2027 --output politie.md\n  pandoc -f gfm politie.md -o politie.docx',
    )
    .action(voer(runtime, () => import('./agenda.js')));
}
