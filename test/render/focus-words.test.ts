/** The focus list in words and its strips: what page 1 prints of when, the patrols and the sources. */
import { describe, expect, it } from 'vitest';
import type { FocusPlace } from '../../src/model/report.js';
import { focusHelpers, runsOf } from '../../src/render/focus-words.js';
import { formatsFor } from '../../src/render/format.js';
import { stripSvg } from '../../src/render/strips.js';

const sv = focusHelpers('sv', formatsFor('sv'), (html) => html);
const en = focusHelpers('en', formatsFor('en'), (html) => html);
const place = (over: Partial<FocusPlace>): FocusPlace => ({
  area: 'Hamnen', rank: 1, why: [], when: [], incidents: 12, rounds: 0, minutes: 0, uncoveredHours: 0, share: 50, score: 12, signal: null, class: null,
  perPatrolHour: null, fewRounds: true, patrolLogs: true, timed: 12, dateOnly: 0, sources: [], weekdayHour: Array.from({ length: 7 }, () => new Array<number>(24).fill(0)), ...over,
});

describe('the focus list in words', () => {
  it('writes weekdays as runs and hours with the end exclusive, across midnight too', () => {
    expect(runsOf([5, 1, 2, 3])).toEqual([[1, 3], [5, 5]]);
    expect(sv.focusWhen([{ weekdays: [1, 2, 3], hours: [18, 23], incidents: 9, share: 75 }, { weekdays: [4, 5], hours: [22, 2], incidents: 3, share: 25 }])).toEqual(['tis–tor 18–23', 'fre–lör 22–02']);
    expect(sv.focusWhen([{ weekdays: [0, 2, 6], hours: [0, 24], incidents: 5, share: 60 }])).toEqual(['mån, ons, sön hela dygnet']);
    expect(en.focusWhen([{ weekdays: [0, 1, 2, 3, 4, 5, 6], hours: [19, 1], incidents: 5, share: 60 }])).toEqual(['every day 19–01']);
  });

  it('says what the patrols did, and that nothing is known without a patrol log', () => {
    expect(sv.focusPatrols(place({ rounds: 3, minutes: 95 }))).toBe('3 ronder, 1 h 35 min');
    expect(sv.focusPatrols(place({ rounds: 1, minutes: 45 }))).toBe('1 rond, 45 min');
    expect(sv.focusPatrols(place({}))).toBe('inga ronder');
    expect(sv.focusPatrols(place({ patrolLogs: false }))).toBe('ingen ronderingslogg');
  });

  it('words each reason, leaving "no rounds" to the patrol column', () => {
    const why = sv.focusWhy([
      { code: 'incidents', count: 12, share: 46.2 },
      { code: 'rise', count: 12, expected: 3.5, against: 'baseline' },
      { code: 'hotspot', class: 'rising' },
      { code: 'noRounds' },
      { code: 'uncovered', hours: 1 },
      { code: 'fewTimes', timed: 2, needed: 4 },
    ]);
    expect(why).toBe('12 händelser (46,2 % av alla); ökning utöver slumpen: 12 mot normalt 3,5; brännpunkt, ökande; 1 timme i veckan med händelse och ingen rond; för få händelser med klockslag (2) för att visa när');
  });

  it('names the three largest sources and counts the rest, an unknown source as okänd', () => {
    const sources = [{ source: 'Kommunvakt', count: 8 }, { source: 'Skolan', count: 3 }, { source: 'Medborgare', count: 2 }, { source: 'Polisen', count: 1 }, { source: null, count: 2 }];
    expect(sv.sourceCounts(sources)).toBe('Kommunvakt 8, Skolan 3, Medborgare 2, övriga 3');
    expect(sv.sourceCounts([{ source: null, count: 4 }])).toBe('okänd 4');
    expect(en.sourceName(null)).toBe('unknown');
  });
});

describe('a focus place’s strip', () => {
  it('draws the 168 hours of the week and frames a cluster across midnight on both days', () => {
    const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
    grid[4]![23] = 2;
    grid[5]![0] = 1;
    const svg = stripSvg(grid, [{ weekdays: [4], hours: [22, 2] }], ['mån', 'tis', 'ons', 'tor', 'fre', 'lör', 'sön'], 'Hamnen & Co');
    expect(svg.match(/<rect [^>]*fill="rgb/g)).toHaveLength(168);
    const frames = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="[\d.]+" fill="none"/g)].map((m) => m.slice(1).map(Number));
    // Friday 22–24 and Saturday 00–02: cells of 4, the grid 15 from the left and 6 from the top.
    expect(frames).toEqual([[15 + 22 * 4, 6 + 4 * 4, 2 * 4], [15, 6 + 5 * 4, 2 * 4]]);
    expect(svg).toContain('aria-label="Hamnen &amp; Co"');
  });
});
