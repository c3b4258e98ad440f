/**
 * How two names of one place relate when a guard company writes them its own
 * way: `Centrum/Torget` contains `Centrum`, `Stationsomr.` abbreviates
 * `Stationsområdet`, `Torget` is part of `Centrum/Torget`. Names are compared
 * word by word, case and diacritics aside; `/ , - & ( )` and spaces all part words.
 */

/** A word of a name, folded: lower case, no diacritics; `dotted` when the name wrote a `.` after it (`omr.`). */
export interface Word {
  text: string;
  dotted: boolean;
}

export type Relation = 'contains' | 'abbreviates' | 'part of' | 'same words';

/**
 * The floors that keep short names from matching half the list. The name
 * contained in another (or containing it, for `part of`) has at least
 * MIN_CONTAINED letters: `Torget`, not `By` or `Ö`. A word ending in `.` is an
 * abbreviation from MIN_DOTTED letters (`omr.`, not `s.`), one without from
 * MIN_PREFIX (`Stationsomr`, not `Norr` for `Norrskolan`). Among many names
 * a beginning is clear only when at most MAX_READINGS of their words begin
 * with it: `Station` beside fifty `Station…` words says nothing (see name-index.ts).
 */
export const MIN_CONTAINED = 4;
export const MIN_DOTTED = 3;
export const MIN_PREFIX = 5;
export const MAX_READINGS = 3;

export function words(name: string): Word[] {
  const folded = name.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  return [...folded.matchAll(/([\p{L}\p{N}]+)(\.)?/gu)].map((m) => ({ text: m[1]!, dotted: m[2] !== undefined }));
}

/** Whether `word` can stand for a longer word: letters only, long enough to be clear. */
export function canAbbreviate(word: Word): boolean {
  return word.text.length >= (word.dotted ? MIN_DOTTED : MIN_PREFIX) && !/\p{N}/u.test(word.text);
}

/** How `word` stands for `full`: the same word, or its beginning; undefined when it does not. */
export type Fits = (word: Word, full: Word) => 'same' | 'short' | undefined;

/** The plain rule: the same word, or its beginning when it can abbreviate (numbers only as they are: `2` is not `21`). */
export const fits: Fits = (word, full) => {
  if (word.text === full.text) return 'same';
  return full.text.startsWith(word.text) && canAbbreviate(word) ? 'short' : undefined;
};

/** Whether `inner`'s words, as written in `outer` from its word `at` on, stand there; 'short' when one is abbreviated. */
function runAt(outer: readonly Word[], at: number, inner: readonly Word[], innerIsFull: boolean, fit: Fits): 'same' | 'short' | undefined {
  let short = false;
  for (let k = 0; k < inner.length; k++) {
    const f = innerIsFull ? fit(outer[at + k]!, inner[k]!) : fit(inner[k]!, outer[at + k]!);
    if (!f) return undefined;
    short ||= f === 'short';
  }
  return short ? 'short' : 'same';
}

/** The first run of `inner` in `outer`; `innerIsFull` when the words of `outer` may abbreviate those of `inner`, else the other way. */
function findRun(outer: readonly Word[], inner: readonly Word[], innerIsFull: boolean, fit: Fits): 'same' | 'short' | undefined {
  for (let at = 0; at + inner.length <= outer.length; at++) {
    const f = runAt(outer, at, inner, innerIsFull, fit);
    if (f) return f;
  }
  return undefined;
}

/** The same words in another order; names have a few words, so a look through the other is enough. */
function sameSet(a: readonly Word[], b: readonly Word[]): boolean {
  const count = (name: readonly Word[], text: string) => name.reduce((n, w) => n + (w.text === text ? 1 : 0), 0);
  return a.every((w) => count(a, w.text) === count(b, w.text));
}

const letters = (name: readonly Word[]) => name.reduce((n, w) => n + w.text.length, 0);

/**
 * How `name` (a patrol's, say) relates to `target` (an incident area), the
 * abbreviations always on `name`'s side: it contains the target's words in a
 * row (`Stationsområdet norra`), abbreviates them (`Stationsomr.`), is a run of
 * them (`Torget` in `Centrum/Torget`), or has the same words, in any order
 * (`Torget (Centrum)` for `Centrum/Torget`). Undefined when none holds, or the shorter name is under the floor.
 */
export function relate(name: readonly Word[], target: readonly Word[], fit: Fits = fits): Relation | undefined {
  if (name.length === 0 || target.length === 0) return undefined;
  if (name.length === target.length) {
    const f = runAt(name, 0, target, true, fit);
    if (f) return f === 'short' ? 'abbreviates' : 'same words';
    return sameSet(name, target) ? 'same words' : undefined; // `Torget (Centrum)` and `Centrum/Torget`
  }
  if (name.length > target.length) return letters(target) >= MIN_CONTAINED && findRun(name, target, true, fit) ? 'contains' : undefined;
  return letters(name) >= MIN_CONTAINED && findRun(target, name, false, fit) ? 'part of' : undefined;
}

/** Whether `outer` holds all of `inner`'s words in a row, exactly: `Inre hamnen` holds `Hamnen`. */
export function holds(outer: readonly Word[], inner: readonly Word[]): boolean {
  return outer.length > inner.length && findRun(outer, inner, true, fits) === 'same';
}
