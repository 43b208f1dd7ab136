// kvz's own writer of text-only messages (src/post/eml.ts) against nodemailer's composer: both read
// back with mailparser must give the same message, for the texts kvz writes and for awkward ones.
import { simpleParser, type ParsedMail } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { describe, expect, it } from 'vitest';
import { kanAlsTekst, kopregel, quotedPrintable, tekstBericht, type TekstBericht } from '../../src/post/eml.js';

const LANG = Array.from({ length: 40 }, (_, i) => `woord${i}`).join(' ');

const gevallen: Array<[string, Omit<TekstBericht, 'van' | 'messageId' | 'datum' | 'aan'>]> = [
  ['a forwarding as kvz writes it', { onderwerp: 'Melding M-2027-0042: jeugdoverlast in Spierdijk', tekst: 'Melding M-2027-0042\nOntvangen: di 16-03-2027 09:30\n\nOmschrijving:\nGroep jongeren bij de snackbar.\n\n-- \nIntegrale Veiligheid Koggenland\n' }],
  ['accents, a dash and an emoji in subject and body', { onderwerp: 'Melding M-1: overlast café in Oudendijk — héél vervelend 😀', tekst: 'Één regel met é, ë, ß en 😀.\nEn = tekens, =?UTF-8?Q?x?= en tabs\tin de tekst.' }],
  ['a long subject folded over lines', { onderwerp: `Vertrouwelijk: melding M-2027-0001: ${LANG}`, tekst: 'kort' }],
  ['a long non-ASCII subject, one multi-byte character on each fold', { onderwerp: 'ééééééééééééééééééééééééééééééééééééééééééééééééééééé😀😀😀😀😀😀😀😀😀😀😀😀', tekst: 'x' }],
  ['long lines, trailing spaces and tabs, CRLF line ends', { onderwerp: 'Regels', tekst: `${LANG} ${LANG}\r\neinde met spaties   \r\neinde met tab\t\r\nlaatste=regel=\n.begint met punt\nFrom het begin\n` }],
  ['a line of exactly 76 characters and one of 75 then an escape', { onderwerp: 'Randen', tekst: `${'a'.repeat(76)}\n${'b'.repeat(74)}é\n${'c'.repeat(75)}=\n${'d'.repeat(73)} \n` }],
  ['an empty body and a subject with double spaces', { onderwerp: 'Twee  spaties   hier', tekst: '' }],
];

async function lees(bron: string | Buffer): Promise<ParsedMail> {
  return simpleParser(bron);
}

function inhoud(m: ParsedMail) {
  return {
    van: m.from?.value,
    aan: (Array.isArray(m.to) ? m.to : [m.to]).flatMap((t) => t?.value ?? []),
    onderwerp: m.subject,
    tekst: m.text,
    messageId: m.messageId,
    datum: m.date?.toISOString(),
    unsent: m.headers.get('x-unsent'),
  };
}

describe('text-only messages without nodemailer', () => {
  for (const [naam, g] of gevallen) {
    it(`reads back as nodemailer's: ${naam}`, async () => {
      const b: TekstBericht = {
        ...g,
        van: { naam: 'Integrale Veiligheid Koggenland', adres: 'iv@koggenland.nl' },
        aan: ['meldingen@politie.example', 'jongerenwerk@koggenland.nl'],
        messageId: '<0f3a9c2e.1@kvz.koggenland>',
        datum: new Date('2027-03-28T01:30:00Z'),
        koppen: { 'X-Unsent': '1' },
      };
      const eigen = tekstBericht(b);
      const nm = await new MailComposer({
        from: { name: b.van!.naam, address: b.van!.adres },
        to: [...b.aan],
        subject: b.onderwerp,
        text: b.tekst,
        messageId: b.messageId,
        date: b.datum,
        textEncoding: 'quoted-printable',
        headers: { 'X-Unsent': '1' },
      }).compile().build();
      const [a, c] = [inhoud(await lees(eigen)), inhoud(await lees(nm))];
      expect(a).toEqual(c);
      // And what each reader should see, not only agreement: the text as given (line ends as LF).
      expect((a.tekst ?? '').replace(/\n$/, '')).toBe(g.tekst.replace(/\r\n?/g, '\n').replace(/\n$/, ''));
      expect(a.onderwerp).toBe(g.onderwerp);
      expect(a.unsent).toBe('1');
      // RFC 5322: CRLF only, no line over 78 characters in the header or 76 in the body.
      expect(eigen).not.toMatch(/[^\r]\n|\r[^\n]/);
      const scheiding = eigen.indexOf('\r\n\r\n');
      const [kop, lijf] = [eigen.slice(0, scheiding), eigen.slice(scheiding + 4)];
      // 78 for a header line, 76 for one with an encoded word (RFC 2047) and for the body.
      for (const r of kop.split('\r\n')) expect(r.length).toBeLessThanOrEqual(r.includes('=?') ? 76 : 78);
      for (const r of lijf.split('\r\n')) expect(r.length).toBeLessThanOrEqual(76);
      expect(eigen).toMatch(/^[\x00-\x7f]*$/);
    });
  }

  it('never encodes an address, also one with =? in it; a display name is quoted or encoded as needed', async () => {
    const ruw = tekstBericht({
      van: { naam: 'Team "IV" Koggenland', adres: 'iv@koggenland.nl' },
      aan: ['a=?b@koggenland.nl', 'c@koggenland.nl'],
      onderwerp: 'x',
      tekst: 'y',
      messageId: '<1@kvz>',
      datum: new Date('2027-03-16T10:00:00Z'),
    });
    expect(ruw).toContain('To: a=?b@koggenland.nl, c@koggenland.nl\r\n');
    const m = await lees(ruw);
    expect((Array.isArray(m.to) ? m.to : [m.to]).flatMap((t) => t?.value ?? []).map((a) => a.address)).toEqual(['a=?b@koggenland.nl', 'c@koggenland.nl']);
    expect(m.from?.value).toEqual([{ name: 'Team "IV" Koggenland', address: 'iv@koggenland.nl' }]);
    const uitgebreid = await lees(tekstBericht({ van: { naam: 'Integrale Veiligheid Koggenland — Zwaag ë', adres: 'iv@koggenland.nl' }, aan: ['c@koggenland.nl'], onderwerp: 'x', tekst: 'y', messageId: '<2@kvz>', datum: new Date() }));
    expect(uitgebreid.from?.value).toEqual([{ name: 'Integrale Veiligheid Koggenland — Zwaag ë', address: 'iv@koggenland.nl' }]);
  });

  it('leaves an address that is not plain ASCII to nodemailer', () => {
    expect(kanAlsTekst(['meldingen@politie.example', 'a.b-c+d@koggenland.nl'])).toBe(true);
    expect(kanAlsTekst(['meldingen@politie.example', 'jöse@koggenland.nl'])).toBe(false);
  });

  it('folds at spaces and encodes what is not printable ASCII', () => {
    expect(kopregel('Subject', 'kort')).toBe('Subject: kort\r\n');
    expect(kopregel('Subject', 'café')).toBe('Subject: =?UTF-8?Q?caf=C3=A9?=\r\n');
    const lang = kopregel('Subject', LANG);
    expect(lang.split('\r\n').length).toBeGreaterThan(3);
    expect(lang.split('\r\n').slice(1, -1).every((r) => r.startsWith(' '))).toBe(true);
    expect(lang.replace(/\r\n/g, '')).toBe(`Subject: ${LANG}`);
  });

  it('quoted-printable: escapes, trailing white space, and soft breaks that never split an escape', () => {
    expect(quotedPrintable('a=b é \nx\t')).toBe('a=3Db =C3=A9=20\r\nx=09');
    const regels = quotedPrintable('é'.repeat(60)).split('\r\n');
    expect(regels.length).toBeGreaterThan(1);
    for (const r of regels.slice(0, -1)) {
      expect(r.endsWith('=')).toBe(true);
      expect(r.slice(0, -1)).toMatch(/^(=[0-9A-F]{2})+$/);
    }
  });
});
