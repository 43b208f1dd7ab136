/**
 * Text from outside (an echoed flag value in an error, a row another tool wrote into the audit log)
 * must not steer the terminal: escape sequences could recolour, retitle or wipe the screen, and
 * direction overrides disguise text. Such characters are shown as visible escapes instead.
 */
const STUURTEKENS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

function escape(teken: string): string {
  const code = teken.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Control characters and direction overrides become visible escapes; newlines and tabs stay. */
export function zichtbaar(tekst: string): string {
  return tekst.toWellFormed().replace(STUURTEKENS, escape);
}

const LANG_CITAAT = /'([^'\n]{81,})'/g;

/**
 * An error message is one line: newlines and tabs are escaped too, and an echoed value that is
 * absurdly long is shortened so the sentence around it stays readable.
 */
export function foutregel(bericht: string): string {
  const kort = bericht.replace(LANG_CITAAT, (_m, waarde: string) => `'${[...waarde].slice(0, 60).join('')}…' (${[...waarde].length} tekens)`);
  return zichtbaar(kort).replace(/[\n\r\t]/g, escape);
}
