/** `kvz opschonen`: AVG retention; a dry run unless --uitvoeren. Lists melding numbers, never the data. */
import { postmap } from '../../../post/instellingen.js';
import { leesBewaartermijn } from '../../../domain/bewaartermijn.js';
import { datumKort, tijdstipKort } from '../../../domain/tijd.js';
import { schoonOp, teOpschonen, type Opschoning } from '../../../store/opschonen.js';
import type { Context } from '../../context.js';
import { kleuren, meervoud, schrijf, schrijfJson, tabel } from '../../output.js';

interface Opts {
  bewaartermijn?: string;
  uitvoeren?: boolean;
  ookTekst?: boolean;
  json?: boolean;
}

const TOON = 50;

export default async function opschonen(ctx: Context, o: Opts): Promise<void> {
  const maanden = leesBewaartermijn(o.bewaartermijn);
  const db = await ctx.db();
  const ookTekst = o.ookTekst === true;
  const uitslag = o.uitvoeren
    ? await schoonOp(db, ctx.actor('opschonen'), maanden, { postmap: postmap(ctx.env), ookTekst })
    : await teOpschonen(db, ctx.nu, maanden, ookTekst);
  if (o.json) return schrijfJson(ctx, uitslag);
  schrijf(ctx, await verslag(ctx, uitslag));
}

async function verslag(ctx: Context, u: Opschoning): Promise<string> {
  const k = kleuren(ctx);
  const wat = u.ook_tekst ? 'gegevens van melders (naam, telefoon, e-mail) en de vrije tekst (adres, omschrijving, notities)' : 'gegevens van melders (naam, telefoon, e-mail)';
  const regels = [
    `Bewaartermijn ${meervoud(u.bewaartermijn_maanden, 'maand', 'maanden')}: ${wat} bij meldingen die zijn afgehandeld, of waarvan de zaak is gesloten, op of vóór ${datumKort(u.grens)}.`,
  ];
  const tekstNog = 'Vrije tekst (adres, omschrijving, notities bij contact en doorzetting) kan ook namen of telefoonnummers bevatten; kvz wist die alleen met --ook-tekst (dan staat er [gewist]).';
  // Placements (SPEC §11): the address, once the placement ended on or before the same day.
  const plekken = u.plaatsingen.length === 0 ? '' : `het adres van ${meervoud(u.plaatsingen.length, 'plaatsing', 'plaatsingen')} (${u.plaatsingen.slice(0, TOON).map((p) => p.nummer).join(', ')}${u.plaatsingen.length > TOON ? ', …' : ''})${u.ook_tekst ? ' met de notities' : ''}, geëindigd op of vóór ${datumKort(u.grens)}`;
  if (u.aantal === 0 && plekken === '') {
    regels.push(k.green('✓ Er hoeft niets gewist te worden.'));
    if (!u.ook_tekst) regels.push(tekstNog);
    return regels.join('\n');
  }
  if (u.aantal === 0) {
    regels.push(u.uitgevoerd ? k.green(`✓ Gewist: ${plekken}; vastgelegd in het auditlog.`) : k.yellow(`! Proefdraai: ${plekken} zou worden gewist. Er is niets gewist; wis met --uitvoeren.`));
    return regels.join('\n');
  }
  if (plekken) regels.push(u.uitgevoerd ? `Ook gewist: ${plekken}.` : `Ook ${plekken} zou worden gewist.`);
  const rijen = u.meldingen.slice(0, TOON).map((m) => [m.nummer, tijdstipKort(new Date(m.gesloten_op)), m.reden === 'zaak gesloten' ? `zaak ${m.zaak} gesloten` : 'melding afgehandeld']);
  regels.push(await tabel(ctx, ['Melding', 'Gesloten', 'Waarom'], rijen));
  if (u.aantal > TOON) regels.push(`… en nog ${u.aantal - TOON} (alle nummers met --json).`);
  const aantal = meervoud(u.aantal, 'melding', 'meldingen');
  if (!u.uitgevoerd) {
    regels.push(k.yellow(`! Proefdraai: bij ${aantal} zouden de gegevens van de melder${u.ook_tekst ? ' en de vrije tekst' : ''} worden gewist. Er is niets gewist; wis ze met --uitvoeren.`));
    if (!u.ook_tekst) regels.push(tekstNog);
    return regels.join('\n');
  }
  regels.push(k.green(`✓ Gegevens van de melder${u.ook_tekst ? ' en de vrije tekst' : ''} gewist bij ${aantal}; vastgelegd in het auditlog (zonder de gewiste gegevens).`));
  if (u.logbestand_opgeruimd === false) {
    regels.push(k.yellow('! Een ander proces had de database open: de gewiste gegevens kunnen nog in het logbestand (-wal) staan tot dat proces stopt.'));
  }
  regels.push('Let op: elke back-up die vóór dit opschonen is gemaakt, ook die van vandaag, bevat de gegevens nog; vervang of vernietig ze volgens dezelfde termijn.');
  if (!u.ook_tekst) regels.push(tekstNog);
  return regels.join('\n');
}
