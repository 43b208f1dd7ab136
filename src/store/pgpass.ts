/**
 * The password file of libpq (~/.pgpass, or PGPASSFILE), read as psql reads it: lines of
 * host:port:database:user:password, a bare `*` matching anything, `\:` `\\` `\*` escaped, the
 * password ending at the first unescaped colon, the first match winning, a Unix socket in the
 * default directory counting as `localhost`, and a file others can read ignored. kvz reads it itself rather than through node-postgres,
 * which warns on every start that it will stop doing so, and reads it only when the server asks.
 */
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface PgpassDoel {
  host: string;
  port: string;
  database: string;
  user: string;
}

export interface PgpassUitkomst {
  wachtwoord?: string;
  /** The file, when it exists but others may read it (and so was not used). */
  teOpen?: string;
}

export function pgpassBestand(env: Record<string, string | undefined>): string | undefined {
  if (env.PGPASSFILE) return env.PGPASSFILE;
  const thuis = env.HOME || homedir();
  return thuis ? join(thuis, '.pgpass') : undefined;
}

/** One field: its unescaped text, and whether it was a bare `*` (an escaped `\*` is a literal star). */
interface Veld {
  tekst: string;
  alles: boolean;
}

/** Splits a line at its unescaped colons, unescaping `\:`, `\\` and `\*`. */
function velden(regel: string): Veld[] {
  const uit: Veld[] = [];
  let tekst = '';
  let ruw = '';
  for (let i = 0; i < regel.length; i++) {
    const c = regel[i]!;
    if (c === '\\' && i + 1 < regel.length) {
      tekst += regel[++i];
      ruw += c + regel[i];
    } else if (c === ':') {
      uit.push({ tekst, alles: ruw === '*' });
      tekst = ruw = '';
    } else {
      tekst += c;
      ruw += c;
    }
  }
  uit.push({ tekst, alles: ruw === '*' });
  return uit;
}

/** Where libpq puts its socket by default; a socket there is `localhost` in the file. */
const STANDAARD_SOCKETMAPPEN = new Set(['/var/run/postgresql', '/run/postgresql', '/tmp']);

export function zoekInPgpass(env: Record<string, string | undefined>, doel: PgpassDoel): PgpassUitkomst {
  const bestand = pgpassBestand(env);
  if (!bestand) return {};
  let inhoud: string;
  try {
    const st = statSync(bestand);
    if (!st.isFile()) return {};
    if (st.mode & 0o077) return { teOpen: bestand };
    inhoud = readFileSync(bestand, 'utf8');
  } catch {
    return {};
  }
  // A server reached through the default socket directory is "localhost" in the file, as for psql;
  // any other socket directory is matched by its path.
  const host = STANDAARD_SOCKETMAPPEN.has(doel.host.replace(/\/+$/, '')) ? 'localhost' : doel.host;
  for (const regel of inhoud.split(/\r?\n/)) {
    if (regel.trim() === '' || regel.startsWith('#')) continue;
    const v = velden(regel);
    if (v.length < 5) continue;
    const [h, p, d, u, w] = v;
    const past = (veld: Veld, waarde: string) => veld.alles || veld.tekst === waarde;
    if (past(h!, host) && past(p!, doel.port) && past(d!, doel.database) && past(u!, doel.user)) return { wachtwoord: w!.tekst };
  }
  return {};
}
