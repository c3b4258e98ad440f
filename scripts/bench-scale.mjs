// The whole command at scale, on the built code (npm run build first; npm run bench:scale does both):
// 8,000 areas × 500 categories (300,000 incidents, most pairs their own) to --format json and to PDF,
// and 50,000 distinct areas to --format json; wall time and peak RSS from /usr/bin/time -v (the
// largest process of the run: Node, or one of Chromium's when it prints), and how long a SIGTERM sent
// while the model is made takes to end the run. Seeded data, made in the system's temp folder and kept
// for the next run (--clean removes it). Asserts nothing.
//   node scripts/bench-scale.mjs [--rows 300000] [--clean]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WINDOW, writeScaleExport } from './scale-data.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/lagesbild');
const arg = (name, fallback) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : fallback);
const rows = arg('rows', 300_000);
const data = join(tmpdir(), `lagesbild-bench-scale-${rows}`);
if (process.argv.includes('--clean')) {
  rmSync(data, { recursive: true, force: true });
  console.log(`removed ${data}`);
  process.exit(0);
}
if (!existsSync('/usr/bin/time')) throw new Error('needs GNU time at /usr/bin/time (Debian package "time")');

mkdirSync(data, { recursive: true });
const exportOf = (name, spec) => {
  const file = join(data, name);
  if (!existsSync(file)) writeScaleExport(file, spec);
  return file;
};
const cells = exportOf('areas-8000-categories-500.csv', { areas: 8000, categories: 500, rows });
const names = exportOf('areas-50000.csv', { areas: 50_000 });
const out = mkdtempSync(join(tmpdir(), 'lagesbild-bench-scale-out-'));

/** One run under /usr/bin/time -v: seconds, peak RSS in MB, exit code, the output's size. */
function timed(input, output, format) {
  const args = ['-v', process.execPath, bin, 'generate', '--quiet', '--incidents', input, '--from', WINDOW.from, '--to', WINDOW.to, '--format', format, '--output', output, '--force'];
  const said = spawnSync('/usr/bin/time', args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 }).stderr;
  const field = (name) => said.match(new RegExp(`${name}: (.+)`))?.[1];
  const [m, s] = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').slice(-2);
  return { seconds: Number(m) * 60 + Number(s), mb: Number(field('Maximum resident set size \\(kbytes\\)')) / 1024, code: Number(field('Exit status')), bytes: existsSync(output) ? statSync(output).size : 0 };
}

/** A run stopped with SIGTERM as soon as it says it is building the model: its exit code and milliseconds to it. */
function stopped(input, after) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'generate', '--debug', '--incidents', input, '--from', WINDOW.from, '--to', WINDOW.to, '--format', 'json', '--output', join(out, 'stopped.json'), '--force']);
    let said = '';
    let sent;
    child.stderr.on('data', (d) => {
      said += d;
      if (sent === undefined && said.includes('building the model')) {
        sent = 0;
        setTimeout(() => ((sent = performance.now()), child.kill('SIGTERM')), after);
      }
    });
    child.on('close', (code) => resolve({ code, ms: Math.round(performance.now() - sent) }));
  });
}

const mb = (n) => `${(n / 2 ** 20).toFixed(1)} MB`;
console.log(`lagesbild at scale: ${cpus().length} cores, Node ${process.version}; data in ${data}`);
const line = (what, r) => console.log(`  ${what.padEnd(52)} ${r.seconds.toFixed(2).padStart(7)} s  ${r.mb.toFixed(0).padStart(5)} MB peak RSS  exit ${r.code}  ${mb(r.bytes)}`);
line(`8,000 × 500, ${rows.toLocaleString('en')} rows, --format json`, timed(cells, join(out, 'cells.json'), 'json'));
line(`8,000 × 500, ${rows.toLocaleString('en')} rows, PDF`, timed(cells, join(out, 'cells.pdf'), 'pdf'));
line('50,000 distinct areas, --format json', timed(names, join(out, 'names.json'), 'json'));
for (const after of [0, 1000]) {
  const r = await stopped(names, after);
  console.log(`  SIGTERM ${after} ms after "building the model" (50,000 areas): exit ${r.code} ${r.ms} ms after the signal`);
}
rmSync(out, { recursive: true, force: true });
