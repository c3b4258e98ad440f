/**
 * What is personal data in the free text of Swedish exports, found strictly
 * enough that dates, times, case numbers, amounts and organisation numbers are
 * left alone: a personal identity number must be a real date and pass its Luhn
 * check digit; a phone number is in a Swedish number's shape; a plate has the
 * letters Swedish plates use and is not an abbreviation or a word.
 */
import type { RedactionContext } from './context.js';
import { IDENTITY, identityKind } from './identity.js';
import { PHONE, phoneKind } from './phone.js';
import { PLATE, plateKind } from './plate.js';

export interface Pattern {
  kind: string;
  regex: RegExp;
  /** A match that is not what it looks like (a date, a random number) is left alone. */
  accept?: (match: RegExpExecArray, context: RedactionContext) => string | undefined;
  /** A text without this cannot hold a match: the regular expression is not run over it. */
  needs?: RegExp;
  /** False for what a file or folder name holds by chance: `mkdtemp`'s `lagesbild-abc123` is no car. */
  inFileNames?: boolean;
}

/** The domain ends with its top-level domain (letters), so that `anna@example.se-april.csv` keeps `-april.csv`. */
const EMAIL = /[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}])/gu;
const DIGIT = /\d/;

export const BUILT_IN: readonly Pattern[] = [
  { kind: 'e-post', regex: EMAIL, needs: /@/ },
  { kind: 'personnummer', regex: IDENTITY, accept: identityKind, needs: DIGIT },
  { kind: 'telefonnummer', regex: PHONE, accept: phoneKind, needs: DIGIT },
  { kind: 'registreringsnummer', regex: PLATE, accept: plateKind, needs: DIGIT, inFileNames: false },
];

/** Names to mask, whole words, any case. */
export function namePattern(names: readonly string[]): Pattern | undefined {
  const words = names.map((n) => n.trim()).filter((n) => n !== '');
  if (words.length === 0) return undefined;
  const alternatives = words.sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  // "Svenssons hund": the genitive is the name too.
  return { kind: 'namn', regex: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})s?(?![\\p{L}\\p{N}])`, 'giu') };
}
