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
});
