/** `lagesbild generate`: inputs → report model → JSON, HTML or PDF, written safely. */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { collectReport } from '../collect/index.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { formatPosition, InputError, RejectedRowsError, UsageError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';
import type { ReportModel } from '../model/report.js';
import { isoWeeks, isoWeekYear, type ReportPeriod } from '../period.js';
import { weekRange } from '../render/format.js';
import { FORMATS, type Format } from './formats.js';
import { inputSpecs, resolvePeriod, type InputOptions } from './inputs.js';
import type { Logger } from './log.js';
import { createProgress } from './progress.js';
import { checkOutput, writeOutput, writeStdout } from './write-output.js';

export interface GenerateOptions extends InputOptions {
  output?: string;
  format?: string;
  chromium?: string;
  force?: boolean;
  strict?: boolean;
  quiet?: boolean;
  notes?: string;
  template?: string;
  language?: string;
}

const SHOWN_REJECTIONS = 20;

export async function generate(options: GenerateOptions, log: Logger, cwd = process.cwd()): Promise<void> {
  const { config } = await loadConfig(options.config, cwd);
  const period = resolvePeriod(options, config);
  const format = resolveFormat(options);
  const output = options.output ?? defaultOutputName(period, format);
  const target = output === '-' ? undefined : resolve(cwd, output);
  const force = options.force === true;
  // Before any work: a refused output should not cost a read of the inputs and a print.
  if (target) await checkOutput(target, { force });
  const inputs = inputSpecs(options, cwd);

  const progress = createProgress(process.stderr, { quiet: options.quiet });
  const language = options.language as 'sv' | 'en' | undefined;
  const { model } = await collectReport(inputs, period, config, { encoding: options.encoding, language, onProgress: progress.update }).finally(progress.done);
  if (options.notes !== undefined) model.assessment = { markdown: await readNotes(options.notes), source: options.notes };
  reportProblems(model, log);
  if (options.strict && model.rejected.length > 0) {
    throw new RejectedRowsError(`${model.rejected.length} rows rejected and --strict given; no report written`);
  }

  const data = await renderAs(format, model, config, options, log);
  if (target) await writeOutput(target, data, { force });
  else await writeStdout(data);
  log.info(
    `${target ? `Wrote ${output}` : 'Wrote to stdout'}: lägesbild ${weekRange(model.period.weeks)} ` +
      `(${model.period.start} – ${model.period.end}), ${model.incidents.total} incidents, ${model.patrols.total} patrol rounds` +
      (model.rejected.length ? `, ${model.rejected.length} rows rejected` : '') +
      (model.duplicates.length ? `, ${model.duplicates.length} duplicates counted once` : ''),
  );
}

async function renderAs(format: Format, model: ReportModel, config: Config, options: GenerateOptions, log: Logger): Promise<string | Uint8Array> {
  if (format === 'json') return JSON.stringify(model, null, 2) + '\n';
  // Rendering modules load only when asked for: json needs no Handlebars, only pdf needs Puppeteer.
  const { renderHtml } = await import('../render/html.js');
  const doc = await renderHtml(model, await templateFolder(options.template ?? config.template));
  if (format === 'html') return doc.html;
  const { findChromium } = await import('../render/find-chromium.js');
  const { printPdf } = await import('../render/pdf.js');
  const executablePath = findChromium({ flag: options.chromium, config: config.chromium });
  const pdf = await printPdf(doc, { executablePath, onBlocked: (url) => log.warn(`the report page tried to load ${url}; blocked`) });
  const { describePdf } = await import('../render/pdf-metadata.js');
  const { formatsFor } = await import('../render/format.js');
  const { text } = await import('../render/texts.js');
  const { language, municipality, recipient, marking, generator } = model.meta;
  const fmt = formatsFor(language);
  const title = text(language, 'report.title', { weeks: fmt.weekRange(model.period.weeks) });
  return describePdf(pdf, {
    title: `${title}, ${fmt.dateRange(model.period.start, model.period.end)} – ${municipality}`,
    author: municipality,
    subject: `${title} ${model.period.start.slice(0, 4)}${recipient ? ` ${text(language, 'footer.to', { recipient }).replace(/^./, (c) => c.toLowerCase())}` : ''}`,
    keywords: ['lägesbild', marking ?? text(language, 'header.noMarking')],
    creator: generator,
  });
}

export function resolveFormat({ format, output }: Pick<GenerateOptions, 'format' | 'output'>): Format {
  const ext = output && output !== '-' ? extname(output).slice(1).toLowerCase().replace(/^htm$/, 'html') : '';
  const fromName = (FORMATS as readonly string[]).includes(ext) ? (ext as Format) : undefined;
  if (format === undefined) return fromName ?? 'pdf';
  if (fromName && fromName !== format) {
    throw new UsageError(`--format ${format} does not match the output file name ${output}; change one of them`);
  }
  return format as Format;
}

/** e.g. lagesbild-2024-v16-v17.pdf: the ISO week-year and weeks, so that fortnights never collide. */
function defaultOutputName(period: ReportPeriod, format: Format): string {
  const weeks = isoWeeks(period.current, period.timeZone);
  const span = weeks.length > 1 ? `v${weeks[0]}-v${weeks[weeks.length - 1]}` : `v${weeks[0]}`;
  return `lagesbild-${isoWeekYear(period.current, period.timeZone)}-${span}.${format}`;
}

/** A template folder given by --template or the config must exist; its files fall back to the default's. */
async function templateFolder(dir: string | undefined): Promise<string | undefined> {
  if (dir === undefined) return undefined;
  const found = await stat(dir).catch(() => undefined);
  if (!found?.isDirectory()) throw new UsageError(`--template: ${dir} is not a folder`);
  return dir;
}

/** The coordinator's Markdown, read as UTF-8 text; it is rendered with raw HTML switched off. */
async function readNotes(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new InputError({ file }, `cannot read the notes: ${describeFsError(error)}`, { cause: error });
  }
}

function reportProblems(model: ReportModel, log: Logger): void {
  for (const r of model.rejected.slice(0, SHOWN_REJECTIONS)) {
    log.warn(`${formatPosition({ file: r.file, line: r.line, column: r.column ?? undefined })}: ${r.reason}`);
  }
  const more = model.rejected.length - SHOWN_REJECTIONS;
  if (more > 0) log.warn(`… and ${more} more rejected rows; all are listed in the report's appendix, by validate, and in --format json`);
  for (const input of model.inputs) {
    if (input.format.encodingUnsure) log.warn(`${input.file}: encoding ${input.format.encoding}; if åäö look wrong in the report, give --encoding`);
  }
  for (const s of model.suggestions) log.warn(`${s.kind} "${s.name}" (${s.count}) looks like "${s.like}" (${s.likeCount}); to count them as one, add to the config: ${s.config}`);
}
