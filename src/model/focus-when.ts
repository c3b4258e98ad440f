/**
 * When a place's incidents cluster, from its own weekday × hour counts: the
 * shortest run of clock hours (across midnight too) that holds WHEN_HOUR_SHARE
 * of its incidents with a time of day — or, when that run is longer than
 * WHEN_MAX_HOURS, the shortest holding WHEN_PEAK_SHARE (a peak of two) — then
 * the fewest weekdays that hold WHEN_DAY_SHARE of the incidents in those hours;
 * once more for what is left, if enough is. A run still over WHEN_MAX_HOURS is
 * no cluster of hours (they are left open, 0–24), nor are more than
 * WHEN_MAX_DAYS weekdays (every day is given); and a cluster must hold
 * WHEN_MIN_LIFT times the share its hours are of the week, else it is only an
 * even spread and no `when`. Too few incidents with a time give no `when` at all: no pattern is
 * made of three points.
 */

/** Fewer incidents with a time of day than this show no pattern. */
export const WHEN_MIN_INCIDENTS = 4;
export const WHEN_HOUR_SHARE = 0.8;
export const WHEN_PEAK_SHARE = 0.5;
export const WHEN_DAY_SHARE = 0.8;
export const WHEN_MAX_HOURS = 8;
/** A cluster holds at least this many times the share of the incidents its hours are of the week's 168: else it is no more than an even spread. */
export const WHEN_MIN_LIFT = 2;
export const WHEN_MAX_DAYS = 4;
/** A second cluster is given when what the first leaves holds at least this share of the incidents (and WHEN_MIN_INCIDENTS). */
export const WHEN_SECOND_SHARE = 0.25;

/**
 * Weekdays (0 = Monday) and hours [from, to): `to` is exclusive, 1–24, and below
 * `from` across midnight ([22, 2] is 22:00–02:00, the early hours counted with
 * the weekday the evening began); [0, 24] is the whole day.
 */
export interface FocusWhen {
  weekdays: number[];
  hours: [number, number];
  /** Incidents in those hours of those weekdays (aoristic shares, to one decimal), and their percent of the place's incidents with a time. */
  incidents: number;
  share: number;
}

const DAYS = 7;
const HOURS = 24;

/** The clusters of a weekday × hour grid (7 × 24, 0 = Monday), the largest first; none when too few incidents have a time. */
export function whenOf(grid: readonly (readonly number[])[]): FocusWhen[] {
  const total = sum(grid.flat());
  if (total < WHEN_MIN_INCIDENTS) return [];
  const left = grid.map((row) => [...row]);
  const out: FocusWhen[] = [];
  for (let round = 0; round < 2; round++) {
    const remaining = sum(left.flat());
    if (round > 0 && (remaining < WHEN_MIN_INCIDENTS || remaining < total * WHEN_SECOND_SHARE)) break;
    const found = clusterOf(left);
    if (!found) break;
    const held = cells(found).reduce((n, [d, h]) => n + left[d]![h]!, 0);
    if (held / total < (WHEN_MIN_LIFT * cells(found).length) / (DAYS * HOURS)) break;
    for (const [d, h] of cells(found)) left[d]![h] = 0;
    out.push({ ...found, incidents: round1(held), share: Math.round((held / total) * 100) });
  }
  return out;
}

function clusterOf(grid: readonly (readonly number[])[]): Pick<FocusWhen, 'weekdays' | 'hours'> | null {
  const total = sum(grid.flat());
  if (total <= 0) return null;
  const profile = Array.from({ length: HOURS }, (_, h) => sum(grid.map((row) => row[h]!)));
  let { from, length } = shortestRun(profile, total * WHEN_HOUR_SHARE);
  if (length > WHEN_MAX_HOURS) ({ from, length } = shortestRun(profile, total * WHEN_PEAK_SHARE));
  const open = length > WHEN_MAX_HOURS;
  const start = open ? 0 : from;
  const span = open ? HOURS : length;
  const hours: [number, number] = [start, start + span > HOURS ? start + span - HOURS : start + span];
  const perDay = new Array<number>(DAYS).fill(0);
  for (const [d, h, night] of cells({ weekdays: [0, 1, 2, 3, 4, 5, 6], hours })) perDay[night]! += grid[d]![h]!;
  const inRun = sum(perDay);
  const order = perDay.map((n, d) => ({ n, d })).sort((a, b) => b.n - a.n || a.d - b.d);
  const weekdays: number[] = [];
  let held = 0;
  for (const { n, d } of order) {
    if (held >= inRun * WHEN_DAY_SHARE - 1e-9 || n <= 0) break;
    weekdays.push(d);
    held += n;
  }
  return { weekdays: weekdays.length > WHEN_MAX_DAYS ? [0, 1, 2, 3, 4, 5, 6] : weekdays.sort((a, b) => a - b), hours };
}

/** The shortest run of hours round the clock holding `wanted`; of runs as short, the one holding most, then the earliest. */
export function shortestRun(profile: readonly number[], wanted: number): { from: number; length: number } {
  for (let length = 1; length <= HOURS; length++) {
    let best: { from: number; held: number } | null = null;
    for (let from = 0; from < HOURS; from++) {
      let held = 0;
      for (let i = 0; i < length; i++) held += profile[(from + i) % HOURS]!;
      if (held >= wanted - 1e-9 && (best === null || held > best.held + 1e-9)) best = { from, held };
    }
    if (best) return { from: best.from, length };
  }
  return { from: 0, length: HOURS };
}

/**
 * The grid cells [weekday, hour, the weekday of the run] of a cluster: a run across
 * midnight takes the early hours of the next day, which belong to the night it began.
 */
function cells({ weekdays, hours: [from, to] }: Pick<FocusWhen, 'weekdays' | 'hours'>): [number, number, number][] {
  const span = to > from ? to - from : to + HOURS - from;
  const out: [number, number, number][] = [];
  for (const d of weekdays) {
    for (let i = 0; i < span; i++) {
      const h = from + i;
      out.push(h < HOURS ? [d, h, d] : [(d + 1) % DAYS, h - HOURS, d]);
    }
  }
  return out;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const round1 = (n: number) => Math.round(n * 10) / 10;
