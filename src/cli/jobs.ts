/**
 * What one `generate` run makes: one report, or one per entry of the config's
 * `reports`. Each has its inputs, its reader and where it goes. A name that
 * comes from the config's pattern (not from -o) makes a re-run for the same
 * window do nothing: a weekly cron line on a fortnightly cadence is harmless.
 */
import { dirname, relative, resolve } from 'node:path';
import type { InputSpec } from '../collect/index.js';
import type { LoadedConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { ConfigError, LagesbildError, UsageError } from '../errors.js';
import { isoWeeks, isoWeekYear, type ReportPeriod } from '../period.js';
import type { Format } from '../render/outputs/index.js';
import { inputSpecs, type InputOptions } from './inputs.js';

export interface JobOptions extends InputOptions {
  output?: string;
  outputDir?: string;
  notes?: string;
}

export interface Job {
  /** The batch entry's name; undefined for a single report. */
  name: string | undefined;
  /** The config as this report sees it: its own municipality, recipient and marking. */
  config: Config;
  /** Its inputs; in a batch, the reason a report has none (the others are still made). */
  inputs: InputSpec[] | LagesbildError;
  /** The coordinator's notes, a Markdown file, and how the report names it. */
  notes: { file: string; shownAs: string } | undefined;
  /** Absolute path; undefined for stdout. */
  target: string | undefined;
  /** The name from the config's pattern, not from -o. */
  autoNamed: boolean;
}

export const DEFAULT_NAME = 'lagesbild-{year}-{weeks}.{format}';
export const DEFAULT_BATCH_NAME = 'lagesbild-{report}-{year}-{weeks}.{format}';

export function planJobs(options: JobOptions, { config, file }: LoadedConfig, period: ReportPeriod, format: Format, cwd: string): Job[] {
  const configDir = file ? dirname(resolve(cwd, file)) : cwd;
  const batch = config.reports.length > 0;
  if (batch && options.output !== undefined) {
    throw new UsageError(`-o names one file, but the config lists ${config.reports.length} reports: each is written to the output folder (output.dir, or --output-dir)`);
  }
  const pattern = config.output.name ?? (batch ? DEFAULT_BATCH_NAME : DEFAULT_NAME);
  if (batch && !pattern.includes('{report}')) {
    throw new ConfigError(`${file}: key "output.name": must hold {report} when the config lists reports, or they would overwrite each other`);
  }
  const dir = options.outputDir !== undefined ? resolve(cwd, options.outputDir) : config.output.dir !== undefined ? resolve(configDir, config.output.dir) : cwd;
  const entries = batch ? config.reports : [undefined];
  return entries.map((entry, i) => {
    const own = entry?.inputs;
    // A report's own inputs go over the config's; what it does not name comes from the config (or the command line).
    const configured = { inputs: own ? { ...config.inputs, ...own } : config.inputs, dir: configDir, key: own?.incidents ? `reports.${i}.inputs` : 'inputs' };
    const cli = own?.incidents ? { ...options, incidents: undefined } : options;
    let inputs: InputSpec[] | LagesbildError;
    try {
      inputs = inputSpecs(cli, cwd, configured);
    } catch (error) {
      if (!batch || !(error instanceof LagesbildError)) throw error;
      inputs = error;
    }
    const configuredNotes = own?.notes ?? config.inputs?.notes;
    const notes =
      options.notes !== undefined
        ? { file: resolve(cwd, options.notes), shownAs: options.notes }
        : configuredNotes !== undefined
          ? { file: resolve(configDir, configuredNotes), shownAs: configuredNotes }
          : undefined;
    const target =
      options.output === '-' ? undefined : options.output !== undefined ? resolve(cwd, options.output) : resolve(dir, outputName(pattern, period, format, entry?.name));
    return {
      name: entry?.name,
      config: entry ? { ...config, municipality: entry.municipality ?? config.municipality, recipient: entry.recipient ?? config.recipient, marking: entry.marking ?? config.marking } : config,
      inputs,
      notes,
      target,
      autoNamed: options.output === undefined,
    };
  });
}

/** e.g. lagesbild-2024-v16-v17.pdf: the ISO week-year and weeks, so that fortnights never collide. */
export function outputName(pattern: string, period: ReportPeriod, format: Format, report = ''): string {
  const weeks = isoWeeks(period.current, period.timeZone);
  const values: Record<string, string> = {
    year: String(isoWeekYear(period.current, period.timeZone)),
    weeks: weeks.length > 1 ? `v${weeks[0]}-v${weeks[weeks.length - 1]}` : `v${weeks[0]}`,
    from: period.current.start,
    to: period.current.end,
    report,
    format,
  };
  return pattern.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

/** Every path the jobs name, as messages show them: kept from masking in the log. */
export function jobPaths(jobs: readonly Job[], cwd: string): string[] {
  return jobs.flatMap((job) => [
    ...(job.target ? [job.target, relative(cwd, job.target), dirname(job.target)] : []),
    ...(job.inputs instanceof LagesbildError ? [] : job.inputs.flatMap((spec) => [spec.file, spec.name ?? ''])),
    ...(job.notes ? [job.notes.file, job.notes.shownAs] : []),
  ]);
}
