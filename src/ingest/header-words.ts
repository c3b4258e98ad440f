/**
 * What a header names by its words, for headers that are no alias as a whole:
 * `Plats/Område`, `Datum (händelse)`, `Typ av händelse`, `Händelseplats`. A
 * header is cut into words at spaces and punctuation; an alias (one word or
 * several in a row) among them names its field; small words name nothing; a
 * Swedish compound names what its last word names.
 */
import type { InputKind } from '../domain.js';
import { ACTIVITY_FIELDS, INCIDENT_FIELDS, PATROL_FIELDS } from '../fields.js';
import { looseKey } from '../text.js';

const FIELDS = { incidents: INCIDENT_FIELDS, patrols: PATROL_FIELDS, activities: ACTIVITY_FIELDS } as const;

/** Where a header is cut into words. */
const SEPARATORS = /[\s/\\()[\]{},;:.\-_&+|]+/u;

/**
 * Words that name no field inside a longer header, though a few are aliases on their
 * own (`till`, `to`, `by`): in "Tid till åtgärd" or "Time to arrive" they are only glue.
 */
export const SMALL_WORDS: ReadonlySet<string> = new Set([
  ...['av', 'för', 'i', 'på', 'och', 'med', 'vid', 'om', 'per', 'som', 'en', 'ett', 'den', 'det', 'efter', 'under', 'från', 'till'],
  ...['of', 'for', 'the', 'a', 'an', 'and', 'in', 'on', 'at', 'with', 'by', 'to', 'from'],
]);

/**
 * The last words of Swedish compounds: "händelseplats" is a place, "ärendetyp" a type.
 * Only Swedish words, as English writes its compounds apart ("weekend" is no end).
 */
const COMPOUND_HEADS: ReadonlySet<string> = new Set([
  ...['datum', 'tid', 'tidpunkt', 'plats', 'område', 'stadsdel', 'kategori', 'typ', 'beskrivning', 'källa', 'adress'],
  ...['objekt', 'start', 'slut', 'starttid', 'sluttid', 'väktare', 'patrull', 'avvikelse', 'kommentar', 'aktivitet', 'insats', 'åtgärd'],
]);
/** A compound's first part is a word, not a letter or two: "lat" is latitude, "spelat" is not a compound of it. */
const MIN_COMPOUND_PREFIX = 3;

export function headerWords(header: string): string[] {
  return looseKey(header).split(SEPARATORS).filter((w) => w !== '');
}

export interface NamedBy<F extends string = string> {
  /** The fields the header's words name; one field is a match, several are an ambiguity. */
  fields: F[];
  /** The words (or runs of words) that name them, as the header has them. */
  words: string[];
}

interface Alias {
  field: string;
  words: string[];
}

const ALIASES = new Map<InputKind, Alias[]>();

function aliasesOf(kind: InputKind): Alias[] {
  let list = ALIASES.get(kind);
  if (!list) {
    list = Object.entries(FIELDS[kind] as Record<string, readonly string[]>).flatMap(([field, aliases]) => aliases.map((a) => ({ field, words: headerWords(a) })));
    ALIASES.set(kind, list);
  }
  return list;
}

/** Fields that two words name together: "Datum och klockslag" is a date and a time of day, in one column. */
const TOGETHER: Partial<Record<InputKind, { parts: [string, string]; field: string }[]>> = {
  incidents: [{ parts: ['date', 'time'], field: 'datetime' }],
};

interface Found {
  field: string;
  start: number;
  end: number;
  text: string;
}

/** The fields a header's words name (none when no word is an alias). */
export function namedByWords(kind: InputKind, header: string): NamedBy {
  const words = headerWords(header);
  const found: Found[] = [];
  for (const alias of aliasesOf(kind)) {
    const n = alias.words.length;
    if (n === 0 || (n === 1 && SMALL_WORDS.has(alias.words[0]!))) continue;
    for (let i = 0; i + n <= words.length; i++) {
      if (alias.words.every((w, j) => words[i + j] === w)) found.push({ field: alias.field, start: i, end: i + n, text: words.slice(i, i + n).join(' ') });
    }
  }
  // A run of words that is a longer alias is that alias: "datum och tid" is no date and no time.
  const kept = found.filter((f) => !found.some((g) => g.end - g.start > f.end - f.start && g.start <= f.start && g.end >= f.end));
  for (const [i, word] of words.entries()) {
    if (kept.some((f) => f.start <= i && i < f.end)) continue;
    const head = compoundHead(kind, word);
    if (head) kept.push({ field: head.field, start: i, end: i + 1, text: head.word });
  }
  let fields = [...new Set(kept.map((f) => f.field))];
  for (const { parts, field } of TOGETHER[kind] ?? []) {
    if (fields.length === 2 && parts.every((p) => fields.includes(p))) fields = [field];
  }
  return { fields, words: [...new Set(kept.sort((a, b) => a.start - b.start).map((f) => f.text))] };
}

/** The field of the longest one-word alias a Swedish compound ends with. */
function compoundHead(kind: InputKind, word: string): { field: string; word: string } | undefined {
  let best: Alias | undefined;
  for (const alias of aliasesOf(kind)) {
    const [head] = alias.words;
    if (alias.words.length !== 1 || !COMPOUND_HEADS.has(head!)) continue;
    if (word.length - head!.length < MIN_COMPOUND_PREFIX || !word.endsWith(head!)) continue;
    if (!best || head!.length > best.words[0]!.length) best = alias;
  }
  return best && { field: best.field, word: best.words[0]! };
}
