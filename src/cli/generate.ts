/** `lagesbild generate`: inputs → report model → JSON, HTML or PDF, written safely. */
import { extname, resolve } from 'node:path';
import { collectReport, type InputSpec } from '../collect.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { RejectedRowsError, UsageError } from '../errors.js';
import type { ReportModel } from '../model/report.js';
import { isCalendarDate, isoWeeks, lastCompleteWindowStart, localDate, reportPeriod, type ReportPeriod } from '../period.js';
import { weekRange } from '../render/format.js';
import { FORMATS, type Format } from './formats.js';
import type { Logger } from './log.js';
import { writeOutput } from './write-output.js';


export interface GenerateOptions {
  incidents: string[];
  patrols?: string[];
  from?: string;
  now?: string;
  output?: string;
  format?: string;
  config?: string;
  chromium?: string;
  encoding?: string;
  force?: boolean;
  strict?: boolean;
}

const SHOWN_REJECTIONS = 20;

export async function generate(options: GenerateOptions, log: Logger, cwd = process.cwd()): Promise<void> {
  const { config } = await loadConfig(options.config, cwd);
  const period = resolvePeriod(options, config);
  const format = resolveFormat(options);
  const output = options.output ?? defaultOutputName(period, format);
  const inputs: InputSpec[] = [
    ...options.incidents.map((file) => ({ file, kind: 'incidents' as const })),
    ...(options.patrols ?? []).map((file) => ({ file, kind: 'patrols' as const })),
  ];

  const { model } = await collectReport(inputs, period, config, { encoding: options.encoding });
  reportRejections(model, log);
  if (options.strict && model.rejected.length > 0) {
    throw new RejectedRowsError(`${model.rejected.length} rows rejected and --strict given; no report written`);
  }

  const data = await renderAs(format, model, config, options, log);
  if (output === '-') process.stdout.write(data);
  else await writeOutput(resolve(cwd, output), data, { force: options.force === true });
  log.info(
    `${output === '-' ? 'Wrote to stdout' : `Wrote ${output}`}: lägesbild ${weekRange(model.period.weeks)} ` +
      `(${model.period.start} – ${model.period.end}), ${model.incidents.total} incidents, ${model.patrols.total} patrol rounds` +
      (model.rejected.length ? `, ${model.rejected.length} rows rejected` : ''),
  );
}

async function renderAs(format: Format, model: ReportModel, config: Config, options: GenerateOptions, log: Logger): Promise<string | Uint8Array> {
  if (format === 'json') return JSON.stringify(model, null, 2) + '\n';
  // Rendering modules load only when asked for: json needs no Handlebars, only pdf needs Puppeteer.
  const { renderHtml } = await import('../render/html.js');
  const doc = await renderHtml(model);
  if (format === 'html') return doc.html;
  const { findChromium } = await import('../render/find-chromium.js');
  const { printPdf } = await import('../render/pdf.js');
  const executablePath = findChromium({ flag: options.chromium, config: config.chromium });
  return printPdf(doc, { executablePath, onBlocked: (url) => log.warn(`the report page tried to load ${url}; blocked`) });
}

export function resolvePeriod(options: Pick<GenerateOptions, 'from' | 'now'>, config: Config): ReportPeriod {
  const { timezone, period } = config;
  if (options.from !== undefined) {
    if (!isCalendarDate(options.from)) throw new UsageError(`--from: "${options.from}" is not a date written YYYY-MM-DD`);
    return reportPeriod(options.from, period.days, timezone);
  }
  const now = options.now === undefined ? Date.now() : Date.parse(options.now);
  if (Number.isNaN(now)) throw new UsageError(`--now: "${options.now}" is not a date or date-time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)`);
  return reportPeriod(lastCompleteWindowStart(localDate(now, timezone), period.anchor, period.days, timezone), period.days, timezone);
}

export function resolveFormat({ format, output }: Pick<GenerateOptions, 'format' | 'output'>): Format {
  if (format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: "${format}" is not one of ${FORMATS.join(', ')}`);
    return format as Format;
  }
  const ext = output && output !== '-' ? extname(output).slice(1).toLowerCase() : '';
  if (ext === 'htm') return 'html';
  return (FORMATS as readonly string[]).includes(ext) ? (ext as Format) : 'pdf';
}

/** e.g. lagesbild-2024-v16-v17.pdf: the period, so that fortnights never collide. */
function defaultOutputName(period: ReportPeriod, format: Format): string {
  const weeks = isoWeeks(period.current, period.timeZone);
  const span = weeks.length > 1 ? `v${weeks[0]}-v${weeks[weeks.length - 1]}` : `v${weeks[0]}`;
  return `lagesbild-${period.current.start.slice(0, 4)}-${span}.${format}`;
}

function reportRejections(model: ReportModel, log: Logger): void {
  for (const r of model.rejected.slice(0, SHOWN_REJECTIONS)) {
    log.warn(`${r.file}:${r.line}${r.column === null ? '' : `:${r.column}`}: ${r.reason}`);
  }
  const more = model.rejected.length - SHOWN_REJECTIONS;
  if (more > 0) log.warn(`… and ${more} more rejected rows; all are listed in the report's appendix and in --format json`);
}
