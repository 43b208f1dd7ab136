/** `kvz matrix`: the matrix on screen, grouped by zaak (SPEC §4.2). */
import type { Command } from 'commander';
import { voer, type Runtime } from '../../handler.js';

export function registreerMatrix(program: Command, runtime: Runtime): void {
  program
    .command('matrix')
    .description('de matrix: per zaak de acties met partner, deadline, status en soort (de interventie); te laat gemarkeerd met !')
    .option('--status <statussen>', 'openstaand (acties die open zijn of lopen, bij open zaken; de standaard), alle, of statussen met komma\'s: open, loopt, gereed, vervallen')
    .option('--partner <partner>', 'alleen acties van deze partner')
    .option('--zaak <nummer>', 'alleen deze zaak')
    .option('--soort <soorten>', 'alleen deze interventies, met komma\'s: gesprek-bewoners, gesprek-melder, handhaving, huisbezoek, communicatie, zorg, overig')
    .option('--te-laat', 'alleen acties die te laat zijn')
    .option('--met-vertrouwelijk', 'toon ook de vertrouwelijke zaken, gemarkeerd (alleen politieoverleg; niet op een gedeeld scherm)')
    .option('--json', 'uitvoer als JSON: een lijst zaken, elk met zijn acties')
    .action(voer(runtime, () => import('./matrix.js')));
}
