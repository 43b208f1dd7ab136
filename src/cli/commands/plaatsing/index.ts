/** `kvz plaatsing …`: placements of vergunninghouders, their meldingen and contacts (SPEC §11; the plan §1, §2.4). */
import type { Command } from 'commander';
import { datumHulp } from '../../../domain/datumvormen.js';
import { voer, type Runtime } from '../../handler.js';

const handler = (naam: 'add' | 'list' | 'show' | 'update' | 'contact') => () => import('./plaatsing.js').then((m) => ({ default: m[naam] }));

export function registreerPlaatsing(program: Command, runtime: Runtime): void {
  const plaatsing = program
    .command('plaatsing')
    .description('plaatsingen van vergunninghouders: waar en sinds wanneer, begeleiding, meldingen en contacten');
  plaatsing
    .command('add')
    .description('een plaatsing vastleggen (ook vooraf: een datum vooruit mag)')
    .option('--kern <kern>', 'kern (dorp) van de woning (verplicht)')
    .option('--adres <adres>', 'adres van de woning: persoonsgegeven, alleen in plaatsing show en export plaatsingen (verplicht)')
    .option('--datum <datum>', 'dag van de plaatsing (verplicht)')
    .option('--huishouden <aantal>', 'aantal personen in het huishouden')
    .option('--begeleiding <partner>', 'wie de maatschappelijke begeleiding geeft, bijv. vluchtelingenwerk')
    .option('--notitie <tekst>', 'notitie')
    .option('--json', 'toon de vastgelegde plaatsing als JSON')
    .addHelpText('after', '\nVoorbeeld:\n  kvz plaatsing add --kern Obdam --adres "Dorpsstraat 5" --datum 01-04-2027 --huishouden 4 --begeleiding vluchtelingenwerk')
    .addHelpText('after', () => datumHulp())
    .action(voer(runtime, handler('add')));
  plaatsing
    .command('list')
    .description('de lopende (en komende) plaatsingen, oudste eerst; zonder adres')
    .option('--kern <kern>', 'alleen deze kern')
    .option('--alle', 'ook de beëindigde')
    .option('--json', 'uitvoer als JSON: nummer, kern, datum, einde, huishouden, begeleiding, meldingen, contacten')
    .action(voer(runtime, handler('list')));
  plaatsing
    .command('show')
    .description('alles over een plaatsing, met adres, meldingen en contacten')
    .argument('<nummer>', 'plaatsingnummer, bijv. P-2027-01')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, handler('show')));
  plaatsing
    .command('update')
    .description('een plaatsing wijzigen of beëindigen (--einde)')
    .argument('<nummer>', 'plaatsingnummer')
    .option('--einde <datum>', 'de plaatsing eindigt (vertrek, verhuizing) op deze dag')
    .option('--datum <datum>', 'dag van de plaatsing')
    .option('--kern <kern>', 'kern')
    .option('--adres <adres>', 'adres')
    .option('--huishouden <aantal>', 'aantal personen')
    .option('--begeleiding <partner>', 'wie de begeleiding geeft')
    .option('--notitie <tekst>', 'notitie (vervangt de vorige)')
    .option('--json', 'toon de plaatsing daarna als JSON')
    .addHelpText('after', () => datumHulp())
    .action(voer(runtime, handler('update')));
  plaatsing
    .command('contact')
    .description('een bezoek of gesprek vastleggen: toezien op de situatie')
    .argument('<nummer>', 'plaatsingnummer')
    .option('--soort <soort>', 'bezoek, telefoon, gesprek of overig (standaard: bezoek)')
    .option('--notitie <tekst>', 'hoe het gaat, wat er is besproken (verplicht)')
    .option('--partner <partner>', 'wie het contact had, bijv. vluchtelingenwerk')
    .option('--op <datum-tijd>', 'wanneer (standaard: nu)')
    .option('--json', 'toon de plaatsing daarna als JSON')
    .addHelpText('after', () => datumHulp({ tijd: true }))
    .action(voer(runtime, handler('contact')));
}
