/**
 * A real SMTP server inside the test process (smtp-server), and what reaches it parsed by mailparser:
 * the tests see a message as a mailbox would.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Ontvangen {
  /** The envelope: who the server was asked to deliver to. */
  aan: string[];
  van: string;
  ruw: string;
  mail: ParsedMail;
}

export interface TestSmtp {
  poort: number;
  /** smtp://127.0.0.1:<poort> (smtps:// with tls 'direct') */
  url: string;
  ontvangen: Ontvangen[];
  /** Recipients the server refuses for good (550). */
  weiger: Set<string>;
  /** Answer every message with 451 (try later) while true. */
  uitstellen: boolean;
  stop(): Promise<void>;
}

export interface SmtpOpties {
  /** Where it listens: 127.0.0.2 is this machine too, but not a name kvz treats as local (so TLS is required). */
  host?: string;
  /** Plain (default), STARTTLS offered, or TLS from the first byte; both with smtp-server's own self-signed certificate. */
  tls?: 'geen' | 'starttls' | 'direct';
  /** A server that requires a login with these credentials (offered over plain SMTP: this machine only). */
  login?: { gebruiker: string; wachtwoord: string };
}

export async function startSmtp(opties: SmtpOpties = {}): Promise<TestSmtp> {
  const host = opties.host ?? '127.0.0.1';
  const tls = opties.tls ?? 'geen';
  const t: Partial<TestSmtp> & { ontvangen: Ontvangen[]; weiger: Set<string>; uitstellen: boolean } = {
    ontvangen: [],
    weiger: new Set(),
    uitstellen: false,
  };
  const server = new SMTPServer({
    authOptional: !opties.login,
    allowInsecureAuth: !!opties.login,
    disabledCommands: [...(tls === 'starttls' ? [] : ['STARTTLS']), ...(opties.login ? [] : ['AUTH'])],
    onAuth(auth, _sessie, klaar) {
      const l = opties.login;
      if (l && auth.username === l.gebruiker && auth.password === l.wachtwoord) return klaar(null, { user: auth.username });
      const e = new Error('Gebruikersnaam of wachtwoord onjuist') as Error & { responseCode: number };
      e.responseCode = 535;
      klaar(e);
    },
    secure: tls === 'direct',
    logger: false,
    onRcptTo(adres, _sessie, klaar) {
      if (t.weiger.has(adres.address)) {
        const e = new Error('Mailbox onbekend') as Error & { responseCode: number };
        e.responseCode = 550;
        return klaar(e);
      }
      klaar();
    },
    onData(stroom, sessie, klaar) {
      const delen: Buffer[] = [];
      stroom.on('data', (d: Buffer) => delen.push(d));
      stroom.on('end', () => {
        if (t.uitstellen) {
          const e = new Error('Probeer het later') as Error & { responseCode: number };
          e.responseCode = 451;
          return klaar(e);
        }
        const ruw = Buffer.concat(delen).toString('utf8');
        simpleParser(ruw).then(
          (mail) => {
            t.ontvangen.push({
              aan: sessie.envelope.rcptTo.map((r) => r.address),
              van: sessie.envelope.mailFrom ? sessie.envelope.mailFrom.address : '',
              ruw,
              mail,
            });
            klaar();
          },
          (e: Error) => klaar(e),
        );
      });
    },
  });
  // A client that gives up during the TLS handshake (as kvz must, on an untrusted certificate) is
  // an error on the server's side; for this test server it is expected, not a failure.
  server.on('error', () => {});
  await new Promise<void>((klaar) => server.listen(0, host, () => klaar()));
  const poort = (server.server.address() as { port: number }).port;
  t.poort = poort;
  t.url = `${tls === 'direct' ? 'smtps' : 'smtp'}://${host}:${poort}`;
  t.stop = () => new Promise<void>((klaar) => server.close(() => klaar()));
  return t as TestSmtp;
}

/** A free local port that nothing listens on: a mail server that is away. */
export async function dichtePoort(): Promise<number> {
  const { createServer } = await import('node:net');
  const s = createServer();
  await new Promise<void>((klaar) => s.listen(0, '127.0.0.1', () => klaar()));
  const poort = (s.address() as { port: number }).port;
  await new Promise<void>((klaar) => s.close(() => klaar()));
  return poort;
}
