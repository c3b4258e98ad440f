import { describe, expect, it } from 'vitest';
import { betaBinomialTails } from '../../src/stats/beta-binomial.js';
import { binomialLower, binomialUpper } from '../../src/stats/index.js';

// A second implementation with no gamma or beta function: the mass as the product
// C(n, j) · Π(α + i) · Π(β + i) / Π(α + β + i), summed term by term in log space.
function logMass(j: number, n: number, a: number, b: number): number {
  let log = 0;
  for (let i = 0; i < j; i++) log += Math.log((n - i) / (i + 1)) + Math.log(a + i);
  for (let i = 0; i < n - j; i++) log += Math.log(b + i);
  for (let i = 0; i < n; i++) log -= Math.log(a + b + i);
  return log;
}
function direct(k: number, n: number, a: number, b: number) {
  const mass = Array.from({ length: n + 1 }, (_, j) => Math.exp(logMass(j, n, a, b)));
  const sum = (from: number, to: number) => mass.slice(from, to + 1).reduce((s, m) => s + m, 0);
  return { upper: sum(k, n), lower: sum(0, k) };
}

describe('beta-binomial tails', () => {
  it('match scipy.stats.betabinom (1.17)', () => {
    const t = betaBinomialTails(20, 60, 2, 30);
    expect(t.upper / 0.0006243608769795905).toBeCloseTo(1, 10);
    expect(betaBinomialTails(0, 60, 2, 30).lower).toBeCloseTo(0.11355311355311365, 14);
    // U-shaped (both shapes under 1): the mass is largest at the ends.
    const u = betaBinomialTails(5, 10, 0.3, 0.4);
    expect(u.upper).toBeCloseTo(0.4460237677644634, 13);
    expect(u.lower).toBeCloseTo(0.6004881839470866, 13);
  });

  it('agree with a product-formula sum over the shapes a baseline gives', () => {
    for (const [n, a, b] of [[40, 3.27, 32.7], [135, 0.5, 13], [12, 1, 1], [300, 12, 312]] as const) {
      for (const k of [0, 1, 4, 10, 12, 30]) {
        if (k > n) continue;
        const want = direct(k, n, a, b);
        const got = betaBinomialTails(k, n, a, b);
        expect(got.upper / want.upper, `P(K ≥ ${k} | ${n}, ${a}, ${b})`).toBeCloseTo(1, 9);
        expect(got.lower / want.lower, `P(K ≤ ${k} | ${n}, ${a}, ${b})`).toBeCloseTo(1, 9);
      }
    }
  });

  it('tend to the binomial as the shapes grow with their ratio held', () => {
    const t = betaBinomialTails(12, 90, 1e7, 26e7);
    expect(t.upper / binomialUpper(12, 90, 1 / 27)).toBeCloseTo(1, 5);
    expect(t.lower / binomialLower(12, 90, 1 / 27)).toBeCloseTo(1, 5);
  });

  it('are 0 and 1 past the ends, and refuse shapes that are no shapes', () => {
    expect(betaBinomialTails(11, 10, 2, 3)).toEqual({ upper: 0, lower: 1 });
    expect(betaBinomialTails(0, 10, 2, 3).upper).toBe(1);
    expect(() => betaBinomialTails(1, 10, 0, 3)).toThrow('beta-binomial shapes must be finite and above 0, not 0 and 3');
  });
});
