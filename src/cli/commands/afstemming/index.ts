/** `kvz afstemming …`: contact in between, between police and OOV (SPEC §11; the plan §2.2). */
import type { Command } from 'commander';
import { datumHulp } from '../../../domain/datumvormen.js';
import { voer, type Runtime } from '../../handler.js';

export function registreerAfstemming(program: Command, runtime: Runtime): void {
  const afstemming = program
    .command('afstemming')
    .description('afstemming tussendoor: contact tussen politie en OOV (of andere partners) buiten de overleggen om');
  afstemming
    .command('add')
    .description('vastleggen dat er tussendoor is afgestemd (komt op de agenda van het volgende politieoverleg)')
    .option('--tussen <partners>', 'wie er afstemden, minstens twee, bijv. politie,oov (verplicht)')
    .option('--onderwerp <tekst>', 'waarover, in een regel (verplicht)')
    .option('--zaak <nummer>', 'de zaak waar het over ging, bijv. Z-2027-001')
    .option('--op <datum-tijd>', 'wanneer (standaard: nu)')
    .option('--vertrouwelijk', 'alleen voor het politieoverleg (een afstemming over een vertrouwelijke zaak is dat vanzelf)')
    .option('--notitie <tekst>', 'wat er is uitgewisseld of afgesproken')
    .option('--json', 'toon de vastgelegde afstemming als JSON')
    .addHelpText('after', '\nVoorbeeld:\n  kvz afstemming add --tussen politie,oov --onderwerp "Dreiging na incident Kerkstraat" --zaak Z-2027-003')
    .addHelpText('after', () => datumHulp({ tijd: true }))
    .action(voer(runtime, () => import('./afstemming.js').then((m) => ({ default: m.add }))));
  afstemming
    .command('list')
    .description('de afstemmingen, oudste eerst (vertrouwelijke gemarkeerd met *)')
    .option('--van <datum>', 'vanaf deze dag')
    .option('--tot <datum>', 'tot en met deze dag')
    .option('--json', 'uitvoer als JSON: nummer, op, tussen, onderwerp, zaak, vertrouwelijk')
    .addHelpText('after', () => datumHulp())
    .action(voer(runtime, () => import('./afstemming.js').then((m) => ({ default: m.list }))));
}
