/** How the reports look: a heading with the period, tables, and a bar chart where a trend is shown. */
import { maandLabel, procent, type Maand, type Periode } from '../../../domain/rapport.js';
import { datumKort } from '../../../domain/tijd.js';
import { staaf } from '../../../documents/staaf.js';
import type { Context } from '../../context.js';
import { kleuren, tabel } from '../../output.js';

export function kop(ctx: Context, titel: string, p: Periode): string {
  return kleuren(ctx).bold(`${titel}, ${datumKort(p.van)} t/m ${datumKort(p.tot)}`);
}

/** Numbers right-aligned in their column. */
export function getallen(waarden: readonly (number | string)[]): string[] {
  const breedte = Math.max(0, ...waarden.map((w) => String(w).length));
  return waarden.map((w) => String(w).padStart(breedte));
}

/** The trend over the months: a table with a bar per month. */
export async function maandTrend(ctx: Context, maanden: readonly { maand: Maand; aantal: number }[]): Promise<string> {
  const max = Math.max(0, ...maanden.map((m) => m.aantal));
  const aantallen = getallen(maanden.map((m) => m.aantal));
  return tabel(
    ctx,
    ['Maand', 'Aantal', ''],
    maanden.map((m, i) => [maandLabel(m.maand), aantallen[i]!, staaf(m.aantal, max)]),
  );
}

/** A count per key, most first, with each count's share of the total. */
export async function telTabel(ctx: Context, naam: string, rijen: readonly { sleutel: string; aantal: number }[], totaal: number): Promise<string> {
  if (rijen.length === 0) return '(geen)';
  const aantallen = getallen(rijen.map((r) => r.aantal));
  const aandelen = getallen(rijen.map((r) => procent(totaal === 0 ? null : r.aantal / totaal)));
  return tabel(ctx, [naam, 'Aantal', 'Aandeel'], rijen.map((r, i) => [r.sleutel, aantallen[i]!, aandelen[i]!]));
}

export function sectie(ctx: Context, titel: string, inhoud: string): string {
  return `\n${kleuren(ctx).bold(titel)}\n${inhoud}`;
}

export const VOETNOOT = 'Vertrouwelijke meldingen tellen mee in de aantallen; details ervan staan in geen enkel rapport.';
