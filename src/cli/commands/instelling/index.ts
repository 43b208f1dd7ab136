/** `kvz instelling …`: settings of the database itself. */
import type { Command } from 'commander';
import { voer, type Runtime } from '../../handler.js';

export function registreerInstelling(program: Command, runtime: Runtime): void {
  const instelling = program.command('instelling').description('instellingen van de database');
  instelling
    .command('mail')
    .description('e-mail vanuit deze database: aan/uit (een kopie staat uit), server en afzender; zonder optie: de stand tonen')
    .option('--aan', 'e-mail aanzetten')
    .option('--uit', 'e-mail uitzetten')
    .option('--smtp <url>', 'mailserver, smtp://[gebruiker@]server:587 of smtps://…:465 (wachtwoord alleen in KVZ_SMTP_WACHTWOORD)')
    .option('--zonder-smtp', 'geen mailserver: berichten worden concepten (.eml) in KVZ_POSTMAP')
    .option('--afzender <adres>', 'afzender van de berichten, bijv. integraleveiligheid@koggenland.nl')
    .option('--json', 'uitvoer als JSON')
    .action(voer(runtime, () => import('./mail.js')));
}
