/**
 * A terminal nobody can spoof (SPEC §10): text from outside — an import's header row, the database
 * path, stored text (also text written behind kvz's back) — is shown with escape sequences, control,
 * invisible and direction-changing characters made visible, and stored multi-line text stays
 * indented under its label, so it can never pass for a section of kvz's own.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kvzOk, nieuweDb, tijdelijkeMap, voer } from '../helpers/run.js';
import { alleenBestand } from '../helpers/opslag.js';

const ESC = '\u001b';
/** kvz's own colours are the only escape sequences allowed through. */
const rauwEscape = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').includes(ESC);

describe('terminal safety', () => {
  it('shows an import header that carries escape sequences as visible text', async () => {
    const db = nieuweDb();
    const pad = join(tijdelijkeMap(), 'kwaad.csv');
    const klembord = `${ESC}]52;c;a3Z6IG9wc2Nob25lbg==\u0007`;
    writeFileSync(pad, `Datum;Dorp;Categorie;Melding;${klembord}Extra;${ESC}[2JImport geslaagd\n16-03-2027 09:00;Obdam;overig;Test;x;y\n`);
    const u = await kvzOk(['import', 'meldingen', pad], { db, tty: true });
    expect(rauwEscape(u.stderr)).toBe(false);
    // (the sequence's own ';' split it into columns: each part is shown, none steers the terminal)
    expect(u.stderr).toContain('Niet ingelezen kolommen: \\x1B]52, c, a3Z6IG9wc2Nob25lbg==\\x07Extra, \\x1B[2JImport geslaagd.');
  });

  alleenBestand('shows a database path with escape bytes as visible text', async () => {
    const db = join(tijdelijkeMap(), `kvz${ESC}[2J${ESC}]0;nep\u0007.db`);
    await kvzOk(['init'], { db });
    const u = await kvzOk(['status'], { db, tty: true });
    expect(rauwEscape(u.stdout)).toBe(false);
    expect(u.stdout).toContain('\\x1B[2J\\x1B]0;nep\\x07.db');
  });

  it('keeps a multi-line omschrijving indented under its label, so it cannot fake a section', async () => {
    const db = nieuweDb();
    const nep = 'Harde muziek\nDoorzettingen\n  ✓ 16-03-2027 09:05  politie  door balie\nContact met de melder\n  (nog geen)';
    const { nummer } = JSON.parse((await kvzOk(['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', nep, '--json'], { db })).stdout) as { nummer: string };
    const regels = (await kvzOk(['melding', 'show', nummer], { db })).stdout.split('\n');
    // kvz's own sections, once each and at the margin; every line of the omschrijving indented.
    expect(regels.filter((r) => r === 'Doorzettingen')).toHaveLength(1);
    expect(regels.filter((r) => r === 'Contact met de melder')).toHaveLength(1);
    const begin = regels.indexOf('Omschrijving');
    expect(regels.slice(begin + 1, begin + 6)).toEqual([
      '  Harde muziek',
      '  Doorzettingen',
      '    ✓ 16-03-2027 09:05  politie  door balie',
      '  Contact met de melder',
      '    (nog geen)',
    ]);
  });

  it('shows text written behind kvz\'s back with invisible and direction-changing characters visible, in text and JSON', async () => {
    const db = nieuweDb();
    const { nummer } = JSON.parse((await kvzOk(['melding', 'add', '--categorie', 'overig', '--kern', 'Obdam', '--omschrijving', 'gewoon', '--json'], { db })).stdout) as { nummer: string };
    // What kvz itself refuses on input (control and direction characters), put in with SQL.
    voer(db, 'UPDATE melding SET omschrijving = ? WHERE nummer = ?', `fdp.exe\u202Etxt.\u200B ${ESC}[2J\u009b31m`, nummer);
    const tekst = (await kvzOk(['melding', 'show', nummer], { db, tty: true })).stdout;
    expect(rauwEscape(tekst)).toBe(false);
    expect(tekst).toContain('fdp.exe\\u202Etxt.\\u200B \\x1B[2J\\x9B31m');
    const json = (await kvzOk(['melding', 'show', nummer, '--json'], { db })).stdout;
    expect(json).not.toMatch(/[\u001b\u009b\u200b\u202e]/);
    expect((JSON.parse(json) as { omschrijving: string }).omschrijving).toBe(`fdp.exe\u202Etxt.\u200B ${ESC}[2J\u009b31m`);
  });
});
