/** `lagesbild init`: a set-up that runs at once, from cron and in CI. */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli } from '../support/cli.js';
import { pdfPages } from '../support/pdf-text.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
const BIN = join(ROOT, 'bin/lagesbild');
const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** Runs a shell command as cron would: no terminal, a bare environment (unless one is given). */
async function asCron(command: string, env: NodeJS.ProcessEnv = { PATH: '/usr/bin:/bin', HOME: tmp.dir, SHELL: '/bin/sh' }): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('/bin/sh', ['-c', command], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('lagesbild init', async () => {
  const dir = join(tmp.dir, 'kommunen');
  const made = await runCli(['init', dir, '--municipality', 'Strandviks kommun']);

  it('makes a set-up with config, template, sample exports, a test with expected outputs, a crontab line and CI jobs', () => {
    expect(made.code).toBe(0);
    expect(made.stderr).toContain(`Made a lagesbild set-up in ${dir}`);
    expect(made.stderr).toContain('tests/exempel: expected outputs written');
    const files = readdirSync(dir, { recursive: true }).map(String);
    for (const f of ['lagesbild.config.yaml', 'template/report.hbs', 'template/style.css', 'exporter/handelser.csv', 'exporter/ronder.csv', 'tests/exempel/case.yaml', 'tests/exempel/expected/page-01.png', 'crontab.txt', 'ci/lagesbild-ci.sh', '.github/workflows/lagesbild.yml', '.gitlab-ci.yml', 'README.md']) {
      expect(files).toContain(f);
    }
    expect(readFileSync(join(dir, 'lagesbild.config.yaml'), 'utf8')).toMatch(/^# lagesbild: the fortnightly lägesbild for Strandviks kommun\./);
  });

  it('writes the expected outputs (report text, HTML, page images) for the owner only, and what is committed by the umask', () => {
    const expected = join(dir, 'tests/exempel/expected');
    expect(modeOf(expected)).toBe('700');
    const names = readdirSync(expected);
    expect(names).toEqual(expect.arrayContaining(['report.json', 'report.html', 'page-01.txt', 'page-01.png']));
    for (const name of names) expect([name, modeOf(join(expected, name))]).toEqual([name, '600']);
    const umask = process.umask();
    const byUmask = (m: number) => (m & ~umask).toString(8);
    for (const f of ['lagesbild.config.yaml', 'template/style.css', 'crontab.txt', '.gitlab-ci.yml', 'tests/exempel/case.yaml']) expect([f, modeOf(join(dir, f))]).toEqual([f, byUmask(0o666)]);
    for (const d of ['tests/exempel', 'template', 'ci']) expect([d, modeOf(join(dir, d))]).toEqual([d, byUmask(0o777)]);
  });

  it('refuses to write over a set-up', async () => {
    const again = await runCli(['init', dir]);
    expect(again.code).toBe(5);
    expect(again.stderr).toMatch(/lagesbild\.config\.yaml, exporter\/handelser\.csv, .* exist already; use --force/);
  });

  it('runs from its crontab line with cron\'s bare environment, and does nothing the second time', async () => {
    const line = readFileSync(join(dir, 'crontab.txt'), 'utf8').split('\n').find((l) => /^\d/.test(l))!;
    const command = line.split(/\s+/).slice(5).join(' ');
    expect(command).toBe(`cd ${dir} && umask 077 && ${process.execPath} ${BIN} generate --log-format json 2>> rapporter.log || echo "lagesbild failed (exit $?): see ${dir}/rapporter.log" >&2`);
    expect(await asCron(command)).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const reports = readdirSync(join(dir, 'rapporter'));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/^lagesbild-\d{4}-v\d+-v\d+\.pdf$/);
    const pages = await pdfPages(readFileSync(join(dir, 'rapporter', reports[0]!)));
    expect(pages[0]).toContain('Strandviks kommun');
    expect(pages[0]).toMatch(/Händelser\s+50/); // the sample's second fortnight: the last complete one
    expect((await asCron(command)).code).toBe(0);
    const log = readFileSync(join(dir, 'rapporter.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    // Each run's log says which config it found: cron runs in the set-up's folder.
    const config = `config: ${join(dir, 'lagesbild.config.yaml')}`;
    // The sample covers its two fortnights, not the older windows of the hot-spot history: said once, as information.
    const history = expect.stringMatching(/^exporter\/handelser\.csv covers \d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d; 4 older windows of the hot-spot history, .*, are incomplete: no incident export covers /);
    expect(log.map((l) => l.message.replace(/ \(.*/, ''))).toEqual([config, history, expect.stringMatching(/^Wrote rapporter\/lagesbild-/), config, expect.stringMatching(/exists already: nothing to do/)]);
    expect(log[1]).toMatchObject({ level: 'info', file: 'exporter/handelser.csv' });
    // The log and the reports hold report data: the owner's only, as the folder made for them.
    expect(modeOf(join(dir, 'rapporter.log'))).toBe('600');
    expect(modeOf(join(dir, 'rapporter'))).toBe('700');
    expect(modeOf(join(dir, 'rapporter', reports[0]!))).toBe('600');
  });

  it('says that the CI job needs to know how to install lagesbild', () => {
    expect(made.stderr).toContain('warning: the CI job does not know how to install lagesbild yet: set LAGESBILD_PACKAGE');
  });

  it('installs lagesbild in its CI job from the package it is given, and passes', async () => {
    // The package as npm would publish it (dist/ is built by the test set-up).
    const packed = await promisify(execFile)('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', tmp.dir], { cwd: ROOT });
    const tarball = join(tmp.dir, packed.stdout.trim().split('\n').pop()!);
    // As a CI job runs: with the machine's environment (its certificates, npm's settings), no terminal.
    const ci = await asCron(`cd ${dir} && LAGESBILD_PACKAGE=${tarball} sh ci/lagesbild-ci.sh`, process.env);
    expect(ci.code).toBe(0);
    expect(readFileSync(join(dir, 'lagesbild-test.xml'), 'utf8')).toContain('<testsuites name="lagesbild test" tests="1" failures="0"');
    expect(readdirSync(join(dir, '.lagesbild/node_modules/.bin'))).toContain('lagesbild');
  }, 180_000);

  it('passes its own CI job, which both CI files run, and fails it on a one-character template change', async () => {
    const github = parse(readFileSync(join(dir, '.github/workflows/lagesbild.yml'), 'utf8'));
    const gitlab = parse(readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8'));
    expect(github.jobs.template.steps.map((s: { run?: string }) => s.run).filter(Boolean)).toEqual(['sh ci/lagesbild-ci.sh']);
    expect(gitlab.lagesbild.script).toEqual(['sh ci/lagesbild-ci.sh']);

    // The job's own install step is skipped by giving it this lagesbild; the rest runs as in CI.
    const ci = `cd ${dir} && LAGESBILD=${BIN} sh ci/lagesbild-ci.sh`;
    const passed = await asCron(ci);
    expect(passed.code).toBe(0);
    expect(readFileSync(join(dir, 'lagesbild-test.xml'), 'utf8')).toContain('<testsuites name="lagesbild test" tests="1" failures="0"');

    const css = join(dir, 'template/style.css');
    writeFileSync(css, readFileSync(css, 'utf8').replace('h1 { font-size: 22pt', 'h1 { font-size: 23pt'));
    const failed = await asCron(ci);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('# exempel: what differs');
    expect(failed.stdout).toMatch(/page 1's image: \d+ pixels differ/);
    expect(readFileSync(join(dir, 'lagesbild-test.xml'), 'utf8')).toContain('failures="1"');
  });
});
