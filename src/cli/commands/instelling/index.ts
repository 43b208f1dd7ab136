/** `kvz instelling …`: settings of the database itself. */
import type { Command } from 'commander';
import { voer, type Runtime } from '../../handler.js';

export function registreerInstelling(program: Command, runtime: Runtime): void {
  const instelling = program.command('instelling').description('instellingen van de database');
  instelling
    .command('mail')
    .description('e-mail vanuit deze database aan- of uitzetten (een kopie staat uit); zonder optie: de stand tonen')
    .option('--aan', 'e-mail aanzetten')
    .option('--uit', 'e-mail uitzetten')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./mail.js')));
}
