/**
 * The names a name may be matched to, found by their words instead of by
 * trying every pair: ten thousand patrol places against ten thousand incident
 * areas is a hundred million pairs, but each name has a few words, and a word
 * (or its beginning, for an abbreviation) leads to the few names that have it.
 */
import { canAbbreviate, type Word } from './name-words.js';

export class NameIndex {
  /** word → the names (their numbers) that have it */
  private readonly byWord = new Map<string, number[]>();
  /** each name under its rarest word only: a name a longer one contains is found through that word */
  private readonly byAnchor = new Map<string, number[]>();
  private readonly sortedWords: string[];
  private readonly sortedAnchors: string[];

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
    this.sortedAnchors = [...this.byAnchor.keys()].sort();
  }

  /**
   * The names that may relate to `name` (see relate() in name-words.ts), a few
   * more perhaps, never fewer. One that `name` contains or abbreviates has each
   * of its words, its rarest among them, written in `name`; one that holds `name`
   * has every word of `name`, so the rarest of them is enough to look up.
   */
  candidates(name: readonly Word[]): Set<number> {
    const found = new Set<number>();
    for (const word of name) for (const list of this.lists(this.byAnchor, this.sortedAnchors, word)) for (const i of list) found.add(i);
    let fewest: number[][] | undefined;
    let fewestSize = Infinity;
    for (const word of name) {
      const lists = this.lists(this.byWord, this.sortedWords, word);
      const size = lists.reduce((n, l) => n + l.length, 0);
      if (size < fewestSize) [fewest, fewestSize] = [lists, size];
    }
    for (const list of fewest ?? []) for (const i of list) found.add(i);
    return found;
  }

  /** The lists of the words `word` may be written for: itself, and the words it is the beginning of when it can abbreviate. */
  private lists(map: Map<string, number[]>, sorted: readonly string[], word: Word): number[][] {
    if (!canAbbreviate(word)) return map.has(word.text) ? [map.get(word.text)!] : [];
    const out: number[][] = [];
    for (let k = lowerBound(sorted, word.text); k < sorted.length && sorted[k]!.startsWith(word.text); k++) out.push(map.get(sorted[k]!)!);
    return out;
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
