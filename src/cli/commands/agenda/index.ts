/** `kvz agenda gio|tweewekelijks|politie`: the agenda of the next (or a given) meeting, in Markdown (SPEC §4.4). */
import type { Command } from 'commander';
import { voer, type Runtime } from '../../handler.js';
import { datumHulp } from '../../../domain/datumvormen.js';

const NAMEN = { gio: 'het GIO', tweewekelijks: 'het tweewekelijks overleg', politie: 'het politieoverleg' } as const;

export function registreerAgenda(program: Command, runtime: Runtime): void {
  const agenda = program
    .command('agenda')
    .description('de agenda van een overleg in Markdown, als Word-document (--formaat docx) of als JSON')
    .addHelpText('after', '\nVoorbeelden:\n  kvz agenda gio\n  kvz agenda politie --datum 04-05-2027 --output politie.md\n  kvz agenda gio --output agenda-gio.docx\n  kvz agenda gio --mail');

  // Not imported from domain/cadans.ts: the tree is built on every start, and that module is not needed for it.
  for (const soort of ['gio', 'tweewekelijks', 'politie'] as const) {
    agenda
      .command(soort)
      .description(`de agenda van ${NAMEN[soort]}`)
      .option('--datum <datum>', 'de datum van het overleg (standaard: het eerstvolgende, vandaag meegerekend)')
      .option('--output <bestand>', 'schrijf naar dit bestand (anders naar de standaarduitvoer); een bestaand bestand wordt overschreven, want het is opnieuw te maken')
      .option('--formaat <formaat>', 'md (Markdown) of docx (Word-document, met --output) (standaard: md; docx bij --output x.docx)')
      .option('--json', 'de inhoud van de agenda als JSON in plaats van Markdown')
      .option('--mail', 'mail de agenda als Word-document aan de deelnemers met een e-mailadres')
      .addHelpText('after', () => datumHulp())
      .action(voer(runtime, async () => ({ default: (await import('./agenda.js')).agendaVan(soort) })));
  }
}
