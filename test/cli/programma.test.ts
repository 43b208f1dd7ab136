/**
 * Start-up (#17): a run that names a top-level command builds only the group of commands it belongs to.
 * The table of groups must name exactly what each group registers, or a command would go missing.
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/cli/handler.js';
import { bouwProgramma, genoemdeGroep, GROEPEN } from '../../src/cli/program.js';
import { kvz } from '../helpers/run.js';

const schrijver = { isTTY: false, write: () => true };
const runtime = { io: { stdin: { isTTY: false }, stdout: schrijver, stderr: schrijver }, env: {}, opties: {}, houder: {}, exitCode: 0 } as unknown as Runtime;

describe('the program built for one command', () => {
  it('names in its table of groups exactly the commands each group registers, and all of them together', () => {
    for (const [namen, registreer] of GROEPEN) {
      const p = new Command('kvz');
      registreer(p, runtime);
      expect(p.commands.map((c) => c.name()).sort(), namen.join(',')).toEqual([...namen].sort());
    }
    const alle = bouwProgramma(runtime).commands.map((c) => c.name()).sort();
    expect(GROEPEN.flatMap(([namen]) => namen).sort()).toEqual(alle.filter((n) => n !== 'help'));
  });

  it('builds only the named group after the global options, and everything for help, version or another spelling', () => {
    expect(genoemdeGroep(['--db', 'x.db', '--no-color', 'melding', 'add'])?.[0]).toEqual(['melding']);
    expect(genoemdeGroep(['status'])?.[0]).toContain('status');
    for (const argv of [['--help'], ['-V'], ['meldingen', 'list'], ['Melding'], ['help', 'melding'], []]) expect(genoemdeGroep(argv), argv.join(' ')).toBeUndefined();
    expect(bouwProgramma(runtime, ['melding', 'add']).commands.map((c) => c.name())).toEqual(['melding']);
  });

  it('still answers a mistyped or other-spelled command as before', async () => {
    const u = await kvz(['meldng', 'list']);
    expect([u.code, u.stderr]).toEqual([2, "Onbekend commando 'meldng'. Bedoelde u 'kvz melding'? Zie kvz --help.\n"]);
    expect((await kvz(['meldingen', 'list', '--json'])).code).not.toBe(2);
  });
});
