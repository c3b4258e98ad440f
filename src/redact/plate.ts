/**
 * Swedish registration plates, in any case: three letters and three digits (`ABC 123`,
 * `abc-123`), or since 2019 two digits and a letter (`ABC 12A`). Plates use neither I, Q,
 * V nor Å, Ä, Ö. Three letters and a number are also an abbreviation (`BUP 123`, `LSS 2`,
 * `SoL 4 kap`), a currency or a word before a number (`rum 123`, `med 123 deltagare`):
 * those are left alone. The lists are the README's, form for form.
 */
export const PLATE = /(?<![\p{L}\p{N}])([a-hj-pr-uw-z]{3})[ -]?\d{2}[\da-hj-pr-uw-z](?![\p{L}\p{N}])/giu;

/** Abbreviations of Swedish services, laws and authorities written before a number, and currencies. */
export const ABBREVIATIONS: readonly string[] = [
  'BUP', 'LSS', 'SoL', 'LVU', 'HVB', 'LVM', 'BBIC', 'SiS', 'SFI', 'EST', 'BRÅ', 'HSL', 'PBL', 'OSL', 'LOB', 'LUL', 'LPT', 'LRV',
  'LAS', 'LOU', 'SOU', 'SFS', 'AFS', 'BrB', 'FHM', 'MSB', 'SKR', 'SCB', 'KBT', 'RPS', 'NOA', 'LPO', 'SOS', 'BOX', 'TEL', 'KOD',
  'SEK', 'NOK', 'DKK', 'EUR', 'USD', 'GBP',
];

/** Swedish and English words that come before a number: rooms, counts, months, days. */
export const WORDS: readonly string[] = [
  'och', 'med', 'som', 'den', 'det', 'har', 'att', 'man', 'kan', 'han', 'hon', 'oss', 'dem', 'mot', 'upp', 'ner', 'per', 'tre', 'sex',
  'nya', 'hel', 'nej', 'jag', 'ett', 'end', 'kap', 'art', 'typ', 'hus', 'rum', 'sal', 'lgh', 'zon', 'hpl', 'grp', 'pkt', 'ggr', 'max',
  'tot', 'mkr', 'tkr', 'kmh', 'jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec', 'ons', 'tor', 'fre',
  'the', 'and', 'for', 'are', 'not', 'has', 'out', 'set', 'top',
];

const NOT_A_PLATE = new Set([...ABBREVIATIONS, ...WORDS].map((w) => w.toUpperCase()));

export function plateKind(m: RegExpExecArray): string | undefined {
  return NOT_A_PLATE.has(m[1]!.toUpperCase()) ? undefined : 'registreringsnummer';
}
