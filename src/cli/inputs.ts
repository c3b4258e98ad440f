/** The options every command that reads exports shares: which files, which window. */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { InputSpec } from '../collect/index.js';
import type { Config } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { isKnownEncoding } from '../ingest/encoding.js';
import { TimeReader } from '../ingest/times.js';
import { addCalendarDays, isCalendarDate, lastCompleteWindowStart, localDate, reportPeriod, type ReportPeriod } from '../period.js';

export interface InputOptions {
  incidents: string[];
  patrols?: string[];
  activities?: string[];
  from?: string;
  to?: string;
  days?: string;
  now?: string;
  config?: string;
  encoding?: string;
}

/** The inputs in the order given; the same file twice is refused, as it would be read twice. */
export function inputSpecs(options: InputOptions, cwd: string): InputSpec[] {
  if (options.encoding !== undefined && !isKnownEncoding(options.encoding)) {
    throw new UsageError(`--encoding: "${options.encoding}" is not an encoding lagesbild knows (e.g. utf-8, windows-1252, utf-16le)`);
  }
  const specs: InputSpec[] = [
    ...options.incidents.map((file) => ({ file, kind: 'incidents' as const })),
    ...(options.patrols ?? []).map((file) => ({ file, kind: 'patrols' as const })),
    ...(options.activities ?? []).map((file) => ({ file, kind: 'activities' as const })),
  ];
  const seen = new Map<string, string>();
  for (const { file } of specs) {
    const key = realPath(resolve(cwd, file));
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new UsageError(`the same file is given twice: ${earlier} and ${file}`);
    seen.set(key, file);
  }
  return specs;
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path; // a missing file is reported when it is read
  }
}

/**
 * The window: --from and/or --to, of --days days (or the config's, 14 by default);
 * without either, the last complete window before --now (default: now) on the
 * config's cadence. The comparison window has the same length.
 */
export function resolvePeriod(options: Pick<InputOptions, 'from' | 'to' | 'days' | 'now'>, config: Config): ReportPeriod {
  const { timezone, period } = config;
  const days = windowLength(options, period.days);
  const make = (start: string) => reportPeriod(start, days, timezone, period.history);
  if (options.from !== undefined || options.to !== undefined) {
    if (options.now !== undefined) throw new UsageError('give --from/--to or --now, not both: --now only chooses the window when neither is given');
    if (options.from !== undefined && !isCalendarDate(options.from)) throw new UsageError(`--from: "${options.from}" is not a date written YYYY-MM-DD`);
    if (options.to !== undefined && !isCalendarDate(options.to)) throw new UsageError(`--to: "${options.to}" is not a date written YYYY-MM-DD`);
    return make(options.from ?? addCalendarDays(options.to!, 1 - days, timezone));
  }
  let now = Date.now();
  if (options.now !== undefined) {
    const parsed = new TimeReader(timezone).dateTime(options.now);
    if (!parsed.ok) throw new UsageError(`--now: "${options.now}" is not a date or date-time (e.g. 2024-05-06 or 2024-05-06T08:00)`);
    now = parsed.value;
  }
  return make(lastCompleteWindowStart(localDate(now, timezone), period.anchor, days, timezone));
}

/** --days, or the days from --from to --to (inclusive), or the config's length. */
function windowLength({ from, to, days }: Pick<InputOptions, 'from' | 'to' | 'days'>, configured: number): number {
  let n: number | undefined;
  if (days !== undefined) {
    n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 366) throw new UsageError(`--days: "${days}" is not a whole number of days from 1 to 366`);
  }
  if (from !== undefined && to !== undefined && isCalendarDate(from) && isCalendarDate(to)) {
    const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
    if (span < 1) throw new UsageError(`--to ${to} is before --from ${from}`);
    if (n !== undefined && n !== span) throw new UsageError(`--from ${from} --to ${to} is ${span} days, but --days says ${n}`);
    n = span;
  }
  return n ?? configured;
}
