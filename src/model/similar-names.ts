/**
 * Names that are probably one place or category spelt two ways: `Inre hamn` and
 * `Inre hamnen`, `Stationsomradet` and `Stationsområdet`. Each is pointed out with
 * the config entry that merges the rarer into the more common.
 */
import type { NameBook } from './names.js';
import type { NameSuggestion } from './report.js';

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

export function suggestMerges(kind: 'area' | 'category', book: NameBook): NameSuggestion[] {
  const names = book.entries().sort((x, y) => y.count - x.count || (x.display < y.display ? -1 : 1));
  const out: NameSuggestion[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const [common, rare] = [names[i]!, names[j]!];
      if (!looksAlike(common.key, rare.key)) continue;
      const key = kind === 'area' ? 'areaAliases' : 'categoryAliases';
      out.push({
        kind,
        name: rare.display,
        count: rare.count,
        like: common.display,
        likeCount: common.count,
        config: `"${key}": { ${JSON.stringify(rare.display)}: ${JSON.stringify(common.display)} }`,
      });
    }
  }
  return out;
}

const digits = (s: string) => s.replace(/\D+/g, ' ').trim();
