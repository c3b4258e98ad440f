/**
 * Exact tails of the Poisson and binomial distributions, from @stdlib.
 *
 * The lower tail is the library's CDF. The upper tail is the regularized
 * incomplete gamma or beta function that the CDF is itself computed from,
 * taken from the other side: 1 − CDF would lose every digit below 1e-16,
 * and the strongest changes are ranked by exactly those small numbers.
 */
import betainc from '@stdlib/math-base-special-betainc';
import gammainc from '@stdlib/math-base-special-gammainc';
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import poissonCdf from '@stdlib/stats-base-dists-poisson-cdf';

/** Throws unless `k` is a count: an integer from 0 up. */
export function assertCount(k: number, what: string): void {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`${what} must be a whole number from 0 up, not ${k}`);
}

function assertMean(mu: number): void {
  if (!Number.isFinite(mu) || mu < 0) throw new RangeError(`a Poisson mean must be a finite number from 0 up, not ${mu}`);
}

function assertTrials(k: number, n: number, p: number): void {
  assertCount(k, 'a binomial count');
  assertCount(n, 'a binomial number of trials');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a binomial probability must be from 0 to 1, not ${p}`);
}

/**
 * P(X ≥ k) for X ~ Poisson(mu): the chance of k or more events in a window
 * whose true mean is mu. Assumes events independent of each other at a
 * constant rate over the window (a Poisson process).
 */
export function poissonUpper(k: number, mu: number): number {
  assertCount(k, 'a Poisson count');
  assertMean(mu);
  if (k === 0) return 1;
  if (mu === 0) return 0;
  // P(X ≥ k) = P(k, mu), the regularized lower incomplete gamma function.
  return gammainc(mu, k, true, false);
}

/** P(X ≤ k) for X ~ Poisson(mu), under the same assumptions as `poissonUpper`. */
export function poissonLower(k: number, mu: number): number {
  assertCount(k, 'a Poisson count');
  assertMean(mu);
  return poissonCdf(k, mu);
}

/**
 * The two-sided p-value of a count k against a known Poisson mean mu: the
 * smaller tail doubled, capped at 1 (the "central" definition). Chosen over
 * the sum of all outcomes no likelier than k ("minimum likelihood") because
 * a report says which way a count moved: a doubled tail is two one-sided
 * tests at half the level each, so a rise called at level q is a one-sided
 * test at q/2, and the p-value never falls as k moves towards mu, which the
 * minimum-likelihood one can for a skewed distribution like a small Poisson.
 */
export function poissonTwoSided(k: number, mu: number): number {
  return twoSided(poissonUpper(k, mu), poissonLower(k, mu));
}

/** The smaller of two tails, doubled and capped at 1 (see `poissonTwoSided`). */
export function twoSided(upper: number, lower: number): number {
  return Math.min(1, 2 * Math.min(upper, lower));
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p): k or more of n independent events each
 * falling on one side with probability p.
 */
export function binomialUpper(k: number, n: number, p: number): number {
  assertTrials(k, n, p);
  if (k === 0) return 1;
  if (k > n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  // P(X ≥ k) = I_p(k, n − k + 1), the regularized incomplete beta function.
  return betainc(p, k, n - k + 1, true, false);
}

/** P(X ≤ k) for X ~ Binomial(n, p), under the same assumptions as `binomialUpper`. */
export function binomialLower(k: number, n: number, p: number): number {
  assertTrials(k, n, p);
  return binomialCdf(k, n, p);
}
