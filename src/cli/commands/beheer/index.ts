/** `kvz init`, `kvz status`: the database itself and today's overview. */
import type { Command } from 'commander';
import { voer, type Runtime } from '../../handler.js';

export function registreerBeheer(program: Command, runtime: Runtime): void {
  program
    .command('init')
    .description('de database aanmaken (gebeurt ook vanzelf bij het eerste gebruik) en zeggen waar ze staat')
    .option('--gio-start <datum>', 'datum van het eerste GIO (standaard: de eerste dinsdag na vandaag)')
    .option('--politie-start <datum>', 'datum van het eerste politieoverleg (standaard: de eerste dinsdag na vandaag)')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./init.js')));

  program
    .command('status')
    .description('de database, de aantallen en wat er vandaag moet gebeuren')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./status.js')));
}
