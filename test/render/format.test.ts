import { describe, expect, it } from 'vitest';
import { arrow, dateRange, duration, longDate, number, percent, signed, weekRange } from '../../src/render/format.js';

describe('Swedish formatting', () => {
  it('writes dates and ranges the Swedish way', () => {
    expect(longDate('2024-04-15')).toBe('15 april 2024');
    expect(dateRange('2024-04-15', '2024-04-28')).toBe('15–28 april 2024');
    expect(dateRange('2024-03-25', '2024-04-07')).toBe('25 mars – 7 april 2024');
    expect(dateRange('2024-12-23', '2025-01-05')).toBe('23 december 2024 – 5 januari 2025');
  });

  it('writes week ranges', () => {
    expect(weekRange([16, 17])).toBe('v. 16–17');
    expect(weekRange([52, 1])).toBe('v. 52–1');
    expect(weekRange([9])).toBe('v. 9');
  });

  it('writes numbers with a space for thousands, a decimal comma and a real minus sign', () => {
    expect(number(1234567)).toBe('1\u00a0234\u00a0567');
    expect(number(12.25)).toBe('12,3');
    expect(signed(-3)).toBe('\u22123');
    expect(signed(0)).toBe('±0');
    expect(signed(7)).toBe('+7');
  });

  it('leaves the percentage empty when there is nothing to compare with', () => {
    expect(percent(54.2)).toBe('+54,2\u00a0%');
    expect(percent(-20)).toBe('\u221220\u00a0%');
    expect(percent(null)).toBe('');
    expect(percent(Infinity)).toBe('');
  });

  it('shows direction by shape as well as colour, and durations in hours and minutes', () => {
    expect([arrow(2), arrow(-1), arrow(0)]).toEqual(['↑', '↓', '=']);
    expect(duration(3220)).toBe('53 h 40 min');
    expect(duration(45)).toBe('45 min');
    expect(duration(120)).toBe('2 h');
  });
});
