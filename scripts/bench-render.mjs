#!/usr/bin/env node
// npm run bench:render: a typical fortnight (2,000 incidents, 5,000 patrol rounds, 30 areas) made
// into a PDF, beside its floor measured in the same run on the same machine:
//   (a) the floor: a bare script that launches the same Chromium, loads the exact HTML lagesbild
//       made and prints it with the same options (scripts/bench-render-floor.mjs);
//   (b) lagesbild generate, end to end, as a process;
//   (c) a batch of 20 reports in one generate run, against 20 × the floor's print step.
// Medians of several runs, and peak memory of the whole process tree, the browser included.
// Prints ratios; asserts nothing. Options: --runs N (default 5).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const BATCH = 20;
// The data's version is in the folder's name: a folder from an older script is not reused.
const dir = join(tmpdir(), 'lagesbild-bench-render-v2');
const incidents = join(dir, 'incidents.csv');
const patrols = join(dir, 'patrols.csv');
// Four weeks from 2024-01-01: the fortnight from 15 January and the one before it.
if (!existsSync(incidents)) execFileSync(process.execPath, [join(root, 'scripts/make-bench-data.mjs'), dir, '4000', '28', '10000'], { stdio: 'inherit' });
const FROM = '2024-01-15';

const dist = (p) => import(join(root, 'dist', p));
const [{ makeModel }, { configSchema }, { reportPeriod }, { renderHtml }, { findChromium }, pdf] = await Promise.all([
  dist('pipeline/make-model.js'), dist('config/schema.js'), dist('period.js'), dist('render/html.js'), dist('render/find-chromium.js'), dist('render/pdf.js'),
]);

// The exact document lagesbild prints, for the floor.
const config = configSchema.parse({});
const { model } = await makeModel([{ file: incidents, kind: 'incidents' }, { file: patrols, kind: 'patrols' }], reportPeriod(FROM, 14, config.timezone, config.period.history), config);
const doc = await renderHtml(model);
const docFile = join(dir, 'doc.json');
writeFileSync(docFile, JSON.stringify({
  html: doc.html,
  executablePath: findChromium(),
  args: [...pdf.CHROMIUM_ARGS, ...pdf.sandboxArgs()],
  pdfOptions: { ...pdf.PDF_OPTIONS, headerTemplate: doc.headerTemplate, footerTemplate: doc.footerTemplate },
}));
const batchConfig = join(dir, 'batch.json');
writeFileSync(batchConfig, JSON.stringify({
  inputs: { incidents: [incidents], patrols: [patrols] },
  output: { dir: join(dir, 'batch') },
  reports: Array.from({ length: BATCH }, (_, i) => ({ name: `r${i + 1}`, recipient: `Lokalpolisområde ${i + 1}` })),
}));

/** Runs a command; its wall time, the peak RSS of its process tree, and the tree's RSS whenever a line on stderr says a report was written. */
function measure(args) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let peak = 0;
    const atReport = [];
    const sample = () => {
      const rss = treeRss(child.pid);
      peak = Math.max(peak, rss);
      return rss;
    };
    const timer = setInterval(sample, 20);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => {
      err += d;
      for (const line of String(d).split('\n')) if (line.includes('"Wrote ')) atReport.push(sample());
    });
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited with ${code}: ${err}`));
      resolve({ seconds: (performance.now() - start) / 1000, peakMB: peak / 1e6, atReport: atReport.map((r) => r / 1e6), out });
    });
  });
}

function treeRss(pid) {
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {}
  }
  let total = 0;
  const walk = (p) => {
    try {
      total += Number(readFileSync(`/proc/${p}/statm`, 'utf8').split(' ')[1]) * 4096;
    } catch {}
    for (const [child, parent] of parents) if (parent === p) walk(child);
  };
  walk(pid);
  return total;
}

// Start-up of what needs no PDF: each command's wall time against a bare `node -e ""` plus the
// command's own work (measured in a process that has loaded everything: bench-startup-task.mjs).
const fixtures = (...files) => files.map((f) => join(root, 'fixtures', f));
const small = ['--config', ...fixtures('lagesbild.config.json'), '-i', ...fixtures('incidents-kommun.csv', 'incidents-medborgare.csv'), '-p', ...fixtures('patrols-vaktbolag.csv'), '--from', '2024-04-15', '--quiet'];
const commands = [
  ['lagesbild --help', ['--help']],
  ['lagesbild validate (the fixtures, 300 rows)', ['validate', ...small]],
  ['lagesbild generate --format json (the same)', ['generate', ...small, '--format', 'json', '-o', '-']],
];
const wall = (args) => {
  const start = performance.now();
  spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
  return (performance.now() - start) / 1000;
};
function startup() {
  const median = (list, key) => [...list].sort((a, b) => a[key] - b[key])[Math.floor(list.length / 2)];
  const STARTS = 11;
  const middle = (list) => [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)];
  console.log(`\nStart-up, medians of ${STARTS}, each command's runs taken in turn with a bare node -e "" (a start of Node varies by tens of ms from minute to minute):`);
  for (const [label, args] of commands) {
    const bares = [];
    const tooks = [];
    for (let i = 0; i < STARTS; i++) {
      bares.push(wall(['-e', '']));
      tooks.push(wall([join(root, 'bin/lagesbild'), ...args]));
    }
    const bare = middle(bares);
    const took = middle(tooks);
    const workFile = join(dir, 'work.json');
    const runs = Array.from({ length: 5 }, () => {
      rmSync(workFile, { force: true });
      spawnSync(process.execPath, [join(root, 'scripts/bench-startup-task.mjs'), workFile, ...args], { cwd: root, stdio: 'ignore' });
      return JSON.parse(readFileSync(workFile, 'utf8'));
    });
    const cold = median(runs, 'cold').cold;
    const warm = median(runs, 'work').work;
    const ms = (s) => `${(s * 1000).toFixed(0).padStart(4)} ms`;
    console.log(`  ${label.padEnd(44)} ${ms(took)}; node -e "" ${ms(bare)}; its work ${ms(cold)} as run (${ms(warm)} warm)`);
    console.log(`  ${''.padEnd(44)} / (node + work as run) = ${(took / (bare + cold)).toFixed(2)}, / (node + warm work) = ${(took / (bare + warm)).toFixed(2)}   (target ≤ 1.5)`);
  }
}

if (process.argv.includes('--startup')) {
  startup();
  process.exit(0);
}

const floor = () => measure([join(root, 'scripts/bench-render-floor.mjs'), docFile, join(dir, 'floor.pdf')]);
const floorBatch = () => measure([join(root, 'scripts/bench-render-floor.mjs'), docFile, join(dir, 'floor.pdf'), String(BATCH)]);
const generate = () =>
  measure([join(root, 'bin/lagesbild'), 'generate', '-i', incidents, '-p', patrols, '--from', FROM, '-o', join(dir, 'lagesbild.pdf'), '--force', '--log-format', 'json']);
const batch = () => {
  rmSync(join(dir, 'batch'), { recursive: true, force: true });
  return measure([join(root, 'bin/lagesbild'), 'generate', '-c', batchConfig, '--from', FROM, '--log-format', 'json']);
};

const samples = { floor: [], generate: [], floorBatch: [], batch: [] };
for (let i = 0; i < RUNS; i++) {
  samples.floor.push(await floor());
  samples.generate.push(await generate());
}
for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
  samples.floorBatch.push(await floorBatch());
  samples.batch.push(await batch());
}
const median = (list, key = 'seconds') => [...list].sort((a, b) => a[key] - b[key])[Math.floor(list.length / 2)];
const f = median(samples.floor);
const g = median(samples.generate);
const fb = median(samples.floorBatch);
const b = median(samples.batch);
const print = JSON.parse(fb.out.trim().split('\n').pop()).printSeconds;

console.log(`\nlagesbild render benchmark: 2,000 incidents and 5,000 patrol rounds in the fortnight, 30 areas; ${cpus().length} cores, Node ${process.version}; medians of ${RUNS} (batches: ${samples.batch.length})\n`);
const row = (label, r) => `${label.padEnd(58)} ${r.seconds.toFixed(2).padStart(6)} s ${r.peakMB.toFixed(0).padStart(6)} MB peak RSS (process tree)`;
console.log(row('(a) floor: launch Chromium, load the HTML, print', f));
console.log(row('(b) lagesbild generate, end to end', g));
console.log(row(`(c) lagesbild generate, a batch of ${BATCH} reports`, b));
console.log(`${'    the floor\'s print step alone (load + print), per print'.padEnd(58)} ${print.toFixed(2).padStart(6)} s`);
console.log('\nRatios, measured in this run:');
console.log(`  (b) / (a)           = ${(g.seconds / f.seconds).toFixed(2)}   (target ≤ 1.25)`);
console.log(`  (c) / (${BATCH} × print) = ${(b.seconds / (BATCH * print)).toFixed(2)}   (target ≤ 1.3)`);
const mem = b.atReport;
console.log(`\nBatch memory, process tree, as reports 1, ${Math.ceil(mem.length / 2)} and ${mem.length} were written: ${[mem[0], mem[Math.ceil(mem.length / 2) - 1], mem[mem.length - 1]].map((m) => `${m?.toFixed(0)} MB`).join(', ')}`);

startup();
if (process.argv.includes('--clean')) rmSync(dir, { recursive: true, force: true });
