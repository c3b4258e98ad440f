/**
 * Which of many tests to believe: the Benjamini–Hochberg procedure, which
 * bounds the expected share of chance findings among those reported (the
 * false discovery rate) rather than the chance of any one (as Bonferroni
 * does, which with hundreds of cells would let almost no real change through).
 */

/**
 * The false discovery rate a report asks for: on average at most one signal in
 * ten is chance. A lägesbild is a list of places to look at, read by people
 * who then look; and the tests under it are conservative (exact tails of
 * discrete counts, the spread taken at an upper bound), so the rate realised
 * is well below this — at 0.05 a real tripling of a small count would be
 * missed most of the time.
 */
export const DEFAULT_FALSE_DISCOVERY_RATE = 0.1;

/**
 * Benjamini–Hochberg adjusted p-values (q-values), in the order given: the
 * smallest false discovery rate at which each test would be a discovery,
 * min over j ≥ i of m·p₍ⱼ₎/j for the i-th smallest p of m, capped at 1. Equal
 * p-values get equal q-values. Holds the rate for independent tests and for
 * positively dependent ones (Benjamini & Yekutieli 2001), as counts of one
 * area and of its cells are.
 */
export function adjustedPValues(ps: readonly number[]): number[] {
  ps.forEach((p) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`a p-value must be from 0 to 1, not ${p}`);
  });
  const m = ps.length;
  // Ties keep their input order, so the result never depends on the sort.
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, i } = order[rank - 1]!;
    running = Math.min(running, (m * p) / rank);
    adjusted[i] = running;
  }
  return adjusted;
}

export interface Discovery {
  /** The Benjamini–Hochberg adjusted p-value. */
  qValue: number;
  /** Whether the test is a discovery at the rate asked for: qValue ≤ rate. */
  discovery: boolean;
}

/**
 * Every test of one report with its q-value and whether it is a discovery at
 * false discovery rate `rate`. All tests of a report — total, areas,
 * categories, cells — go in one call, as the rate is held over what is tested
 * together. No tests, no discoveries.
 */
export function discoveries<T extends { p: number }>(tests: readonly T[], rate = DEFAULT_FALSE_DISCOVERY_RATE): (T & Discovery)[] {
  if (!(rate > 0 && rate < 1)) throw new RangeError(`a false discovery rate must be between 0 and 1, not ${rate}`);
  const adjusted = adjustedPValues(tests.map((t) => t.p));
  return tests.map((t, i) => ({ ...t, qValue: adjusted[i]!, discovery: adjusted[i]! <= rate }));
}
