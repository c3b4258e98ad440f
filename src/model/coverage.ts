/**
 * What the exports cover. Each export covers the days from its first to its
 * last usable row, or the days the config declares for it; a kind's exports
 * together cover the union of theirs. A window of the history that the exports
 * of a kind it uses do not cover in full is incomplete: its counts of that kind
 * are not compared, and a hot-spot class never rests on it. Pure: calendar days
 * only, as `YYYY-MM-DD`.
 */
import type { InputKind } from '../domain.js';
import type { InputAccount, InputCovers } from './report-inputs.js';

/** Days of a kind that no export of it covers. */
export interface MissingDays {
  kind: InputKind;
  from: string;
  to: string;
}

/** One window of the history, and whether every kind that uses it is covered on each of its days. */
export interface WindowCoverage {
  start: string;
  end: string;
  complete: boolean;
  missing: MissingDays[];
}

/** Which windows of the history (0 the report window, 1 the comparison window, …) each kind's counts are used in. */
const USES: Record<InputKind, (index: number) => boolean> = {
  // Every window: the hot-spot history.
  incidents: () => true,
  // Rounds are counted now and before.
  patrols: (index) => index <= 1,
  // Activities count towards the promises up to the report window's end; they are not compared.
  activities: (index) => index === 0,
};

/** The days an export covers: what the config declares, each side it does not declare from its rows. */
export function coversOf(span: { first: string; last: string } | null, declared: { from?: string; to?: string } | undefined): InputCovers | null {
  const from = declared?.from ?? span?.first;
  const to = declared?.to ?? span?.last;
  if (from === undefined || to === undefined || from > to) return null;
  return { from, to, declared: declared?.from !== undefined || declared?.to !== undefined };
}

/** Each window of the history, newest first, with the days each kind that has exports and uses it lacks. */
export function windowCoverage(windows: readonly { start: string; end: string }[], inputs: readonly Pick<InputAccount, 'kind' | 'covers'>[]): WindowCoverage[] {
  const kinds = [...new Set(inputs.map((i) => i.kind))];
  const covered = new Map(kinds.map((kind) => [kind, union(inputs.filter((i) => i.kind === kind).map((i) => i.covers))]));
  return windows.map(({ start, end }, index) => {
    const missing = kinds.filter((kind) => USES[kind](index)).flatMap((kind) => gaps(covered.get(kind)!, day(start), day(end)).map(([from, to]) => ({ kind, from: date(from), to: date(to) })));
    return { start, end, complete: missing.length === 0, missing };
  });
}

/** Whether the exports of a kind cover window `index` in full; a kind with no export is not incomplete. */
export function isComplete(coverage: readonly WindowCoverage[], kind: InputKind, index: number): boolean {
  return !coverage[index]?.missing.some((m) => m.kind === kind);
}

/** An export whose kind leaves windows incomplete: what it covers, and each such window with the days no export of its kind covers. */
export interface CoverageNote {
  file: string;
  kind: InputKind;
  covers: InputCovers | null;
  windows: { index: number; start: string; end: string; missing: { from: string; to: string }[] }[];
}

/**
 * One note per export of a kind that leaves a window incomplete, in the order
 * of the inputs: every export of that kind is named, with what it covers, so a
 * reader sees which file ends where. `upTo`: only windows up to this index
 * (1: the report and comparison windows).
 */
export function coverageNotes(coverage: readonly WindowCoverage[], inputs: readonly Pick<InputAccount, 'file' | 'kind' | 'covers'>[], upTo = Infinity): CoverageNote[] {
  return inputs.flatMap(({ file, kind, covers }) => {
    const windows = coverage.flatMap(({ start, end, missing }, index) => {
      const days = missing.filter((m) => m.kind === kind).map(({ from, to }) => ({ from, to }));
      return index <= upTo && days.length > 0 ? [{ index, start, end, missing: days }] : [];
    });
    return windows.length > 0 ? [{ file, kind, covers, windows }] : [];
  });
}

/** Day ranges [from, to], inclusive, as day numbers; merged, in order. */
type Ranges = [number, number][];

function union(covers: readonly (InputCovers | null)[]): Ranges {
  const ranges = covers.filter((c) => c !== null).map((c): [number, number] => [day(c.from), day(c.to)]);
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Ranges = [];
  for (const [from, to] of ranges) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The days of [from, to] that the ranges leave out. */
function gaps(ranges: Ranges, from: number, to: number): Ranges {
  const out: Ranges = [];
  let next = from;
  for (const [a, b] of ranges) {
    if (b < next) continue;
    if (a > to) break;
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
    if (next > to) return out;
  }
  if (next <= to) out.push([next, to]);
  return out;
}

const DAY = 86_400_000;
/** A calendar date as a day number: calendar arithmetic needs no time zone. */
const day = (ymd: string) => Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(5, 7)) - 1, Number(ymd.slice(8, 10))) / DAY;
const date = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

/** Day ranges merged where they touch: the missing days of back-to-back windows read as one range. */
export function mergeRanges(ranges: readonly { from: string; to: string }[]): { from: string; to: string }[] {
  return union(ranges.map((r) => ({ ...r, declared: false }))).map(([from, to]) => ({ from: date(from), to: date(to) }));
}
