/** The options every command that reads exports shares: which files, which window. */
import { realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { InputSpec } from '../collect/index.js';
import { globSync, isDynamicPattern } from 'tinyglobby';
import type { Config } from '../config/schema.js';
import type { InputKind } from '../domain.js';
import { InputError, UsageError } from '../errors.js';
import { isKnownEncoding } from '../encoding-names.js';
import { STDIN, STDIN_NAME } from '../ingest/input-file.js';
import { TimeReader } from '../ingest/times.js';
import { addCalendarDays, isCalendarDate, lastCompleteWindowStart, localDate, reportPeriod, type ReportPeriod } from '../period.js';

export interface InputOptions {
  incidents?: string[];
  patrols?: string[];
  activities?: string[];
  from?: string;
  to?: string;
  days?: string;
  now?: string;
  config?: string;
  encoding?: string;
}

export type ConfiguredInputs = NonNullable<Config['inputs']>;

/**
 * The inputs in the order given: the command line's files, or else the config's
 * (`inputs`, file names or glob patterns relative to the config file). The same
 * file twice is refused, as it would be read twice.
 */
export function inputSpecs(options: InputOptions, cwd: string, configured?: { inputs: ConfiguredInputs | undefined; dir: string; key: string }): InputSpec[] {
  if (options.encoding !== undefined && !isKnownEncoding(options.encoding)) {
    throw new UsageError(`--encoding: "${options.encoding}" is not an encoding lagesbild knows (e.g. utf-8, windows-1252, utf-16le)`);
  }
  // `-` is standard input, named so in the report and the log.
  const given = (kind: InputKind, files: string[] | undefined) => (files ?? []).map((file) => (file === STDIN ? { file, kind, name: STDIN_NAME } : { file, kind }));
  // From the config: read where the config says, named as the config names them, wherever the command runs.
  const fromConfig = (kind: InputKind) =>
    (configured!.inputs![kind] ?? []).flatMap((entry, i) => {
      const { file: pattern, ...declared } = typeof entry === 'string' ? { file: entry } : entry;
      const key = `${configured!.key}.${kind}${typeof entry === 'string' ? '' : `.${i}.file`}`;
      // A declared span goes with every file its pattern matches.
      return matching(pattern, configured!.dir, key).map((file) => ({ file, kind, name: relative(configured!.dir, file), ...(typeof entry === 'string' ? {} : { declared }) }));
    });
  let specs: InputSpec[];
  if (options.incidents !== undefined) {
    specs = [...given('incidents', options.incidents), ...given('patrols', options.patrols), ...given('activities', options.activities)];
  } else if (configured?.inputs?.incidents) {
    specs = [
      ...fromConfig('incidents'),
      ...(options.patrols ? given('patrols', options.patrols) : fromConfig('patrols')),
      ...(options.activities ? given('activities', options.activities) : fromConfig('activities')),
    ];
  } else {
    throw new UsageError(`no incident exports: give --incidents FILE…, or list them under "${configured?.key ?? 'inputs'}": {"incidents": […]} in the config`);
  }
  if (specs.filter((s) => s.file === STDIN).length > 1) throw new UsageError('- (standard input) can be given as one input only: it is read once');
  const seen = new Map<string, string>();
  for (const { file, name } of specs) {
    if (file === STDIN) continue;
    const key = realPath(resolve(cwd, file));
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new UsageError(`the same file is given twice: ${earlier} and ${name ?? file}`);
    seen.set(key, name ?? file);
  }
  return specs;
}

/** A file name, or a glob pattern; a pattern that matches nothing is an error, so that a cron job never reports on missing exports. */
function matching(pattern: string, dir: string, key: string): string[] {
  if (!isDynamicPattern(pattern)) return [resolve(dir, pattern)];
  const found = globSync(pattern, { cwd: dir, absolute: true, onlyFiles: true, expandDirectories: false }).sort();
  if (found.length === 0) throw new InputError({ file: resolve(dir, pattern) }, `no file matches this pattern (config key "${key}")`);
  return found;
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
export function resolvePeriod(options: Pick<InputOptions, 'from' | 'to' | 'days' | 'now'>, config: Config, now = currentTime(options, config)): ReportPeriod {
  const { timezone, period } = config;
  const days = windowLength(options, period.days);
  const make = (start: string) => reportPeriod(start, days, timezone, period.history, config.signals.baselineWindows);
  if (options.from !== undefined || options.to !== undefined) {
    if (options.from !== undefined && !isCalendarDate(options.from)) throw new UsageError(`--from: "${options.from}" is not a date written YYYY-MM-DD`);
    if (options.to !== undefined && !isCalendarDate(options.to)) throw new UsageError(`--to: "${options.to}" is not a date written YYYY-MM-DD`);
    return make(options.from ?? addCalendarDays(options.to!, 1 - days, timezone));
  }
  return make(lastCompleteWindowStart(localDate(now, timezone), period.anchor, days, timezone));
}

/**
 * The time the run takes as now: --now, else SOURCE_DATE_EPOCH (seconds, the
 * reproducible-builds convention), else the clock. It chooses the default window
 * and dates the PDF, so that the same inputs give the same file.
 */
export function currentTime(options: Pick<InputOptions, 'now'>, config: Config, env = process.env): number {
  if (options.now !== undefined) {
    const parsed = new TimeReader(config.timezone).dateTime(options.now);
    if (!parsed.ok) throw new UsageError(`--now: "${options.now}" is not a date or date-time (e.g. 2024-05-06 or 2024-05-06T08:00)`);
    return parsed.value;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH: "${epoch}" is not a whole number of seconds since 1970`);
    return Number(epoch) * 1000;
  }
  return Date.now();
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
