/** Loose matching of names and headers as exports write them: surrounding and repeated spaces and case do not count. */

export function tidy(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** Plain toLowerCase: it lowercases åäö as the Swedish locale does, at a fraction of the cost. */
export function looseKey(text: string): string {
  return tidy(text).toLowerCase();
}

/** Made on first use: a Swedish collator costs ten milliseconds, which `--help` need not pay. */
let collator: Intl.Collator | undefined;

/** Swedish alphabetical order (å, ä, ö last; "Område 2" before "Område 10"), then code points, so that the order is total. */
export function compareNames(a: string, b: string): number {
  collator ??= new Intl.Collator('sv', { numeric: true });
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Control characters (a NUL, an escape sequence) shown as \u0000 rather than sent to a terminal or a mail. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Levenshtein distance: how many letters to add, drop or change to turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
