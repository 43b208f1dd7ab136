/** `kvz notulen …`: the minutes skeleton of a meeting, and the filled-in skeleton back into the matrix (SPEC §4.4). */
import type { Command } from 'commander';
import { voer, type Runtime } from '../../handler.js';
import { datumHulp } from '../../../domain/datumvormen.js';

const NAMEN = { gio: 'het GIO', tweewekelijks: 'het tweewekelijks overleg', politie: 'het politieoverleg' } as const;

export function registreerNotulen(program: Command, runtime: Runtime): void {
  const notulen = program
    .command('notulen')
    .description('notulen: een skelet om in te vullen (Markdown of Word), en het ingevulde skelet terug in de matrix (verwerk)');

  // Not imported from domain/cadans.ts: the tree is built on every start, and that module is not needed for it.
  for (const soort of ['gio', 'tweewekelijks', 'politie'] as const) {
    notulen
      .command(soort)
      .description(`het notulenskelet van ${NAMEN[soort]}, om in te vullen: agendapunten, aanwezigheid, per zaak de matrix`)
      .option('--datum <datum>', 'de datum van het overleg (standaard: het eerstvolgende, vandaag meegerekend)')
      .option('--output <bestand>', 'schrijf naar dit bestand (anders naar de standaarduitvoer); een bestaand bestand wordt overschreven, want het is opnieuw te maken')
      .option('--formaat <formaat>', 'md (Markdown) of docx (Word-document, met --output) (standaard: md; docx bij --output x.docx)')
      .addHelpText('after', () => datumHulp())
      .action(voer(runtime, async () => ({ default: (await import('./skelet.js')).skeletVan(soort) })));
  }

  notulen
    .command('verwerk')
    .description('een ingevuld notulenskelet in de matrix verwerken: toont eerst wat er verandert, met --uitvoeren wordt het vastgelegd')
    .argument('<bestand>', 'het ingevulde notulenbestand, .md of .docx (van kvz notulen gio|tweewekelijks|politie)')
    .option('--uitvoeren', 'leg de wijzigingen vast (zonder deze optie verandert er niets)')
    .option('--json', 'de wijzigingen als JSON')
    .addHelpText(
      'after',
      [
        '',
        'In het bestand: per actie een Nieuwe status (open, loopt, gereed, vervallen)',
        "en/of Nieuwe deadline; nieuwe acties in de rijen 'nieuw' met omschrijving,",
        'partner (code of naam) en deadline; aanwezigen aangevinkt met [x]. Datums als',
        "30-03-2027 of 2027-03-30; 'vandaag' en 'morgen' tellen vanaf de dag van het",
        'overleg. Een fout in het bestand wordt gemeld met het regelnummer, en dan',
        'verandert er niets. Hetzelfde bestand nog eens verwerken verandert niets.',
        '',
        'Voorbeeld:',
        '  kvz notulen gio --output notulen-gio.md   (invullen in een teksteditor)',
        '  kvz notulen verwerk notulen-gio.md',
        '  kvz notulen verwerk notulen-gio.md --uitvoeren',
      ].join('\n'),
    )
    .action(voer(runtime, () => import('./verwerk.js')));
}
