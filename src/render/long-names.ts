/**
 * Names as long as an export allows, laid out so that a table's numbers stay
 * on the page: a name with a long unbroken run may break anywhere, and where a
 * name cannot wrap (a standing column heading, a label on a map) it is cut
 * with an ellipsis. Only the page is changed; the JSON keeps every name whole.
 */

/** A run of this many characters without a space may break anywhere; shorter words break only where words do. */
export const UNBROKEN_RUN = 30;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Whether a text holds a run of more than UNBROKEN_RUN characters with no place to break it. */
export function hasLongRun(text: string): boolean {
  return text.split(/[\s\-–—/]+/u).some((word) => word.length > UNBROKEN_RUN && [...graphemes.segment(word)].length > UNBROKEN_RUN);
}

/**
 * At most `max` characters: the start and the end of a longer name with "…" between them,
 * so that two names that differ only at the end (Kvarter 1, Kvarter 2) still differ.
 */
export function cutName(name: string, max: number): string {
  const chars = [...graphemes.segment(name)].map((s) => s.segment);
  if (chars.length <= max) return name;
  const kept = Math.max(1, max - 1);
  const head = Math.ceil((kept * 2) / 3);
  const tail = kept - head;
  return `${chars.slice(0, head).join('').trimEnd()}…${tail > 0 ? chars.slice(chars.length - tail).join('').trimStart() : ''}`;
}
