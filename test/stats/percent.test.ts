import { describe, expect, it } from 'vitest';
import { mayShowPercent } from '../../src/stats/index.js';

describe('the minimum base of a percent', () => {
  it('is 5 by default: 4 → 9 gets no "+125 %", 5 → 9 gets its "+80 %"', () => {
    expect(mayShowPercent(4)).toBe(false);
    expect(mayShowPercent(4.8)).toBe(false);
    expect(mayShowPercent(5)).toBe(true);
    expect(mayShowPercent(0)).toBe(false);
  });

  it('follows the count configured', () => {
    expect(mayShowPercent(4, 3)).toBe(true);
    expect(mayShowPercent(9, 10)).toBe(false);
    expect(mayShowPercent(0, 0)).toBe(true);
  });

  it('refuses a base that is no count', () => {
    expect(() => mayShowPercent(-1)).toThrow('a base must be a finite number from 0 up, not -1');
    expect(() => mayShowPercent(3, Number.NaN)).toThrow('a minimum base must be a finite number from 0 up, not NaN');
  });
});
