/** `kvz post …`: the outbox (SPEC §8). */
import type { Command } from 'commander';
import { voer, type Runtime } from '../../handler.js';

export function registreerPost(program: Command, runtime: Runtime): void {
  const post = program.command('post').description('de uitgaande post: doorzettingen, terugkoppelingen en uitnodigingen per e-mail');
  post
    .command('list')
    .description('de berichten met hun status (wacht, mislukt, verzonden, klaargezet, uit)')
    .option('--status <statussen>', 'alleen deze statussen, met komma\'s, bijv. wacht,mislukt')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./list.js')));
  post
    .command('verzend')
    .description('wachtende berichten nu versturen (exit 1 als er daarna nog berichten wachten)')
    .option('--opnieuw', 'ook mislukte berichten opnieuw proberen')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./verzend.js')));
}
