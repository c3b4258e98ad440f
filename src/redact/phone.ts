/**
 * Swedish phone numbers. A mobile number is 07x and seven digits; a fixed one 0, the area code
 * (without its 0 it starts with 1–9) and the subscriber's number, 7–9 digits after the 0 in all;
 * abroad +46 or 0046 instead of the 0, and `46` alone before a mobile number (`46701234567`).
 * Between the digits: spaces, no-break spaces, dashes, en dashes, dots or `/` (`070/123 45 67`),
 * `(0)` after the country code, brackets round the area code.
 *
 * A digit run with nothing between its digits is a phone number only in a phone's shape: a
 * mobile number, or one of the one- or two-digit area codes (08 Stockholm, 031 Göteborg, 040
 * Malmö, …) with a subscriber number of its length; `0123456789` is not. Nor is a number named
 * by what it is — an invoice, an OCR or a case number (`faktura 0701234567`, `OCR: 0812345678`,
 * `dnr 0812345678`) — nor a date, a date and a time, or opening hours that look like one.
 */
export const SEPARATOR = '[ \\u00a0\\u202f./\\u2013-]';
export const PHONE = new RegExp(
  // Not inside a word, a number or a date (`2024-04-16 0930`); after `_` it may be (`samtal_0701234567.csv`).
  `(?<![A-Za-z0-9+])(?<!\\d[-./:\\u2013])` +
    `(?:(?:\\+|00)46${SEPARATOR}?(?:\\(0\\)${SEPARATOR}?)?|46(?=${SEPARATOR}?7)${SEPARATOR}?|0|\\(0(?=\\d{1,3}\\)))` +
    `(?:\\d\\)?${SEPARATOR}?){6,8}\\d` +
    // Not a part of a longer number: `0123 4567 8901 2345`, `06.04.2024 12:30`.
    `(?!\\d)(?![-./:\\u2013]\\d)(?![ \\u00a0]\\d{3})`,
  'g',
);

/** A date (`01-02-2024`, `02 04 2024`, `06/04 12.30`), or hours (`0800-1600`, `08.00–16.00`). */
const NOT_A_PHONE =
  /^(?:\d{1,2}[-. /\u00a0]\d{1,2}(?:[-. /\u00a0]\d{2,4})?(?:[ \u00a0]+\d{1,2}[.:]?\d{2})?|(?:[01]\d|2[0-4])[.:]?[0-5]\d[-\u2013/](?:[01]\d|2[0-4])[.:]?[0-5]\d)$/;

/** Digits alone: a mobile number, or 08 and 7–8 digits, or a two-digit area code and 6–7 digits. */
const BARE = /^0(?:7\d{8}|8\d{7,8}|(?:1[13689]|2[136]|3[1356]|4[0246]|54|6[03]|90)\d{6,7})$/;

/** Words that, right before a number (then perhaps nr, nummer, :), say it is another number than a phone's; `*`: any ending. */
export const OTHER_NUMBERS: readonly string[] = [
  'faktura*', 'fakt', 'ocr*', 'ärende*', 'arende*', 'dnr', 'diarie*', 'referens*', 'ref', 'kundnr', 'kundnummer', 'order*', 'avinr',
  'avinummer', 'bankgiro*', 'bg', 'plusgiro*', 'pg', 'konto*', 'clearing*', 'orgnr', 'org', 'organisationsn*', 'löpnr', 'löpnummer',
  'serienr', 'serienummer', 'artikelnr', 'artikelnummer', 'betalningsreferens', 'invoice', 'reference',
];
const NAMED_OTHERWISE = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(?:${OTHER_NUMBERS.map((w) => w.replace('*', '\\p{L}*')).join('|')})(?:[\\s.:#-]*(?:nr|nummer|no|number))?[\\s.:#-]*$`,
  'iu',
);

export function phoneKind(m: RegExpExecArray): string | undefined {
  const text = m[0];
  if (NOT_A_PHONE.test(text)) return undefined;
  const digits = text.replace(/\D/g, '');
  let national: string;
  if (/^(?:\+|00)/.test(text)) national = digits.replace(/^(?:00)?46/, '').replace(/^0/, '');
  else if (text.startsWith('46')) national = /^467\d{8}$/.test(digits) ? digits.slice(2) : '';
  else if (/^\d+$/.test(text)) national = BARE.test(digits) ? digits.slice(1) : '';
  else national = digits.slice(1);
  if (national.length < 7 || national.length > 9 || national.startsWith('0')) return undefined;
  if (NAMED_OTHERWISE.test(m.input.slice(Math.max(0, m.index - 40), m.index))) return undefined;
  return 'telefonnummer';
}
