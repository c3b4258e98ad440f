/** When a percent change says something: not on a small base, where 4 → 9 is "+125 %". */

/** The smallest base a percent is printed on. */
export const DEFAULT_MIN_PERCENT_BASE = 5;

/** Whether a change may be shown as a percent of `base` (the count, or mean, compared with): base ≥ minBase. */
export function mayShowPercent(base: number, minBase = DEFAULT_MIN_PERCENT_BASE): boolean {
  if (!Number.isFinite(base) || base < 0) throw new RangeError(`a base must be a finite number from 0 up, not ${base}`);
  if (!Number.isFinite(minBase) || minBase < 0) throw new RangeError(`a minimum base must be a finite number from 0 up, not ${minBase}`);
  return base >= minBase;
}
