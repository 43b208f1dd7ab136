/**
 * node:crypto, loaded on first use. Commands that only read (status, the agendas, the lists) never
 * hash, and loading the module at start-up would cost each of them about 7 ms of a budget measured
 * against `node -e 0` (#17). A write loads it when it first hashes.
 */
import { createRequire } from 'node:module';

type NodeCrypto = typeof import('node:crypto');
let geladen: NodeCrypto | undefined;

export function nodeCrypto(): NodeCrypto {
  return (geladen ??= createRequire(import.meta.url)('node:crypto') as NodeCrypto);
}
