/** `kvz status`: where the database is, what it holds, and what must happen today. */
import { dagVan } from '../../../domain/tijd.js';
import { statusCijfers } from '../../../store/status.js';
import type { Context } from '../../context.js';
import { kleuren, schrijf, schrijfJson } from '../../output.js';

export default function status(ctx: Context, o: { json?: boolean }): void {
  const cijfers = statusCijfers(ctx.db(), dagVan(ctx.nu));
  if (o.json) return schrijfJson(ctx, { database: ctx.dbPad(), ...cijfers });
  const k = kleuren(ctx);
  const m = cijfers.meldingen;
  const uit = [
    `${k.bold('Database')}  ${ctx.dbPad()}`,
    `${k.bold('Meldingen')} ${m.totaal} in totaal, ${m.dit_jaar} dit jaar; ${m.nieuw} nieuw, ${m.doorgezet} doorgezet, ${m.afgehandeld} afgehandeld`,
    '',
    k.bold('Vandaag te doen'),
  ];
  const todo: string[] = [];
  if (cijfers.vandaag_door_te_zetten.length > 0) {
    todo.push(k.yellow(`! ${cijfers.vandaag_door_te_zetten.length} melding(en) van vandaag nog doorzetten: ${cijfers.vandaag_door_te_zetten.join(', ')}`));
  }
  if (cijfers.niet_doorgezet.length > 0) {
    todo.push(k.red(`✗ ${cijfers.niet_doorgezet.length} melding(en) van eerdere dagen nooit doorgezet: ${lijst(cijfers.niet_doorgezet)}`));
  }
  if (todo.length === 0) todo.push(k.green('✓ niets openstaands'));
  schrijf(ctx, [...uit, ...todo.map((t) => `  ${t}`)].join('\n'));
}

function lijst(nummers: string[], max = 10): string {
  return nummers.length <= max ? nummers.join(', ') : `${nummers.slice(0, max).join(', ')} en ${nummers.length - max} meer`;
}
