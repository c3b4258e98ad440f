import { describe, expect, it } from 'vitest';
import { adjustedPValues, discoveries } from '../../src/stats/index.js';

// Benjamini & Hochberg (1995), section 4: the 15 p-values of Neuhaus et al.'s trial.
const NEUHAUS = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];

describe('Benjamini–Hochberg', () => {
  it('rejects the four hypotheses of the 1995 paper at q = 0.05, where Bonferroni rejects three', () => {
    const found = discoveries(NEUHAUS.map((p, i) => ({ i, p })), 0.05);
    expect(found.filter((t) => t.discovery).map((t) => t.i)).toEqual([0, 1, 2, 3]);
    expect(NEUHAUS.filter((p) => p <= 0.05 / 15)).toHaveLength(3);
  });

  it('gives the q-values scipy.stats.false_discovery_control gives', () => {
    const scipy = [0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286, 0.06385714285714286, 0.0645, 0.0765, 0.486, 0.5811818181818181, 0.714875, 0.7532307692307693, 0.8132142857142857, 1];
    adjustedPValues(NEUHAUS).forEach((q, i) => expect(q, `q-value ${i}`).toBeCloseTo(scipy[i]!, 14));
  });

  it('keeps the order given, whatever order the p-values come in', () => {
    const shuffled = [9, 0, 14, 3, 7, 1, 12, 5, 2, 10, 4, 13, 6, 11, 8];
    const q = adjustedPValues(NEUHAUS);
    expect(adjustedPValues(shuffled.map((i) => NEUHAUS[i]!))).toEqual(shuffled.map((i) => q[i]));
  });

  it('gives equal p-values equal q-values, and calls all or none of them discoveries', () => {
    const q = adjustedPValues([0.01, 0.02, 0.02, 0.02, 0.5]);
    expect(q[1]).toBe(q[2]);
    expect(q[2]).toBe(q[3]);
    expect(q).toEqual([0.025, 0.025, 0.025, 0.025, 0.5]);
    expect(discoveries([0.01, 0.02, 0.02, 0.02, 0.5].map((p) => ({ p })), 0.025).map((t) => t.discovery)).toEqual([true, true, true, true, false]);
  });

  it('handles no tests at all', () => {
    expect(adjustedPValues([])).toEqual([]);
    expect(discoveries([])).toEqual([]);
  });

  it('takes q = 0.1 by default and keeps what each test carries', () => {
    const [a, b] = discoveries([
      { area: 'Inre hamnen', p: 0.04 },
      { area: 'Centrum', p: 0.06 },
    ]);
    expect(a).toEqual({ area: 'Inre hamnen', p: 0.04, qValue: 0.06, discovery: true });
    expect(b).toEqual({ area: 'Centrum', p: 0.06, qValue: 0.06, discovery: true });
    expect(discoveries([{ p: 0.04 }, { p: 0.06 }], 0.05).map((t) => t.discovery)).toEqual([false, false]);
  });

  it('refuses a p-value or a rate that is none', () => {
    expect(() => adjustedPValues([0.2, Number.NaN])).toThrow('a p-value must be from 0 to 1, not NaN');
    expect(() => discoveries([{ p: 0.2 }], 0)).toThrow('a false discovery rate must be between 0 and 1, not 0');
  });
});
