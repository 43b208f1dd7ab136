/**
 * On a shared database the connection is started before the command tree is built: the server
 * forks a session and checks the password while this process parses the command line, instead of
 * after it. Only a guess from the raw arguments; the command decides later whether it uses it.
 */
import { isPostgresAdres } from '../store/adres.js';
import type { Db } from '../store/db.js';
import type { Env } from './context.js';

export interface VroegeVerbinding {
  adres: string;
  db: Promise<Db>;
  /** Set once `db` has settled either way. */
  klaar: boolean;
  /** The socket, while it is still being set up: cut when the command turns out not to need it. */
  client?: { connection?: { stream?: { destroy?: () => void } } };
}

/** Commands that never open the database this way (init makes it; help and version read nothing). */
const ZONDER = new Set(['init', 'help']);

/** The PostgreSQL address this run will most likely open: --db as given, else KVZ_DB. */
export function vroegAdres(argv: readonly string[], env: Env): string | undefined {
  const eind = argv.indexOf('--');
  const args = eind === -1 ? argv : argv.slice(0, eind);
  if (args.some((a) => a === '--help' || a === '-h' || a === '--version' || a === '-V')) return undefined;
  if (env.KVZ_GEBRUIKER) return undefined;
  let adres = env.KVZ_DB;
  let commando: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--db') adres = args[++i];
    else if (a.startsWith('--db=')) adres = a.slice('--db='.length);
    // --gebruiker and KVZ_GEBRUIKER are refused on PostgreSQL before anything is opened.
    else if (a === '--gebruiker' || a.startsWith('--gebruiker=')) return undefined;
    else if (!a.startsWith('-')) commando ??= a;
  }
  if (commando === undefined || ZONDER.has(commando)) return undefined;
  return adres !== undefined && isPostgresAdres(adres) ? adres : undefined;
}

/**
 * Starts connecting to `adres` and resolves once the connection is under way (or has failed: that
 * failure is reported only if the command turns out to need the database).
 */
export async function begin(adres: string, env: Env): Promise<VroegeVerbinding> {
  let gestart!: () => void;
  const onderweg = new Promise<void>((klaar) => (gestart = klaar));
  const v: VroegeVerbinding = { adres, db: undefined as never, klaar: false };
  v.db = import('../store/postgres-open.js').then((m) =>
    m.openPostgres(adres, env, {
      gestart: (client) => {
        v.client = client as VroegeVerbinding['client'];
        gestart();
      },
    }),
  );
  const klaar = v.db.then(
    () => void (v.klaar = true),
    () => void (v.klaar = true),
  );
  await Promise.race([onderweg, klaar]);
  return v;
}

/**
 * Closes a connection the command did not take, without waiting for a server that is still
 * answering: a half-made connection is cut, a made one is closed the usual way.
 */
export async function sluitOngebruikt(v: VroegeVerbinding | undefined): Promise<void> {
  if (!v) return;
  if (v.klaar) return void (await v.db.then((db) => db.sluit(), () => undefined));
  v.client?.connection?.stream?.destroy?.();
  // Still loading the driver: close it as soon as it is there (closing does not hold the process).
  void v.db.then((db) => db.sluit(), () => undefined);
}
