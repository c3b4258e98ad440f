/**
 * The report's signals as the template shows them: which series rose or fell
 * beyond chance (the model's `signals[]`), a handful for page 1, the mark a
 * table row gets, and the series the trend charts draw. Reads the model's keys
 * of issue 17 loosely: a model without them renders without the judgement.
 */
import { DEFAULT_FALSE_DISCOVERY_RATE, DEFAULT_MIN_BASELINE_WINDOWS, DEFAULT_MIN_PERCENT_BASE, mayShowPercent } from '../stats/index.js';
import type { Signal, SignalMethod, TalliedWindow } from '../model/report-signals.js';

export type { Signal, SignalMethod };
export type Direction = Signal['direction'];

/** The parts of the model this module reads, all optional: a model of before issue 17 has none. */
export interface SignalsView {
  signals?: Signal[];
  signalMethod?: SignalMethod;
  period: { tallied?: TalliedWindow[]; lastYear?: TalliedWindow };
  incidents: { total: number; history?: (number | null)[]; lastYear?: number | null; baseline?: { windows: number; mean: number | null; sd: number | null } };
}

/** The config's signals.baselineWindows by default, for a model that does not say. */
export const DEFAULT_BASELINE_WINDOWS = 26;

/** How many signals page 1 names; the rest are marked in the tables. */
export const SHOWN_SIGNALS = 5;

export const minPercentBase = (model: SignalsView): number => model.signalMethod?.minPercentBase ?? DEFAULT_MIN_PERCENT_BASE;
export const falseDiscoveryRate = (model: SignalsView): number => model.signalMethod?.falseDiscoveryRate ?? DEFAULT_FALSE_DISCOVERY_RATE;

/** Whether a percent of this base may be printed: not on a base under the minimum (4 → 9 is not "+125 %"). */
export function showsPercent(model: SignalsView, base: number | null | undefined): boolean {
  // The rule is the method's (stats/percent.ts); a missing or zero base has no percent at all.
  return typeof base === 'number' && Number.isFinite(base) && base > 0 && mayShowPercent(base, minPercentBase(model));
}

const lookups = new WeakMap<object, Map<string, Direction>>();
const key = (area: string | null | undefined, category: string | null | undefined) => JSON.stringify([area ?? null, category ?? null]);

/** The direction of the signal of a series (area and/or category, null for a total over it), or null when it has none. */
export function signalOf(model: SignalsView, area: string | null | undefined, category: string | null | undefined): Direction | null {
  let found = lookups.get(model);
  if (!found) {
    found = new Map((model.signals ?? []).map((s) => [key(s.area, s.category), s.direction]));
    lookups.set(model, found);
  }
  return found.get(key(area, category)) ?? null;
}

/** The index in the tallied windows of the same window last year, or -1 when it lies beyond them. */
export function lastYearIndex(model: SignalsView): number {
  const last = model.period.lastYear;
  return last ? (model.period.tallied ?? []).findIndex((w) => w.start === last.start) : -1;
}

/**
 * How much baseline the tests had: "none" (too few windows, tested against the
 * previous one), "thin" (under half the windows asked for), "short" (fewer than
 * asked for), or "" (all of them).
 */
export function baselineState(model: SignalsView): 'none' | 'thin' | 'short' | '' {
  const method = model.signalMethod;
  if (!method) return '';
  if (method.windowsKnown < DEFAULT_MIN_BASELINE_WINDOWS) return 'none';
  if (method.windowsKnown < method.baselineWindows / 2) return 'thin';
  return method.windowsKnown < method.baselineWindows ? 'short' : '';
}

/** Fewer windows with a count than this, and page 1 draws no trend of the total: it says so. */
export const TREND_MIN_WINDOWS = 4;

/** How many of the tallied windows the total has a count for. */
export const knownWindows = (model: SignalsView): number => (model.incidents.history ?? []).filter((c) => c !== null).length;
