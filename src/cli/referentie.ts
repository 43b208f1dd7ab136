/**
 * The command reference in README.md, generated from the same commander tree as `--help`, so the
 * two cannot drift apart: `npm run docs` rewrites it, test/readme.test.ts fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { bouwProgramma } from './program.js';

export const BEGIN = '<!-- referentie:begin (gegenereerd door npm run docs) -->';
const EIND = '<!-- referentie:eind -->';

function alle(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.filter((c) => c.name() !== 'help').flatMap(alle)];
}

function pad(cmd: Command): string {
  const namen: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) namen.unshift(c.name());
  return namen.join(' ');
}

export function commandoReferentie(): string {
  const stil = { write: () => true };
  const program = bouwProgramma({
    io: { stdin: process.stdin, stdout: stil, stderr: stil },
    env: {},
    opties: {},
    houder: {},
    exitCode: 0,
  });
  const delen = alle(program).map((cmd) => `### \`${pad(cmd)}\`\n\n\`\`\`text\n${cmd.helpInformation().trimEnd()}\n\`\`\``);
  return `${BEGIN}\n\n${delen.join('\n\n')}\n\n${EIND}`;
}

/** README.md with its reference section replaced by the current one. */
export function bijgewerkteReadme(readme: string): string {
  const begin = readme.indexOf(BEGIN);
  const eind = readme.indexOf(EIND);
  if (begin < 0 || eind < begin) throw new Error(`README.md mist de markeringen ${BEGIN} … ${EIND}`);
  return readme.slice(0, begin) + commandoReferentie() + readme.slice(eind + EIND.length);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const pad = new URL('../../README.md', import.meta.url);
  writeFileSync(pad, bijgewerkteReadme(readFileSync(pad, 'utf8')));
}
