/**
 * What needs no PDF starts without the PDF machinery: help, validate and JSON
 * never load Puppeteer (nor pdf-lib or Handlebars), so they start as fast as
 * Node and their own work allow (npm run bench:render measures it).
 */
import { describe, expect, it } from 'vitest';
import { FIXTURE_ARGS, runCli } from '../support/cli.js';

const BARRED = { NODE_OPTIONS: `--import=${new URL('../support/bar-render-modules.mjs', import.meta.url).href}` };
const INPUTS = FIXTURE_ARGS.slice(1);

describe('starting without the PDF machinery', () => {
  it.each([
    ['--help', ['--help']],
    ['validate', ['validate', ...INPUTS]],
    ['generate --format json', ['generate', ...INPUTS, '--format', 'json', '-o', '-', '--quiet']],
  ])('%s runs with Puppeteer, pdf-lib and Handlebars impossible to load', async (_, args) => {
    const r = await runCli(args, { env: BARRED });
    expect(r.stderr).not.toContain('barred module');
    expect(r.code).toBe(args[0] === 'validate' ? 1 : 0); // the fixtures have rejected rows on purpose
    expect(r.stdout.length).toBeGreaterThan(100);
  });

  it('is a bar that holds: HTML needs Handlebars and fails without it', async () => {
    const r = await runCli(['generate', ...INPUTS, '--format', 'html', '-o', '-', '--quiet'], { env: BARRED });
    expect(r.code).not.toBe(0);
  });
});
