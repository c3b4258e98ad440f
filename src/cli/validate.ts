/**
 * `lagesbild validate`: reads the inputs exactly as `generate` does and tells a
 * coordinator what it found and what to fix — no report. Exit 0 when clean,
 * 1 when rows were rejected, 2 when a file cannot be used at all.
 */
import { resolve } from 'node:path';
import type { InputSpec } from '../collect/index.js';
import { onStop } from './cleanup.js';
import type { MadeModel } from '../pipeline/make-model.js';
import { ModelThread } from '../pipeline/model-thread.js';
import { ExitCode, LagesbildError, formatPosition, type InputError, QuietExit, UsageError } from '../errors.js';
import type { InputAccount } from '../model/report.js';
import { weekRange } from '../render/format.js';
import { resolvePeriod, type InputOptions } from './inputs.js';
import { planJobs } from './jobs.js';
import { redactionContext } from '../redact/context.js';
import { Redactor } from '../redact/redactor.js';
import { sayWithheld } from './withheld-suggestions.js';
import { createProgress } from './progress.js';
import { printable } from '../text.js';
import { describeMatch, type HeaderReading } from '../ingest/columns.js';
import { sourceOfFormat } from '../ingest/sources.js';
import { writeStdout } from './write-output.js';
import { suggestionLines } from './suggestion-lines.js';
import { runConfig } from './config.js';
import type { Logger } from './log.js';
import { coverageWarnings } from './coverage.js';

export interface ValidateOptions extends InputOptions {
  format?: string;
  redact?: boolean;
}

/** How a column was found for a field: `by` is `config`, `alias`, `parts` (its words) or `content` (what it holds). */
export interface ColumnRead {
  field: string;
  header: string;
  /** 1-based. */
  column: number;
  by: HeaderReading['matches'][number]['by'];
  why: string;
}

export interface ColumnIgnored {
  header: string;
  /** 1-based. */
  column: number;
  why: string | null;
}

export interface ValidationReport {
  period: Pick<MadeModel['model']['period'], 'start' | 'end' | 'previousStart' | 'previousEnd' | 'weeks' | 'coverage'>;
  files: (InputAccount & { usable: boolean; error: string | null; columnsRead: ColumnRead[]; ignoredColumns: ColumnIgnored[]; columnDoubts: string[] })[];
  problems: { file: string; line: number | null; column: number | null; message: string }[];
  duplicates: MadeModel['model']['duplicates'];
  skipped: MadeModel['model']['skipped'];
  suggestions: MadeModel['model']['suggestions'];
  /** A line per export of a kind that leaves a window of the history incomplete, as generate warns. */
  coverage: { file: string; message: string }[];
  exitCode: number;
}

export async function validate(options: ValidateOptions, log: Logger, cwd = process.cwd()): Promise<void> {
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format: "${format}" is not one of text, json`);
  const loaded = await runConfig(options.config, log, cwd);
  const { config } = loaded;
  const period = resolvePeriod(options, config);
  const context = redactionContext(period);
  log.maskWith(options.redact === false ? false : config.redaction, context);
  // Every export the run would read: the config's, or, in a batch, each report's, once each.
  const specs = new Map<string, InputSpec>();
  for (const job of planJobs(options, loaded, period, 'json', cwd)) {
    if (job.inputs instanceof LagesbildError) throw job.inputs;
    for (const spec of job.inputs) if (!specs.has(resolve(cwd, spec.file))) specs.set(resolve(cwd, spec.file), spec);
  }
  log.paths([...specs.values()].flatMap((spec) => [spec.file, spec.name ?? '']));
  const progress = createProgress(process.stderr);
  // On a thread of its own, as generate makes it: a signal is answered while thousands of names are compared.
  const models = new ModelThread({ onStop });
  const collected = await models.make([...specs.values()], period, config, { encoding: options.encoding, keepGoing: true, redact: options.redact, onProgress: progress.update }).finally(() => {
    progress.done();
    void models.close();
  });
  // A file that cannot be used is described by its own words (a header that is really a row): masked as the report is.
  const report = options.redact === false ? validationReport(collected) : new Redactor(config.redaction, context).deep(validationReport(collected));
  sayWithheld(collected.withheldSuggestions, log);
  await writeStdout(format === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderText(report));
  if (report.exitCode !== ExitCode.ok) throw new QuietExit(report.exitCode as ExitCode);
}

export function validationReport({ model, unusable, headers }: MadeModel): ValidationReport {
  const failed = new Map(unusable.map((u) => [u.file, u.error]));
  const readings = new Map(headers.map((h) => [h.file, h.reading]));
  const problems: ValidationReport['problems'] = [
    ...unusable.map(({ error }) => ({ file: error.position.file, line: error.position.line ?? null, column: error.position.column ?? null, message: error.detail })),
    ...model.rejected.map((r) => ({ file: r.file, line: r.line, column: r.column, message: r.reason })),
  ];
  const exitCode = unusable.length > 0 ? ExitCode.input : model.rejected.length > 0 ? ExitCode.rejectedRows : ExitCode.ok;
  return {
    period: { start: model.period.start, end: model.period.end, previousStart: model.period.previousStart, previousEnd: model.period.previousEnd, weeks: model.period.weeks, coverage: model.period.coverage },
    files: model.inputs.map((i) => {
      const usable = !failed.has(i.file);
      return { ...i, usable, error: describeFailure(failed.get(i.file)), ...columnsOf(usable ? readings.get(i.file) : undefined) };
    }),
    problems,
    // A file that could not be used is reported as such, not by the rows read before it failed.
    duplicates: model.duplicates.filter((d) => !failed.has(d.file)),
    skipped: model.skipped.filter((s) => !failed.has(s.file)),
    suggestions: model.suggestions,
    coverage: coverageWarnings(model),
    exitCode,
  };
}

/** Columns 1-based, as every message counts them; none for a file that cannot be used. */
function columnsOf(reading: HeaderReading | undefined): { columnsRead: ColumnRead[]; ignoredColumns: ColumnIgnored[]; columnDoubts: string[] } {
  return {
    columnsRead: (reading?.matches ?? []).map((m) => ({ field: m.field, header: m.header, column: m.column + 1, by: m.by, why: m.why })),
    ignoredColumns: (reading?.ignored ?? []).map((c) => ({ header: c.header, column: c.column + 1, why: c.why })),
    columnDoubts: reading?.doubts ?? [],
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const rows = (n: number) => plural(n, 'row');

function describeFailure(error: InputError | undefined): string | null {
  if (!error) return null;
  return error.position.line === undefined ? error.detail : `line ${error.position.line}: ${error.detail}`;
}

function ignoredText(c: ColumnIgnored): string {
  const header = c.header === '' ? `column ${c.column} (no header)` : `"${c.header}"`;
  return c.why ? `${header} (${c.why})` : header;
}

function renderText(report: ValidationReport): string {
  const out: string[] = [];
  const { period } = report;
  out.push(`Window ${period.start} – ${period.end} (${weekRange(period.weeks)}), compared with ${period.previousStart} – ${period.previousEnd}.`, '');
  for (const f of report.files) {
    out.push(`${f.file} (${f.kind})`);
    if (!f.usable) {
      out.push(`  cannot be used: ${f.error}`, '');
      continue;
    }
    const columns = Object.entries(f.format.columns).map(([field, header]) => `${field} ← "${header}"`).join(', ');
    const line = (label: string, text: string) => `  ${label.padEnd(10)} ${text}`;
    out.push(
      ...sourceOfFormat(f.format).describe(f.format).map(({ label, text }) => line(label, text)),
      line('dates', f.format.dateFormats.join(', ') || '(none read)'),
      line('columns', columns),
      // How a column was found when it was no alias: by its words or by what it holds.
      ...f.columnsRead.filter((c) => c.by === 'parts' || c.by === 'content').map((c) => line('', describeMatch(c))),
      ...f.columnDoubts.map((d) => line('check', d)),
      ...(f.ignoredColumns.length > 0 ? [line('ignored', f.ignoredColumns.map(ignoredText).join(', '))] : []),
      `${line('rows', String(f.rows))} read: ${f.inPeriod + f.inPrevious} usable (${f.inPeriod} in the window, ${f.inPrevious} in the previous one), ` +
        `${f.outside} outside both, ${f.rejected} rejected, ${plural(f.duplicates, 'duplicate')}, ${f.skipped} skipped`,
      line('span', f.span ? `${f.span.first} – ${f.span.last}` : '(no usable rows)'),
      ...(f.covers?.declared ? [line('covers', `${f.covers.from} – ${f.covers.to} (declared in the config)`)] : []),
      '',
    );
  }
  if (report.coverage.length > 0) {
    out.push('Incomplete windows:');
    for (const c of report.coverage) out.push(`  ${c.message}`);
    out.push('');
  }
  if (report.problems.length > 0) {
    out.push('Problems:');
    for (const p of report.problems) out.push(`${formatPosition({ file: p.file, line: p.line ?? undefined, column: p.column ?? undefined })}: ${p.message}`);
    out.push('');
  }
  if (report.duplicates.length + report.skipped.length > 0) {
    out.push('Notes:');
    for (const d of report.duplicates) out.push(`${d.file}:${d.line}: duplicate of ${d.duplicateOf.file}:${d.duplicateOf.line} (${d.reason}); counted once`);
    for (const s of report.skipped) out.push(`${s.file}:${s.line}: skipped: ${s.reason}`);
    out.push('');
  }
  if (report.suggestions.length > 0) {
    out.push('Suggestions:');
    for (const line of suggestionLines(report.suggestions, rows)) out.push(`  ${line}`);
    out.push('');
  }
  const rejected = report.files.reduce((n, f) => n + f.rejected, 0);
  const unusable = report.files.filter((f) => !f.usable).length;
  out.push(
    unusable > 0
      ? `${unusable} of ${report.files.length} files cannot be used.`
      : rejected > 0
        ? `${rows(rejected)} rejected; the rest can be used.`
        : 'All rows can be used.',
  );
  return printable(out.join('\n') + '\n');
}
