/**
 * node-postgres, loaded when a shared database is opened (never for a file). pg asks at load whether
 * it runs in a Cloudflare Worker by building a fetch Response, which on Node 20 loads undici: 20–35 ms
 * of a command's start. A plain `navigator` (as Node 21 and later have) answers that question instead.
 */
import type pg from 'pg';
import type Cursor from 'pg-cursor';

export interface PgModules {
  pg: typeof pg;
  Cursor: typeof Cursor;
}

let geladen: Promise<PgModules> | undefined;

export function laadPg(): Promise<PgModules> {
  geladen ??= (async () => {
    const g = globalThis as { navigator?: unknown };
    const eigen = g.navigator === undefined;
    if (eigen) g.navigator = { userAgent: `Node.js/${process.versions.node}` };
    try {
      const [p, c] = await Promise.all([import('pg'), import('pg-cursor')]);
      return { pg: p.default, Cursor: c.default };
    } finally {
      if (eigen) delete g.navigator;
    }
  })();
  return geladen;
}
