/** The options every command that reads exports shares: which files, which window. */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { InputSpec } from '../collect/index.js';
import type { Config } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { isKnownEncoding } from '../ingest/encoding.js';
import { TimeReader } from '../ingest/times.js';
import { isCalendarDate, lastCompleteWindowStart, localDate, reportPeriod, type ReportPeriod } from '../period.js';

export interface InputOptions {
  incidents: string[];
  patrols?: string[];
  from?: string;
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

/** --from, or the last complete window before --now (default: now) on the config's cadence. */
export function resolvePeriod(options: Pick<InputOptions, 'from' | 'now'>, config: Config): ReportPeriod {
  const { timezone, period } = config;
  if (options.from !== undefined) {
    if (options.now !== undefined) throw new UsageError('give --from or --now, not both: --now only chooses the window when --from is not given');
    if (!isCalendarDate(options.from)) throw new UsageError(`--from: "${options.from}" is not a date written YYYY-MM-DD`);
    return reportPeriod(options.from, period.days, timezone, period.history);
  }
  let now = Date.now();
  if (options.now !== undefined) {
    const parsed = new TimeReader(timezone).dateTime(options.now);
    if (!parsed.ok) throw new UsageError(`--now: "${options.now}" is not a date or date-time (e.g. 2024-05-06 or 2024-05-06T08:00)`);
    now = parsed.value;
  }
  return reportPeriod(lastCompleteWindowStart(localDate(now, timezone), period.anchor, period.days, timezone), period.days, timezone, period.history);
}
