/** `kvz export …`: spreadsheets for the portefeuillehouders and partners (SPEC §4.5). */
import type { Command } from 'commander';
import { voer, type Runtime } from '../../handler.js';
import { datumHulp } from '../../../domain/datumvormen.js';

export function registreerExport(program: Command, runtime: Runtime): void {
  const exp = program
    .command('export')
    .description('lijsten als spreadsheet (CSV of Excel-werkmap); elke export komt in het auditlog');

  exp
    .command('meldingen')
    .description('meldingen als spreadsheet, oudste eerst (zonder gegevens van melders, tenzij --met-melder)')
    .option('--output <bestand>', 'schrijf naar dit bestand (anders naar de standaarduitvoer); een bestaand bestand wordt overschreven, want het is opnieuw te maken')
    .option('--formaat <formaat>', 'excel (CSV: UTF-8 met BOM, puntkomma), csv (RFC 4180, komma) of xlsx (Excel-werkmap, met --output) (standaard: excel; xlsx bij --output x.xlsx)')
    .option('--van <datum>', 'ontvangen op of na deze datum')
    .option('--tot <datum>', 'ontvangen op of voor deze datum')
    .option('--categorie <categorie>', 'alleen deze categorie')
    .option('--kern <kern>', 'alleen deze kern')
    .option('--status <statussen>', 'nieuw, doorgezet, afgehandeld of vervallen; meer met komma\'s, of openstaand (nieuw en doorgezet) of alle (standaard: alle)')
    .option('--zaak <nummer>', 'alleen meldingen van deze zaak')
    .option('--vergunninghouder', 'alleen meldingen over vergunninghouders')
    .option('--met-vertrouwelijk', 'ook vertrouwelijke meldingen (alleen politieoverleg; komt in het auditlog; oude spelling: --vertrouwelijk)')
    .option('--met-melder', 'met naam, telefoon en e-mail van de melder (komt in het auditlog)')
    .option('--per-partner', 'met --formaat xlsx: ook een werkblad per partner met de meldingen die naar haar zijn doorgezet')
    .addHelpText('after', () => datumHulp())
    .action(voer(runtime, () => import('./meldingen.js')));

  exp
    .command('matrix')
    .description('de matrix als spreadsheet: per zaak de acties met partner, deadline en status (voor de portefeuillehouders)')
    .option('--output <bestand>', 'schrijf naar dit bestand (anders naar de standaarduitvoer); een bestaand bestand wordt overschreven, want het is opnieuw te maken')
    .option('--formaat <formaat>', 'excel (CSV: UTF-8 met BOM, puntkomma), csv (RFC 4180, komma) of xlsx (Excel-werkmap, met --output) (standaard: excel; xlsx bij --output x.xlsx)')
    .option('--status <statussen>', 'openstaand (acties die open zijn of lopen, bij open zaken; de standaard), alle, of statussen met komma\'s: open, loopt, gereed, vervallen')
    .option('--partner <partner>', 'alleen acties van deze partner')
    .option('--zaak <nummer>', 'alleen de acties van deze zaak')
    .option('--met-vertrouwelijk', 'ook vertrouwelijke zaken, gemarkeerd in een extra kolom (alleen politieoverleg; komt in het auditlog; oude spelling: --vertrouwelijk)')
    .option('--per-partner', 'met --formaat xlsx: ook een werkblad per partner met haar acties')
    .action(voer(runtime, () => import('./matrix.js')));

  exp
    .command('plaatsingen')
    .description('de lopende plaatsingen van vergunninghouders met adres (persoonsgegeven; komt in het auditlog)')
    .option('--output <bestand>', 'schrijf naar dit bestand (anders naar de standaarduitvoer); een bestaand bestand wordt overschreven, want het is opnieuw te maken')
    .option('--formaat <formaat>', 'excel (CSV: UTF-8 met BOM, puntkomma) of csv (RFC 4180, komma) (standaard: excel)')
    .option('--alle', 'ook de beëindigde plaatsingen')
    .action(voer(runtime, () => import('./plaatsingen.js')));
}
