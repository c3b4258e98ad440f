/**
 * `lagesbild test [DIR]`: template regression tests. Renders each case and
 * compares it with its expected outputs; TAP or JUnit on stdout for CI; exit 1
 * on any difference. `--update` makes the outputs of now the expected ones.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { BrowserFailedError, ExitCode, LagesbildError, QuietExit, RenderError } from '../errors.js';
import { findChromium } from '../render/find-chromium.js';
import { PdfPrinter } from '../render/pdf.js';
import { findCases, type TestCase } from '../snapshot/case.js';
import { report, type Reporter } from '../snapshot/reporters.js';
import { checkCase, renderCase, updateCase, type CaseResult, type ReadableCase } from '../snapshot/run-case.js';
import { onStop } from './cleanup.js';
import type { Logger } from './log.js';
import { writeStdout } from './write-output.js';

export interface TestOptions {
  update?: boolean;
  reporter?: Reporter;
  chromium?: string;
}

/** Where cases are looked for without DIR: `tests/` when there is one, else here. */
export const DEFAULT_CASES = 'tests';

export async function runTests(dir: string | undefined, options: TestOptions, log: Logger, cwd = process.cwd()): Promise<void> {
  const root = resolve(cwd, dir ?? (existsSync(resolve(cwd, DEFAULT_CASES)) ? DEFAULT_CASES : '.'));
  const cases = await findCases(root);
  log.paths([root, ...cases.flatMap((c) => [c.dir, relative(cwd, c.dir)])]);
  const results = await testCases(cases, options, log, cwd);
  await writeStdout(report(results, options.reporter ?? 'tap'));
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) {
    log.error(`${failed.length} of ${results.length} cases differ; what differs is in each case's actual/ folder`);
    throw new QuietExit(ExitCode.rejectedRows);
  }
}

/** Renders each case with one browser, and compares it (or, with `update`, makes its outputs the expected ones). */
export async function testCases(cases: TestCase[], options: TestOptions, log: Logger, cwd = process.cwd()): Promise<CaseResult[]> {
  let printer: PdfPrinter | undefined;
  const printerFor = (config: Config) =>
    (printer ??= new PdfPrinter({
      executablePath: findChromium({ flag: options.chromium, config: config.chromium }),
      timeout: config.renderTimeout * 1000,
      onBlocked: (url) => log.warn(`the report page tried to load ${url}; blocked`),
      onRetry: (reason) => log.warn(`Chromium ${reason}; starting it again`),
    }));
  const stop = onStop(() => printer?.kill());
  const results: CaseResult[] = [];
  try {
    for (const c of cases) {
      const started = performance.now();
      let problems: string[];
      try {
        if (c.spec instanceof LagesbildError) throw c.spec;
        const outputs = await renderCase(c as ReadableCase, printerFor);
        if (options.update) {
          await updateCase(c as ReadableCase, outputs);
          log.info(`${relative(cwd, c.dir) || '.'}: expected outputs written (${outputs.texts.length} pages)`);
          problems = [];
        } else problems = await checkCase(c as ReadableCase, outputs);
      } catch (error) {
        // No browser, no Poppler, a browser that keeps failing: the machine's problem, not the case's.
        if (!(error instanceof LagesbildError) || error instanceof RenderError || error instanceof BrowserFailedError) throw error;
        problems = [`cannot be rendered: ${error.message}`];
      }
      results.push({ name: c.name, ok: problems.length === 0, problems, seconds: (performance.now() - started) / 1000 });
    }
  } finally {
    await printer?.close();
    stop();
  }
  return results;
}
