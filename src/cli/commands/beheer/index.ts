/** `kvz init`, `kvz status`, `log`, `check`, `backup`, `opschonen`: the database itself, its audit log and its care. */
import type { Command } from 'commander';
import { voer, type Runtime } from '../../handler.js';
import { datumHulp } from '../../../domain/datumvormen.js';

export function registreerBeheer(program: Command, runtime: Runtime): void {
  program
    .command('init')
    .description('de database aanmaken (gebeurt ook vanzelf bij het eerste gebruik) en zeggen waar ze staat')
    .option('--gio-start <datum>', 'datum van het eerste GIO (standaard: de eerste dinsdag na vandaag)')
    .option('--politie-start <datum>', 'datum van het eerste politieoverleg (standaard: de eerste dinsdag na vandaag)')
    .option('--json', 'uitvoer als JSON')
    .addHelpText('after', () => datumHulp())
    .action(voer(runtime, () => import('./init.js')));

  program
    .command('status')
    .description('de database, de aantallen en wat er vandaag moet gebeuren')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./status.js')));

  program
    .command('log')
    .description('het auditlog: wie wat deed en wanneer, nieuwste eerst')
    .option('--van <datum>', 'vanaf deze datum')
    .option('--tot <datum>', 'tot en met deze datum')
    .option('--object <nummer>', 'alleen over dit object, bijv. M-2027-0042, Z-2027-001 of een kern; bij een nummer alles wat het raakte (ook een zaak open die de melding koppelde)')
    .option('--door <gebruiker>', 'alleen wat deze gebruiker deed')
    .option('--limit <aantal>', 'hoeveel regels ten hoogste (tabel standaard 50, JSON standaard alle)')
    .option('--json', 'uitvoer als JSON')
    .addHelpText('after', () => datumHulp())
    .action(voer(runtime, () => import('./log.js')));

  program
    .command('check')
    .description('de database controleren: integriteit, verwijzingen, de hashketen van het auditlog en de toestand van elk object ertegen')
    .option('--vergelijk <back-up>', 'ook nagaan dat elke auditregel uit deze oudere back-up hier nog ongewijzigd staat')
    .option('--anker <regel:hash>', 'ook nagaan dat de keten dit eerder genoteerde anker nog bevat (regel en hash ongewijzigd, niets ervoor herschreven)')
    .option('--json', 'uitvoer als JSON')
    .addHelpText('after', '\nElke check eindigt met het anker van dit moment (anker <regel>:<hash>); noteer dat buiten de database.\nVoorbeeld:\n  kvz check --anker 1234:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')
    .action(voer(runtime, () => import('./check.js')));

  program
    .command('backup')
    .description('een veilige kopie van de database maken (ook terwijl anderen kvz gebruiken) en die controleren')
    .argument('<bestand>', 'het back-upbestand, bijv. /media/usb/kvz-2027-03-16.db')
    .option('--overschrijf', 'een bestaand bestand vervangen (zonder deze optie weigert kvz dat: een back-up is niet opnieuw te maken)')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./backup.js')));

  program
    .command('kopieer')
    .description('de hele database kopiëren naar een nieuw bestand of een lege PostgreSQL-database (ook omgekeerd), en die controleren')
    .option('--naar <doel>', 'een nieuw bestand, of postgres://… van een database waarop alleen kvz init is gedraaid (verplicht)')
    .option('--overschrijf', 'een bestaand bestand vervangen (zonder deze optie weigert kvz dat: een kopie is niet opnieuw te maken)')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./kopieer.js')));

  program
    .command('opschonen')
    .description('AVG: naam, telefoon en e-mail van melders wissen na de bewaartermijn (zonder --uitvoeren alleen tonen)')
    .option('--bewaartermijn <maanden>', 'maanden na het afhandelen van de melding of het sluiten van de zaak (standaard: 24)')
    .option('--uitvoeren', 'echt wissen (anders alleen laten zien wat er gewist zou worden)')
    .option('--ook-tekst', 'ook adres, omschrijving en notities van die meldingen vervangen door [gewist] (vrije tekst kan namen bevatten)')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./opschonen.js')));
}
