/**
 * Text from outside (an echoed flag value in an error, a row another tool wrote into the audit log)
 * must not steer the terminal: escape sequences could recolour, retitle or wipe the screen, and
 * direction overrides disguise text. Such characters are shown as visible escapes instead.
 */
// C0 and C1 control characters but newline and tab, direction overrides and isolates, zero-width
// characters and line separators (they hide or disguise text).
const ONZICHTBAAR = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u200b-\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';
const STUURTEKENS = new RegExp(`[${ONZICHTBAAR}]`, 'gu');
const ER_IS_IETS = new RegExp(`[${ONZICHTBAAR}]`, 'u');
/** What kvz writes itself besides text: colour (SGR) sequences. Every other escape sequence is shown. */
const UITVOER = new RegExp(`\\u001b\\[[0-9;]*m|[${ONZICHTBAAR}]`, 'gu');
const IN_JSON = /[\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

function escape(teken: string): string {
  const code = teken.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Control characters and direction overrides become visible escapes; newlines and tabs stay. */
export function zichtbaar(tekst: string): string {
  return tekst.toWellFormed().replace(STUURTEKENS, escape);
}

/**
 * The last line of defence for everything kvz prints as text: kvz's own colours pass, any other
 * escape sequence (a screen wipe, a clipboard write, a retitle) and every invisible or
 * direction-changing character from stored or imported text is shown as a visible escape.
 */
export function veiligeUitvoer(tekst: string): string {
  if (!ER_IS_IETS.test(tekst)) return tekst;
  return tekst.toWellFormed().replace(UITVOER, (m) => (m.length > 1 ? m : escape(m)));
}

/** JSON with the characters JSON.stringify leaves raw (C1, bidi, zero-width) as \\u escapes: the same data. */
export function veiligeJson(json: string): string {
  return json.replace(IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
