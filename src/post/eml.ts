/**
 * A plain-text message as RFC 5322 bytes (with MIME 1.0: UTF-8, quoted-printable), written without
 * nodemailer's composer: every text-only message kvz sends or writes as a draft, such as the forwardings of
 * `melding add --doorzetten` and a melder's confirmation (#17).
 *
 * nodemailer's composer is what kvz uses for every message with a calendar part or an attachment.
 * For one text-only message it cost ~30 ms of the desk's `melding add`: its MIME modules (a 200 KB
 * chunk, 85 KB of it a table of file types) and Node's streams and crypto, which it builds the message
 * with. Measured alternately on the region-scale file, with `node -e 0` at 57–75 ms: a `melding add`
 * that writes one draft 157 → 126 ms, one that mails it over SMTP 209 → 179 ms. What such a message
 * needs is small and fixed, below; a test reads both writers' output back with mailparser and finds
 * the same message.
 */

/** What a text-only message holds. */
export interface TekstBericht {
  van?: { naam: string; adres: string };
  aan: readonly string[];
  onderwerp: string;
  tekst: string;
  messageId: string;
  datum: Date;
  /** Extra header lines (ASCII names and values), such as `X-Unsent: 1`. */
  koppen?: Readonly<Record<string, string>>;
}

/** Whether this writer can write the message: text only, and every address plain ASCII. */
export function kanAlsTekst(adressen: readonly string[]): boolean {
  return adressen.every((a) => /^[\x21-\x7e]+$/.test(a));
}

const HEX = '0123456789ABCDEF';
const hex = (b: number) => `=${HEX[b >> 4]}${HEX[b & 15]}`;

/** RFC 2047 encoded words (Q), each at most 75 characters, never splitting a character. */
function gecodeerdeWoorden(waarde: string, eersteRuimte: number): string[] {
  const woorden: string[] = [];
  let huidig = '';
  // 12 characters of "=?UTF-8?Q?" and "?=" around at most 63: a word of at most 75, and a first word
  // that leaves room on its line for the field's name (and holds at least one encoded character).
  let ruimte = Math.max(12, Math.min(63, eersteRuimte - 12));
  for (const teken of waarde) {
    let stuk = '';
    if (/^[A-Za-z0-9!*+\-/]$/.test(teken)) stuk = teken;
    else if (teken === ' ') stuk = '_';
    else for (const b of Buffer.from(teken, 'utf8')) stuk += hex(b);
    if (huidig !== '' && huidig.length + stuk.length > ruimte) {
      woorden.push(`=?UTF-8?Q?${huidig}?=`);
      huidig = '';
      ruimte = 63;
    }
    huidig += stuk;
  }
  if (huidig) woorden.push(`=?UTF-8?Q?${huidig}?=`);
  return woorden;
}

/**
 * One header field, folded before a space so that its lines stay within 78 characters where the value
 * allows. Free text (`tekst`: a subject) that is not plain printable ASCII, or that looks like an
 * encoded word, goes as encoded words, on lines of at most 76 (RFC 2047). Addresses (`adres`) are
 * never encoded: an encoded word is not allowed in an address, and kvz only writes ASCII ones.
 */
export function kopregel(naam: string, waarde: string, soort: 'tekst' | 'adres' = 'tekst'): string {
  const gewoon = soort === 'adres' || (/^[\x20-\x7e]*$/.test(waarde) && !waarde.includes('=?'));
  // Each part after the first begins with the space a line may be folded at.
  const delen = gewoon ? waarde.trim().split(/(?= [^ ])/) : gecodeerdeWoorden(waarde, 76 - naam.length - 2).map((w, i) => (i ? ` ${w}` : w));
  const grens = gewoon ? 78 : 76;
  let regel = `${naam}: ${delen[0] ?? ''}`;
  let uit = '';
  for (const deel of delen.slice(1)) {
    if (regel.length + deel.length > grens) {
      uit += `${regel}\r\n`;
      regel = deel;
    } else regel += deel;
  }
  return `${uit}${regel}\r\n`;
}

/** A display name with its address: as it is, quoted, or (not plain ASCII) as encoded words. */
export function naamEnAdres(naam: string, adres: string): string {
  if (/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]*$/.test(naam) && !naam.includes('=?')) return `${naam} <${adres}>`;
  if (/^[\x20-\x7e]*$/.test(naam) && !naam.includes('=?')) return `"${naam.replace(/["\\]/g, '\\$&')}" <${adres}>`;
  // Room for the words on lines of 76 after "From: " (or a folding space).
  return `${gecodeerdeWoorden(naam, 68).join(' ')} <${adres}>`;
}

/** The body as quoted-printable (RFC 2045): lines of at most 76 characters, CRLF line ends. */
export function quotedPrintable(tekst: string): string {
  const regels = tekst.replace(/\r\n?/g, '\n').split('\n');
  const uit: string[] = [];
  for (const regel of regels) {
    const bytes = Buffer.from(regel, 'utf8');
    let rij = '';
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      const laatste = i === bytes.length - 1;
      let stuk: string;
      if ((b === 0x20 || b === 0x09) && !laatste) stuk = String.fromCharCode(b);
      else if (b >= 0x21 && b <= 0x7e && b !== 0x3d) stuk = String.fromCharCode(b);
      else stuk = hex(b);
      // A soft line break ("=") where the line would pass 76, never inside an escape.
      if (rij.length + stuk.length > (laatste ? 76 : 75)) {
        uit.push(`${rij}=`);
        rij = '';
      }
      rij += stuk;
    }
    uit.push(rij);
  }
  return uit.join('\r\n');
}

/** The date as in a Date header: `Sat, 05 Dec 2026 20:00:00 +0000`. */
function datumKop(d: Date): string {
  return d.toUTCString().replace(/GMT$/, '+0000');
}

/** The whole message, ready to write as a `.eml` file or to send as it is. */
export function tekstBericht(b: TekstBericht): string {
  let kop = '';
  if (b.van) kop += kopregel('From', naamEnAdres(b.van.naam, b.van.adres), 'adres');
  kop += kopregel('To', b.aan.join(', '), 'adres');
  kop += kopregel('Subject', b.onderwerp);
  kop += kopregel('Message-ID', b.messageId, 'adres');
  for (const [naam, waarde] of Object.entries(b.koppen ?? {})) kop += kopregel(naam, waarde);
  kop += kopregel('Date', datumKop(b.datum), 'adres');
  kop += 'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n';
  const lijf = quotedPrintable(b.tekst);
  return `${kop}\r\n${lijf === '' || lijf.endsWith('\r\n') ? lijf : `${lijf}\r\n`}`;
}
