/**
 * What N earlier windows say about a count: its mean, its spread, and how
 * much more than Poisson it varies — the over-dispersion the test allows for.
 */
import { assertCount } from './tails.js';

export interface Baseline {
  /** Windows with a known count (windows not covered by the exports are left out, never taken as 0). */
  windows: number;
  /** Their total. */
  total: number;
  /** Their mean: the expected count of a window. */
  mean: number;
  /** Their sample standard deviation (divisor windows − 1); null for fewer than 2 windows. */
  sd: number | null;
  /** Variance over mean: about 1 for Poisson counts, more for counts that vary more; null without an sd or with a mean of 0. */
  dispersion: number | null;
  /**
   * κ, the variance beyond Poisson relative to the mean squared: (variance − mean) / mean²,
   * at least 0; null where `dispersion` is. The squared coefficient of variation
   * of the underlying rate between windows (κ = 0.25: the rate swings by about
   * ±50 % from window to window), and 1/κ the size r of a negative binomial
   * with variance mean + κ·mean².
   */
  overdispersion: number | null;
}

/**
 * Summarises the known counts of earlier windows. Assumes them independent
 * draws of one distribution: no trend or season inside the baseline beyond
 * what its spread shows.
 */
export function summariseBaseline(counts: readonly (number | null)[]): Baseline {
  let windows = 0;
  let total = 0;
  for (const c of counts) {
    if (c === null) continue;
    assertCount(c, 'a baseline count');
    windows++;
    total += c;
  }
  const mean = windows > 0 ? total / windows : 0;
  if (windows < 2) return { windows, total, mean, sd: null, dispersion: null, overdispersion: null };
  let squares = 0;
  for (const c of counts) if (c !== null) squares += (c - mean) ** 2;
  const variance = squares / (windows - 1);
  if (mean === 0) return { windows, total, mean, sd: 0, dispersion: null, overdispersion: null };
  return { windows, total, mean, sd: Math.sqrt(variance), dispersion: variance / mean, overdispersion: Math.max(0, (variance - mean) / mean ** 2) };
}

/**
 * The over-dispersion κ common to a set of series — the areas, or the cells,
 * of one report: Σ (N − 1)(variance − mean) / Σ (N − 1)·mean² over the series
 * with a spread, at least 0. A moment estimate that is unbiased when all
 * series share one κ, and, pooled over hundreds of series, far less noisy than
 * any one series' own estimate from a few windows; 0 when no series has a spread.
 */
export function sharedOverdispersion(baselines: readonly Baseline[]): number {
  let excess = 0;
  let scale = 0;
  for (const b of baselines) {
    if (b.sd === null || b.mean === 0) continue;
    excess += (b.windows - 1) * (b.sd ** 2 - b.mean);
    scale += (b.windows - 1) * b.mean ** 2;
  }
  return scale > 0 ? Math.max(0, excess / scale) : 0;
}
