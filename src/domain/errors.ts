/**
 * Errors that reach the user. Each carries its exit code (SPEC §2) and a Dutch sentence;
 * the single boundary in cli/main.ts prints the sentence and returns the code.
 */
export abstract class KvzError extends Error {
  abstract readonly exitCode: number;
}

/** Bad input: a flag value, a missing field without a TTY. Exit 2; nothing has been written. */
export class UsageError extends KvzError {
  readonly exitCode = 2;
}

/** Several bad inputs at once (the rows of an import): one message per line. */
export class UsageErrors extends UsageError {
  constructor(readonly regels: string[]) {
    super(regels.join('\n'));
  }
}

/** A domain or database refusal: not found, not allowed now, locked, not a kvz database. Exit 1. */
export class DomainError extends KvzError {
  readonly exitCode = 1;
}

/** The user's role does not allow this (SPEC §12): exit 4, one sentence naming the role; nothing written. */
export class GeenToegang extends KvzError {
  readonly exitCode = 4;
}

/** The user cancelled (Ctrl-C, a cancelled prompt). Exit 130. */
export class CancelledError extends KvzError {
  readonly exitCode = 130;
  constructor() {
    super('Afgebroken; er is niets vastgelegd.');
  }
}
