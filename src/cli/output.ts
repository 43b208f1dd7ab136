/**
 * Everything about how results look: JSON, tables, colour and markers. Colour only on a TTY and
 * never as the only signal (✓ ✗ ! carry the meaning too); piped output has no colour.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Context } from './context.js';
import { meervoud } from '../domain/taal.js';
import { veiligeJson, veiligeUitvoer } from './zichtbaar.js';
import { natuurlijkeBreedtes, passendeBreedtes, ruimeBreedte, schermBreedte } from './opmaak.js';

/**
 * Stored text under its label, every line indented: a line of an omschrijving can then never look
 * like one of kvz's own sections (those start at the margin).
 */
export function ingesprongen(tekst: string, n: number): string {
  return tekst.split('\n').map((r) => ' '.repeat(n) + r).join('\n');
}

export function kleuren(ctx: Context): ChalkInstance {
  return new Chalk({ level: ctx.kleur ? 1 : 0 });
}

/** Text for a person (stored text in it can never steer the terminal: see veiligeUitvoer). */
export function schrijf(ctx: Context, tekst = ''): void {
  ctx.io.stdout.write(`${veiligeUitvoer(tekst)}\n`);
}

/** The same without the line end added: for texts that end in their own. */
export function schrijfTekst(ctx: Context, tekst: string): void {
  ctx.io.stdout.write(veiligeUitvoer(tekst));
}

/** A document (Markdown) on standard output: made safe only for a terminal, a pipe gets it as it is. */
export function schrijfDocument(ctx: Context, tekst: string): void {
  ctx.io.stdout.write(ctx.io.stdout.isTTY ? veiligeUitvoer(tekst) : tekst);
}

/** A notice for the user that is not the result itself (reminders, counts): stderr. */
export function meld(ctx: Context, tekst: string): void {
  ctx.io.stderr.write(`${veiligeUitvoer(tekst)}\n`);
}

export function schrijfJson(ctx: Context, waarde: unknown): void {
  ctx.io.stdout.write(`${veiligeJson(JSON.stringify(waarde, null, 2))}\n`);
}

export interface TabelOpties {
  /**
   * Column widths on a terminal; text that does not fit is wrapped there. Without them a table wider
   * than the terminal is fitted to it (passendeBreedtes). Piped output is never cut.
   */
  breedtes?: (number | null)[];
}

// Borderless, like `gh` and `docker ps`: columns two spaces apart, the header first.
const ZONDER_RANDEN = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
};

/**
 * Rows per cli-table3 table: its toString passes all rows to one call (push.apply), which overflows
 * the stack somewhere past 100,000 (`kvz log --limit 200000`, `kvz melding list --limit 200000`).
 */
const DEEL = 250;

export async function tabel(ctx: Context, kop: string[], rijen: string[][], opties: TabelOpties = {}): Promise<string> {
  const { default: Table } = await import('cli-table3');
  const k = kleuren(ctx);
  const passend = ctx.io.stdout.isTTY ? (opties.breedtes ?? passendeBreedtes(schermBreedte(ctx), kop, rijen)) : undefined;
  // A longer table is drawn in parts, all with the same column widths, so that it reads as one; in a
  // pipe each column as wide as its widest cell, so that nothing in it is wrapped (scripts read it).
  const breedtes = passend
    ? { colWidths: passend, wordWrap: true }
    : rijen.length > DEEL ? { colWidths: natuurlijkeBreedtes(kop, rijen, ruimeBreedte), wordWrap: true } : {};
  const delen: string[] = [];
  for (let van = 0; van === 0 || van < rijen.length; van += DEEL) {
    const t = new Table({
      head: van === 0 ? kop.map((h) => k.bold.underline(h)) : [],
      chars: ZONDER_RANDEN,
      style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
      ...breedtes,
    });
    for (let i = van; i < Math.min(van + DEEL, rijen.length); i++) t.push(rijen[i]!);
    delen.push(t.toString());
  }
  return delen
    .join('\n')
    .split('\n')
    .map((regel) => regel.trimEnd())
    .join('\n');
}

/** 'ja'/'nee' for booleans in tables. */
export function jaNee(waarde: boolean): string {
  return waarde ? 'ja' : 'nee';
}

export { meervoud } from '../domain/taal.js';

/** The line under a list shown newest first: how many there are, and how to see the ones cut off. */
export function lijstTelling(totaal: number, getoond: number, enkel: string, meer: string): string {
  const aantal = meervoud(totaal, enkel, meer);
  const rest = totaal - getoond;
  const bovenaan = getoond === 1 ? 'de nieuwste staat hierboven' : `de nieuwste ${getoond} staan hierboven`;
  return rest > 0 ? `${aantal}; ${bovenaan}, nog ${rest} met --limit ${totaal}.` : `${aantal}.`;
}
