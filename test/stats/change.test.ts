import { describe, expect, it } from 'vitest';
import { testChange, testChanges, summariseBaseline, sharedOverdispersion } from '../../src/stats/index.js';

const steady = Array<number>(26).fill(3);
const swinging = Array.from({ length: 26 }, (_, i) => (i % 2 === 0 ? 0 : 6));
const overdispersed = [2, 5, 1, 8, 3, 0, 6, 2, 9, 4];

describe('a count against the previous window alone', () => {
  it('is the conditional binomial test: 10 after 2 has p = 2 · P(Bin(12, ½) ≥ 10) = 158/4096', () => {
    const { p, ...rest } = testChange({ current: 10, baseline: [2] })!;
    expect(rest).toEqual({ against: 'previous', count: 10, expected: 2, windows: 1, sd: null, overdispersion: 0, direction: 'rise' });
    expect(p).toBeCloseTo(158 / 4096, 15);
  });

  it('does not call 4 → 9 ("+125 %") or 1 → 4 ("+300 %" on three incidents) a change', () => {
    expect(testChange({ current: 9, baseline: [4] })!.p).toBeCloseTo((2 * 1093) / 8192, 15);
    expect(testChange({ current: 4, baseline: [1] })!.p).toBeCloseTo(0.375, 15);
    expect(testChange({ current: 2, baseline: [6] })).toMatchObject({ direction: 'fall', p: expect.closeTo((2 * 37) / 256, 15) });
  });

  it('is used while the baseline has fewer known windows than asked for, and takes `previous` over the last of them', () => {
    expect(testChange({ current: 10, baseline: [null, 5, null, 2] })).toMatchObject({ against: 'previous', expected: 2 });
    expect(testChange({ current: 10, baseline: [5, 5, 2], previous: 2 }, { minBaselineWindows: 3 })).toMatchObject({ against: 'baseline', windows: 3 });
    expect(testChange({ current: 10, baseline: [5, 2], previous: 2 }, { minBaselineWindows: 3 })).toMatchObject({ against: 'previous', expected: 2 });
  });

  it('is no test when the previous window is not covered either', () => {
    expect(testChange({ current: 10, baseline: [] })).toBeNull();
    expect(testChange({ current: 10, baseline: [4, 4, null] })).toBeNull();
    expect(testChange({ current: 10, baseline: [4], previous: null })).toBeNull();
  });
});

describe('a count against a baseline of earlier windows', () => {
  it('is Binomial(k + S, 1/(N + 1)) when the baseline varies no more than Poisson (scipy: 12 after 26 × 3)', () => {
    expect(testChange({ current: 12, baseline: steady })).toMatchObject({ against: 'baseline', expected: 3, windows: 26, sd: 0, overdispersion: 0, direction: 'rise' });
    expect(testChange({ current: 12, baseline: steady })!.p / 0.0002481866195963208).toBeCloseTo(1, 10);
  });

  it('allows for a baseline that varies more than Poisson, as a beta-binomial (scipy.stats.betabinom)', () => {
    const rise = testChange({ current: 15, baseline: overdispersed })!;
    expect(rise).toMatchObject({ against: 'baseline', expected: 4, windows: 10, direction: 'rise' });
    expect(rise.sd).toBeCloseTo(Math.sqrt(80 / 9), 14);
    expect(rise.overdispersion).toBeCloseTo((80 / 9 - 4) / 16, 15);
    expect(rise.p / 0.024244864602145144).toBeCloseTo(1, 10);
    const fall = testChange({ current: 0, baseline: overdispersed })!;
    expect(fall.direction).toBe('fall');
    expect(fall.p / 0.15565763657501605).toBeCloseTo(1, 10);
  });

  it('leaves windows the exports do not cover out, never counting them as 0', () => {
    const withGaps = [null, ...overdispersed.slice(0, 5), null, null, ...overdispersed.slice(5)];
    expect(testChange({ current: 15, baseline: withGaps })).toEqual(testChange({ current: 15, baseline: overdispersed }));
  });

  it('gives p = 1 and no direction for a count equal to the baseline, and for nothing against nothing', () => {
    expect(testChange({ current: 3, baseline: steady })).toMatchObject({ p: 1, direction: 'none' });
    expect(testChange({ current: 0, baseline: [0, 0, 0, 0] })).toMatchObject({ p: 1, direction: 'none', expected: 0 });
  });

  it('finds 3 incidents where 26 windows had none unlikely by chance: P = (1/27)³, doubled', () => {
    expect(testChange({ current: 3, baseline: Array<number>(26).fill(0) })!.p).toBeCloseTo(2 / 27 ** 3, 15);
  });

  it('refuses counts that are no counts and options that make no baseline', () => {
    expect(() => testChange({ current: -1, baseline: [] })).toThrow('a current count must be a whole number from 0 up, not -1');
    expect(() => testChange({ current: 1, baseline: [1.5, 2] })).toThrow('a baseline count must be a whole number from 0 up, not 1.5');
    expect(() => testChange({ current: 1, baseline: [] }, { minBaselineWindows: 1 })).toThrow('a baseline needs a whole number of windows from 2 up, not 1');
  });
});

describe('series tested together', () => {
  it('share their over-dispersion: Σ (N − 1)(variance − mean) / Σ (N − 1)·mean²', () => {
    // steady: variance 0, mean 3; swinging: 13 zeros and 13 sixes, variance 26·9/25, mean 3.
    const shared = (25 * (0 - 3) + 25 * ((26 * 9) / 25 - 3)) / (25 * 9 + 25 * 9);
    expect(sharedOverdispersion([summariseBaseline(steady), summariseBaseline(swinging)])).toBeCloseTo(shared, 15);
    expect(sharedOverdispersion([summariseBaseline(steady)])).toBe(0);
    expect(sharedOverdispersion([])).toBe(0);
  });

  it('test a steady series with the spread of its kind, and a more variable one with its own (scipy.stats.betabinom)', () => {
    const [a, b] = testChanges([
      { current: 12, baseline: steady },
      { current: 12, baseline: swinging },
    ]);
    expect(a!.overdispersion).toBeCloseTo(84 / 450, 15);
    expect(a!.p / 0.0068111000610784345).toBeCloseTo(1, 10);
    expect(b!.overdispersion).toBeCloseTo((9.36 - 3) / 9, 14);
    expect(b!.p / 0.053816653701800776).toBeCloseTo(1, 10);
  });

  it('keep their order, and a series with no comparison stays null among them', () => {
    const tests = testChanges([{ current: 1, baseline: [] }, { current: 10, baseline: [2] }]);
    expect(tests[0]).toBeNull();
    expect(tests[1]).toMatchObject({ against: 'previous', overdispersion: 0, p: expect.closeTo(158 / 4096, 15) });
  });
});
