/**
 * Incidents by the source an export names for each (kommunen, medborgare, skolan,
 * väktare…): spellings that differ only in case and spaces are one source, shown
 * as first spelt; a row with no source is counted as unknown (null), so that the
 * counts add up to the incidents.
 */
import { compareNames, looseKey, tidy } from '../text.js';
import type { SourceCount } from './report-focus.js';

export class SourceTally {
  private readonly counts = new Map<string, { shown: string; count: number }>();
  private unknown = 0;

  add(source: string | undefined): void {
    const shown = source === undefined ? '' : tidy(source);
    if (shown === '') {
      this.unknown++;
      return;
    }
    const key = looseKey(shown);
    const entry = this.counts.get(key);
    if (entry) entry.count++;
    else this.counts.set(key, { shown, count: 1 });
  }

  /** Most incidents first, then by name; unknown last. */
  result(): SourceCount[] {
    const named = [...this.counts.values()].sort((a, b) => b.count - a.count || compareNames(a.shown, b.shown)).map((e) => ({ source: e.shown, count: e.count }));
    return this.unknown > 0 ? [...named, { source: null, count: this.unknown }] : named;
  }
}

/** The source of a notable incident as listed: tidied, null when the row gave none. */
export function sourceOf(source: string | undefined): string | null {
  const shown = source === undefined ? '' : tidy(source);
  return shown === '' ? null : shown;
}
