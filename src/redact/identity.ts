/**
 * Personnummer and samordningsnummer in the forms people type them: 10 or 12
 * digits, the date whole or split in pairs by spaces (`64 08 23-3234`), then a
 * hyphen (also with spaces round it), an en dash, `+` for the over-100s, a space
 * or nothing, then the serial and the check digit. Found only when the date is
 * real (the day + 60 for a samordningsnummer) and the Luhn check digit right.
 */
import { isRealDate } from '../period.js';
import type { RedactionContext } from './context.js';

const SPACE = '[ \\u00a0]';
/**
 * The century, the year, the month and the day, split alike (`\4`: all pairs joined, or all apart); the gap; the serial
 * and check digit. Not inside a longer number, also one joined by hyphens; a word before it may be (`anmälan-850709-9805.csv`).
 */
export const IDENTITY = new RegExp(
  `(?<!\\d|\\d-)(?:(19|20)(\\d{2})|(\\d{2}))(${SPACE}?)(\\d{2})\\4(\\d{2})(${SPACE}?[-\\u2013+]${SPACE}?|${SPACE}|)(\\d{3})(\\d)(?!\\d|-\\d)`,
  'g',
);

/** personnummer or samordningsnummer; undefined for a number that is not one, or for a date and a time of day. */
export function identityKind(m: RegExpExecArray, context: RedactionContext): string | undefined {
  const [, century, year4, year2, , mm, dd, gap = '', serial = '', check = ''] = m;
  const yy = (year4 ?? year2)!;
  const month = Number(mm);
  const coordination = Number(dd) > 60;
  const day = Number(dd) - (coordination ? 60 : 0);
  // Without the century, either: the 29th of February 2000 was real, in 1900 it was not.
  const years = century ? [Number(century + yy)] : [1900 + Number(yy), 2000 + Number(yy)];
  if (!years.some((y) => isRealDate(y, month, day))) return undefined;
  if (!luhn(`${yy}${mm}${dd}${serial}${check}`)) return undefined;
  if (!coordination && !gap.includes('+') && isDateAndTime(years, mm!, dd!, serial + check, context)) return undefined;
  return coordination ? 'samordningsnummer' : 'personnummer';
}

/**
 * `240416-1230`: a day of the report's own span and a time of day (00:00–23:59) is when
 * something happened, not who was there. One in seven personnummer end in four digits that
 * read as a time; only those born in the report's span would be taken for a time.
 */
function isDateAndTime(years: number[], mm: string, dd: string, last4: string, { times }: RedactionContext): boolean {
  if (!times || Number(last4.slice(0, 2)) > 23 || Number(last4.slice(2)) > 59) return false;
  return years.some((y) => {
    const date = `${y}-${mm}-${dd}`;
    return date >= times.from && date <= times.to;
  });
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
