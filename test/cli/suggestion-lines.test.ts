/** Suggestions as generate and validate word them: the name, what it may mean, and the config line for each. */
import { describe, expect, it } from 'vitest';
import { suggestionLines } from '../../src/cli/suggestion-lines.js';
import type { NameSuggestion } from '../../src/model/report.js';

const rows = (n: number) => `${n} row${n === 1 ? '' : 's'}`;
const s = (over: Partial<NameSuggestion>): NameSuggestion => ({
  kind: 'area', name: 'Stationsomr.', count: 17, like: 'Stationsområdet', likeCount: 20, config: '"areaAliases": { "Stationsomr.": "Stationsområdet" }',
  why: 'abbreviates', nameIn: ['patrols'], likeIn: ['incidents'], candidates: ['Stationsområdet'], ...over,
});

describe('suggestions in words', () => {
  it('names the kind of export a name comes from and the incident area it abbreviates', () => {
    expect(suggestionLines([s({})], rows)).toEqual([
      'patrol area "Stationsomr." (17 rows) abbreviates the incident area "Stationsområdet" (20); to count them as one, add to the config: "areaAliases": { "Stationsomr.": "Stationsområdet" }',
    ]);
    expect(suggestionLines([s({ why: 'part of', name: 'Torget', like: 'Centrum/Torget', nameIn: ['patrols', 'activities'], config: 'C' })], String)).toEqual([
      'patrol and activity area "Torget" (17) is part of the incident area "Centrum/Torget" (20); to count them as one, add to the config: C',
    ]);
  });

  it('says that a name fitting two is unclear, and gives both lines', () => {
    const two = [
      s({ name: 'Centrum/Torget', count: 12, why: 'contains', like: 'Centrum', likeCount: 25, config: 'A', candidates: ['Centrum', 'Torget'] }),
      s({ name: 'Centrum/Torget', count: 12, why: 'contains', like: 'Torget', likeCount: 4, config: 'B', candidates: ['Centrum', 'Torget'] }),
    ];
    expect(suggestionLines(two, rows)).toEqual([
      'patrol area "Centrum/Torget" (12 rows) contains the incident areas "Centrum" (25) and "Torget" (4): it is not clear which it means, so add to the config the one it does: A or B',
    ]);
  });

  it('words a look-alike as it always has', () => {
    expect(suggestionLines([s({ name: 'Inre hamn', count: 1, like: 'Inre hamnen', likeCount: 2, why: 'looks like', nameIn: ['incidents'], config: 'C' })], rows)).toEqual([
      'area "Inre hamn" (1 row) looks like "Inre hamnen" (2); to count them as one, add to the config: C',
    ]);
    expect(suggestionLines([s({ kind: 'category', name: 'skadegörelse, klotter', count: 3, like: 'Skadegörelse', likeCount: 12, why: 'contains', nameIn: ['incidents'], config: 'C' })], rows)).toEqual([
      'category "skadegörelse, klotter" (3 rows) contains the category "Skadegörelse" (12); to count them as one, add to the config: C',
    ]);
  });
});
