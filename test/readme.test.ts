import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bijgewerkteReadme, commandoReferentie } from '../src/cli/referentie.js';
import { ROOT } from './helpers/run.js';

describe('README.md', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('has a command reference in step with --help (run `npm run docs` after changing a command)', () => {
    expect(readme).toBe(bijgewerkteReadme(readme));
  });

  it('writes every default in --help the same way, without quotes: (standaard: excel)', () => {
    expect(commandoReferentie()).not.toContain('(standaard: "');
  });

  it('shows the two commands a newcomer needs', () => {
    expect(readme).toMatch(/npm install && npx kvz /);
    expect(readme).toContain('npm test');
  });

  it('writes every example so that it runs as printed after those two: npx kvz, not a bare kvz (#15 item 1)', () => {
    const tekst = readme.slice(0, readme.indexOf("## Commando's"));
    const regels = [...tekst.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'));
    const opdrachten = regels.filter((r) => !r.startsWith('#') && /(^|[\s|;&(])kvz\s/.test(r));
    expect(opdrachten.length).toBeGreaterThan(40);
    for (const r of opdrachten) expect(r, r).toMatch(/^(npx kvz |npm install && npx kvz )/);
    expect(tekst).toContain('`npm link`');
  });
});
