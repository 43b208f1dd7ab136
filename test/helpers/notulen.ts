/** Filling in a minutes skeleton the way a secretary does in a text editor, for tests of kvz notulen verwerk. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kvzOk, lees, tijdelijkeMap, type RunOpties } from './run.js';

/** The skeleton of a meeting as kvz writes it. */
export async function skelet(db: string, soort: string, datum?: string, opties: RunOpties = {}): Promise<string> {
  return (await kvzOk(['notulen', soort, ...(datum ? ['--datum', datum] : [])], { db, ...opties })).stdout;
}

/** The cells of a table line (the way the test reads it, independent of the reader under test). */
function cellen(regel: string): string[] {
  return regel.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim());
}

/** Sets cells (by column index) in the first table row whose Actie cell is `actie`, after `na` if given; the row is no longer aligned. */
export function zetRij(md: string, actie: string, waarden: Record<number, string>, na?: string): string {
  const regels = md.split('\n');
  const start = na === undefined ? 0 : regels.findIndex((r) => r.includes(na));
  if (start < 0) throw new Error(`niet gevonden: ${na}`);
  const i = regels.findIndex((r, k) => k > start && r.trim().startsWith('|') && cellen(r)[0] === actie);
  if (i < 0) throw new Error(`geen rij ${actie}${na ? ` na ${na}` : ''}`);
  const c = cellen(regels[i]!);
  for (const [k, w] of Object.entries(waarden)) c[Number(k)] = w;
  regels[i] = `| ${c.join(' | ')} |`;
  return regels.join('\n');
}

/** A new actie in the first empty 'nieuw' row under zaak `zaak`. */
export function nieuweActie(md: string, zaak: string, omschrijving: string, partner: string, deadline: string, status = ''): string {
  return zetRij(md, 'nieuw', { 1: omschrijving, 2: partner, 3: deadline, 4: status }, `### ${zaak} `);
}

/** Ticks (or unticks) the attendance line of a participant. */
export function vink(md: string, naam: string, aan = true): string {
  const regel = md.split('\n').find((r) => /^- \[[ xX]\] /.test(r) && r.slice(6) === naam);
  if (!regel) throw new Error(`geen vinkje voor ${naam}`);
  return md.replace(regel, `- [${aan ? 'x' : ' '}] ${naam}`);
}

/** The 1-based line on which `fragment` first occurs. */
export function regelVan(md: string, fragment: string, na?: string): number {
  const regels = md.split('\n');
  const start = na === undefined ? 0 : regels.findIndex((r) => r.includes(na));
  if (start < 0) throw new Error(`niet gevonden: ${na}`);
  const i = regels.findIndex((r, k) => k >= start && r.includes(fragment));
  if (i < 0) throw new Error(`niet gevonden: ${fragment}`);
  return i + 1;
}

/** Writes the minutes to a file of the test. */
export function bewaar(md: string, naam = 'notulen.md'): string {
  const pad = join(tijdelijkeMap(), naam);
  writeFileSync(pad, md);
  return pad;
}

/** Everything the minutes may change, to prove that a run changed nothing. */
export function matrixToestand(db: string): Record<string, unknown[]> {
  return Object.fromEntries(
    ['actie', 'actie_historie', 'overleg', 'aanwezigheid', 'verslag', 'audit'].map((t) => [t, lees(db, `SELECT * FROM ${t} ORDER BY 1, 2`)]),
  );
}

/** Writes `tekst` under the first line that is exactly `vak` ('**Besproken:**' or '**Afspraken:**') after the line starting with `na`, within its item. */
export function schrijfVak(md: string, na: string, vak: string, tekst: string): string {
  const regels = md.split('\n');
  const begin = regels.findIndex((r) => r.startsWith(na));
  if (begin < 0) throw new Error(`geen regel ${na}`);
  const i = regels.findIndex((r, k) => k > begin && r === vak);
  if (i < 0 || regels.slice(begin + 1, i).some((r) => r.startsWith('## '))) throw new Error(`geen ${vak} onder ${na}`);
  regels.splice(i + 1, 0, '', ...tekst.split('\n'));
  return regels.join('\n');
}
