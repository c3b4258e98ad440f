/**
 * A table of the report lists at most TABLE_ROWS rows, in the model's order
 * (the most incidents first), and past them the rows a signal marks; one row
 * then sums up the others ("övriga 7 900 områden: 12 345 händelser"). A report
 * of 8,000 areas prints in seconds, where Chromium gave up on three tables of
 * 8,000 rows; every row stays in the JSON, and a report of fewer rows is as before.
 */

/** Rows a table lists before it sums up the rest: two or three pages of A4. */
export const TABLE_ROWS = 100;

type Row = Record<string, unknown>;

/** The rows a table lists: the first `limit`, then any other a signal marks (up to `limit` of them). */
export function shownRows<T>(rows: readonly T[] | null | undefined, limit = TABLE_ROWS): readonly T[] {
  if (!Array.isArray(rows) || rows.length <= limit) return rows ?? [];
  const marked = rows.slice(limit).filter(isMarked).slice(0, limit);
  return [...rows.slice(0, limit), ...marked];
}

/** What the table leaves out: how many rows, and each numeric field summed over them (`sum.count`); null when it lists every row. */
export function rowsLeft(rows: readonly unknown[] | null | undefined, limit = TABLE_ROWS): { rows: number; sum: Record<string, number> } | null {
  if (!Array.isArray(rows) || rows.length <= limit) return null;
  const shown = new Set(shownRows(rows, limit));
  const sum: Record<string, number> = {};
  let left = 0;
  for (const row of rows) {
    if (shown.has(row)) continue;
    left++;
    for (const [key, value] of Object.entries(row as Row)) if (typeof value === 'number' && Number.isFinite(value)) sum[key] = (sum[key] ?? 0) + value;
  }
  return left === 0 ? null : { rows: left, sum };
}

/** A row that a signal marks (issue 17's `signal: "rise" | "fall"`), or a hot spot whose class one gives. */
function isMarked(row: unknown): boolean {
  const r = row as Row | null;
  return typeof r === 'object' && r !== null && ((r.signal !== null && r.signal !== undefined && r.signal !== false) || r.class === 'rising' || r.class === 'falling');
}
