#!/usr/bin/env node
// The kvz command: runs the compiled CLI (dist/, built by `npm install` / `npm run build`).
import { run } from '../dist/cli/main.js';

process.stdout.on('error', (e) => {
  // `kvz melding list | head` closes the pipe early; that is not an error.
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  // Any other failure to write the output (a full disk, say) is one sentence, as every error is.
  if (process.env.KVZ_DEBUG === '1') process.stderr.write(`${e.stack ?? e}\n`);
  const waarom = e.code === 'ENOSPC' ? ': de schijf is vol' : e.code ? ` (${e.code})` : '';
  process.stderr.write(`De uitvoer kon niet worden geschreven${waarom}.\n`);
  process.exit(1);
});

process.exitCode = await run(process.argv.slice(2), process, process.env);
