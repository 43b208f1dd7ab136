/** `kvz demo`: the whole tool working on a fictive year, in one command (SPEC §4.6). */
import type { Command } from 'commander';
import { voer, type Runtime } from '../../handler.js';

export function registreerDemo(program: Command, runtime: Runtime): void {
  program
    .command('demo')
    .summary('een fictief jaar Koggenland om kvz te leren kennen, daarna de agenda van het volgende GIO')
    .description(
      'een fictief maar realistisch jaar Koggenland om kvz te leren kennen: meldingen, zaken, de matrix en de overleggen, ' +
        'daarna het volgende GIO. Zonder --db in een eigen bestand (demo.db naast kvz.db, nooit de echte database; ' +
        'een vorige demo wordt vervangen); met --db alleen in een nieuw of leeg bestand',
    )
    .action(voer(runtime, () => import('./demo.js')));
}
