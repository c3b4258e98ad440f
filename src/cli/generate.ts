/**
 * `lagesbild generate`: inputs → report model → JSON, HTML or PDF, written safely;
 * one report, or a batch of them sharing one browser. The output folder is
 * locked while the run writes to it.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, extname, relative, resolve } from 'node:path';
import type { MadeModel } from '../pipeline/make-model.js';
import { STDIN } from '../ingest/input-file.js';
import { ModelThread } from '../pipeline/model-thread.js';
import type { Config } from '../config/schema.js';
import { formatPosition, IncompleteWindowError, LagesbildError, QuietExit, RejectedRowsError, UsageError } from '../errors.js';
import type { ReportModel } from '../model/report.js';
import { isoWeeks, type ReportPeriod } from '../period.js';
import type { RenderedHtml } from '../render/html.js';
import { DEFAULT_FORMAT, formatOfExtension, OUTPUTS, type Format } from '../render/outputs/index.js';
import { renderReport } from '../render/outputs/render.js';
import { TABLE_ROWS } from '../render/table-rows.js';
import { redactionContext } from '../redact/context.js';
import type { PdfPrinter } from '../render/pdf.js';
import { onStop } from './cleanup.js';
import { currentTime, resolvePeriod } from './inputs.js';
import { jobPaths, planJobs, type Job, type JobOptions } from './jobs.js';
import { folderModeFor, lockFolder } from './lock.js';
import { describeRemoved, removeStaleTemps } from './stale-temps.js';
import type { LogFields, Logger } from './log.js';
import { createProgress } from './progress.js';
import { sayWithheld } from './withheld-suggestions.js';
import { specialOutput } from './special-output.js';
import { checkOutput, writeOutput, writeStdout } from './write-output.js';
import { suggestionLines } from './suggestion-lines.js';
import { runConfig } from './config.js';
import { coverageWarnings, incompleteKinds, incompleteRefusal } from './coverage.js';

export interface GenerateOptions extends JobOptions {
  format?: string;
  chromium?: string;
  force?: boolean;
  strict?: boolean;
  quiet?: boolean;
  template?: string;
  language?: string;
  /** false with --no-redact. */
  redact?: boolean;
}

const SHOWN_REJECTIONS = 20;

export async function generate(options: GenerateOptions, log: Logger, cwd = process.cwd()): Promise<void> {
  const loaded = await runConfig(options.config, log, cwd);
  const { config } = loaded;
  const now = currentTime(options, config);
  const period = resolvePeriod(options, config, now);
  log.maskWith(options.redact === false ? false : config.redaction, redactionContext(period));
  const format = resolveFormat(options);
  const jobs = planJobs(options, loaded, period, format, cwd);
  const named = [options.config, options.output, loaded.file, options.template ?? config.template, config.map?.areas];
  log.paths([...jobPaths(jobs, cwd), ...named.filter((p): p is string => typeof p === 'string')]);
  const run = new Run(options, config, period, format, new Date(now), log, cwd);
  // Chromium starts while the exports are read — unless every report is made already, or an export is missing.
  const toMake = jobs.filter((j) => !j.target || !j.autoNamed || options.force || !existsSync(j.target));
  const inputsThere = toMake.every((j) => !(j.inputs instanceof LagesbildError) && j.inputs.every((i) => i.file === STDIN || existsSync(resolve(cwd, i.file))));
  if (OUTPUTS[format].needs.browser && toMake.length > 0 && inputsThere) (await run.sharedPrinter()).warmUp();

  // In a fixed order, so that two batches over the same folders cannot wait for each other.
  // A pipe or a device is written into, not replaced: its folder (/dev) is not locked.
  const folders = [...new Set(jobs.flatMap((j) => (j.target && !specialOutput(j.target) ? [dirname(j.target)] : [])))].sort();
  const unlock: (() => Promise<void>)[] = [];
  try {
    for (const dir of folders) {
      const onWait = () => log.info(`waiting for another lagesbild run that is writing to ${dir}`, { file: dir });
      unlock.push(await lockFolder(dir, { waitSeconds: config.output.lockWait, staleSeconds: config.output.lockStale, onWait, folderMode: folderModeFor(parseInt(config.output.mode, 8)) }));
      // Held by this run now: what a killed run left half-written goes (issue 16, killed runs).
      const stale = await removeStaleTemps(dir);
      if (stale.length > 0) log.info(`removed from ${dir} the temporary ${stale.length === 1 ? 'file' : 'files'} of a run that was killed while writing: ${stale.map(describeRemoved).join(', ')}`, { file: dir });
    }
    await run.all(jobs);
  } finally {
    await run.close();
    for (const release of unlock) await release().catch(() => undefined);
  }
}

/** The reports of one run, and the one browser they share. */
class Run {
  private printer: PdfPrinter | undefined;
  /** Warnings given so far: in a batch, a problem of an export the reports share is said once. */
  private readonly said = new Set<string>();
  /** In a batch, each export is read once for all the reports that use it. */
  private batch = false;
  private readonly models = new ModelThread({ onStop });
  private readonly stopPrinter = onStop(() => this.printer?.kill());

  constructor(
    private readonly options: GenerateOptions,
    private readonly config: Config,
    private readonly period: ReportPeriod,
    private readonly format: Format,
    private readonly date: Date,
    private readonly log: Logger,
    private readonly cwd: string,
  ) {}

  /**
   * A single report's failure ends the run; in a batch the others are still made, and the first
   * failure's code is the run's. In a batch, the next report is made ready while Chromium prints
   * this one; what each says is said in the reports' order.
   */
  async all(jobs: Job[]): Promise<void> {
    if (jobs.length === 1) return this.finish(jobs[0]!, await this.prepare(jobs[0]!, true), true);
    this.batch = true;
    let failed: LagesbildError | undefined;
    const ready = (i: number) => settle(this.prepare(jobs[i]!, i === 0));
    let next = ready(0);
    for (const [i, job] of jobs.entries()) {
      const prepared = await next;
      if (i + 1 < jobs.length) next = ready(i + 1);
      try {
        if (!prepared.ok) throw prepared.error;
        await this.finish(job, prepared.value, i === jobs.length - 1);
      } catch (error) {
        if (!(error instanceof LagesbildError)) throw error;
        this.log.error(`${ofJob(job)}${error.message}`, { report: job.name });
        failed ??= error;
      }
    }
    if (failed) throw new QuietExit(failed.exitCode);
  }

  async close(): Promise<void> {
    await this.models.close();
    await this.printer?.close();
    this.stopPrinter();
  }

  /** Everything before the print: the output checked, the exports read, the HTML made. */
  private async prepare(job: Job, showProgress: boolean): Promise<Prepared> {
    const started = performance.now();
    const { options, period, log } = this;
    const force = options.force === true;
    if (job.target) {
      const existing = await stat(job.target).catch(() => undefined);
      if (existing?.isFile() && job.autoNamed && !force) return { started, exists: true };
      // Before any work: a refused output should not cost a read of the inputs and a print.
      await checkOutput(job.target, { force });
    }
    const progress = createProgress(process.stderr, { quiet: options.quiet || log.format === 'json' || !showProgress });
    const language = options.language as 'sv' | 'en' | undefined;
    if (job.inputs instanceof LagesbildError) throw job.inputs;
    // On a thread of its own, which loads the ingest's code there: Chromium, started before, need not wait for it.
    log.debug(`${ofJob(job)}reading the exports`);
    let read = false;
    const onProgress = (done: number, total: number) => {
      progress.update(done, total);
      if (done >= total && !read) log.debug(`${ofJob(job)}exports read; building the model`);
      read ||= done >= total;
    };
    const made = this.models.make(job.inputs, period, job.config, { encoding: options.encoding, language, notes: job.notes, redact: options.redact, onProgress, keepReads: this.batch });
    const { model, doubts, withheldSuggestions, columnGuesses } = await made.finally(progress.done);
    log.debug(`${ofJob(job)}model made`);
    // A single report needs the thread no more: what it holds is let go of before the print.
    if (!this.batch) void this.models.close();
    // Refused in its turn (finish), so that what is said of it comes after the report before it.
    const refused = refusal(model, options.strict === true, job.config.refuseIncomplete);
    if (refused) return { started, model, doubts, withheldSuggestions, columnGuesses, template: undefined, doc: undefined, refused };
    const template = await templateFolder(options.template ?? job.config.template);
    if (OUTPUTS[this.format].needs.html) log.debug(`${ofJob(job)}making the HTML`);
    const doc = OUTPUTS[this.format].needs.html ? await (await import('../render/html.js')).renderHtml(model, template) : undefined;
    return { started, model, doubts, withheldSuggestions, columnGuesses, template, doc };
  }

  /** The print, the file and what the run says of it. */
  private async finish(job: Job, prepared: Prepared, last: boolean): Promise<void> {
    const { options, period, log } = this;
    const force = options.force === true;
    const shown = !job.target ? 'stdout' : job.autoNamed ? relative(this.cwd, job.target) || job.target : options.output!;
    const about: LogFields = { report: job.name, period: { start: period.current.start, end: period.current.end, weeks: isoWeeks(period.current, period.timeZone) }, file: job.target };
    if ('exists' in prepared) {
      log.info(`${shown} exists already: nothing to do (--force makes it again)`, about);
      return;
    }
    const { model } = prepared;
    reportProblems(prepared, log, this.said);
    if (prepared.refused) throw prepared.refused;
    log.debug(`${ofJob(job)}making the ${this.format.toUpperCase()}`);
    const data = await this.render(prepared, last);
    log.debug(`${ofJob(job)}writing ${shown}`);
    if (job.target) await writeOutput(job.target, data, { force, mode: parseInt(this.config.output.mode, 8) });
    else await writeStdout(data);
    const { weekRange } = await import('../render/format.js');
    const incomplete = incompleteKinds(model);
    log.info(
      `${job.target ? `Wrote ${shown}` : 'Wrote to stdout'}: lägesbild ${weekRange(model.period.weeks)} ` +
        `(${model.period.start} – ${model.period.end}), ${model.incidents.total} incidents, ${model.patrols.total} patrol rounds` +
        (model.rejected.length ? `, ${model.rejected.length} rows rejected` : '') +
        (model.duplicates.length ? `, ${model.duplicates.length} duplicates counted once` : '') +
        (incomplete.length ? `; the report window is incomplete (${incomplete.join(', ')}): see the warnings` : ''),
      {
        ...about,
        period: { start: model.period.start, end: model.period.end, weeks: model.period.weeks },
        counts: { incidents: model.incidents.total, patrolRounds: model.patrols.total, rejected: model.rejected.length, duplicates: model.duplicates.length },
        incomplete,
        duration: Math.round(performance.now() - prepared.started) / 1000,
      },
    );
  }

  /** `last`: no report is printed after this one, so no page is opened for another. */
  private async render({ model, template, doc }: Made, last: boolean): Promise<string | Uint8Array> {
    // Each output loads its rendering modules when asked for: json needs no Handlebars, only pdf needs Puppeteer.
    const printer = OUTPUTS[this.format].needs.browser ? await this.sharedPrinter() : undefined;
    if (last) printer?.lastPrint();
    return renderReport(model, this.format, { template, doc, printer, date: this.date });
  }

  async sharedPrinter(): Promise<PdfPrinter> {
    if (this.printer) return this.printer;
    const { findChromium } = await import('../render/find-chromium.js');
    const { PdfPrinter } = await import('../render/pdf.js');
    const executablePath = findChromium({ flag: this.options.chromium, config: this.config.chromium });
    this.printer = new PdfPrinter({
      executablePath,
      timeout: this.config.renderTimeout * 1000,
      onBlocked: (url) => this.log.warn(`the report page tried to load ${url}; blocked`),
      onRetry: (reason) => this.log.warn(`Chromium ${reason}; starting it again`),
    });
    return this.printer;
  }
}

/** How --debug names a report of a batch; a single report needs no name. */
const ofJob = (job: Job) => (job.name === undefined ? '' : `report "${job.name}": `);

/** A report ready to print, or one that exists already. */
type Made = { started: number; model: ReportModel; doubts: MadeModel['doubts']; withheldSuggestions: number; columnGuesses: MadeModel['columnGuesses']; template: string | undefined; doc: RenderedHtml | undefined; refused?: LagesbildError };

/** Why no report is written: the report window incomplete (--strict, or the config's refuseIncomplete), or rows rejected (--strict). */
function refusal(model: ReportModel, strict: boolean, refuseIncomplete: boolean): LagesbildError | undefined {
  const incomplete = incompleteRefusal(model, strict ? '--strict' : refuseIncomplete ? 'refuseIncomplete in the config' : undefined);
  if (incomplete) return new IncompleteWindowError(incomplete);
  if (strict && model.rejected.length > 0) return new RejectedRowsError(`${model.rejected.length} rows rejected and --strict given; no report written`);
  return undefined;
}
type Prepared = Made | { started: number; exists: true };

/** A promise's outcome as a value, so that one made ahead fails only when its turn comes. */
function settle<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

export function resolveFormat({ format, output }: Pick<GenerateOptions, 'format' | 'output'>): Format {
  const fromName = output && output !== '-' ? formatOfExtension(extname(output).slice(1).toLowerCase()) : undefined;
  if (format === undefined) return fromName ?? DEFAULT_FORMAT;
  if (fromName && fromName !== format) {
    throw new UsageError(`--format ${format} does not match the output file name ${output}; change one of them`);
  }
  return format as Format;
}

/** A template folder given by --template or the config must exist; its files fall back to the default's. */
async function templateFolder(dir: string | undefined): Promise<string | undefined> {
  if (dir === undefined) return undefined;
  const found = await stat(dir).catch(() => undefined);
  if (!found?.isDirectory()) throw new UsageError(`--template: ${dir} is not a folder`);
  return dir;
}

/** `said`: what the run has warned of already; a batch over the same exports says each problem once. */
function reportProblems({ model, doubts, withheldSuggestions, columnGuesses }: Pick<Made, 'model' | 'doubts' | 'withheldSuggestions' | 'columnGuesses'>, log: Logger, said: Set<string>): void {
  const once = (say: (message: string, fields: LogFields) => void) => (message: string, fields: LogFields = {}) => {
    if (said.has(message)) return;
    said.add(message);
    say(message, fields);
  };
  const warn = once((message, fields) => log.warn(message, fields));
  const info = once((message, fields) => log.info(message, fields));
  // First: a window the exports do not cover makes every number after it suspect.
  for (const { file, message, compared } of coverageWarnings(model)) (compared ? warn : info)(message, { file });
  // A column told by what it holds is a guess that the coordinator should know of: once per file, as a batch reads a file once.
  for (const { file, message } of columnGuesses) info(message, { file });
  for (const r of model.rejected.slice(0, SHOWN_REJECTIONS)) {
    warn(`${formatPosition({ file: r.file, line: r.line, column: r.column ?? undefined })}: ${r.reason}`, { file: r.file });
  }
  const more = model.rejected.length - SHOWN_REJECTIONS;
  const where = model.rejected.length > TABLE_ROWS ? `by validate and in --format json, the first ${TABLE_ROWS} in the report's appendix` : "in the report's appendix, by validate, and in --format json";
  if (more > 0) warn(`… and ${more} more rejected rows; all are listed ${where}`);
  // A from/to span that cannot be used costs no row: it counts at its report time, and is said as a rejection is.
  const spans = model.timePatterns.spanWarnings;
  for (const r of spans.slice(0, SHOWN_REJECTIONS)) warn(`${formatPosition({ file: r.file, line: r.line, column: r.column ?? undefined })}: ${r.reason}`, { file: r.file });
  if (spans.length > SHOWN_REJECTIONS) warn(`… and ${spans.length - SHOWN_REJECTIONS} more incidents whose from/to time could not be used; all are in --format json (timePatterns.spanWarnings)`);
  for (const { file, message } of doubts) warn(message, { file });
  for (const line of suggestionLines(model.suggestions, String)) warn(line);
  sayWithheld(withheldSuggestions, { warn });
}

