/**
 * Is a window's count a real change, or chance? The count is tested against
 * a baseline of earlier windows, or, without enough of them, against the
 * previous window alone.
 */
import { betaBinomialTails, type Tails } from './beta-binomial.js';
import { sharedOverdispersion, summariseBaseline } from './baseline.js';
import { assertCount, binomialLower, binomialUpper, twoSided } from './tails.js';

/** Fewer known windows than this are no baseline: their spread cannot be judged (see `testChange`). */
export const DEFAULT_MIN_BASELINE_WINDOWS = 4;

// Below this κ the variance it adds (κ·mean²) is nothing, and the beta-binomial's shapes (1/κ) grow past
// what its log-beta terms hold to double precision: the test is then the binomial it tends to.
const NEGLIGIBLE = 1e-8;

export interface ChangeInput {
  /** The current window's count. */
  current: number;
  /** The counts of the windows before the current one, oldest first and the previous window last; null for a window the exports do not cover. */
  baseline: readonly (number | null)[];
  /** The previous window's count, null when not covered; by default the last of `baseline`. */
  previous?: number | null;
}

export interface ChangeOptions {
  /** Known windows a baseline needs (default 4, at least 2). */
  minBaselineWindows?: number;
  /** The over-dispersion κ shared by the series tested together, a floor under each one's own (`testChanges` estimates it); default 0. */
  sharedOverdispersion?: number;
}

export interface ChangeTest {
  /** What the count was tested against. */
  against: 'baseline' | 'previous';
  /** The current window's count. */
  count: number;
  /** The baseline's mean, or the previous window's count. */
  expected: number;
  /** Known windows it was tested against: 1 for the previous window. */
  windows: number;
  /** The baseline's standard deviation; null against the previous window. */
  sd: number | null;
  /** The over-dispersion κ the test allowed for: the larger of the baseline's own and the shared one; 0 is Poisson variation. */
  overdispersion: number;
  /** Two-sided: the smaller tail doubled, capped at 1. */
  p: number;
  /** Which way the count moved from `expected`. */
  direction: 'rise' | 'fall' | 'none';
}

/**
 * The conditional test of the current count k against N earlier windows of
 * total S: given the total k + S, under no change each event is in the current
 * window with probability 1/(N + 1), so k ~ Binomial(k + S, 1/(N + 1)) for
 * Poisson counts — an exact test that needs no estimate of the mean, so the
 * baseline's own noise is accounted for. For negative binomial counts with
 * over-dispersion κ = 1/r it is BetaBinomial(k + S, r, N·r). Assumes equal
 * exposure (windows of the same length) and counts independent across windows.
 */
export function conditionalTails(current: number, others: number, windows: number, overdispersion: number): Tails {
  const n = current + others;
  if (overdispersion < NEGLIGIBLE) {
    const share = 1 / (windows + 1);
    return { upper: binomialUpper(current, n, share), lower: binomialLower(current, n, share) };
  }
  const size = 1 / overdispersion;
  return betaBinomialTails(current, n, size, windows * size);
}

/**
 * Tests the current count against the baseline when it has at least
 * `minBaselineWindows` known windows, allowing for the larger of its own
 * over-dispersion and the shared one; else against the previous window when
 * that is known (the same test with N = 1: k given k + k₁ is Binomial(k + k₁,
 * 1/2), which assumes Poisson variation, as one window shows no spread, unless
 * a shared over-dispersion is given); null when neither is known.
 */
export function testChange(input: ChangeInput, options: ChangeOptions = {}): ChangeTest | null {
  const { minBaselineWindows = DEFAULT_MIN_BASELINE_WINDOWS, sharedOverdispersion: shared = 0 } = options;
  if (!Number.isInteger(minBaselineWindows) || minBaselineWindows < 2) {
    throw new RangeError(`a baseline needs a whole number of windows from 2 up, not ${minBaselineWindows}`);
  }
  if (!(shared >= 0 && Number.isFinite(shared))) throw new RangeError(`an over-dispersion must be a finite number from 0 up, not ${shared}`);
  assertCount(input.current, 'a current count');
  const baseline = summariseBaseline(input.baseline);
  if (baseline.windows >= minBaselineWindows) {
    return result('baseline', input.current, baseline.total, baseline.windows, baseline.sd, Math.max(shared, baseline.overdispersion ?? 0));
  }
  const previous = input.previous === undefined ? (input.baseline.at(-1) ?? null) : input.previous;
  if (previous === null) return null;
  assertCount(previous, 'a previous count');
  return result('previous', input.current, previous, 1, null, shared);
}

/**
 * Tests series of one kind together — the areas of a report, or its
 * categories, or its cells — each with `testChange`, under the over-dispersion
 * they share (`sharedOverdispersion`) as a floor: a series whose few windows
 * happened to vary little is not taken for a steadier one than its kind. One
 * call a kind: a sum of many series varies relatively less than its parts, and
 * the estimate, weighted by mean², would be the total's. In the order given.
 */
export function testChanges(inputs: readonly ChangeInput[], options: Omit<ChangeOptions, 'sharedOverdispersion'> = {}): (ChangeTest | null)[] {
  const minWindows = options.minBaselineWindows ?? DEFAULT_MIN_BASELINE_WINDOWS;
  const baselines = inputs.map((input) => summariseBaseline(input.baseline)).filter((b) => b.windows >= minWindows);
  const shared = sharedOverdispersion(baselines);
  return inputs.map((input) => testChange(input, { ...options, sharedOverdispersion: shared }));
}

/**
 * The two-sided p-value of the conditional test, `twoSided` of its tails. For
 * Poisson counts the tail on the count's side is computed first: when it is at
 * most 1/2 it is the smaller one (the two tails add up to more than 1), which
 * spares the other its incomplete beta function in almost every test.
 */
export function conditionalP(current: number, others: number, windows: number, overdispersion: number): number {
  if (overdispersion >= NEGLIGIBLE) {
    const tails = conditionalTails(current, others, windows, overdispersion);
    return twoSided(tails.upper, tails.lower);
  }
  const n = current + others;
  const share = 1 / (windows + 1);
  const [near, far] = current * (windows + 1) > n ? [binomialUpper, binomialLower] : [binomialLower, binomialUpper];
  const first = near(current, n, share);
  return first <= 0.5 ? 2 * first : twoSided(first, far(current, n, share));
}

function result(against: ChangeTest['against'], count: number, others: number, windows: number, sd: number | null, overdispersion: number): ChangeTest {
  const expected = others / windows;
  return {
    against,
    count,
    expected,
    windows,
    sd,
    overdispersion,
    p: conditionalP(count, others, windows, overdispersion),
    direction: count > expected ? 'rise' : count < expected ? 'fall' : 'none',
  };
}
