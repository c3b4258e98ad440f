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
  const names = book.entries().sort((x, y) => y.count - x.count || spellingScore(y.display) - spellingScore(x.display) || y.display.length - x.display.length || compareNames(x.display, y.display));
  const merged = new Set<string>();
  const out: { name: NameEntry; like: NameEntry }[] = [];
  for (let j = 1; j < names.length; j++) {
    const rare = names[j]!;
    const common = names.slice(0, j).find((c) => !merged.has(c.key) && looksAlike(c.key, rare.key));
    if (!common) continue;
    merged.add(rare.key);
    out.push({ name: rare, like: common });
  }
  return out;
}

/** Letters an ASCII keyboard or an old system would have lost. */
function spellingScore(name: string): number {
  return (name.match(/[åäöÅÄÖéÉüÜ]/g) ?? []).length;
}

const digits = (s: string) => s.replace(/\D+/g, ' ').trim();
