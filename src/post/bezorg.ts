/**
 * Delivering one stored message (SPEC §8): by SMTP through nodemailer, with TLS and certificate
 * checks except towards this machine; or, without an SMTP server, as an RFC 5322 draft with
 * `X-Unsent: 1` (Outlook opens it as a message to send) in the post folder, 0600 in a 0700 folder.
 * What went wrong is sorted the way a retry needs it: temporary (wacht) or permanent (mislukt).
 */
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';
import type { SMTPTransportOptions } from 'nodemailer/lib/smtp-transport';
import { isLokaal } from './adres.js';
import { kanAlsTekst, tekstBericht, type TekstBericht } from './eml.js';
import type { PostInstellingen } from './instellingen.js';

/** What delivery needs of a stored message. */
export interface TeBezorgen {
  object: string;
  soort: string;
  aan: string;
  onderwerp: string;
  tekst: string;
  melder_tekst: string | null;
  message_id: string;
  /** An invitation's iCalendar text: sent as the text/calendar alternative calendars act on. */
  kalender?: string | null;
  /** A document to attach, base64, with its file name. */
  bijlage?: string | null;
  bijlage_naam?: string | null;
}

export interface Bezorging {
  status: 'verzonden' | 'klaargezet' | 'wacht' | 'mislukt';
  fout?: string;
  bestand?: string;
}

/** The sender's name in the From header. */
const AFZENDER_NAAM = 'Integrale Veiligheid Koggenland';

/** The body: the melder's data, where the message has them, just above the signature. */
export function berichtTekst(b: Pick<TeBezorgen, 'tekst' | 'melder_tekst'>): string {
  if (!b.melder_tekst) return b.tekst;
  const i = b.tekst.lastIndexOf('\n-- \n');
  return i === -1 ? `${b.tekst}\n\n${b.melder_tekst}\n` : `${b.tekst.slice(0, i)}\n\n${b.melder_tekst}\n${b.tekst.slice(i)}`;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The iCalendar part: its METHOD in the Content-Type, as calendars expect. */
function kalenderDeel(kalender: string) {
  const annuleer = /^METHOD:CANCEL\r?$/m.test(kalender);
  return { method: annuleer ? 'CANCEL' : 'REQUEST', filename: annuleer ? 'annulering.ics' : 'uitnodiging.ics', content: kalender };
}

function adressen(b: Pick<TeBezorgen, 'aan'>): string[] {
  return b.aan.split(',').map((a) => a.trim()).filter(Boolean);
}

function mailOpties(b: TeBezorgen, p: PostInstellingen, nu: Date, concept: boolean) {
  return {
    ...(p.afzender ? { from: { name: AFZENDER_NAAM, address: p.afzender } } : {}),
    to: adressen(b),
    subject: b.onderwerp,
    text: berichtTekst(b),
    messageId: b.message_id,
    date: nu,
    textEncoding: 'quoted-printable' as const,
    headers: concept ? { 'X-Unsent': '1' } : {},
    ...(b.kalender ? { icalEvent: kalenderDeel(b.kalender) } : {}),
    ...(b.bijlage && b.bijlage_naam ? { attachments: [{ filename: b.bijlage_naam, content: Buffer.from(b.bijlage, 'base64'), contentType: DOCX }] } : {}),
  };
}

/** Whether kvz writes the message itself: text only, every address plain ASCII (src/post/eml.ts). */
function alsTekst(b: TeBezorgen, afzender: string | undefined, aan: string[]): boolean {
  return !b.kalender && !b.bijlage && kanAlsTekst(afzender ? [...aan, afzender] : aan);
}

/** The same message for kvz's own writer (src/post/eml.ts), as mailOpties gives it to nodemailer. */
function tekstOpties(b: TeBezorgen, p: PostInstellingen, nu: Date, concept: boolean): TekstBericht {
  return {
    ...(p.afzender ? { van: { naam: AFZENDER_NAAM, adres: p.afzender } } : {}),
    aan: adressen(b),
    onderwerp: b.onderwerp,
    tekst: berichtTekst(b),
    messageId: b.message_id,
    datum: nu,
    ...(concept ? { koppen: { 'X-Unsent': '1' } } : {}),
  };
}

/**
 * A draft as RFC 5322 bytes. A text-only message (a forwarding, a melder's confirmation) is written by
 * kvz itself: nodemailer's composer cost the desk's `melding add` ~30 ms (src/post/eml.ts). One with a
 * calendar part or an attachment goes through nodemailer.
 */
async function concept(b: TeBezorgen, p: PostInstellingen, nu: Date): Promise<string | Buffer> {
  if (alsTekst(b, p.afzender, adressen(b))) return tekstBericht(tekstOpties(b, p, nu, true));
  const MailComposer = (await import('nodemailer/lib/mail-composer')).default;
  return new MailComposer(mailOpties(b, p, nu, true)).compile().build();
}

/** Delivers messages with one connection per run; `sluit` when done. */
export class Bezorger {
  private transport?: Transporter;

  constructor(
    private readonly p: PostInstellingen,
    private readonly nu: Date,
  ) {}

  /** SMTP, or drafts in the post folder. */
  get wijze(): 'smtp' | 'concept' {
    return this.p.smtp ? 'smtp' : 'concept';
  }

  async bezorg(b: TeBezorgen): Promise<Bezorging> {
    return this.p.smtp ? this.verstuur(b) : this.zetKlaar(b);
  }

  private async verstuur(b: TeBezorgen): Promise<Bezorging> {
    const smtp = this.p.smtp!;
    if (!this.p.afzender) return { status: 'wacht', fout: 'geen afzender ingesteld (KVZ_AFZENDER of kvz instelling mail --afzender)' };
    if (smtp.gebruiker && this.p.wachtwoord === undefined) {
      return { status: 'wacht', fout: `geen wachtwoord voor ${smtp.gebruiker} (KVZ_SMTP_WACHTWOORD)` };
    }
    try {
      const aan = adressen(b);
      const info = alsTekst(b, this.p.afzender, aan) ? await this.verstuurTekst(b, this.p.afzender, aan) : await this.verstuurMime(b);
      const geweigerd = (info.rejected ?? []).map((a) => (typeof a === 'string' ? a : (a as { address?: string }).address ?? String(a)));
      // Accepted for some recipients: sent (it cannot be unsent), with who did not get it.
      if (geweigerd.length > 0) return { status: 'verzonden', fout: `niet aangenomen voor ${geweigerd.join(', ')}` };
      return { status: 'verzonden' };
    } catch (e) {
      return soortFout(e, smtp.tekst);
    }
  }

  /** How nodemailer connects: TLS and its checks as SPEC §8 asks, and the time-outs. */
  private smtpOpties(): SMTPTransportOptions {
    const smtp = this.p.smtp!;
    const lokaal = isLokaal(smtp.host);
    return {
      host: smtp.host,
      port: smtp.poort,
      secure: smtp.veilig,
      // STARTTLS is required except towards this machine; certificates are always checked.
      requireTLS: !smtp.veilig && !lokaal,
      // Towards this machine (a local relay) plain SMTP as given; STARTTLS with a checked certificate everywhere else.
      ignoreTLS: !smtp.veilig && lokaal,
      tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2' },
      ...(smtp.gebruiker ? { auth: { user: smtp.gebruiker, pass: this.p.wachtwoord! } } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    };
  }

  /**
   * A text-only message, written by kvz (src/post/eml.ts), over nodemailer's SMTP connection: the steps
   * its SMTP transport takes for one message (connect, log in where the server offers it, send, close),
   * without the mailer and composer that build the message first (~30 ms of a mailing `melding add`).
   */
  private async verstuurTekst(b: TeBezorgen, afzender: string, aan: string[]): Promise<{ rejected?: unknown[] }> {
    const { default: SMTPConnection } = await import('nodemailer/lib/smtp-connection');
    const opties = this.smtpOpties();
    const bericht = tekstBericht(tekstOpties(b, this.p, this.nu, false));
    return new Promise((klaar, mis) => {
      const verbinding = new SMTPConnection(opties);
      let af = false;
      const einde = (fout: unknown, info?: { rejected?: unknown[] }) => {
        if (af) return;
        af = true;
        verbinding.close();
        if (fout) mis(fout);
        else klaar(info!);
      };
      verbinding.once('error', (e) => einde(e));
      const stuur = () => verbinding.send({ from: afzender, to: aan }, bericht, (e, info) => einde(e, info));
      verbinding.connect((e?: unknown) => {
        if (af) return;
        if (e) return einde(e);
        const wie = this.p.smtp!.gebruiker;
        // As the transport logs in: only where the server offers it, with the credentials as it passes them.
        if (wie && verbinding.allowsAuth) verbinding.login({ user: wie, credentials: { user: wie, pass: this.p.wachtwoord! } }, (f) => (f ? einde(f) : stuur()));
        else stuur();
      });
    });
  }

  /** A message with a calendar part or an attachment: nodemailer's mailer and SMTP transport. */
  private async verstuurMime(b: TeBezorgen): Promise<{ rejected?: unknown[] }> {
    if (!this.transport) {
      // The mailer and its SMTP transport only, as nodemailer.createTransport builds them for these
      // options: its index also loads the pool, SES, sendmail, stream and JSON transports (a quarter of
      // its 195 KB), which kvz never uses.
      const [{ default: Mail }, { default: SMTPTransport }] = await Promise.all([import('nodemailer/lib/mailer'), import('nodemailer/lib/smtp-transport')]);
      const opties = this.smtpOpties();
      this.transport = new Mail(new SMTPTransport(opties), opties);
    }
    return (await this.transport.sendMail(mailOpties(b, this.p, this.nu, false))) as { rejected?: unknown[] };
  }

  private async zetKlaar(b: TeBezorgen): Promise<Bezorging> {
    const map = this.p.postmap;
    try {
      mkdirSync(map, { recursive: true, mode: 0o700 });
      if ((statSync(map).mode & 0o077) !== 0) chmodSync(map, 0o700);
      const naam = `${this.nu.toISOString().slice(0, 10)}-${b.object}-${b.soort}-${b.message_id.slice(1, 9)}.eml`.replace(/[^A-Za-z0-9.-]+/g, '-');
      const pad = join(map, naam);
      const inhoud = await concept(b, this.p, this.nu);
      writeFileSync(pad, inhoud, { mode: 0o600 });
      chmodSync(pad, 0o600);
      return { status: 'klaargezet', bestand: pad };
    } catch (e) {
      return { status: 'wacht', fout: `concept niet geschreven in ${map}: ${(e as Error).message}` };
    }
  }

  sluit(): void {
    this.transport?.close();
  }
}

const CERTIFICAAT = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|certificate/i;

/** A delivery failure as wacht (try again later) or mislukt (the same message would fail again). */
export function soortFout(e: unknown, waar: string): Bezorging {
  const f = e as { code?: string; originalCode?: string; responseCode?: number; permanent?: boolean; response?: string; message?: string };
  const antwoord = (f.response ?? f.message ?? String(e)).replace(/\s+/g, ' ').slice(0, 300);
  // A 4xx answer or a connection that broke off is worth another try, whatever step it happened in.
  const tijdelijk = (f.responseCode !== undefined && f.responseCode >= 400 && f.responseCode < 500) || f.responseCode === 503
    || ['ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'EPIPE', 'EAI_AGAIN'].includes(f.originalCode ?? '');
  if (f.code === 'EAUTH' && !tijdelijk) return { status: 'mislukt', fout: `de server ${waar} weigert de aanmelding: ${antwoord}` };
  if (!tijdelijk && (CERTIFICAAT.test(f.originalCode ?? '') || CERTIFICAAT.test(f.message ?? '') || f.code === 'ETLS')) {
    return { status: 'mislukt', fout: `het certificaat of de versleuteling van ${waar} wordt niet vertrouwd: ${antwoord}` };
  }
  if (f.permanent === true || (f.responseCode !== undefined && f.responseCode >= 500 && f.responseCode !== 503)) {
    return { status: 'mislukt', fout: `de server ${waar} weigert het bericht: ${antwoord}` };
  }
  if (f.code === 'EENVELOPE' && f.responseCode === undefined) return { status: 'mislukt', fout: `ongeldige ontvanger: ${antwoord}` };
  if (f.responseCode !== undefined) return { status: 'wacht', fout: `de server ${waar} stelt het bericht uit: ${antwoord}` };
  return { status: 'wacht', fout: `de server ${waar} is niet bereikbaar: ${antwoord}` };
}
