/**
 * Renders a test case as `generate` would — the JSON model, the HTML, the PDF —
 * and compares each with what the case expects: the model and the HTML as they
 * are, the PDF by its text page by page and by each page drawn as an image.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { InputSpec } from '../collect/index.js';
import { makeModel } from '../pipeline/make-model.js';
import { loadConfig } from '../config/load.js';
import { InputError } from '../errors.js';
import { TimeReader } from '../ingest/times.js';
import { addCalendarDays, reportPeriod } from '../period.js';
import type { PdfPrinter } from '../render/pdf.js';
import { renderHtml } from '../render/html.js';
import { renderReport } from '../render/outputs/render.js';
import type { Config } from '../config/schema.js';
import type { CaseSpec, TestCase } from './case.js';
import { compareImages, firstDifferentLine, jsonDifferences } from './compare.js';
import { pageImages } from './page-images.js';
import { pdfPageTexts } from './pdf-text.js';
import { privateFolder, writePrivate } from './private-files.js';

export interface CaseOutputs {
  json: string;
  html: string;
  texts: string[];
  images: Buffer[];
}

export interface CaseResult {
  name: string;
  ok: boolean;
  /** What differs, one line each; empty when the case passed. */
  problems: string[];
  seconds: number;
}

/** A case that could be read. */
export type ReadableCase = TestCase & { spec: CaseSpec };

/** `printerFor` hands out the run's one browser, started with the first case's config (its chromium and timeout). */
export async function renderCase(c: ReadableCase, printerFor: (config: Config) => PdfPrinter): Promise<CaseOutputs> {
  const { spec, dir } = c;
  // The case's own config, or one in its folder: a case renders the same wherever it is run from.
  const { config } = await loadConfig(spec.config === undefined ? undefined : resolve(dir, spec.config), dir, { parents: false });
  const printer = printerFor(config);
  const period = reportPeriod(spec.from, spec.days ?? config.period.days, config.timezone, config.period.history, config.signals.baselineWindows);
  const now = spec.now === undefined ? noonAfter(period.current.end, config.timezone) : new TimeReader(config.timezone).dateTime(spec.now);
  if (!now.ok) throw new InputError({ file: c.file }, `now: "${spec.now}" is not a date or date-time`);
  const inputs: InputSpec[] = [
    ...spec.incidents.map((file) => ({ file, kind: 'incidents' as const })),
    ...spec.patrols.map((file) => ({ file, kind: 'patrols' as const })),
    ...spec.activities.map((file) => ({ file, kind: 'activities' as const })),
  ];
  // The inputs are named in the report as the case names them, so that the expected files hold no machine's paths.
  const notes = spec.notes === undefined ? undefined : { file: resolve(dir, spec.notes), shownAs: spec.notes };
  const { model } = await inFolder(dir, () => makeModel(inputs, period, config, { language: spec.language ?? config.language, notes }));
  const template = spec.template === undefined ? config.template : resolve(dir, spec.template);
  // The HTML made once: the file compared and the page printed.
  const doc = await renderHtml(model, template);
  const date = new Date(now.value);
  const pdf = await renderReport(model, 'pdf', { template, doc, printer, date });
  return {
    json: await renderReport(model, 'json', { date }),
    html: doc.html,
    texts: await pdfPageTexts(pdf),
    images: await pageImages(pdf),
  };
}

/** Compares with `expected/`; on a difference the outputs and diff images go to `actual/`, with a short report. */
export async function checkCase(c: ReadableCase, actual: CaseOutputs, { maxDiffPixels = c.spec.maxDiffPixels } = {}): Promise<string[]> {
  const expectedDir = join(c.dir, 'expected');
  const actualDir = join(c.dir, 'actual');
  await rm(actualDir, { recursive: true, force: true });
  if (!existsSync(expectedDir)) return [`no expected outputs in ${expectedDir}: run lagesbild test --update once, and look at what it wrote`];
  const read = (name: string) => readFile(join(expectedDir, name)).catch(() => undefined);
  const problems: string[] = [];
  const diffs: [string, Buffer][] = [];

  const json = await read('report.json');
  const expectedModel = json && parseJson(json.toString('utf8'));
  if (!json) problems.push('expected/report.json is missing');
  else if (expectedModel === undefined) problems.push('expected/report.json is not valid JSON (a merge conflict?); run lagesbild test --update and look at it');
  else {
    const found = jsonDifferences(expectedModel, JSON.parse(actual.json));
    if (found.length) problems.push(`the report model differs: ${found.join('; ')}`);
  }
  const html = await read('report.html');
  const htmlDiff = html && firstDifferentLine(html.toString('utf8'), actual.html);
  if (!html) problems.push('expected/report.html is missing');
  else if (htmlDiff) problems.push(`the HTML differs from line ${htmlDiff.line}: expected ${quote(htmlDiff.expected)}, got ${quote(htmlDiff.actual)}`);

  const expectedPages = (await readdir(expectedDir)).filter((f) => /^page-\d+\.txt$/.test(f)).length;
  if (expectedPages !== actual.texts.length) problems.push(`the PDF has ${actual.texts.length} pages; ${expectedPages} expected`);
  for (let i = 0; i < Math.min(expectedPages, actual.texts.length); i++) {
    const text = await read(pageFile(i, 'txt'));
    const difference = text && firstDifferentLine(text.toString('utf8'), actual.texts[i]!);
    if (difference) problems.push(`page ${i + 1}'s text differs at line ${difference.line}: expected ${quote(difference.expected)}, got ${quote(difference.actual)}`);
    const image = await read(pageFile(i, 'png'));
    if (!image) {
      problems.push(`expected/${pageFile(i, 'png')} is missing`);
      continue;
    }
    const compared = compareImages(image, actual.images[i]!);
    if (compared === undefined) problems.push(`expected/${pageFile(i, 'png')} is not a PNG image (a Git LFS pointer?)`);
    else if (compared.sizeChanged) problems.push(`page ${i + 1}'s image has another size`);
    else if (compared.differing > maxDiffPixels) {
      problems.push(`page ${i + 1}'s image: ${compared.differing} pixels differ (${maxDiffPixels} allowed); see actual/${pageFile(i, 'diff.png')}`);
      diffs.push([pageFile(i, 'diff.png'), compared.diff!]);
    }
  }
  if (problems.length > 0) {
    await writeOutputs(actualDir, actual);
    for (const [name, data] of diffs) await writePrivate(join(actualDir, name), data);
    await writePrivate(join(actualDir, 'report.md'), `# ${c.name}: what differs\n\n${problems.map((p) => `- ${p}`).join('\n')}\n`);
  }
  return problems;
}

/** --update: the outputs made now become the expected ones. */
export async function updateCase(c: ReadableCase, actual: CaseOutputs): Promise<void> {
  const expectedDir = join(c.dir, 'expected');
  await rm(expectedDir, { recursive: true, force: true });
  await rm(join(c.dir, 'actual'), { recursive: true, force: true });
  await writeOutputs(expectedDir, actual);
}

async function writeOutputs(dir: string, outputs: CaseOutputs): Promise<void> {
  await privateFolder(dir);
  await writePrivate(join(dir, 'report.json'), outputs.json);
  await writePrivate(join(dir, 'report.html'), outputs.html);
  for (const [i, text] of outputs.texts.entries()) await writePrivate(join(dir, pageFile(i, 'txt')), text);
  for (const [i, png] of outputs.images.entries()) await writePrivate(join(dir, pageFile(i, 'png')), png);
}

/** page-01.txt: two digits, so that a folder listing is in page order. */
const pageFile = (index: number, ext: string) => `page-${String(index + 1).padStart(2, '0')}.${ext}`;

const quote = (s: string) => JSON.stringify(s);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function noonAfter(end: string, timeZone: string) {
  return new TimeReader(timeZone).dateTime(`${addCalendarDays(end, 1, timeZone)} 12:00`);
}

/** Runs `work` with `dir` as the working folder; the run is one process doing one case at a time. */
async function inFolder<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return await work();
  } finally {
    process.chdir(before);
  }
}
