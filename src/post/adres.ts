/**
 * E-mail addresses and the SMTP address as people type them (SPEC §8): checked before anything is
 * written, so a header can never be broken open by a line break and a password never lands in a
 * stored URL.
 */
import { UsageError } from '../domain/errors.js';

/** One address: local part, @, a domain with a dot (or localhost); no spaces, quotes or brackets. */
const ADRES = /^[^\s@,;<>"()[\]\\]{1,64}@(?:localhost|[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+)$/;

/** Refuses a line break or other control character in a header value (exit 2). */
export function zonderRegeleinde(waarde: string, veld: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(waarde)) {
    throw new UsageError(`${veld} bevat een regeleinde of stuurteken; dat kan niet in een e-mailkop. Geef de waarde op één regel.`);
  }
  return waarde;
}

/** One e-mail address, trimmed. */
export function leesEmail(invoer: string, veld: string): string {
  const adres = zonderRegeleinde(invoer, veld).trim();
  if (adres.length > 254 || !ADRES.test(adres)) {
    throw new UsageError(`${veld}: "${adres}" is geen e-mailadres; verwacht bijvoorbeeld meldpunt@koggenland.nl.`);
  }
  return adres;
}

/** A comma list of e-mail addresses, without doubles, in the order given. */
export function leesEmails(invoer: string, veld: string): string[] {
  const delen = zonderRegeleinde(invoer, veld)
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d !== '');
  if (delen.length === 0) throw new UsageError(`${veld} is leeg; geef een of meer e-mailadressen, gescheiden door komma's.`);
  if (delen.length > 20) throw new UsageError(`${veld} heeft ${delen.length} adressen; geef er hoogstens 20.`);
  const uit: string[] = [];
  for (const d of delen) {
    const adres = leesEmail(d, veld);
    if (!uit.some((a) => a.toLowerCase() === adres.toLowerCase())) uit.push(adres);
  }
  return uit;
}

export interface SmtpAdres {
  /** smtps: TLS from the first byte; smtp: STARTTLS (required unless the server is this machine). */
  veilig: boolean;
  host: string;
  poort: number;
  gebruiker?: string;
  /** The URL as stored and shown: never with a password. */
  tekst: string;
}

const LOKAAL = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLokaal(host: string): boolean {
  return LOKAAL.has(host.toLowerCase());
}

/** `smtp://[gebruiker@]host:poort` or `smtps://…`; a password in it is refused (it belongs in KVZ_SMTP_WACHTWOORD). */
export function leesSmtp(invoer: string, veld: string): SmtpAdres {
  zonderRegeleinde(invoer, veld);
  let url: URL;
  try {
    url = new URL(invoer.trim());
  } catch {
    throw new UsageError(`${veld}: "${invoer}" is geen SMTP-adres; verwacht smtp://server:587 of smtps://gebruiker@server:465.`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new UsageError(`${veld}: het adres begint met ${url.protocol}//; verwacht smtp:// of smtps://.`);
  }
  if (url.password) {
    throw new UsageError(`${veld} bevat een wachtwoord; zet het wachtwoord in de variabele KVZ_SMTP_WACHTWOORD, nooit in het adres.`);
  }
  if (!url.hostname) throw new UsageError(`${veld}: de server ontbreekt; verwacht smtp://server:587.`);
  if ((url.pathname && url.pathname !== '/') || url.search || url.hash) {
    throw new UsageError(`${veld}: alleen server, poort en gebruiker horen in het adres (smtp://gebruiker@server:587).`);
  }
  const veilig = url.protocol === 'smtps:';
  const poort = url.port ? Number(url.port) : veilig ? 465 : 587;
  const gebruiker = url.username ? decodeURIComponent(url.username) : undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const tekst = `${url.protocol}//${url.username ? `${url.username}@` : ''}${url.hostname}:${poort}`;
  return { veilig, host, poort, ...(gebruiker ? { gebruiker } : {}), tekst };
}
