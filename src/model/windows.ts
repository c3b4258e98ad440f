/**
 * The windows of a report's history by name: `current`, `previous`, and
 * `history(n)` for an older one, the window n back (n ≥ 2, the period's
 * `history[n]`). A name is plain data — it crosses worker threads in the file
 * tallies — so compare names by `kind` (the helpers below), never by identity.
 */
import { historyIndex, type ReportPeriod } from '../period.js';

export type WindowName = { readonly kind: 'current' } | { readonly kind: 'previous' } | { readonly kind: 'history'; readonly n: number };

export const CURRENT: WindowName = Object.freeze({ kind: 'current' });
export const PREVIOUS: WindowName = Object.freeze({ kind: 'previous' });
/** One name per older window, so that a tally's rows share it. */
const older: WindowName[] = [];

/** The older window n back: history(2) is the one before the previous. */
export function history(n: number): WindowName {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`history(${n}): an older window is 2 or more back`);
  return (older[n] ??= Object.freeze({ kind: 'history', n }));
}

/** The window an instant falls in, or undefined when it is in none of the history's. */
export function windowAt(period: ReportPeriod, instant: number): WindowName | undefined {
  const k = historyIndex(period, instant);
  return k === undefined ? undefined : k === 0 ? CURRENT : k === 1 ? PREVIOUS : history(k);
}

/** Where the window stands in the history, newest first: 0 the current, 1 the previous, n for history(n). */
export function windowIndex(window: WindowName): number {
  return window.kind === 'current' ? 0 : window.kind === 'previous' ? 1 : window.n;
}

export const isCurrent = (window: WindowName): boolean => window.kind === 'current';
export const isPrevious = (window: WindowName): boolean => window.kind === 'previous';
/** Older than the two windows the report sets side by side. */
export const isOlder = (window: WindowName): boolean => window.kind === 'history';
