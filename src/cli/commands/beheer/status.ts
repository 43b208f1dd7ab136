/** `kvz status`: where the database is, what it holds, and what must happen today. */
import { soortNaam } from '../../../domain/cadans.js';
import { meervoud } from '../../../domain/taal.js';
import { dagVan, datumKort } from '../../../domain/tijd.js';
import { datumLang } from '../../../domain/datum-nl.js';
import { statusCijfers, type StatusCijfers } from '../../../store/status.js';
import type { Context } from '../../context.js';
import { kleinePaginacache } from '../../geheugen.js';
import { schermBreedte, vouw } from '../../opmaak.js';
import { kleuren, schrijf, schrijfJson } from '../../output.js';

export default async function status(ctx: Context, o: { json?: boolean }): Promise<void> {
  const db = await ctx.db();
  kleinePaginacache(db);
  const cijfers = await statusCijfers(db, dagVan(ctx.nu), ctx.rol() === 'balie' ? 'balie' : 'alles');
  if (o.json) return schrijfJson(ctx, { database: ctx.dbPad(), ...cijfers });
  const k = kleuren(ctx);
  const m = cijfers.meldingen;
  const uit = [
    `${k.bold('Database')}  ${ctx.dbPad()}`,
    `${k.bold('Meldingen')} ${m.totaal} in totaal, ${m.dit_jaar} dit jaar; ${m.nieuw} nieuw, ${m.doorgezet} doorgezet, ${m.afgehandeld} afgehandeld${m.vervallen ? ` (en ${m.vervallen} vervallen, niet meegeteld)` : ''}`,
    ...(cijfers.zaken ? [`${k.bold('Zaken')}     ${cijfers.zaken.open} open, ${cijfers.zaken.gesloten} gesloten`] : []),
    '',
    k.bold('Vandaag te doen'),
  ];
  const todo: [(t: string) => string, string][] = [];
  if (cijfers.urgent_door_te_zetten.length > 0) {
    const u = cijfers.urgent_door_te_zetten;
    todo.push([k.red.bold, `!! ${meervoud(u.length, 'urgente melding', 'urgente meldingen')} nog niet doorgezet: ${lijst(u)} (kvz melding forward <nummer> --naar …)`]);
  }
  if (cijfers.vandaag_door_te_zetten.length > 0) {
    todo.push([k.yellow, `! ${meervoud(cijfers.vandaag_door_te_zetten.length, 'melding', 'meldingen')} van vandaag nog doorzetten: ${cijfers.vandaag_door_te_zetten.join(', ')}`]);
  }
  if (cijfers.niet_doorgezet.length > 0) {
    todo.push([k.red, `✗ ${meervoud(cijfers.niet_doorgezet.length, 'melding', 'meldingen')} van eerdere dagen nooit doorgezet: ${lijst(cijfers.niet_doorgezet)}`]);
  }
  if (cijfers.wacht_op_terugkoppeling.length > 0) {
    const wacht = cijfers.wacht_op_terugkoppeling;
    todo.push([k.yellow, `! ${meervoud(wacht.length, 'melder wacht', 'melders wachten')} op terugkoppeling: ${lijst(wacht)} (zie kvz rapport terugkoppeling)`]);
  }
  if (cijfers.post.wacht > 0) {
    todo.push([k.yellow, `! ${meervoud(cijfers.post.wacht, 'bericht', 'berichten')} nog niet verzonden (zie kvz post list; versturen: kvz post verzend)`]);
  }
  if (cijfers.post.mislukt > 0) {
    todo.push([k.red, `✗ ${meervoud(cijfers.post.mislukt, 'bericht', 'berichten')} mislukt (zie kvz post list --status mislukt; opnieuw: kvz post verzend --opnieuw)`]);
  }
  const teLaat = cijfers.te_laat_per_partner;
  if (teLaat.length > 0) {
    const totaal = teLaat.reduce((som, p) => som + p.aantal, 0);
    todo.push([k.red, `! ${meervoud(totaal, 'actie', 'acties')} te laat: ${teLaat.map((p) => `${p.partner} ${p.aantal}`).join(', ')} (zie kvz matrix --te-laat)`]);
  }
  if (todo.length === 0) todo.push([k.green, '✓ niets openstaands']);
  // On a terminal a long line wraps under itself (a list of numbers can be long); piped, it stays whole.
  const regels = todo.flatMap(([kleur, t]) => (ctx.io.stdout.isTTY ? vouw(t, schermBreedte(ctx), 2, 4) : [`  ${t}`]).map((r) => kleur(r)));
  schrijf(ctx, [...uit, ...regels, ...overleggen(ctx, cijfers)].join('\n'));
}

function overleggen(ctx: Context, cijfers: StatusCijfers): string[] {
  if (cijfers.volgende_overleggen.length === 0) return [];
  const k = kleuren(ctx);
  const vandaag = dagVan(ctx.nu);
  return ['', k.bold('Volgende overleggen'), ...cijfers.volgende_overleggen.map((o) => {
    const wanneer = `${o.datum === vandaag ? 'vandaag, ' : ''}${datumLang(o.datum)} ${o.tijd}`;
    const verschoven = o.verschoven_van ? ` (verschoven van ${datumKort(o.verschoven_van)}${o.reden ? `, ${o.reden}` : ''})` : '';
    const tekst = `${wanneer}, ${o.locatie}${verschoven}`;
    const [eerste = '', ...rest] = ctx.io.stdout.isTTY ? vouw(tekst, schermBreedte(ctx), 25) : [tekst];
    return [`  ${soortNaam(o.soort).padEnd(23)}${eerste.trimStart()}`, ...rest].join('\n');
  })];
}

function lijst(nummers: string[], max = 10): string {
  return nummers.length <= max ? nummers.join(', ') : `${nummers.slice(0, max).join(', ')} en ${nummers.length - max} meer`;
}
