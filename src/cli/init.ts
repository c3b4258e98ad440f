/**
 * `lagesbild init [DIR]`: a working set-up to start from — config, a copy of the
 * default template, sample exports, a regression test with its expected outputs,
 * a crontab line and a CI job. `generate` runs on it straight away. Nothing that
 * exists is overwritten without --force.
 */
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../config/schema.js';
import { LagesbildError, OutputError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';
import { sampleExports } from '../init/sample-data.js';
import { scaffoldFiles } from '../init/scaffold.js';
import { addCalendarDays, lastCompleteWindowStart, localDate } from '../period.js';
import { DEFAULT_TEMPLATE_DIR } from '../render/html.js';
import { findCases } from '../snapshot/case.js';
import { currentTime } from './inputs.js';
import type { Logger } from './log.js';
import { testCases } from './test.js';

export interface InitOptions {
  municipality?: string;
  package?: string;
  now?: string;
  force?: boolean;
}

const BIN = fileURLToPath(new URL('../../bin/lagesbild', import.meta.url));

export async function init(dirArg: string | undefined, options: InitOptions, log: Logger, cwd = process.cwd()): Promise<void> {
  const dir = resolve(cwd, dirArg ?? '.');
  const { timezone, period } = defaultConfig;
  const today = localDate(currentTime(options, defaultConfig), timezone);
  const windowStart = lastCompleteWindowStart(today, period.anchor, period.days, timezone);
  const files = scaffoldFiles({
    municipality: options.municipality ?? 'Exempelkommun',
    windowStart,
    anchor: period.anchor,
    days: period.days,
    packageSpec: options.package ?? '',
    node: process.execPath,
    bin: BIN,
    dir,
    samples: sampleExports(addCalendarDays(windowStart, -period.days, timezone), period.days, timezone),
  });
  const found = await stat(dir).catch(() => undefined);
  if (found && !found.isDirectory()) throw new OutputError(`${dir}: is a file; init makes a set-up in a folder`);
  const paths = [...Object.keys(files), 'template'];
  const existing = paths.filter((p) => existsSync(join(dir, p)));
  if (existing.length > 0 && !options.force) {
    throw new OutputError(`${dir}: ${existing.slice(0, 5).join(', ')}${existing.length > 5 ? ' …' : ''} exist${existing.length === 1 ? 's' : ''} already; use --force to replace what init writes`);
  }
  try {
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    await chmod(join(dir, 'ci/lagesbild-ci.sh'), 0o755);
    await cp(DEFAULT_TEMPLATE_DIR, join(dir, 'template'), { recursive: true, force: true });
  } catch (error) {
    throw new OutputError(`${dir}: cannot write the set-up: ${describeFsError(error)}`, { cause: error });
  }
  const near = relative(cwd, dir);
  const shown = near.startsWith('..') ? dir : near || '.';
  log.paths([dir, shown]);
  log.info(`Made a lagesbild set-up in ${shown}: config, template/, sample exports, tests/, crontab.txt and CI jobs`);

  const missing = await makeExpected(dir, log, cwd);
  if (missing) {
    log.warn(`the test's expected outputs are not made yet (${missing}); once Chromium and poppler-utils are installed: lagesbild test --update ${join(shown, 'tests')}`);
  }
  if (options.package === undefined) {
    log.warn('the CI job does not know how to install lagesbild yet: set LAGESBILD_PACKAGE in its CI file (or run init again with --package SPEC: an npm spec, a git URL or a tarball)');
  }
  log.info(`Next: cd ${shown} && lagesbild generate   (then see README.md there)`);
}

/** The regression test's expected outputs are the template as it is now; they need a Chromium and Poppler. Says why not, if not. */
async function makeExpected(dir: string, log: Logger, cwd: string): Promise<string | undefined> {
  try {
    const [made] = await testCases(await findCases(join(dir, 'tests')), { update: true }, log, cwd);
    return made!.ok ? undefined : made!.problems.join('; ');
  } catch (error) {
    if (error instanceof LagesbildError) return error.message;
    throw error;
  }
}
