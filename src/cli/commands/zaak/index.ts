/** `kvz zaak …`: meldingen that belong together, as an overlast- or zorgzaak (SPEC §4.2). */
import type { Command } from 'commander';
import { voer, type Runtime } from '../../handler.js';

export function registreerZaak(program: Command, runtime: Runtime): void {
  const zaak = program.command('zaak').description('zaken openen, volgen en sluiten');

  zaak
    .command('open')
    .description('een zaak openen, eventueel met de meldingen die erbij horen (vraagt op een terminal om wat ontbreekt)')
    .option('--titel <tekst>', 'korte titel van de zaak (verplicht)')
    .option('--soort <soort>', 'overlast of zorg (verplicht)')
    .option('--kern <kern>', 'kern (dorp), zie kvz kern list (verplicht)')
    .option('--melding <nummers>', 'meldingen die bij de zaak horen, bijv. M-2027-0001,M-2027-0004')
    .option('--eigenaar <partner>', 'partner die de zaak trekt (standaard: iv)')
    .option('--vertrouwelijk', 'vertrouwelijk: alleen voor het politieoverleg')
    .option('--json', 'toon de geopende zaak als JSON')
    .action(voer(runtime, () => import('./open.js')));

  zaak
    .command('list')
    .description('zaken tonen met het aantal meldingen, lopende en te late acties, nieuwste eerst')
    .option('--status <statussen>', 'open of gesloten, of openstaand (= open) of alle (standaard: alle)')
    .option('--kern <kern>', 'alleen deze kern')
    .option('--soort <soort>', 'overlast of zorg')
    .option('--limit <aantal>', 'hoeveel zaken ten hoogste (tabel standaard 50, JSON standaard alle)')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./list.js')));

  zaak
    .command('show')
    .description('alles over één zaak: meldingen, acties met geschiedenis en de overleggen')
    .argument('<nummer>', 'zaaknummer, bijv. Z-2027-001')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./show.js')));

  zaak
    .command('update')
    .description('gegevens van een zaak wijzigen')
    .argument('<nummer>', 'zaaknummer')
    .option('--titel <tekst>', 'titel')
    .option('--soort <soort>', 'overlast of zorg')
    .option('--kern <kern>', 'kern')
    .option('--eigenaar <partner>', 'partner die de zaak trekt')
    .option('--vertrouwelijk', 'vertrouwelijk (alleen politieoverleg)')
    .option('--no-vertrouwelijk', 'niet vertrouwelijk')
    .option('--json', 'toon de zaak daarna als JSON')
    .action(voer(runtime, () => import('./update.js')));

  zaak
    .command('close')
    .description('een zaak sluiten; weigert zolang er acties open zijn of lopen, tenzij --forceer')
    .argument('<nummer>', 'zaaknummer')
    .option('--resultaat <tekst>', 'wat de aanpak heeft opgeleverd (verplicht)')
    .option('--forceer', 'sluit ook met lopende acties; die vervallen dan (vastgelegd in hun geschiedenis)')
    .option('--json', 'toon de zaak daarna als JSON')
    .action(voer(runtime, () => import('./close.js')));
}
