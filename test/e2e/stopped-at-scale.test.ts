/**
 * A run on 50,000 distinct areas (seconds of work on one thread) still answers
 * SIGTERM at once at every stage — exit 143, its lock released, no temporary
 * file — and keeps its output folder's lock fresh while it works, so that a
 * second run waits for it rather than taking the lock as a dead run's.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { descendants } from '../support/processes.js';

const BIN = join(ROOT, 'bin/lagesbild');
const dir = mkdtempSync(join(tmpdir(), 'lagesbild-stopped-'));
const names = join(dir, 'omraden-50000.csv');
const cells = join(dir, 'omraden-8000-kategorier-500.csv');
// Seeded exports (scripts/scale-data.mjs, on src/random.ts's mulberry32): the same rows on every run.
const make = (file: string, ...flags: string[]) => execFileSync(process.execPath, [join(ROOT, 'scripts/scale-data.mjs'), file, ...flags]);
make(names, '--areas', '50000');
make(cells, '--areas', '8000', '--categories', '500', '--rows', '300000');
const WINDOW = ['--from', '2024-04-15', '--to', '2024-04-28'];

/** The command started, its stderr watched line by line. */
function start(args: string[], cwd = dir) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  const waiting: { text: string; resolve: () => void }[] = [];
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString('utf8');
    for (const w of waiting.filter((w) => stderr.includes(w.text))) (waiting.splice(waiting.indexOf(w), 1), w.resolve());
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, at: performance.now() })));
  return {
    child,
    done,
    stderr: () => stderr,
    /** Resolves when stderr has said `text`. */
    said: (text: string) => new Promise<void>((resolve) => (stderr.includes(text) ? resolve() : waiting.push({ text, resolve }))),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** What the folder holds but the reports of earlier cases: a lock or a temporary file left would show here. */
const leftIn = (folder: string) => (existsSync(folder) ? readdirSync(folder) : []);

describe('SIGTERM to generate on 50,000 distinct areas', () => {
  // The stage by what the run said last, and how long after that line the signal is sent.
  const stages: [string, string, number][] = [
    ['reading the exports', 'reading the exports', 0],
    ['building the model', 'exports read; building the model', 0],
    ['building the model, a second on (names compared)', 'exports read; building the model', 1000],
    ['building the model, two seconds on', 'exports read; building the model', 2000],
  ];
  const figures: string[] = [];

  it.each(stages)('stops within a second while %s: exit 143, no lock, no temporary file', async (stage, line, after) => {
    const out = join(dir, `stopped-${stages.findIndex((s) => s[0] === stage)}`);
    const run = start(['generate', '--debug', '--incidents', names, ...WINDOW, '--format', 'json', '--output', join(out, 'rapport.json')]);
    await run.said(line);
    await sleep(after);
    expect(run.stderr()).not.toContain('Wrote');
    const sent = performance.now();
    run.child.kill('SIGTERM');
    const { code, signal, at } = await run.done;
    const ms = Math.round(at - sent);
    const last = run.stderr().split('\n').filter((l) => l.startsWith('debug:')).at(-1);
    figures.push(`${stage}: exit ${code} ${ms} ms after SIGTERM (last said: ${last})`);
    console.log(`SIGTERM while ${stage}: exit ${code} after ${ms} ms; last said: ${last}`);
    expect([code, signal]).toEqual([143, null]);
    expect(run.stderr()).toContain('stopped by SIGTERM; no report was left half-written');
    // Measured to report; a generous bound on this loaded machine (it answers in a fraction of a second).
    expect(ms).toBeLessThan(3000);
    expect(leftIn(out)).toEqual([]);
  }, 120_000);

  it('stops within a second while Chromium prints its PDF: exit 143, no browser, no lock, no temporary file', async () => {
    const out = join(dir, 'stopped-printing');
    const run = start(['generate', '--debug', '--incidents', names, ...WINDOW, '--output', join(out, 'rapport.pdf')]);
    await run.said('making the PDF');
    await sleep(300);
    const browsers = descendants(run.child.pid!).map((p) => p.pid);
    expect(run.stderr()).not.toContain('Wrote');
    const sent = performance.now();
    run.child.kill('SIGTERM');
    const { code, at } = await run.done;
    console.log(`SIGTERM while printing: exit ${code} after ${Math.round(at - sent)} ms; ${browsers.length} browser processes then`);
    expect(code).toBe(143);
    expect(at - sent).toBeLessThan(3000);
    expect(browsers.length).toBeGreaterThan(0);
    for (let i = 0; i < 50 && browsers.some((pid) => existsSync(`/proc/${pid}`)); i++) await sleep(100);
    expect(browsers.filter((pid) => existsSync(`/proc/${pid}`))).toEqual([]);
    expect(leftIn(out)).toEqual([]);
  }, 180_000);
});

describe('the output folder\'s lock while a run works on 8,000 areas × 500 categories', () => {
  it('is refreshed, so that a second run waits for the first and then finds its report made', async () => {
    const work = join(dir, 'lock');
    mkdirSync(work);
    // Taken as stale after 6 s without a refresh (refreshed every 1.5 s): a run whose thread stopped for longer would lose its lock.
    writeFileSync(join(work, 'lagesbild.config.json'), JSON.stringify({ output: { dir: 'rapporter', lockStale: 6, lockWait: 300 } }));
    const args = ['generate', '--debug', '--incidents', cells, ...WINDOW, '--format', 'json'];
    const first = start(args, work);
    await first.said('exports read; building the model');
    const lock = join(work, 'rapporter', '.lagesbild.lock');
    const second = start(args, work);
    // When the first's report was written: the first may still be closing its threads when the second ends.
    const wrote = first.said('Wrote rapporter/').then(() => performance.now());
    await second.said('waiting for another lagesbild run');
    // While the first makes its model, its lock's time keeps moving (refreshed every second here).
    const seen = new Set<number>();
    let oldest = 0;
    while (!first.stderr().includes('model made') && existsSync(lock)) {
      const touched = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (touched !== undefined) (seen.add(touched), (oldest = Math.max(oldest, Date.now() - touched)));
      await sleep(100);
    }
    const [a, b] = await Promise.all([first.done, second.done]);
    console.log(`lock refreshed ${seen.size} times while the model was made; at most ${oldest} ms old (stale after 6000)`);
    expect([a.code, b.code], first.stderr() + second.stderr()).toEqual([0, 0]);
    expect(first.stderr()).toContain('Wrote rapporter/');
    // The second never took the lock from the first: it ended after the first had written, finding the report made.
    expect(second.stderr()).not.toContain('Wrote');
    expect(second.stderr()).toContain('exists already: nothing to do');
    expect(b.at).toBeGreaterThan(await wrote);
    expect(seen.size).toBeGreaterThan(1);
    expect(oldest).toBeLessThan(6000);
    expect(leftIn(join(work, 'rapporter'))).toEqual(['lagesbild-2024-v16-v17.json']);
  }, 300_000);
});
