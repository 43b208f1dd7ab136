/** `kvz rapport …`: IV's overviews over a period (SPEC §4.5). */
import type { Command } from 'commander';
import { voer, type Runtime } from '../../handler.js';
import { datumHulp } from '../../../domain/datumvormen.js';

export function registreerRapport(program: Command, runtime: Runtime): void {
  const rapport = program
    .command('rapport')
    .description('overzichten over een periode: aantallen per maand, categorie en kern (standaard de laatste 12 maanden)');

  const periode = (cmd: Command) =>
    cmd
      .option('--van <datum>', 'begin van de periode (standaard: 12 maanden terug)')
      .option('--tot <datum>', 'einde van de periode (standaard: vandaag)')
      .option('--json', 'uitvoer als JSON')
      .addHelpText('after', () => datumHulp());

  periode(rapport.command('vergunninghouders').description('meldingen over vergunninghouders per maand, categorie en kern')).action(
    voer(runtime, () => import('./vergunninghouders.js')),
  );
  periode(rapport.command('jeugd').description('jeugdoverlast per maand en per kern')).action(voer(runtime, () => import('./jeugd.js')));
  periode(rapport.command('doorzetting').description('hoeveel meldingen op de dag van ontvangst zijn doorgezet, en hoe snel')).action(
    voer(runtime, () => import('./doorzetting.js')),
  );
  rapport
    .command('terugkoppeling')
    .description('melders die nog op terugkoppeling wachten, langst wachtende eerst (zonder hun gegevens)')
    .option('--van <datum>', 'alleen meldingen ontvangen op of na deze datum (standaard: alle)')
    .option('--tot <datum>', 'alleen meldingen ontvangen op of voor deze datum')
    .option('--limit <aantal>', 'hoeveel ten hoogste (tabel standaard 50, JSON standaard alle)')
    .option('--json', 'uitvoer als JSON')
    .addHelpText('after', () => datumHulp())
    .action(voer(runtime, () => import('./terugkoppeling.js')));
}
