#!/usr/bin/env node
// The kvz command: runs the compiled CLI (dist/, built by `npm install` / `npm run build`).
import { run } from '../dist/cli/main.js';

process.stdout.on('error', (e) => {
  // `kvz melding list | head` closes the pipe early; that is not an error.
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await run(process.argv.slice(2), process, process.env);
