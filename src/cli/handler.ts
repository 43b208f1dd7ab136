/** The link between the command tree and the handlers it loads on demand. */
import type { Command } from 'commander';
import type { Context, DbHouder, Env, GlobaleOpties, Io, RunOpties } from './context.js';

/** A command: parse options → ask for what is missing → one use-case → print. May return an exit code. */
export type Handler<O = Record<string, unknown>> = (ctx: Context, opts: O, args: string[]) => Promise<number | void> | number | void;
/** Loads a handler module. Each handler types its own options, so any handler is a Handler<never> here. */
export type Laad = () => Promise<{ default: Handler<never> }>;

/** What one run shares between the tree and its handlers. */
export interface Runtime {
  io: Io;
  env: Env;
  opties: RunOpties;
  houder: DbHouder;
  exitCode: number;
}

/** Wires a lazily imported handler to a commander action. */
export function voer(runtime: Runtime, laad: Laad) {
  return async (...a: unknown[]) => {
    const cmd = a[a.length - 1] as Command;
    const { maakContext } = await import('./context.js');
    const pad = commandoPad(cmd);
    const ctx = maakContext(runtime.io, runtime.env, cmd.optsWithGlobals<GlobaleOpties>(), runtime.opties, runtime.houder, pad, cmd.opts());
    // On a shared database: connect while the command's code loads (the server does its part meanwhile).
    const verbinding = ctx.opslag === 'postgres' && pad !== 'init' ? ctx.db() : undefined;
    verbinding?.catch(() => undefined);
    // On a file: the SQLite driver loads beside the command (the file itself opens on first use).
    const [{ default: handler }] = await Promise.all([laad(), ctx.opslag === 'bestand' ? import('../store/database.js') : undefined]);
    if (verbinding) {
      // The role is checked first, before any number is looked up (SPEC §7).
      await verbinding;
      const { controleerRecht } = await import('./rechten.js');
      controleerRecht(ctx.rol()!, pad, cmd.opts());
    }
    // Commander has parsed the options this command declares, which are what its handler expects.
    const code = await handler(ctx, cmd.opts() as never, cmd.processedArgs as string[]);
    if (typeof code === 'number') runtime.exitCode = code;
  };
}

/** 'melding add', 'agenda politie': the command as the user names it. */
export function commandoPad(cmd: Command): string {
  const delen: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) delen.unshift(c.name());
  return delen.join(' ');
}
