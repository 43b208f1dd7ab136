import { spawnSync } from 'node:child_process';

/**
 * Writes what the bench just prepared to disk before it measures. A fresh copy of the PostgreSQL
 * database (`CREATE DATABASE … TEMPLATE`, with fsync off) left ~1.5 GB of dirty pages that the kernel
 * wrote back some 30 s later, in the middle of the next measurements: one `melding add` took 909 ms
 * instead of ~230 while it did (5-12-2026). `sync` waits until everything is on disk.
 */
export function naarSchijf(): void {
  spawnSync('sync', { stdio: 'ignore' });
}
