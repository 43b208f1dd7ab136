/** `kvz overleg show <soort> <datum>`: one meeting with who was there and its verslag (SPEC §9). */
import { soortTitel } from '../../../domain/cadans.js';
import { dagVan, datumKort, parseDatum } from '../../../domain/tijd.js';
import { datumLang } from '../../../domain/datum-nl.js';
import { aanwezigen, partnerNamen } from '../../../store/agenda-feiten.js';
import { verslagVan, type VerslagPunt } from '../../../store/notulen-plan.js';
import { geenOverlegOp, overlegOp } from '../../../store/overleggen.js';
import type { Context } from '../../context.js';
import { gelabeldeTekst, veldRegel } from '../../opmaak.js';
import { kleuren, schrijf, schrijfJson } from '../../output.js';
import { geenToegang, heeftRecht } from '../../rechten.js';
import { soortArgument } from './invoer.js';
import { toelichting } from './render.js';

export default async function overlegShow(ctx: Context, o: { json?: boolean }, [soortInvoer, datumInvoer]: string[]): Promise<void> {
  const soort = soortArgument(soortInvoer!, datumInvoer, 'show');
  const datum = parseDatum(datumInvoer!, 'de datum van het overleg', dagVan(ctx.nu));
  // The politieoverleg's attendance and verslag are confidential as a whole (SPEC §7); the database hides them too.
  const rol = ctx.rol();
  if (soort === 'politie' && !heeftRecht(rol, 'politieoverleg')) throw geenToegang(rol!, 'het verslag van het politieoverleg niet bekijken');
  const db = await ctx.db();
  const overleg = await overlegOp(db, soort, datum);
  if (!overleg) throw await geenOverlegOp(db, soort, datum);
  const aanwezig = overleg.id === null ? [] : await aanwezigen(db, overleg.id);
  const verslag = overleg.id === null ? [] : await verslagVan(db, overleg.id);
  if (o.json) {
    return schrijfJson(ctx, { soort, datum: overleg.datum, status: overleg.status, verschoven_van: overleg.verschoven_van, aanwezig, verslag });
  }
  const namen = await partnerNamen(db);
  const k = kleuren(ctx);
  const uitleg = toelichting(overleg);
  const uit = [
    k.bold(`${soortTitel(soort)}, ${datumLang(overleg.datum)}`),
    '',
    veldRegel(ctx, 'Tijd en plaats', `${overleg.tijd} uur, ${overleg.locatie}`),
    veldRegel(ctx, 'Status', `${overleg.status}${uitleg ? ` (${uitleg})` : ''}`),
    veldRegel(ctx, 'Aanwezig', aanwezig.length === 0 ? '(niet vastgelegd)' : aanwezig.map((p) => namen.get(p) ?? p).join(', ')),
    '',
    k.bold('Verslag'),
  ];
  if (verslag.length === 0) {
    uit.push(`  (nog geen: schrijf het in de notulen van ${datumKort(overleg.datum)} en verwerk die met kvz notulen verwerk <bestand>)`);
  }
  let punt: string | null = null;
  for (const v of verslag) {
    if (v.punt !== punt) {
      uit.push('', `  ${v.punt}`);
      punt = v.punt;
    }
    uit.push(...vakRegels(ctx, v));
  }
  schrijf(ctx, uit.join('\n'));
}

/** The boxes of one item or zaak, the text wrapped under its label. */
function vakRegels(ctx: Context, v: VerslagPunt): string[] {
  const insprong = v.zaak === null ? 4 : 6;
  const uit = v.zaak === null ? [] : [`    ${v.zaak}`];
  if (v.besproken !== '') uit.push(...gelabeldeTekst(ctx, insprong, 'Besproken:', v.besproken));
  if (v.afspraken !== '') uit.push(...gelabeldeTekst(ctx, insprong, 'Afspraken:', v.afspraken));
  return uit;
}
