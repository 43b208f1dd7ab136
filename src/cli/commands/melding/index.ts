/** `kvz melding …`: the front desk's commands (SPEC §4.1). */
import type { Command } from 'commander';
import { voer, type Runtime } from '../../handler.js';
import { datumHulp } from '../../../domain/datumvormen.js';

export function registreerMelding(program: Command, runtime: Runtime): void {
  const melding = program.command('melding').description('meldingen vastleggen, doorzetten en volgen');

  melding
    .command('add')
    .description('een nieuwe melding vastleggen (vraagt op een terminal om wat ontbreekt)')
    .option('--categorie <categorie>', 'categorie, zie kvz categorie list (verplicht)')
    .option('--kern <kern>', 'kern (dorp), zie kvz kern list (verplicht)')
    .option('--omschrijving <tekst>', 'wat er gemeld is (verplicht)')
    .option('--adres <adres>', 'adres of plek van de overlast')
    .option('--ontvangen <datum-tijd>', 'moment van ontvangst, bijv. "16-03-2027 09:30" (standaard: nu)')
    .option('--kanaal <kanaal>', 'telefoon, balie, email, app, politie of anders (standaard: telefoon)')
    .option('--melder-naam <naam>', 'naam van de melder (leeg laten mag: anoniem)')
    .option('--melder-telefoon <nummer>', 'telefoonnummer van de melder')
    .option('--melder-email <adres>', 'e-mailadres van de melder')
    .option('--terugkoppeling', 'de melder wil terugkoppeling')
    .option('--vergunninghouder', 'de melding betreft een vergunninghouder')
    .option('--vertrouwelijk', 'vertrouwelijk: alleen voor het politieoverleg')
    .option('--urgent', 'acuut: bovenaan in lijsten en kvz status, met !! tot ze is doorgezet')
    .option('--zaak <nummer>', 'koppel aan een open zaak, bijv. Z-2027-001')
    .option('--plaatsing <nummer>', 'over deze plaatsing van vergunninghouders, bijv. P-2027-01 (dan ook --vergunninghouder)')
    .option('--doorzetten <partners>', 'meteen doorzetten naar partners, bijv. politie,jongerenwerk')
    .option('--zonder-mail', 'doorzetting alleen vastleggen (telefonisch gedaan); partners met een adres krijgen anders een mail')
    .option('--json', 'toon de vastgelegde melding als JSON')
    .addHelpText('after', () => datumHulp({ tijd: true }))
    .action(voer(runtime, () => import('./add.js')));

  melding
    .command('list')
    .description('meldingen tonen, nieuwste eerst (zonder gegevens van melders)')
    .option('--status <statussen>', 'nieuw, doorgezet, afgehandeld of vervallen; meer met komma\'s, of openstaand (nieuw en doorgezet) of alle (standaard: alle)')
    .option('--categorie <categorie>', 'alleen deze categorie')
    .option('--kern <kern>', 'alleen deze kern')
    .option('--zaak <nummer>', 'alleen meldingen van deze zaak')
    .option('--van <datum>', 'ontvangen op of na deze datum')
    .option('--tot <datum>', 'ontvangen op of voor deze datum')
    .option('--vergunninghouder', 'alleen meldingen over vergunninghouders')
    .option('--niet-doorgezet', 'alleen open meldingen die nog nergens naartoe zijn doorgezet (niet de afgehandelde)')
    .option('--te-laat-doorgezet', 'alleen meldingen die niet op de dag van ontvangst zijn doorgezet')
    .option('--limit <aantal>', 'hoeveel meldingen ten hoogste (tabel standaard 50, JSON standaard alle)')
    .option('--json', 'uitvoer als JSON')
    .addHelpText('after', () => datumHulp())
    .action(voer(runtime, () => import('./list.js')));

  melding
    .command('show')
    .description('alles over één melding, met doorzettingen, contacten en de gegevens van de melder')
    .argument('<nummer>', 'meldingnummer, bijv. M-2027-0042')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./show.js')));

  melding
    .command('forward')
    .description('een melding doorzetten: mailen aan partners met een adres, anders vastleggen')
    .argument('<nummer>', 'meldingnummer')
    .option('--naar <partners>', 'partners, bijv. politie,jongerenwerk (verplicht)')
    .option('--op <datum-tijd>', 'moment van een doorzetting buiten kvz om (standaard: nu; bij een partner met adres samen met --zonder-mail)')
    .option('--zonder-mail', 'alleen vastleggen (telefonisch doorgezet); partners met een adres krijgen anders een mail')
    .option('--notitie <tekst>', 'toelichting')
    .option('--json', 'toon de melding daarna als JSON')
    .addHelpText('after', () => datumHulp({ tijd: true }))
    .action(voer(runtime, () => import('./forward.js')));

  melding
    .command('contact')
    .description('contact met de melder vastleggen (informatie of terugkoppeling)')
    .argument('<nummer>', 'meldingnummer')
    .option('--soort <soort>', 'informatie of terugkoppeling (verplicht)')
    .option('--notitie <tekst>', 'wat er besproken is (verplicht)')
    .option('--op <datum-tijd>', 'moment van het contact (standaard: nu)')
    .option('--mail', 'terugkoppeling: mail de notitie aan de melder, in een nette brief van het team')
    .option('--json', 'toon de melding daarna als JSON')
    .addHelpText('after', () => datumHulp({ tijd: true }))
    .action(voer(runtime, () => import('./contact.js')));

  melding
    .command('link')
    .description('een melding aan een zaak koppelen')
    .argument('<melding>', 'meldingnummer')
    .argument('<zaak>', 'zaaknummer, bijv. Z-2027-001')
    .option('--json', 'toon de melding daarna als JSON')
    .action(voer(runtime, () => import('./link.js')));

  melding
    .command('update')
    .description('gegevens van een melding wijzigen (een lege waarde wist een optioneel veld)')
    .argument('<nummer>', 'meldingnummer')
    .option('--categorie <categorie>', 'categorie')
    .option('--kern <kern>', 'kern')
    .option('--omschrijving <tekst>', 'omschrijving')
    .option('--adres <adres>', 'adres ("" wist)')
    .option('--ontvangen <datum-tijd>', 'moment van ontvangst')
    .option('--kanaal <kanaal>', 'kanaal')
    .option('--melder-naam <naam>', 'naam van de melder ("" wist)')
    .option('--melder-telefoon <nummer>', 'telefoonnummer van de melder ("" wist)')
    .option('--melder-email <adres>', 'e-mailadres van de melder ("" wist)')
    .option('--terugkoppeling', 'de melder wil terugkoppeling')
    .option('--no-terugkoppeling', 'de melder wil geen terugkoppeling')
    .option('--vergunninghouder', 'betreft een vergunninghouder')
    .option('--plaatsing <nummer>', 'koppel aan deze plaatsing van vergunninghouders (dan ook vergunninghouder)')
    .option('--no-vergunninghouder', 'betreft geen vergunninghouder')
    .option('--vertrouwelijk', 'vertrouwelijk (alleen politieoverleg)')
    .option('--no-vertrouwelijk', 'niet vertrouwelijk')
    .option('--urgent', 'acuut: bovenaan in lijsten en kvz status, met !! tot ze is doorgezet (niet bij een afgehandelde melding)')
    .option('--niet-urgent', 'niet (meer) acuut')
    .option('--json', 'toon de melding daarna als JSON')
    .addHelpText('after', () => datumHulp({ tijd: true }))
    .action(voer(runtime, () => import('./update.js')));

  melding
    .command('close')
    .description('een melding afhandelen')
    .argument('<nummer>', 'meldingnummer')
    .option('--notitie <tekst>', 'hoe de melding is afgehandeld')
    .option('--vervallen <reden>', 'de melding vervalt (dubbel of ten onrechte), met de reden: telt dan nergens meer mee, blijft in lijst en logboek')
    .option('--zonder-terugkoppeling', 'afhandelen terwijl de melder nog op terugkoppeling wacht (op een terminal vraagt kvz het)')
    .option('--json', 'toon de melding daarna als JSON')
    .action(voer(runtime, () => import('./close.js')));
}
