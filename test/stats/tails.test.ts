import { describe, expect, it } from 'vitest';
import { binomialLower, binomialUpper, poissonLower, poissonTwoSided, poissonUpper } from '../../src/stats/index.js';

// A second implementation, written apart from the library: each probability as a sum of
// the mass function, each term exp(log), with log k! summed from the logarithms.
const LOG_FACTORIALS = [0];
for (let k = 1; k <= 600; k++) LOG_FACTORIALS.push(LOG_FACTORIALS[k - 1]! + Math.log(k));
const logFactorial = (k: number) => LOG_FACTORIALS[k]!;
const logSum = (logs: number[]) => {
  const max = Math.max(...logs);
  return max + Math.log(logs.reduce((sum, l) => sum + Math.exp(l - max), 0));
};
const poissonLog = (j: number, mu: number) => j * Math.log(mu) - mu - logFactorial(j);
const binomialLog = (j: number, n: number, p: number) =>
  logFactorial(n) - logFactorial(j) - logFactorial(n - j) + j * Math.log(p) + (n - j) * Math.log(1 - p);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('Poisson tails', () => {
  it('give the textbook P(X ≥ 10) for a mean of 4 and P(X ≤ 2)', () => {
    // Tables give 1 − 0.9919 = 0.0081 and 0.2381; the digits are scipy.stats.poisson (1.17).
    expect(poissonUpper(10, 4)).toBeCloseTo(0.008132242796933871, 15);
    expect(poissonLower(2, 4)).toBeCloseTo(0.23810330555354436, 15);
  });

  it('keep their precision far out in the upper tail, where 1 − CDF is 0', () => {
    // scipy.stats.poisson.sf(29, 3)
    expect(poissonUpper(30, 3) / 4.277047721426935e-20).toBeCloseTo(1, 10);
    expect(poissonLower(0, 20)).toBeCloseTo(Math.exp(-20), 20);
  });

  it('agree with a direct sum of the mass function over counts and means a report meets', () => {
    for (const mu of [0.2, 1, 3, 7.5, 20, 60]) {
      for (const k of [0, 1, 2, 5, 10, 25, 50, 100]) {
        const lower = Math.exp(logSum(range(0, k).map((j) => poissonLog(j, mu))));
        const upper = k === 0 ? 1 : Math.exp(logSum(range(k, k + 400).map((j) => poissonLog(j, mu))));
        expect(poissonLower(k, mu) / lower, `P(X ≤ ${k} | ${mu})`).toBeCloseTo(1, 9);
        expect(poissonUpper(k, mu) / upper, `P(X ≥ ${k} | ${mu})`).toBeCloseTo(1, 9);
      }
    }
  });

  it('double the smaller tail for a two-sided p-value, capped at 1', () => {
    // scipy: 2 · min(sf(9, 4), cdf(10, 4))
    expect(poissonTwoSided(10, 4)).toBeCloseTo(0.016264485593867742, 15);
    expect(poissonTwoSided(1, 4)).toBeCloseTo(2 * 5 * Math.exp(-4), 15);
    expect(poissonTwoSided(4, 4)).toBe(1);
  });

  it('handle a mean of 0 and a count of 0', () => {
    expect(poissonUpper(0, 0)).toBe(1);
    expect(poissonUpper(1, 0)).toBe(0);
    expect(poissonLower(0, 0)).toBe(1);
    expect(poissonUpper(0, 5)).toBe(1);
  });

  it('refuse what is not a count or a mean', () => {
    expect(() => poissonUpper(2.5, 1)).toThrow('a Poisson count must be a whole number from 0 up, not 2.5');
    expect(() => poissonLower(-1, 1)).toThrow('a Poisson count must be a whole number from 0 up, not -1');
    expect(() => poissonUpper(1, Number.NaN)).toThrow('a Poisson mean must be a finite number from 0 up, not NaN');
  });
});

describe('binomial tails', () => {
  it('give the exact P(X ≤ 2) of 40 fair trials, 821 / 2⁴⁰', () => {
    expect(binomialLower(2, 40, 0.5) / (821 / 2 ** 40)).toBeCloseTo(1, 12);
    expect(binomialUpper(38, 40, 0.5) / (821 / 2 ** 40)).toBeCloseTo(1, 12);
  });

  it('agree with a direct sum of the mass function', () => {
    for (const [n, p] of [[12, 0.5], [90, 1 / 27], [300, 1 / 27], [55, 1 / 11]] as const) {
      for (const k of [0, 1, 3, 8, 12, 20, 40]) {
        if (k > n) continue;
        const lower = Math.exp(logSum(range(0, k).map((j) => binomialLog(j, n, p))));
        const upper = Math.exp(logSum(range(k, n).map((j) => binomialLog(j, n, p))));
        expect(binomialLower(k, n, p) / lower, `P(X ≤ ${k} | ${n}, ${p})`).toBeCloseTo(1, 9);
        expect(binomialUpper(k, n, p) / upper, `P(X ≥ ${k} | ${n}, ${p})`).toBeCloseTo(1, 9);
      }
    }
  });

  it('are 0 and 1 at the ends', () => {
    expect(binomialUpper(0, 10, 0.3)).toBe(1);
    expect(binomialUpper(11, 10, 0.3)).toBe(0);
    expect(binomialLower(10, 10, 0.3)).toBe(1);
    expect(binomialUpper(3, 0, 0.3)).toBe(0);
  });

  it('refuse a probability outside 0…1', () => {
    expect(() => binomialUpper(1, 10, 1.5)).toThrow('a binomial probability must be from 0 to 1, not 1.5');
  });
});
