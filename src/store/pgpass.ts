/**
 * The password file of libpq (~/.pgpass, or PGPASSFILE), read as psql reads it: lines of
 * host:port:database:user:password, `*` matching anything, `\:` and `\\` escaped, the first match
 * wins, and a file others can read is ignored. kvz reads it itself rather than through node-postgres,
 * which warns on every start that it will stop doing so, and reads it only when the server asks.
 */
import { readFileSync, statSync } from 'node:fs';
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
  return env.HOME ? join(env.HOME, '.pgpass') : undefined;
}

/** Splits a line at its unescaped colons, unescaping `\:` and `\\`. */
function velden(regel: string): string[] {
  const uit: string[] = [''];
  for (let i = 0; i < regel.length; i++) {
    const c = regel[i]!;
    if (c === '\\' && i + 1 < regel.length) uit[uit.length - 1] += regel[++i];
    else if (c === ':') uit.push('');
    else uit[uit.length - 1] += c;
  }
  return uit;
}

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
  // A server reached through a Unix socket is "localhost" in the file, as for psql.
  const host = doel.host.startsWith('/') ? 'localhost' : doel.host;
  for (const regel of inhoud.split(/\r?\n/)) {
    if (regel.trim() === '' || regel.startsWith('#')) continue;
    const v = velden(regel);
    if (v.length < 5) continue;
    const [h, p, d, u] = v;
    const wachtwoord = v.slice(4).join(':');
    const past = (veld: string, waarde: string) => veld === '*' || veld === waarde;
    if (past(h!, host) && past(p!, doel.port) && past(d!, doel.database) && past(u!, doel.user)) return { wachtwoord };
  }
  return {};
}
