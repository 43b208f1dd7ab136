/**
 * Where mail goes (SPEC §8): SMTP from KVZ_SMTP (password only from KVZ_SMTP_WACHTWOORD) or from
 * `kvz instelling mail --smtp`, the environment winning; without SMTP, drafts in KVZ_POSTMAP. Read
 * before anything is written, so a malformed setting refuses the command instead of a half-sent one.
 */
import { join } from 'node:path';
import type { Db } from '../store/db.js';
import { dataMap } from '../store/locatie.js';
import { leesEmail, leesSmtp, type SmtpAdres } from './adres.js';

type Env = Record<string, string | undefined>;

export interface PostInstellingen {
  /** Whether this database may mail at all (a copy may not). */
  aan: boolean;
  smtp?: SmtpAdres;
  wachtwoord?: string;
  afzender?: string;
  /** Where drafts go when there is no SMTP server. */
  postmap: string;
}

export function postmap(env: Env): string {
  const eigen = env.KVZ_POSTMAP?.trim();
  return eigen ? eigen : join(dataMap(env), 'uitgaand');
}

/** The settings stored in the database (without a password: that is never stored). */
export async function opgeslagen(db: Db): Promise<{ smtp?: string; afzender?: string }> {
  const rijen = await db.alle<{ sleutel: string; waarde: string }>(`SELECT sleutel, waarde FROM instelling WHERE sleutel IN ('smtp', 'afzender')`);
  const uit: { smtp?: string; afzender?: string } = {};
  for (const r of rijen) uit[r.sleutel as 'smtp' | 'afzender'] = r.waarde;
  return uit;
}

export async function postInstellingen(db: Db, env: Env): Promise<PostInstellingen> {
  // One read for the three settings: this runs on every forwarding at the front desk.
  const rijen = await db.alle<{ sleutel: string; waarde: string }>(`SELECT sleutel, waarde FROM instelling WHERE sleutel IN ('smtp', 'afzender', 'mail')`);
  const waarde = (k: string) => rijen.find((r) => r.sleutel === k)?.waarde;
  const smtpTekst = env.KVZ_SMTP?.trim() || waarde('smtp');
  const afzender = env.KVZ_AFZENDER?.trim() || waarde('afzender');
  const p: PostInstellingen = { aan: waarde('mail') !== 'uit', postmap: postmap(env) };
  if (smtpTekst) p.smtp = leesSmtp(smtpTekst, env.KVZ_SMTP?.trim() ? 'KVZ_SMTP' : 'de opgeslagen SMTP-server');
  if (afzender) p.afzender = leesEmail(afzender, env.KVZ_AFZENDER?.trim() ? 'KVZ_AFZENDER' : 'de opgeslagen afzender');
  if (env.KVZ_SMTP_WACHTWOORD) p.wachtwoord = env.KVZ_SMTP_WACHTWOORD;
  return p;
}
