/**
 * The names a name may be matched to, found by their words instead of by
 * trying every pair: ten thousand patrol places against ten thousand incident
 * areas is a hundred million pairs, but each name has a few words, and a word
 * (or its beginning, for an abbreviation) leads to the few names that have it.
 */
import { canAbbreviate, MAX_READINGS, type Word } from './name-words.js';

export class NameIndex {
  /** word → the names (their numbers) that have it */
  private readonly byWord = new Map<string, number[]>();
  /** each name under its rarest word only: a name a longer one contains is found through that word */
  private readonly byAnchor = new Map<string, number[]>();
  private readonly sortedWords: string[];

  constructor(readonly names: readonly (readonly Word[])[]) {
    names.forEach((name, i) => {
      for (const text of new Set(name.map((w) => w.text))) push(this.byWord, text, i);
    });
    names.forEach((name, i) => {
      if (name.length === 0) return;
      const rarest = name.reduce((a, b) => (this.byWord.get(b.text)!.length < this.byWord.get(a.text)!.length ? b : a));
      push(this.byAnchor, rarest.text, i);
    });
    this.sortedWords = [...this.byWord.keys()].sort();
  }

  /**
   * The words of the names that `word` may be written for: itself, and when it
   * can abbreviate, the longer words it begins — none of those when more than
   * MAX_READINGS do, as such a beginning is no clear abbreviation.
   */
  readings(word: Word): string[] {
    const out = this.byWord.has(word.text) ? [word.text] : [];
    if (!canAbbreviate(word)) return out;
    const longer: string[] = [];
    for (let k = lowerBound(this.sortedWords, word.text); k < this.sortedWords.length && this.sortedWords[k]!.startsWith(word.text) && longer.length <= MAX_READINGS; k++) {
      if (this.sortedWords[k] !== word.text) longer.push(this.sortedWords[k]!);
    }
    return longer.length > MAX_READINGS ? out : [...out, ...longer];
  }

  /**
   * The names that may relate to a name whose words have these readings (see
   * relate() in name-words.ts), a few more perhaps, never fewer. One that the
   * name contains or abbreviates has each of its words, its rarest among them,
   * read in the name; one that holds the name has a reading of every word of
   * the name, so the word with the fewest names is enough to look up.
   */
  candidates(readings: readonly (readonly string[])[]): Set<number> {
    const found = new Set<number>();
    for (const texts of readings) for (const text of texts) for (const i of this.byAnchor.get(text) ?? []) found.add(i);
    let fewest: readonly string[] | undefined;
    let fewestSize = Infinity;
    for (const texts of readings) {
      const size = texts.reduce((n, t) => n + this.byWord.get(t)!.length, 0);
      if (size < fewestSize) [fewest, fewestSize] = [texts, size];
    }
    for (const text of fewest ?? []) for (const i of this.byWord.get(text)!) found.add(i);
    return found;
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The first position in `sorted` whose entry is not before `text`. */
function lowerBound(sorted: readonly string[], text: string): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < text) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
