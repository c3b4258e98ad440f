/**
 * The index of rows seen finds, for any sequence of rows, the same repeats as
 * the plain rule it replaced: a key string per row (id; or instant, keys and
 * tidied text), the first row of each content remembered.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeenRows, type Repeat } from '../../src/model/seen-rows.js';
import { looseKey } from '../../src/text.js';

interface Row {
  id?: string;
  instant: number;
  a: string;
  b: string | number;
  text: string;
}

/** The rule as it was written before: one key string per row. */
function plainRule(rows: Row[]): (Repeat | undefined)[] {
  const ids = new Map<string, { file: string; line: number }>();
  const content = new Map<string, { at: { file: string; line: number }; hasId: boolean }>();
  return rows.map((row, line) => {
    const here = { file: 'x.csv', line };
    const idKey = row.id === undefined ? undefined : row.id.trim().toLowerCase();
    const key = `${row.instant}|${row.a}|${typeof row.b}:${row.b}|${looseKey(row.text)}`;
    const byId = idKey === undefined ? undefined : ids.get(idKey);
    if (byId) return { at: byId, byId: true };
    const byContent = content.get(key);
    if (byContent && (idKey === undefined || !byContent.hasId)) return { at: byContent.at, byId: false };
    if (idKey !== undefined) ids.set(idKey, here);
    if (!byContent) content.set(key, { at: here, hasId: idKey !== undefined });
    return undefined;
  });
}

const row: fc.Arbitrary<Row> = fc.record(
  {
    id: fc.option(fc.constantFrom('K-1', 'k-1 ', 'K-2', 'K-3', ' K-4'), { nil: undefined }),
    instant: fc.constantFrom(0, 60_000, 1_704_067_200_000),
    a: fc.constantFrom('centrum', 'hamnen'),
    b: fc.constantFrom('klotter', 'brand', 30, 45),
    text: fc.constantFrom('', 'Krossad ruta', 'krossad  ruta ', 'KROSSAD RUTA', 'brand i container'),
  },
  { requiredKeys: ['instant', 'a', 'b', 'text'] },
);

describe('the rows seen before', () => {
  it('finds the same repeats, of the same earlier rows, as one key string per row did', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const seen = new SeenRows();
        const found = rows.map((r, line) => seen.repeatOf(r.id, r.instant, r.a, r.b, r.text, { file: 'x.csv', line }));
        expect(found).toEqual(plainRule(rows));
      }),
      { numRuns: 2000 },
    );
  });

  it('takes a row with an id as the repeat of an earlier row without one, and two rows with different ids as two rows', () => {
    const seen = new SeenRows();
    const at = (line: number) => ({ file: 'a.csv', line });
    expect(seen.repeatOf('K-1', 0, 'centrum', 'klotter', 'Krossad ruta', at(1))).toBeUndefined();
    expect(seen.repeatOf('K-2', 0, 'centrum', 'klotter', 'Krossad ruta', at(2))).toBeUndefined();
    expect(seen.repeatOf(undefined, 0, 'centrum', 'klotter', ' krossad  RUTA', at(3))).toEqual({ at: at(1), byId: false });
    expect(seen.repeatOf('k-2', 60_000, 'hamnen', 'brand', '', at(4))).toEqual({ at: at(2), byId: true });
    expect(seen.repeatOf(undefined, 60_000, 'hamnen', 'brand', '', at(5))).toBeUndefined();
    expect(seen.repeatOf('K-9', 60_000, 'hamnen', 'brand', '', at(6))).toEqual({ at: at(5), byId: false });
  });
});
