/**
 * What is personal data in the free text of Swedish exports, found strictly
 * enough that dates, case numbers, amounts and organisation numbers are left
 * alone: a personal identity number must be a real date and pass its Luhn
 * check digit; a phone number starts as Swedish numbers do; a plate has the
 * letters Swedish plates use.
 */

export interface Finding {
  kind: string;
  start: number;
  end: number;
}

export interface Pattern {
  kind: string;
  regex: RegExp;
  /** A match that is not what it looks like (a date, a random number) is left alone. */
  accept?: (match: RegExpExecArray) => string | undefined;
}

/**
 * `YYMMDD-NNNC`, `YYYYMMDDNNNC`, with `-`, an en dash (Word's), `+` (over 100 years old), or nothing.
 * Not a space: `20240415 0100` is a date and a time far more often than a personnummer.
 */
const IDENTITY = /(?<![\d-])(?:(19|20)?(\d{2}))(\d{2})(\d{2})[-\u2013+]?(\d{3})(\d)(?![\d-])/g;
/**
 * +46 or 0046 or 0, then 7–9 more digits; between them single spaces (also Excel's no-break
 * space), dashes (also en dashes) or dots; `(0)` after the country code, `(070)` around the area code.
 */
const SEP = '[ \\u00a0\\u202f.\\u2013-]';
const PHONE = new RegExp(`(?<![\\w+])(?:(?:\\+|00)46${SEP}?(?:\\(0\\)${SEP}?)?|0|\\(0(?=\\d{1,3}\\)))(?:\\d\\)?${SEP}?){6,8}\\d(?!\\d)`, 'g');
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** ABC 123 or, since 2019, ABC 12A; Swedish plates use neither I, Q, V nor Å, Ä, Ö. */
const PLATE = /(?<![\p{L}\p{N}])[A-HJ-PR-UW-Z]{3}[ -]?\d{2}[\dA-HJ-PR-UW-Z](?![\p{L}\p{N}])/gu;
/** What a phone-like match may really be: a date (`01-02-2024`, `02 04 2024`), or hours (`0800-1600`). */
const NOT_A_PHONE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-. /\u00a0]\d{1,2}[-. /\u00a0]\d{2,4}|(?:[01]\d|2[0-4])[.:]?[0-5]\d[-\u2013](?:[01]\d|2[0-4])[.:]?[0-5]\d)$/;
/** Three capitals and digits that are not plates: currencies, SOS 112, a post box. */
const NOT_A_PLATE = new Set(['SEK', 'NOK', 'DKK', 'EUR', 'USD', 'GBP', 'SOS', 'BOX', 'TEL', 'KOD']);

export const BUILT_IN: readonly Pattern[] = [
  { kind: 'e-post', regex: EMAIL },
  { kind: 'personnummer', regex: IDENTITY, accept: identityKind },
  { kind: 'telefonnummer', regex: PHONE, accept: (m) => (NOT_A_PHONE.test(m[0].trim()) ? undefined : 'telefonnummer') },
  { kind: 'registreringsnummer', regex: PLATE, accept: (m) => (NOT_A_PLATE.has(m[0].slice(0, 3)) ? undefined : 'registreringsnummer') },
];

/** personnummer, or samordningsnummer (day + 60), when the date is real and the check digit right. */
function identityKind(m: RegExpExecArray): string | undefined {
  const [, , yy, mm, dd, serial, check] = m;
  const month = Number(mm);
  let day = Number(dd);
  const coordination = day > 60;
  if (coordination) day -= 60;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (!luhn(`${yy}${mm}${dd}${serial}${check}`)) return undefined;
  return coordination ? 'samordningsnummer' : 'personnummer';
}

/** The Luhn check over the ten digits YYMMDDNNNC. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Names to mask, whole words, any case. */
export function namePattern(names: readonly string[]): Pattern | undefined {
  const words = names.map((n) => n.trim()).filter((n) => n !== '');
  if (words.length === 0) return undefined;
  const alternatives = words.sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  // "Svenssons hund": the genitive is the name too.
  return { kind: 'namn', regex: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})s?(?![\\p{L}\\p{N}])`, 'giu') };
}
