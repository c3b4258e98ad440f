/**
 * A template regression test case: a folder with `case.yaml` (or `case.json`)
 * naming its inputs, config and window, and an `expected/` folder with what the
 * report must be. Paths in the case are relative to its folder.
 *
 *     config: ../../lagesbild.config.yaml   # and so its template
 *     from: 2024-04-15
 *     incidents: [incidents.csv]
 *     patrols: [patrols.csv]
 *     notes: bedomning.md
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { describeIssue } from '../config/issues.js';
import { ConfigError, UsageError } from '../errors.js';
import { isCalendarDate } from '../period.js';

const files = z.array(z.string().trim().min(1)).default([]);

export const caseSchema = z
  .object({
    /** The config to render with; default: a lagesbild.config.* in the case folder, else the defaults. */
    config: z.string().trim().min(1).optional(),
    /** A template folder over the config's. */
    template: z.string().trim().min(1).optional(),
    from: z.string().refine(isCalendarDate, { message: 'must be a date written YYYY-MM-DD' }),
    days: z.number().int().min(1).max(366).optional(),
    /** The run's clock, for the PDF's dates; default: noon the day after the window. */
    now: z.string().optional(),
    language: z.enum(['sv', 'en']).optional(),
    incidents: z.array(z.string().trim().min(1)).min(1),
    patrols: files,
    activities: files,
    notes: z.string().trim().min(1).optional(),
    /** Pixels of a page image that may differ (anti-aliasing between Chromium builds); default 0. */
    maxDiffPixels: z.number().int().min(0).default(0),
  })
  .strict();

export type CaseSpec = z.infer<typeof caseSchema>;

export interface TestCase {
  name: string;
  dir: string;
  file: string;
  /** What the case says; a case whose file cannot be read has instead the reason, and fails on its own. */
  spec: CaseSpec | ConfigError;
}

const CASE_FILES = ['case.yaml', 'case.yml', 'case.json'];

/** `dir` is a case, or a folder whose sub-folders are cases; in name order. */
export async function findCases(dir: string): Promise<TestCase[]> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`${dir}: no such folder of test cases`);
  if (caseFile(dir)) return [await readCase(dir)];
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const cases = entries.filter((name) => caseFile(join(dir, name)));
  if (cases.length === 0) throw new UsageError(`${dir}: no test cases here (a case is a folder with ${CASE_FILES.join(' or ')}; lagesbild init makes one)`);
  return Promise.all(cases.map((name) => readCase(join(dir, name))));
}

function caseFile(dir: string): string | undefined {
  return CASE_FILES.map((f) => join(dir, f)).find((f) => existsSync(f));
}

async function readCase(dir: string): Promise<TestCase> {
  const file = caseFile(dir)!;
  const text = await readFile(file, 'utf8');
  let raw: unknown;
  try {
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    return { name: basename(dir), dir, file, spec: new ConfigError(`${file}: cannot be read: ${String((error as Error).message).split('\n')[0]}`, { cause: error }) };
  }
  const parsed = caseSchema.safeParse(raw ?? {});
  return { name: basename(dir), dir, file, spec: parsed.success ? parsed.data : new ConfigError(`${file}: ${describeIssue(parsed.error, caseSchema)}`) };
}
