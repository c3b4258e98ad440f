/**
 * The look-alike pass finds its pairs through an index of keys instead of by
 * comparing every pair: on any set of names it must point exactly the names
 * that comparing every pair points, at exactly the same names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameBook, type NameEntry } from '../../src/model/names.js';
import { byCommonness, findLookAlikes, looksAlike } from '../../src/model/similar-names.js';

/** The pass as it was before the index: each name against every more common one not merged away. */
function byEveryPair(book: NameBook): { name: NameEntry; like: NameEntry }[] {
  const names = byCommonness(book.entries());
  const merged = new Set<string>();
  const out: { name: NameEntry; like: NameEntry }[] = [];
  for (let j = 1; j < names.length; j++) {
    const rare = names[j]!;
    const common = names.slice(0, j).find((c) => !merged.has(c.key) && looksAlike(c.key, rare.key));
    if (!common) continue;
    merged.add(rare.key);
    out.push({ name: rare, like: common });
  }
  return out;
}

const pairs = (found: { name: NameEntry; like: NameEntry }[]) => found.map(({ name, like }) => `${name.display} → ${like.display}`);

function book(names: { name: string; count: number }[]): NameBook {
  const b = new NameBook();
  for (const { name, count } of names) b.see(name, count, 'incidents');
  return b;
}

// Few letters, the ones folding touches among them, so that many names look alike, chain and tie.
const letter = fc.constantFrom('a', 'e', 'o', 'n', 's', 'å', 'ä', 'ö', 'é', 'A', 'Ö', ' ', '-', '1', '2', '😀');
const name = fc.array(letter, { minLength: 0, maxLength: 11 }).map((l) => l.join(''));
const names = fc.array(fc.record({ name, count: fc.integer({ min: 1, max: 4 }) }), { maxLength: 60 });

describe('look-alike names by the index', () => {
  it('points exactly the names that comparing every pair points, at the same names', () => {
    fc.assert(
      fc.property(names, (set) => {
        expect(pairs(findLookAlikes(book(set)))).toEqual(pairs(byEveryPair(book(set))));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds what comparing every pair finds among names built to look alike', () => {
    const stems = fc.constantFrom('stationsområdet', 'inre hamnen', 'östra torget', 'skolan', 'parken 2', 'centrum');
    const edit = fc.tuple(stems, fc.nat(20), fc.constantFrom('', 'a', 'e', 'n', 'å')).map(([s, at, c]) => s.slice(0, at % (s.length + 1)) + c + s.slice((at % (s.length + 1)) + (c ? 0 : 1)));
    const set = fc.array(fc.record({ name: fc.oneof(stems, edit), count: fc.integer({ min: 1, max: 5 }) }), { maxLength: 40 });
    fc.assert(
      fc.property(set, (s) => {
        const found = pairs(findLookAlikes(book(s)));
        expect(found).toEqual(pairs(byEveryPair(book(s))));
      }),
      { numRuns: 1000 },
    );
  });

  it('points a misspelling at the common name among 50,000 other names', () => {
    const b = new NameBook();
    // Consonants only, each word three times: no two of them are within one edit or fold alike.
    const word = (i: number) => [...i.toString(20)].map((d) => 'bcdfghjklmnpqrstvwxz'[parseInt(d, 20)]).join('');
    for (let i = 0; i < 50_000; i++) b.see(`${word(i)} ${word(i)} ${word(i)}`, 2, 'incidents');
    b.see('Stationsområdet', 9, 'incidents');
    b.see('Stationsomradet', 1, 'incidents');
    expect(pairs(findLookAlikes(b))).toEqual(['Stationsomradet → Stationsområdet']);
  });
});
