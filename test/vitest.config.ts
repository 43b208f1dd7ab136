import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Every day rule must hold whatever the machine's zone: run the suite far from Amsterdam
// (UTC+14). test/tijdzone.test.ts also spawns kvz under several other zones.
const env = { TZ: 'Pacific/Kiritimati', NO_COLOR: '1' };

/** PostgreSQL's server binaries (Debian: /usr/lib/postgresql/<versie>/bin). */
const heeftPostgres =
  existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    // One throwaway PostgreSQL cluster for the whole run (skipped, and said so, where it is not installed).
    globalSetup: ['test/postgres-cluster.ts'],
    testTimeout: 20_000,
    // Much of test/breken waits on child processes (a held lock, a kill); more workers than cores pays.
    maxWorkers: 3,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'bestand', include: ['test/**/*.test.ts'], env } },
      // The command and store suites again, on PostgreSQL (SPEC §7: the same tests on both stores).
      ...(heeftPostgres
        ? [
            {
              extends: true,
              test: {
                name: 'postgres',
                include: ['test/cli/**/*.test.ts', 'test/store/**/*.test.ts'],
                // About the file itself (creating and recognising it, its back-up, a network drive) or about
                // the demo's own file and a pipe, a path with no database file, the file's own count of meldingen (PostgreSQL's is
                // melding_stand): they belong to the file store; PostgreSQL's own are in test/postgres.
                exclude: ['test/store/database.test.ts', 'test/store/sha256.test.ts', 'test/store/netwerk.test.ts', 'test/cli/backup.test.ts', 'test/cli/demo.test.ts', 'test/cli/pijp.test.ts', 'test/cli/geen-database.test.ts', 'test/cli/status-aantal.test.ts'],
                env: { ...env, KVZ_TEST_OPSLAG: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
