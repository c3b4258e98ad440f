/**
 * The first half of every command's pipeline: inputs → the report model, as
 * `generate`, `validate` and `lagesbild test` all make it. The exports are read
 * (src/collect/), the coordinator's notes added, and then — place, not person —
 * every text of the model masked before anything shows it.
 */
import { readFile } from 'node:fs/promises';
import { collectReport, type CollectOptions, type Collected, type InputSpec } from '../collect/index.js';
import type { Config } from '../config/schema.js';
import { InputError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';
import { describeMatch } from '../ingest/columns.js';
import { sourceOfFormat } from '../ingest/sources.js';
import type { ReportModel } from '../model/report.js';
import type { ReportPeriod } from '../period.js';
import { Redactor } from '../redact/redactor.js';

export interface MakeModelOptions extends CollectOptions {
  /** The coordinator's assessment and planned actions: a Markdown file. */
  notes?: { file: string; shownAs: string };
  /** Mask personal data in every text of the report (default); false only for --no-redact. */
  redact?: boolean;
}

export interface MadeModel extends Collected {
  /** What the sources doubt of how they read a file (an encoding guessed), in the model's words: masked as it is; and columns that may be the wrong ones. */
  doubts: { file: string; message: string }[];
  /** Columns told by what they hold, one line per file: `x.csv: "Inträffade" read as date and time: every value is a date and time`. */
  columnGuesses: { file: string; message: string }[];
}

export async function makeModel(inputs: readonly InputSpec[], period: ReportPeriod, config: Config, options: MakeModelOptions = {}): Promise<MadeModel> {
  const { model: read, unusable, headers } = await collectReport(inputs, period, config, options);
  if (options.notes) read.assessment = { markdown: await readNotes(options.notes.file), source: options.notes.shownAs };
  const model = options.redact === false ? read : mask(read, config);
  const doubts = [
    ...model.inputs.flatMap((i) => sourceOfFormat(i.format).doubts(i.format, i.file).map((message) => ({ file: i.file, message }))),
    ...headers.flatMap(({ file, reading }) => reading.doubts.map((doubt) => ({ file, message: `${file}: ${doubt}` }))),
  ];
  const columnGuesses = headers.flatMap(({ file, reading }) => {
    const byContent = reading.matches.filter((m) => m.by === 'content');
    return byContent.length > 0 ? [{ file, message: `${file}: ${byContent.map(describeMatch).join('; ')}` }] : [];
  });
  return { model, unusable, headers, doubts, columnGuesses };
}

/** A masked copy: what the model was built from (kept for a batch's next report) stays as read. */
function mask(model: ReportModel, config: Config): ReportModel {
  const redactor = new Redactor(config.redaction);
  const masked = redactor.deep(model);
  masked.redaction = { enabled: true, counts: redactor.summary() };
  return masked;
}

/** The coordinator's Markdown, read as UTF-8 text; it is rendered with raw HTML switched off. */
async function readNotes(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new InputError({ file }, `cannot read the notes: ${describeFsError(error)}`, { cause: error });
  }
}
