/** The link between the command tree and the handlers it loads on demand. */
import type { Command } from 'commander';
import type { Context, DbHouder, Env, GlobaleOpties, Io, RunOpties } from './context.js';

/** A command: parse options → ask for what is missing → one use-case → print. May return an exit code. */
export type Handler<O = Record<string, unknown>> = (ctx: Context, opts: O, args: string[]) => Promise<number | void> | number | void;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Laad = () => Promise<{ default: Handler<any> }>;

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
    const [{ default: handler }, { maakContext }] = await Promise.all([laad(), import('./context.js')]);
    const ctx = maakContext(runtime.io, runtime.env, cmd.optsWithGlobals<GlobaleOpties>(), runtime.opties, runtime.houder);
    const code = await handler(ctx, cmd.opts(), cmd.processedArgs as string[]);
    if (typeof code === 'number') runtime.exitCode = code;
  };
}
