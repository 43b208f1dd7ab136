/** `kvz import …`: bringing in lists kept elsewhere (SPEC §4.6). */
import type { Command } from 'commander';
import { voer, type Runtime } from '../../handler.js';

export function registreerImport(program: Command, runtime: Runtime): void {
  const imp = program.command('import').description('bestaande lijsten inlezen uit een spreadsheet (CSV)');

  imp
    .command('meldingen')
    .description('meldingen uit een CSV-bestand inlezen: alles of niets, elke foute regel wordt genoemd')
    .argument('<bestand>', 'CSV met een kopregel (Datum, Categorie, Kern, Omschrijving, …), ; of , als scheidingsteken')
    .option('--proef', 'alleen controleren en tonen wat er zou gebeuren; niets vastleggen (oude spelling: --dry-run)')
    .action(voer(runtime, () => import('./meldingen.js')));
}
