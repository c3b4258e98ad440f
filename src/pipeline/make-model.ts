/**
 * The first half of every command's pipeline: inputs → the report model, as
 * `generate`, `validate` and `lagesbild test` all make it. The exports are read
 * (src/collect/), the coordinator's notes added, and then — place, not person —
 * every text of the model masked before anything shows it.
 */
import { InputFiles } from '../collect/input-files.js';
import { collectReport, type CollectOptions, type Collected, type InputSpec } from '../collect/index.js';
import type { Config } from '../config/schema.js';
import { InputError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';
import { describeMatch } from '../ingest/columns.js';
import { sourceOfFormat } from '../ingest/sources.js';
import type { ReportPeriod } from '../period.js';
import { redactionContext } from '../redact/context.js';
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
  /** Look-alike names not suggested, as their names hold personal data that a config line would show. */
  withheldSuggestions: number;
  /** Columns told by what they hold, one line per file: `x.csv: "Inträffade" read as date and time: every value is a date and time`. */
  columnGuesses: { file: string; message: string }[];
}

export async function makeModel(inputs: readonly InputSpec[], period: ReportPeriod, config: Config, options: MakeModelOptions = {}): Promise<MadeModel> {
  const files = options.files ?? new InputFiles();
  let collected: Collected;
  try {
    collected = await collectReport(inputs, period, config, { ...options, files });
    if (options.notes) collected.model.assessment = { markdown: await readNotes(files, options.notes.file), source: options.notes.shownAs };
  } finally {
    if (!options.files) files.dispose();
  }
  const redactor = options.redact === false ? undefined : new Redactor(config.redaction, redactionContext(period));
  const { model, unusable, withheldSuggestions } = redactor ? mask(collected, redactor) : { ...collected, withheldSuggestions: 0 };
  // What is said of a file's headers names the file and its headers: shown as the model shows them.
  const file = (name: string) => (redactor ? redactor.fileName(name) : name);
  const said = (text: string) => (redactor ? redactor.text(text) : text);
  const doubts = [
    ...model.inputs.flatMap((i) => sourceOfFormat(i.format).doubts(i.format, i.file).map((message) => ({ file: i.file, message }))),
    ...collected.headers.flatMap(({ file: name, reading }) => reading.doubts.map((doubt) => ({ file: file(name), message: `${file(name)}: ${said(doubt)}` }))),
  ];
  const columnGuesses = collected.headers.flatMap(({ file: name, reading }) => {
    const byContent = reading.matches.filter((m) => m.by === 'content');
    return byContent.length > 0 ? [{ file: file(name), message: `${file(name)}: ${said(byContent.map(describeMatch).join('; '))}` }] : [];
  });
  return { model, unusable, headers: collected.headers, doubts, withheldSuggestions, columnGuesses };
}

/** A masked copy: what the model was built from (kept for a batch's next report) stays as read. */
function mask({ model, unusable }: Collected, redactor: Redactor): Pick<Collected, 'model' | 'unusable'> & { withheldSuggestions: number } {
  // A suggestion is a config line to copy: a mask in it (`"Kalle [e-post]": …`) would merge nothing, so it is left out.
  const suggestions = model.suggestions.filter((s) => ![s.name, s.like, ...s.candidates].some((name) => redactor.holds(name)));
  const masked = redactor.deep({ ...model, suggestions });
  masked.redaction = { enabled: true, counts: redactor.summary() };
  // The files that cannot be used, named as the model names them.
  const named = unusable.map((u) => ({ ...u, file: redactor.fileName(u.file) }));
  return { model: masked, unusable: named, withheldSuggestions: model.suggestions.length - suggestions.length };
}

/** The coordinator's Markdown, read as UTF-8 text; it is rendered with raw HTML switched off. */
async function readNotes(files: InputFiles, file: string): Promise<string> {
  try {
    return (await files.text(file)).replace(/^\uFEFF/, '');
  } catch (error) {
    const why = error instanceof InputError ? error.detail.replace(/^cannot read the file: /, '') : describeFsError(error);
    throw new InputError({ file }, `cannot read the notes: ${why}`, { cause: error });
  }
}
