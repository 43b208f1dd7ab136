/** `kvz kern|partner|categorie list|add`: the reference lists. */
import type { Command } from 'commander';
import { voer, type Runtime } from '../../handler.js';

export function registreerReferentie(program: Command, runtime: Runtime): void {
  const kern = program.command('kern').description('de kernen (dorpen) van Koggenland');
  kern
    .command('list')
    .description('alle kernen')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./kern.js').then((m) => ({ default: m.list }))));
  kern
    .command('add')
    .description('een kern toevoegen')
    .argument('<naam>', 'naam van de kern')
    .option('--json', 'toon de toegevoegde kern als JSON')
    .action(voer(runtime, () => import('./kern.js').then((m) => ({ default: m.add }))));

  const partner = program.command('partner').description('de samenwerkingspartners');
  partner
    .command('list')
    .description('alle partners met hun code')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./partner.js').then((m) => ({ default: m.list }))));
  partner
    .command('add')
    .description('een partner toevoegen')
    .argument('<code>', 'korte code in kleine letters, bijv. woningcorporatie')
    .option('--naam <naam>', 'volledige naam (verplicht)')
    .option('--json', 'toon de toegevoegde partner als JSON')
    .action(voer(runtime, () => import('./partner.js').then((m) => ({ default: m.add }))));

  const categorie = program.command('categorie').description('de categorieën van meldingen');
  categorie
    .command('list')
    .description('alle categorieën')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./categorie.js').then((m) => ({ default: m.list }))));
  categorie
    .command('add')
    .description('een categorie toevoegen')
    .argument('<code>', 'korte code in kleine letters, bijv. overlast-dieren')
    .option('--omschrijving <tekst>', 'omschrijving (verplicht)')
    .option('--json', 'toon de toegevoegde categorie als JSON')
    .action(voer(runtime, () => import('./categorie.js').then((m) => ({ default: m.add }))));
}
