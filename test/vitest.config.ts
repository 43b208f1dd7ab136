import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    // One throwaway PostgreSQL cluster for the whole run (skipped, and said so, where it is not installed).
    globalSetup: ['test/postgres-cluster.ts'],
    // Every day rule must hold whatever the machine's zone: run the suite far from Amsterdam
    // (UTC+14). test/tijdzone.test.ts also spawns kvz under several other zones.
    env: { TZ: 'Pacific/Kiritimati', NO_COLOR: '1' },
    testTimeout: 20_000,
    // Much of test/breken waits on child processes (a held lock, a kill); more workers than cores pays.
    maxWorkers: 3,
    hookTimeout: 60_000,
  },
});
