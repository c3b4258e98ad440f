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

/** `YYMMDD-NNNC`, `YYYYMMDDNNNC`, with `-`, `+` (over 100 years old) or a space, or nothing. */
const IDENTITY = /(?<![\d-])(?:(19|20)?(\d{2}))(\d{2})(\d{2})[-+ ]?(\d{3})(\d)(?![\d-])/g;
/** +46 or 0046 or 0, then 7–9 more digits, single spaces or dashes between; `(0)` after the country code. */
const PHONE = /(?<![\w+])(?:(?:\+|00)46[ -]?(?:\(0\)[ -]?)?|0)(?:\d[ -]?){6,8}\d(?![\d])/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** ABC 123 or, since 2019, ABC 12A; Swedish plates use neither I, Q, V nor Å, Ä, Ö. */
const PLATE = /(?<![\p{L}\p{N}])[A-HJ-PR-UW-Z]{3}[ -]?\d{2}[\dA-HJ-PR-UW-Z](?![\p{L}\p{N}])/gu;
const DATE_LIKE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-.]\d{1,2}[-.]\d{2,4})$/;

export const BUILT_IN: readonly Pattern[] = [
  { kind: 'e-post', regex: EMAIL },
  { kind: 'personnummer', regex: IDENTITY, accept: identityKind },
  { kind: 'telefonnummer', regex: PHONE, accept: (m) => (DATE_LIKE.test(m[0].trim()) ? undefined : 'telefonnummer') },
  { kind: 'registreringsnummer', regex: PLATE },
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
  return { kind: 'namn', regex: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu') };
}
