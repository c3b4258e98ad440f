/**
 * Names that are probably one place or category spelt two ways: `Inre hamn` and
 * `Inre hamnen`, `Stationsomradet` and `Stationsområdet`. Each is pointed out with
 * the config entry that merges the rarer into the more common.
 */
import { compareNames } from '../text.js';
import type { NameBook, NameEntry } from './names.js';

/** Folds the differences that keyboards and old systems make: åäö written as a/o or aa/ae/oe, punctuation. */
export function foldName(key: string): string {
  return key
    .replace(/aa|å/g, 'a')
    .replace(/ae|ä/g, 'a')
    .replace(/oe|ö/g, 'o')
    .replace(/é/g, 'e')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function looksAlike(a: string, b: string): boolean {
  // "Område 21" and "Område 28", "Skola 1" and "Skola 2": numbered places are different places.
  if (digits(a) !== digits(b)) return false;
  const [fa, fb] = [foldName(a), foldName(b)];
  if (fa.length < 4 || fb.length < 4) return fa === fb;
  if (fa === fb) return true;
  const [short, long] = fa.length <= fb.length ? [fa, fb] : [fb, fa];
  // A dropped ending: "inre hamn" / "inre hamnen", "skola" / "skolan".
  if (long.startsWith(short) && long.length - short.length <= 2) return true;
  return short.length >= 6 && editDistanceAtMostOne(short, long);
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (b.length - a.length > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.length === b.length ? a.slice(i + 1) === b.slice(i + 1) : a.slice(i) === b.slice(i + 1);
}

/**
 * Each rarer name that looks like another is pointed at the most common one it
 * looks like, and only at that: two misspellings are never merged into each other.
 * On a tie the properly spelt name wins: more of åäö, then the longer.
 */
export function findLookAlikes(book: NameBook): { name: NameEntry; like: NameEntry }[] {
  const names = byCommonness(book.entries());
  // Only names not merged away are targets, so only they go into the index.
  const index = new LookAlikeIndex();
  const out: { name: NameEntry; like: NameEntry }[] = [];
  names.forEach((rare, j) => {
    const common = index.firstAlike(rare.key);
    if (common === undefined) index.add(rare.key, j);
    else out.push({ name: rare, like: names[common]! });
  });
  return out;
}

/** The order findLookAlikes goes in: the most used first, then the best spelt. */
export function byCommonness(entries: NameEntry[]): NameEntry[] {
  return entries.sort((x, y) => y.count - x.count || spellingScore(y.display) - spellingScore(x.display) || y.display.length - x.display.length || compareNames(x.display, y.display));
}

/**
 * Names under keys that any two look-alikes share, so a name is compared with
 * the few that share a key instead of with every name (50,000 areas are over a
 * billion pairs). looksAlike() needs the same digits, and then the same folded
 * name, one a prefix of the other by at most two letters, or one edit apart —
 * the deletion neighbourhood (a name and it with any one letter left out, as in
 * SymSpell) holds the last two, the name cut by two letters the first.
 */
class LookAlikeIndex {
  private readonly byKey = new Map<string, { key: string; at: number }[]>();

  add(key: string, at: number): void {
    for (const k of blockKeys(key)) {
      const list = this.byKey.get(k);
      if (list) list.push({ key, at });
      else this.byKey.set(k, [{ key, at }]);
    }
  }

  /** The position of the earliest added name that looks like `key`. */
  firstAlike(key: string): number | undefined {
    let first: number | undefined;
    for (const k of blockKeys(key)) {
      for (const c of this.byKey.get(k) ?? []) {
        if ((first === undefined || c.at < first) && looksAlike(c.key, key)) first = c.at;
      }
    }
    return first;
  }
}

function blockKeys(key: string): Set<string> {
  // In UTF-16 units, as looksAlike() counts them.
  const folded = foldName(key);
  const prefix = `${digits(key)}\u0000`;
  const keys = new Set([prefix + folded]);
  if (folded.length >= 4) {
    for (let i = 0; i < folded.length; i++) keys.add(prefix + folded.slice(0, i) + folded.slice(i + 1));
    keys.add(prefix + folded.slice(0, -2));
  }
  return keys;
}

/** Letters an ASCII keyboard or an old system would have lost. */
function spellingScore(name: string): number {
  return (name.match(/[åäöÅÄÖéÉüÜ]/g) ?? []).length;
}

const digits = (s: string) => s.replace(/\D+/g, ' ').trim();
