/**
 * The agendas and minutes convert cleanly to Word with pandoc, as the README shows: no warnings, and
 * the headings, lists, checkboxes and tables are still there when the .docx is read back. Skipped
 * where pandoc is not installed (Debian: apt-get install pandoc).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bouwAgendaData, type AgendaData } from '../helpers/agenda.js';
import { kvzOk, tijdelijkeMap } from '../helpers/run.js';
import { aanwezig as isEr } from '../helpers/vereist.js';

const pandoc = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
const aanwezig = isEr('pandoc', pandoc.status === 0);

function zetOm(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('pandoc', args, { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!aanwezig)(`pandoc${aanwezig ? '' : ' (overgeslagen: pandoc is niet geïnstalleerd; apt-get install pandoc)'}`, () => {
  let data: AgendaData & { opruimen: () => void };
  beforeAll(async () => {
    data = await bouwAgendaData();
  });
  afterAll(() => data.opruimen());

  it.each([
    ['agenda', 'gio'], ['agenda', 'tweewekelijks'], ['agenda', 'politie'],
    ['notulen', 'gio'], ['notulen', 'tweewekelijks'], ['notulen', 'politie'],
  ])('kvz %s %s converts to .docx without warnings, tables and lists intact', async (wat, soort) => {
    const map = tijdelijkeMap();
    const md = join(map, `${wat}.md`);
    writeFileSync(md, (await kvzOk([wat, soort], { db: data.db })).stdout);
    const docx = join(map, `${wat}.docx`);
    const heen = zetOm(['-f', 'gfm', md, '-o', docx, '--fail-if-warnings']);
    expect(heen.stderr).toBe('');
    expect(heen.code).toBe(0);
    const terug = zetOm(['-f', 'docx', '-t', 'gfm', docx]);
    expect(terug.code).toBe(0);
    expect(terug.stdout).toMatch(/^# (Agenda|Notulen) /m);
    expect(terug.stdout).toMatch(/^- +\*\*Datum:\*\* dinsdag \d+ (maart|april|mei) 2027, \d\d:\d\d uur$/m);
    expect(terug.stdout).toMatch(/^\| (Actie|Melding|Categorie) +\|/m);
    if (wat === 'notulen') {
      expect(terug.stdout).toMatch(/^- +\[ \] Politie$/m);
      expect(terug.stdout).toMatch(/^\| Actie +\| Omschrijving +\| Partner +\| Deadline +\| Status +\| Nieuwe status +\| Nieuwe deadline +\|$/m);
      // The marker line is a comment: it does not show in Word.
      expect(terug.stdout).not.toMatch(/<!--|db:/);
    }
  });
});
