#!/usr/bin/env node
// npm run bench: ingest + aggregation throughput and peak memory beside two floors measured in
// the same run on the same file (reading it with no parsing; a plain csv-parse pass), and Miller
// when it is installed, for two layouts: the semicolon export with the date and the time apart,
// and the comma export Excel writes, one date-time column and a third of the rows quoted.
// Prints ratios, never asserts on time. Options: --rows N (default 1,000,000).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const rowsArg = process.argv.indexOf('--rows');
const rows = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 1_000_000;
// A year, and half of it at the same density: the same rows per day, half the file.
const small = Math.round(rows / 2);
// The data's version is in the folder's name: a folder from an older script is not reused.
const dir = join(tmpdir(), `lagesbild-bench-v2-${rows}-366d`);
const smallDir = join(tmpdir(), `lagesbild-bench-v2-${small}-183d`);
const commaDir = join(tmpdir(), `lagesbild-bench-v2-comma-${rows}-366d`);
for (const [d, n, days, ...flags] of [[dir, rows, 366], [smallDir, small, 183], [commaDir, rows, 366, String(Math.round(rows / 5)), '--comma']]) {
  if (!existsSync(join(d, 'incidents.csv'))) execFileSync(process.execPath, [join(root, 'scripts/make-bench-data.mjs'), d, String(n), String(days), ...flags], { stdio: 'inherit' });
}
const patrols = join(dir, 'patrols.csv');
const mb = (bytes) => bytes / 1e6;

/** Runs one measurement in a fresh process; returns its seconds and peak RSS. */
function measure(task, ...args) {
  const out = spawnSync(process.execPath, [join(root, 'scripts/bench-task.mjs'), task, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (out.status !== 0) throw new Error(`${task} failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop());
}

function miller(incidents, delimiter) {
  const has = spawnSync('mlr', ['--version']).status === 0;
  if (!has) return null;
  const start = process.hrtime.bigint();
  const r = spawnSync('mlr', ['--icsv', '--ifs', delimiter, 'count', '-g', 'Område,Kategori', incidents], { maxBuffer: 1 << 26 });
  if (r.status !== 0) return null;
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, rssMB: null };
}

const ROUNDS = 3;
const median = (list) => {
  if (list.some((r) => r === null)) return null;
  const sorted = [...list].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)];
};

/** One layout: each measurement three times, interleaved, the median kept (a shared machine has slow moments). */
function layout(title, incidents, delimiter) {
  const tasks = [
    ['read the file, no parsing', () => measure('raw', incidents)],
    ['csv-parse, no further work', () => measure('csv-parse', incidents, delimiter)],
    ['Miller: count -g area,category', () => miller(incidents, delimiter)],
    [`lagesbild ingest + aggregation, ${availableParallelism()} threads`, () => measure('lagesbild', incidents)],
    ['lagesbild ingest + aggregation, 1 thread', () => measure('lagesbild', incidents, '1')],
  ];
  const samples = tasks.map(() => []);
  for (let round = 0; round < ROUNDS; round++) tasks.forEach(([, run], i) => samples[i].push(run()));
  const results = tasks.map(([label], i) => [label, median(samples[i])]);
  const fileMB = mb(statSync(incidents).size);
  const line = (label, r) =>
    r === null
      ? `${label.padEnd(48)} (not installed)`
      : `${label.padEnd(48)} ${r.seconds.toFixed(2).padStart(6)} s ${Math.round(rows / r.seconds).toLocaleString('en').padStart(11)} rows/s ${(fileMB / r.seconds).toFixed(1).padStart(6)} MB/s` +
        (r.rssMB === null ? '' : ` ${r.rssMB.toFixed(0).padStart(5)} MB peak RSS`);
  console.log(`\n${title}: ${rows.toLocaleString('en')} incident rows (${fileMB.toFixed(1)} MB), ${availableParallelism()} cores, Node ${process.version}; medians of ${ROUNDS}\n`);
  for (const [label, r] of results) console.log(line(label, r));
  const [, parse] = results[1];
  const [, mlr] = results[2];
  const [, ours] = results[3];
  console.log('\nRatios, measured in this run:');
  console.log(`  lagesbild throughput / plain csv-parse throughput = ${(parse.seconds / ours.seconds).toFixed(2)}   (target ≥ 0.80)`);
  if (mlr) console.log(`  lagesbild time / Miller time                      = ${(ours.seconds / mlr.seconds).toFixed(2)}   (target ≤ 2)`);
  console.log(`  lagesbild time / reading the file                 = ${(ours.seconds / results[0][1].seconds).toFixed(1)}`);
}

layout('lagesbild ingest benchmark, semicolon export (date and time apart)', join(dir, 'incidents.csv'), ';');
layout('lagesbild ingest benchmark, comma export (one date-time column, a third of the rows quoted)', join(commaDir, 'incidents.csv'), ',');

const incidents = join(dir, 'incidents.csv');
const big = measure('generate', incidents, patrols);
const little = measure('generate', join(smallDir, 'incidents.csv'), join(smallDir, 'patrols.csv'));
console.log(`\ngenerate --format json --from 2024-02-05, incidents + patrols, the whole command (start-up included):`);
console.log(`  half a year: ${small.toLocaleString('en').padStart(9)} + ${(small / 5).toLocaleString('en')} rows: ${little.seconds.toFixed(2)} s, ${little.rssMB.toFixed(0)} MB peak RSS`);
console.log(`  a year:      ${rows.toLocaleString('en').padStart(9)} + ${(rows / 5).toLocaleString('en')} rows: ${big.seconds.toFixed(2)} s, ${big.rssMB.toFixed(0)} MB peak RSS`);
console.log(`  peak RSS for the year / for half of it = ${(big.rssMB / little.rssMB).toFixed(2)}   (memory follows the window, not the file: close to 1)`);
const comma = measure('generate', join(commaDir, 'incidents.csv'), join(commaDir, 'patrols.csv'));
console.log(`  a year, comma export: ${rows.toLocaleString('en')} + ${(rows / 5).toLocaleString('en')} rows: ${comma.seconds.toFixed(2)} s, ${comma.rssMB.toFixed(0)} MB peak RSS (${(comma.rssMB / big.rssMB).toFixed(2)} × the semicolon year's)`);
if (process.argv.includes('--clean')) for (const d of [dir, smallDir, commaDir]) rmSync(d, { recursive: true, force: true });
