#!/usr/bin/env node
// The kvz command: runs the compiled CLI (dist/, built by `npm install` / `npm run build`).
// CommonJS, like dist/: Node then loads no ES module at all (src/bundel.mjs says why).
'use strict';
const { fstatSync, writeSync } = require('node:fs');
const { join } = require('node:path');
// V8's compiled code of the previous runs, before any of kvz's own files loads (src/cli/compileercache.ts).
require('../dist/cli/compileercache.js').gebruikCompileercache(join(__dirname, '..', 'dist'));
const { run } = require('../dist/cli/main.js');

/**
 * Whether `fd` is a terminal. Only a character device can be one: pipes and files (scripts, the test
 * suite, the bench) are answered without loading node:tty, which brings net and streams along (#17).
 */
function isatty(fd) {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return require('node:tty').isatty(fd);
}

/** Output that cannot be written: a closed pipe (`kvz … | head`) is no error; anything else is one sentence. */
function uitvoerFout(e) {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  if (process.env.KVZ_DEBUG === '1') writeSync(2, `${e.stack ?? e}\n`);
  const waarom = e.code === 'ENOSPC' ? ': de schijf is vol' : e.code ? ` (${e.code})` : '';
  try {
    writeSync(2, `De uitvoer kon niet worden geschreven${waarom}.\n`);
  } finally {
    process.exit(1);
  }
}

/**
 * Output that is not a terminal is written straight to its file descriptor: setting up Node's
 * process.stdout/stdin streams costs start-up time that most runs (scripts, pipes) never use.
 */
function naarBestand(fd) {
  return {
    isTTY: false,
    write(tekst) {
      const buf = Buffer.from(tekst);
      for (let klaar = 0; klaar < buf.length; ) {
        try {
          klaar += writeSync(fd, buf, klaar);
        } catch (e) {
          // A full non-blocking pipe: wait a moment and go on.
          if (e.code === 'EAGAIN') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
          else uitvoerFout(e);
        }
      }
      return true;
    },
  };
}

/** Input that is not a terminal (a pipe, a file): Node's stream is only made when a command reads it. */
const invoer = {
  isTTY: false,
  [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator](),
};

const terminal = [isatty(0), isatty(1), isatty(2)];
const io = {
  // Prompts need the real streams; they only happen when stdin and stdout are both terminals.
  stdin: terminal[0] ? process.stdin : invoer,
  stdout: terminal[1] ? process.stdout : naarBestand(1),
  stderr: terminal[2] ? process.stderr : naarBestand(2),
};
// Touching process.stdout makes Node create the stream: only when it is the one in use.
if (terminal[1]) process.stdout.on('error', uitvoerFout);

let klaar = false;
run(process.argv.slice(2), io, process.env).then((code) => {
  klaar = true;
  process.exitCode = code;
});
// Nothing left to wait for while the run has not finished: it never will. As Node does for an
// unfinished top-level await, that is exit 13, not a success.
process.once('beforeExit', () => {
  if (klaar) return;
  writeSync(2, 'kvz is gestopt voordat het commando klaar was.\n');
  process.exitCode = 13;
});
