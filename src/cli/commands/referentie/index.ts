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
    .description('alle partners met hun code, e-mailadressen en of de melder mee mag')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./partner.js').then((m) => ({ default: m.list }))));
  partner
    .command('add')
    .description('een partner toevoegen')
    .argument('<code>', 'korte code in kleine letters, bijv. woningcorporatie')
    .option('--naam <naam>', 'volledige naam (verplicht)')
    .option('--json', 'toon de toegevoegde partner als JSON')
    .action(voer(runtime, () => import('./partner.js').then((m) => ({ default: m.add }))));
  partner
    .command('update')
    .description('adressen van een partner en of de gegevens van de melder mee mogen (op een gedeelde database: beheer)')
    .argument('<code>', 'partnercode, zie kvz partner list')
    .option('--email <adressen>', 'e-mailadressen voor doorzettingen, met komma\'s gescheiden')
    .option('--zonder-email', 'adressen weghalen: doorzettingen alleen vastleggen')
    .option('--met-melder', 'naam, telefoon en e-mail van de melder mogen mee in de doorzetting')
    .option('--zonder-melder', 'geen gegevens van de melder meesturen (standaard)')
    .option('--naam <naam>', 'nieuwe volledige naam')
    .option('--json', 'toon de partner daarna als JSON')
    .action(voer(runtime, () => import('./partner.js').then((m) => ({ default: m.update }))));

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
