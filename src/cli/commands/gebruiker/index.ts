/** `kvz gebruiker …`: who may use a shared database, with which role (SPEC §7). */
import type { Command } from 'commander';
import { voer, type Runtime } from '../../handler.js';

export function registreerGebruiker(program: Command, runtime: Runtime): void {
  const gebruiker = program.command('gebruiker').description('gebruikers van een gedeelde PostgreSQL-database en hun rol (alleen beheer)');

  gebruiker
    .command('add')
    .description('een login toegang geven met een rol (maakt de login aan als die nog niet bestaat)')
    .argument('<login>', 'de login, bijv. j.devries')
    .option('--rol <rol>', 'balie, iv, politieoverleg of beheer (verplicht)')
    .option('--wachtwoord-stdin', 'lees het wachtwoord van de eerste regel van stdin (anders gevraagd op een terminal)')
    .option('--json', 'toon de gebruiker als JSON')
    .action(voer(runtime, () => import('./gebruiker.js').then((m) => ({ default: m.add }))));

  gebruiker
    .command('list')
    .description('de gebruikers met hun rol')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./gebruiker.js').then((m) => ({ default: m.list }))));

  gebruiker
    .command('rol')
    .description('de rol van een gebruiker wijzigen')
    .argument('<login>', 'de login')
    .option('--rol <rol>', 'balie, iv, politieoverleg of beheer (verplicht)')
    .option('--json', 'toon de gebruiker als JSON')
    .action(voer(runtime, () => import('./gebruiker.js').then((m) => ({ default: m.rol }))));

  gebruiker
    .command('remove')
    .description('een gebruiker de toegang tot deze database ontnemen')
    .argument('<login>', 'de login')
    .action(voer(runtime, () => import('./gebruiker.js').then((m) => ({ default: m.remove }))));
}
