/** `lagesbild test`: the project's own template under its own runner, and a one-character change caught. */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
const OWN_CASE = join(ROOT, 'test/snapshots/strandvik-v16-v17');

// The copies sit as deep as the project's case, beside a link to the fixtures, so that the
// case's relative paths, and the file names in its expected model, hold as they are.
symlinkSync(join(ROOT, 'fixtures'), join(tmp.dir, 'fixtures'));

/** A copy of the project's case that renders with a copy of the default template. */
function caseWithOwnTemplate(name: string, group = 'copies'): { dir: string; template: string } {
  const dir = join(tmp.dir, 'cases', group, name);
  const template = join(tmp.dir, `${name}-template`);
  cpSync(join(ROOT, 'templates/default'), template, { recursive: true });
  cpSync(OWN_CASE, dir, { recursive: true });
  writeFileSync(join(dir, 'case.yaml'), `${readFileSync(join(OWN_CASE, 'case.yaml'), 'utf8')}template: ${template}\n`);
  return { dir, template };
}

describe('lagesbild test', () => {
  it("passes on the project's own default template and fixtures", async () => {
    const r = await runCli(['test', 'test/snapshots']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('TAP version 13\n1..1\nok 1 - strandvik-v16-v17\n');
  });

  it('catches a one-character change to the template, with a diff image that shows where', async () => {
    const { dir, template } = caseWithOwnTemplate('changed');
    // A municipality's template starts as a copy of the default: its expected outputs are made once.
    expect((await runCli(['test', dir, '--update'])).code).toBe(0);
    const summary = join(template, 'partials/summary.hbs');
    // "· föregående period" becomes "| föregående period" in the rounds figure on page 1.
    writeFileSync(summary, readFileSync(summary, 'utf8').replace('{{duration patrols.minutes}} · ', '{{duration patrols.minutes}} | '));
    const r = await runCli(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^TAP version 13\n1\.\.1\nnot ok 1 - changed\n {2}---\n {2}problems:\n/);
    expect(r.stdout).toMatch(/the HTML differs from line \d+: expected .*53 h 40 min · förra perioden 44.*, got .*53 h 40 min \| förra perioden 44/);
    expect(r.stdout).not.toContain('the report model differs'); // a template change is not a data change
    expect(r.stdout).toContain("page 1's text differs at line");
    expect(r.stdout).toMatch(/page 1's image: \d+ pixels differ \(0 allowed\); see actual\/page-01\.diff\.png/);
    expect(r.stdout).not.toContain("page 2's image");
    expect(r.stderr).toContain('1 of 1 cases differ');

    // The diff image marks changed pixels in red: they lie in the summary's rounds figure near the top of page 1.
    const diff = PNG.sync.read(readFileSync(join(dir, 'actual/page-01.diff.png')));
    const red: { x: number; y: number }[] = [];
    for (let y = 0; y < diff.height; y++) {
      for (let x = 0; x < diff.width; x++) {
        const i = (y * diff.width + x) * 4;
        if (diff.data[i] === 255 && diff.data[i + 1] === 0 && diff.data[i + 2] === 0) red.push({ x, y });
      }
    }
    expect(red.length).toBeGreaterThan(0);
    expect(Math.max(...red.map((p) => p.y))).toBeLessThan(diff.height / 2);
    expect(readFileSync(join(dir, 'actual/report.md'), 'utf8')).toMatch(/^# changed: what differs\n\n- /);
    expect(existsSync(join(dir, 'actual/page-01.png'))).toBe(true);
    // actual/ holds the report's text, HTML and pages: the owner's only, whatever the umask.
    expect((statSync(join(dir, 'actual')).mode & 0o777).toString(8)).toBe('700');
    const actual = readdirSync(join(dir, 'actual'));
    expect(actual).toEqual(expect.arrayContaining(['report.json', 'report.html', 'report.md', 'page-01.txt', 'page-01.png', 'page-01.diff.png']));
    for (const name of actual) expect([name, (statSync(join(dir, 'actual', name)).mode & 0o777).toString(8)]).toEqual([name, '600']);

    const junit = await runCli(['test', dir, '--reporter', 'junit']);
    expect(junit.code).toBe(1);
    expect(junit.stdout).toMatch(/<testsuites name="lagesbild test" tests="1" failures="1"/);
    expect(junit.stdout).toMatch(/<testcase classname="lagesbild" name="changed" time="[\d.]+">\n {6}<failure message="/);

    // Accepted: --update, and the case passes again.
    expect((await runCli(['test', dir, '--update'])).code).toBe(0);
    const after = await runCli(['test', dir, '--reporter', 'junit']);
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/<testcase classname="lagesbild" name="changed" time="[\d.]+"\/>/);
    expect(existsSync(join(dir, 'actual'))).toBe(false);
  });

  it('reports a case it cannot read, or whose expected files are broken, as a failed case and goes on', async () => {
    const root = join(tmp.dir, 'cases', 'broken');
    const { dir: good } = caseWithOwnTemplate('good', 'broken');
    const { dir: conflict } = caseWithOwnTemplate('conflict', 'broken');
    const { dir: unreadable } = caseWithOwnTemplate('unreadable', 'broken');
    writeFileSync(join(unreadable, 'case.yaml'), 'from: [\n');
    const { dir: hash } = caseWithOwnTemplate('b # SKIP', 'broken');
    // The copies render with a copy of the template: its outputs are the expected ones, but for what each breaks.
    expect((await runCli(['test', good, '--update'])).code).toBe(0);
    for (const d of [conflict, unreadable, hash]) cpSync(join(good, 'expected'), join(d, 'expected'), { recursive: true, force: true });
    writeFileSync(join(conflict, 'expected/report.json'), '<<<<<<< HEAD\n{}\n=======\n');
    writeFileSync(join(hash, 'expected/page-02.png'), 'version https://git-lfs.github.com/spec/v1\n');
    const r = await runCli(['test', root]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^not ok 1 - b \\# SKIP\n/m);
    expect(r.stdout).toContain("expected/page-02.png is not a PNG image (a Git LFS pointer?)");
    expect(r.stdout).toMatch(/^not ok 2 - conflict\n[\s\S]*expected\/report\.json is not valid JSON/m);
    expect(r.stdout).toMatch(/^ok 3 - good$/m);
    expect(r.stdout).toMatch(/^not ok 4 - unreadable\n {2}---\n {2}problems:\n {4}- "cannot be rendered: .*case\.yaml: cannot be read: /m);
  });

  it('says that Poppler is missing rather than that the template changed', async () => {
    const bin = join(tmp.dir, 'bin-without-poppler');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const r = await runCli(['test', 'test/snapshots'], { env: { PATH: bin } });
    expect(r.code).toBe(6);
    expect(r.stderr).toBe('error: pdftoppm is needed to compare pages as images: install Poppler (Debian/Ubuntu: sudo apt-get install -y poppler-utils)\n');
    expect(r.stdout).toBe('');
  });

  it('says what to do for a case that has no expected outputs yet', async () => {
    const { dir } = caseWithOwnTemplate('new');
    rmSync(join(dir, 'expected'), { recursive: true });
    const r = await runCli(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no expected outputs in');
    expect(r.stdout).toContain('run lagesbild test --update once');
  });
});
