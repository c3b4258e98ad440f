/**
 * The windows of a report's history by name: `current`, `previous`, and
 * `history(n)` for an older one, the window n back (n ≥ 2, the period's
 * `history[n]` or `tallied[n]`, whichever reaches further back), and
 * `lastYear` for a row of last year's window that is in none of those. A
 * name is plain data — it crosses worker threads in the file tallies — so
 * compare names by `kind` (the helpers below), never by identity.
 */
import { contains, type ReportPeriod, type Window } from '../period.js';

export type WindowName =
  | { readonly kind: 'current' }
  | { readonly kind: 'previous' }
  | { readonly kind: 'history'; readonly n: number }
  | { readonly kind: 'lastYear' };

export const CURRENT: WindowName = Object.freeze({ kind: 'current' });
export const PREVIOUS: WindowName = Object.freeze({ kind: 'previous' });
/** A row of last year's window that is in no window back to back with the current one. */
export const LAST_YEAR: WindowName = Object.freeze({ kind: 'lastYear' });
/** One name per older window, so that a tally's rows share it. */
const older: WindowName[] = [];

/** The older window n back: history(2) is the one before the previous. */
export function history(n: number): WindowName {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`history(${n}): an older window is 2 or more back`);
  return (older[n] ??= Object.freeze({ kind: 'history', n }));
}

/** The windows back to back with the current one that rows are counted in: the hot-spot history or the tallied ones, whichever is longer. */
export function reach(period: ReportPeriod): readonly Window[] {
  return period.tallied.length > period.history.length ? period.tallied : period.history;
}

/**
 * The window an instant falls in, or undefined when it is in none. A window
 * back to back with the current one wins over last year's where they overlap
 * (windows whose length does not divide 52 weeks): a section that wants last
 * year's count asks `contains(period.lastYear, …)` of every row.
 */
export function windowAt(period: ReportPeriod, instant: number): WindowName | undefined {
  const windows = reach(period);
  if (instant < windows[0]!.endsAt && instant >= windows[windows.length - 1]!.startsAt) {
    // Newest first, so the starts fall: the first window starting at or before the instant.
    let lo = 0;
    let hi = windows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (instant >= windows[mid]!.startsAt) hi = mid;
      else lo = mid + 1;
    }
    return lo === 0 ? CURRENT : lo === 1 ? PREVIOUS : history(lo);
  }
  return contains(period.lastYear, instant) ? LAST_YEAR : undefined;
}

/** Where the window stands in the history, newest first: 0 the current, 1 the previous, n for history(n); undefined for last year's. */
export function windowIndex(window: WindowName): number | undefined {
  return window.kind === 'current' ? 0 : window.kind === 'previous' ? 1 : window.kind === 'history' ? window.n : undefined;
}

export const isCurrent = (window: WindowName): boolean => window.kind === 'current';
export const isPrevious = (window: WindowName): boolean => window.kind === 'previous';
/** Older than the two windows the report sets side by side: an older window of the history, or last year's. */
export const isOlder = (window: WindowName): boolean => window.kind === 'history' || window.kind === 'lastYear';
