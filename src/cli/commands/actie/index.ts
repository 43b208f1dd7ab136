/** `kvz actie …`: the rows of the matrix, per partner with a deadline and a history (SPEC §4.2). */
import type { Command } from 'commander';
import { voer, type Runtime } from '../../handler.js';
import { datumHulp } from '../../../domain/datumvormen.js';

export function registreerActie(program: Command, runtime: Runtime): void {
  const actie = program.command('actie').description('acties in de matrix: wie doet wat voor een zaak, en wanneer');

  actie
    .command('add')
    .description('een actie aan een open zaak toevoegen (vraagt op een terminal om wat ontbreekt)')
    .argument('<zaak>', 'zaaknummer, bijv. Z-2027-001')
    .option('--omschrijving <tekst>', 'wat er moet gebeuren (verplicht)')
    .option('--partner <partner>', 'wie het doet, zie kvz partner list (verplicht)')
    .option('--deadline <datum>', 'uiterlijk wanneer, bijv. 30-03-2027, 30-3, vrijdag, over 2 weken of volgend-gio (verplicht)')
    .option('--soort <soort>', 'gesprek-bewoners, gesprek-melder, handhaving, huisbezoek, communicatie, zorg of overig (standaard: overig)')
    .option('--overleg <soort:datum>', 'waar het is afgesproken, bijv. gio:16-03-2027 (gio, tweewekelijks of politie)')
    .option('--json', 'toon de vastgelegde actie als JSON')
    .addHelpText('after', () => datumHulp({ deadline: true }))
    .action(voer(runtime, () => import('./add.js')));

  actie
    .command('update')
    .description('status, deadline of partner van een actie wijzigen of een notitie toevoegen (alles komt in de geschiedenis)')
    .argument('<nummer>', 'actienummer, bijv. A-2027-0001')
    .option('--status <status>', 'open, loopt, gereed of vervallen')
    .option('--deadline <datum>', 'nieuwe deadline (later dan de oude telt als uitstel)')
    .option('--partner <partner>', 'nieuwe partner')
    .option('--notitie <tekst>', 'toelichting bij de wijziging')
    .option('--overleg <soort:datum>', 'waar de wijziging is afgesproken, bijv. tweewekelijks:30-03-2027')
    .option('--json', 'toon de actie daarna als JSON')
    .addHelpText('after', () => datumHulp({ deadline: true }))
    .action(voer(runtime, () => import('./update.js')));

  actie
    .command('list')
    .description('acties tonen, nieuwste eerst')
    .option('--zaak <nummer>', 'alleen acties van deze zaak')
    .option('--partner <partner>', 'alleen acties van deze partner')
    .option('--status <statussen>', 'open, loopt, gereed of vervallen; meer met komma\'s, of openstaand (open en loopt) of alle (standaard: alle)')
    .option('--soort <soorten>', 'alleen deze interventies, met komma\'s: gesprek-bewoners, gesprek-melder, handhaving, huisbezoek, communicatie, zorg, overig')
    .option('--te-laat', 'alleen acties waarvan de deadline voorbij is en die nog open zijn of lopen')
    .option('--limit <aantal>', 'hoeveel acties ten hoogste (tabel standaard 50, JSON standaard alle)')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./list.js')));

  actie
    .command('show')
    .description('één actie met haar hele geschiedenis')
    .argument('<nummer>', 'actienummer, bijv. A-2027-0001')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./show.js')));
}
