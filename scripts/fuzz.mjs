// A bounded mutation run over the fixtures (issue 16), as the reliability probe did: each case
// mutates the demo's exports (bytes flipped, lines dropped or repeated, quotes, delimiters and NULs
// put in, the file cut short, re-encoded, BOMs, line endings, huge fields, columns shuffled…), runs
// the built command's `validate` and `generate --format json` on them in a folder of its own, and
// checks what must always hold. Seeded: the same seed gives the same cases on every machine.
//   node scripts/fuzz.mjs [--cases 300] [--seed 1] [--jobs N]   (npm run fuzz; npm run build first)
//   node scripts/fuzz.mjs --case SEED                           one case again, its folder kept
// Exit 1 when any invariant broke, each named with the case's seed.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

const root = fileURLToPath(new URL('..', import.meta.url));
const { mulberry32 } = await import(`${root}dist/random.js`);
const BIN = join(root, 'bin/lagesbild');
const FIXTURES = join(root, 'fixtures');

const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CASES = option('--cases', 300);
const SEED = option('--seed', 1);
const JOBS = option('--jobs', Math.max(1, availableParallelism()));
const ONLY = option('--case', undefined);
/** Far more than a run of these files takes: one that is still going is a hang. */
const RUN_BOUND_MS = 60_000;

/** The exports, as the demo gives them; the config and map are the fixtures' own, never copied or changed. */
const EXPORTS = [
  { name: 'incidents-kommun.csv', kind: 'incidents' },
  { name: 'incidents-medborgare.csv', kind: 'incidents' },
  { name: 'patrols-vaktbolag.csv', kind: 'patrols' },
  { name: 'patrols-ronder-extra.csv', kind: 'patrols' },
  { name: 'aktiviteter.csv', kind: 'activities' },
];
const CONFIG = join(FIXTURES, 'lagesbild.config.json');
const FROM = '2024-04-15';
/** What each command may end with on exports, whatever is in them (README, "Exit codes"). */
const EXITS = { validate: [0, 1, 2], generate: [0, 2] };
const COUNTS = ['rows', 'inPeriod', 'inPrevious', 'outside', 'rejected', 'duplicates', 'skipped'];

// ---- the mutations: bytes in, bytes out; `same` when the export says what it said before ----

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const text = (bytes) => bytes.toString('utf8').replace(/^\uFEFF/, '');
const lines = (bytes) => bytes.toString('latin1').split('\n');
const joined = (list) => Buffer.from(list.join('\n'), 'latin1');
const PIECES = ['"', ';', ',', '\t', '\0', '\r', '\n', '""', '"\n', '\\', ' ', '\u2028', '\uFEFF', '{{', '<b>', '😀', 'e\u0301'];

const MUTATIONS = {
  'byte flip': (b, r) => { b = Buffer.from(b); for (let k = 1 + r.int(8); k > 0 && b.length; k--) b[r.int(b.length)] ^= 1 << r.int(8); return b; },
  'random bytes': (b, r) => { b = Buffer.from(b); for (let k = 1 + r.int(16); k > 0 && b.length; k--) b[r.int(b.length)] = r.int(256); return b; },
  'lines deleted': (b, r) => { const l = lines(b); for (let k = 1 + r.int(5); k > 0 && l.length; k--) l.splice(r.int(l.length), 1); return joined(l); },
  'lines repeated': (b, r) => { const l = lines(b); for (let k = 1 + r.int(5); k > 0; k--) { const i = r.int(l.length); l.splice(i, 0, l[i]); } return joined(l); },
  'pieces put in': (b, r) => {
    let out = b;
    for (let k = 1 + r.int(6); k > 0; k--) { const at = r.int(out.length + 1); out = Buffer.concat([out.subarray(0, at), Buffer.from(r.pick(PIECES)), out.subarray(at)]); }
    return out;
  },
  'cut short': (b, r) => b.subarray(0, r.int(b.length + 1)),
  'blank lines': (b, r) => { const l = lines(b); for (let k = 1 + r.int(4); k > 0; k--) l.splice(r.int(l.length + 1), 0, ...Array(1 + r.int(3000)).fill('')); return joined(l); },
  'huge field': (b, r) => {
    const l = lines(b);
    const i = 1 + r.int(Math.max(1, l.length - 1));
    const run = r.pick(['x', 'å', ';', '"', 'a b ']).repeat(r.pick([10_000, 300_000, 999_000, 1_100_000]) / 4);
    l[i] = `${l[i] ?? ''}${r.chance(0.5) ? `"${run}"` : run}`;
    return joined(l);
  },
  'header column repeated': (b, r) => {
    const l = lines(b);
    const delimiter = l[0].includes(';') ? ';' : ',';
    const header = l[0].replace(/\r$/, '').split(delimiter);
    const copy = r.int(header.length);
    return joined(l.map((line, i) => (line.trim() === '' ? line : `${line.replace(/\r$/, '')}${delimiter}${i === 0 ? header[copy] : r.chance(0.5) ? line.split(delimiter)[copy] ?? '' : 'annat'}`)));
  },
  'empty': () => Buffer.alloc(0),
  'header only': (b) => joined(lines(b).slice(0, 1)),
  // What re-saving the same export in another program gives: the same rows.
  'Windows-1252': (b) => iconv.encode(text(b), 'win1252'),
  'UTF-16LE with BOM': (b) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text(b), 'utf16le')]),
  'UTF-16BE with BOM': (b) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text(b), 'utf16be')]),
  'UTF-16LE without BOM': (b) => iconv.encode(text(b), 'utf16le'),
  'BOM added': (b) => Buffer.concat([BOM, b]),
  'BOM taken away': (b) => (b.subarray(0, 3).equals(BOM) ? b.subarray(3) : b),
  'CRLF': (b) => Buffer.from(b.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1'),
  'CR alone': (b) => Buffer.from(b.toString('latin1').replace(/\r?\n/g, '\r'), 'latin1'),
  'columns shuffled': (b, r) => {
    const records = csvRecords(b);
    const bom = b.subarray(0, 3).equals(BOM) ? '\uFEFF' : '';
    if (!records) {
      // Not CSV as csv-parse reads it: each line split where its delimiters are.
      const l = text(b).split('\n');
      const width = l[0].split(delimiterOf(b)).length;
      const order = shuffled(width, r);
      return Buffer.from(bom + l.map((line) => { const f = line.split(delimiterOf(b)); return f.length === width ? order.map((j) => f[j]).join(delimiterOf(b)) : line; }).join('\n'));
    }
    const order = shuffled(records[0].length, r);
    const quoted = (field) => (/[";\r\n,\t]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
    const ending = b.includes('\r\n') ? '\r\n' : '\n';
    return Buffer.from(bom + records.map((record) => order.map((j) => quoted(record[j] ?? '')).join(delimiterOf(b))).join(ending) + ending);
  },
};
const delimiterOf = (b) => (text(b).split('\n')[0].includes(';') ? ';' : ',');
const shuffled = (n, r) => [...Array(n).keys()].map((i) => [r.next(), i]).sort(([a], [b]) => a - b).map(([, i]) => i);
/** The export's records, by csv-parse, when each has the header's width; else none. */
function csvRecords(b) {
  try {
    const records = parse(text(b), { delimiter: delimiterOf(b), relax_column_count: true });
    return records.length > 0 && records.every((r) => r.length === records[0].length) ? records : undefined;
  } catch {
    return undefined;
  }
}
/** Mutations after which the export holds the same rows, and the counts must be as before. */
const SAME = new Set(['Windows-1252', 'UTF-16LE with BOM', 'UTF-16BE with BOM', 'UTF-16LE without BOM', 'BOM added', 'BOM taken away', 'CRLF', 'CR alone', 'columns shuffled']);
/** Whether a content-keeping mutation can keep it for this export: every character in Windows-1252; records csv-parse reads, all as wide as the header. */
function keepsContent(name, bytes) {
  if (name === 'Windows-1252') return iconv.decode(iconv.encode(text(bytes), 'win1252'), 'win1252') === text(bytes);
  if (name === 'columns shuffled') return csvRecords(bytes) !== undefined;
  return true;
}
const ALL = Object.keys(MUTATIONS);

function draws(seed) {
  const next = mulberry32(seed);
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)], chance: (p) => next() < p };
}

/** A case: which exports are mutated and how, from its seed alone. */
function makeCase(seed, originals) {
  const r = draws(seed);
  const keeping = r.chance(0.25); // a quarter of the cases change only how the rows are written
  const files = new Map(EXPORTS.map((e) => [e.name, originals.get(e.name)]));
  const applied = [];
  const mutated = new Set();
  const apply = (name, mutation) => {
    files.set(name, MUTATIONS[mutation](files.get(name), r));
    applied.push({ file: name, mutation });
    mutated.add(name);
  };
  const names = EXPORTS.map((e) => e.name);
  for (let f = 1 + (r.chance(0.2) ? 1 : 0); f > 0; f--) {
    const name = names.splice(r.int(names.length), 1)[0]; // two files, not one twice
    if (!keeping) {
      for (let m = 1 + r.int(3); m > 0; m--) apply(name, r.pick(ALL));
      continue;
    }
    // As another program would save the same rows: column order, line endings, a BOM, and last one encoding.
    const steps = [r.chance(0.4) ? 'columns shuffled' : undefined, r.pick([undefined, 'CRLF', 'CR alone']), r.pick([undefined, 'BOM added', 'BOM taken away']), r.pick([undefined, 'Windows-1252', 'UTF-16LE with BOM', 'UTF-16BE with BOM', 'UTF-16LE without BOM'])];
    const chosen = steps.filter((s) => s && keepsContent(s, files.get(name)) && !(s === 'BOM added' && files.get(name).subarray(0, 3).equals(BOM)));
    for (const mutation of chosen.length ? chosen : ['CRLF']) apply(name, mutation);
  }
  return { seed, files, applied, mutated, keeping };
}

const children = new Set();

function run(args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_BOUND_MS);
    children.add(child);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

const sha = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');
const exportArgs = () => ['--config', CONFIG, '--from', FROM, ...['incidents', 'patrols', 'activities'].flatMap((kind) => [`--${kind}`, ...EXPORTS.filter((e) => e.kind === kind).map((e) => e.name)])];
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

/** Runs a case in a folder of its own; gives the invariants it broke, and the exit codes. */
const live = new Set();
// Stopped, it stops its runs and leaves no case's folder behind.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  process.exit(130);
});

async function runCase(c, clean, keep = false) {
  const dir = mkdtempSync(join(tmpdir(), 'lagesbild-fuzz-'));
  if (!keep) live.add(dir);
  const broken = [];
  try {
    for (const [name, bytes] of c.files) writeFileSync(join(dir, name), bytes);
    const inputs = [...[...c.files.keys()].map((name) => join(dir, name)), CONFIG, join(FIXTURES, 'strandvik-omraden.geojson')];
    const before = inputs.map(sha);

    const validate = await run(['validate', '--format', 'json', ...exportArgs()], dir);
    const generate = await run(['generate', '--format', 'json', ...exportArgs(), '--output', 'out/report.json'], dir);

    for (const [command, r] of [['validate', validate], ['generate', generate]]) {
      if (r.signal) broken.push(`${command}: ended by ${r.signal}${r.signal === 'SIGKILL' ? ` (no outcome in ${RUN_BOUND_MS / 1000} s: a hang)` : ''}`);
      else if (!EXITS[command].includes(r.code)) broken.push(`${command}: exit ${r.code}, not one of ${EXITS[command].join(', ')}: ${r.stderr.trim().split('\n').pop()}`);
      if (STACK.test(r.stderr)) broken.push(`${command}: a stack trace in stderr: ${r.stderr.match(STACK)[0].trim()}`);
    }
    const changed = inputs.filter((f, i) => sha(f) !== before[i]);
    if (changed.length) broken.push(`changed an input: ${changed.join(', ')}`);

    let checked;
    try {
      checked = JSON.parse(validate.stdout);
    } catch {
      if (!validate.signal) broken.push('validate: stdout is not JSON');
    }
    const report = join(dir, 'out/report.json');
    if (generate.code === 0) {
      if (!existsSync(report)) broken.push('generate: exit 0 and no report');
      else {
        const mode = (statSync(report).mode & 0o777).toString(8);
        if (mode !== '600') broken.push(`generate: the report is ${mode}, not 600`);
        broken.push(...accounting(JSON.parse(readFileSync(report, 'utf8')), checked, c, clean));
      }
    } else if (existsSync(report)) broken.push(`generate: exit ${generate.code} and a report written`);
    const left = existsSync(join(dir, 'out')) ? readdirSync(join(dir, 'out')).filter((f) => f !== 'report.json') : [];
    if (left.length) broken.push(`generate: left ${left.join(', ')} in the output folder`);
    // validate and generate read the same way: a file one cannot use, the other cannot either.
    if (checked && (checked.exitCode === 2) !== (generate.code === 2)) broken.push(`validate says ${checked.exitCode}, generate ${generate.code}: ${generate.stderr.trim().split('\n').pop()}`);
    return { broken, exits: { validate: validate.signal ?? validate.code, generate: generate.signal ?? generate.code }, dir };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
    live.delete(dir);
  }
}

/** Every row counted once, the lists as long as their counts, the totals their sums; validate's counts generate's; kept content, kept counts. */
function accounting(model, checked, c, clean) {
  const broken = [];
  for (const input of model.inputs) {
    const sum = COUNTS.slice(1).reduce((s, k) => s + input[k], 0);
    if (sum !== input.rows) broken.push(`${input.file}: ${COUNTS.slice(1).map((k) => `${k} ${input[k]}`).join(' + ')} = ${sum}, not its ${input.rows} rows`);
    for (const list of ['rejected', 'duplicates', 'skipped']) {
      const listed = model[list].filter((x) => x.file === input.file).length;
      if (listed !== input[list]) broken.push(`${input.file}: ${input[list]} ${list}, ${listed} listed in ${list}[]`);
    }
    const file = checked?.files.find((f) => f.file === input.file);
    if (!file) broken.push(`${input.file}: not in validate's files[]`);
    else for (const k of COUNTS) if (file[k] !== input[k]) broken.push(`${input.file}: ${k} ${input[k]} in generate, ${file[k]} in validate`);
    if (c.keeping && c.mutated.has(input.file)) {
      const was = clean.inputs.find((i) => i.file === input.file);
      for (const k of COUNTS) if (was[k] !== input[k]) broken.push(`${input.file}: ${k} ${input[k]}, ${was[k]} before ${c.applied.filter((a) => a.file === input.file).map((a) => a.mutation).join(', ')}`);
    }
  }
  for (const kind of ['incidents', 'patrols']) {
    const sum = model.inputs.filter((i) => i.kind === kind).reduce((s, i) => s + i.inPeriod, 0);
    if (model[kind].total !== sum) broken.push(`${kind}.total ${model[kind].total}, the inputs' inPeriod add up to ${sum}`);
  }
  if (c.keeping && (model.incidents.total !== clean.incidents.total || model.patrols.total !== clean.patrols.total)) broken.push(`totals ${model.incidents.total}/${model.patrols.total}, ${clean.incidents.total}/${clean.patrols.total} before`);
  return broken;
}

// ---- the run ----

if (!existsSync(join(root, 'dist/random.js'))) {
  console.error('fuzz: no dist/: run npm run build first');
  process.exit(2);
}
const originals = new Map(EXPORTS.map((e) => [e.name, readFileSync(join(FIXTURES, e.name))]));
const started = Date.now();
// The unmutated exports' report: what a case that keeps their content must count again.
const cleanDir = mkdtempSync(join(tmpdir(), 'lagesbild-fuzz-clean-'));
for (const e of EXPORTS) copyFileSync(join(FIXTURES, e.name), join(cleanDir, e.name));
const cleanRun = await run(['generate', '--format', 'json', ...exportArgs(), '--output', '-'], cleanDir);
rmSync(cleanDir, { recursive: true, force: true });
if (cleanRun.code !== 0) {
  console.error(`fuzz: the fixtures themselves give exit ${cleanRun.code}:\n${cleanRun.stderr}`);
  process.exit(2);
}
const clean = JSON.parse(cleanRun.stdout);

if (ONLY !== undefined) {
  const c = makeCase(ONLY, originals);
  const result = await runCase(c, clean, true);
  console.log(`case ${ONLY}: ${c.applied.map((a) => `${a.mutation} (${a.file})`).join(', ')}`);
  console.log(`exit codes: validate ${result.exits.validate}, generate ${result.exits.generate}; its folder: ${result.dir}`);
  for (const b of result.broken) console.log(`  broken: ${b}`);
  process.exit(result.broken.length ? 1 : 0);
}

const seeds = draws(SEED);
const cases = Array.from({ length: CASES }, () => Math.floor(seeds.next() * 2 ** 32));
const results = [];
let next = 0;
await Promise.all(
  Array.from({ length: Math.min(JOBS, CASES) }, async () => {
    while (next < cases.length) {
      const seed = cases[next++];
      const c = makeCase(seed, originals);
      results.push({ c, ...(await runCase(c, clean)) });
      if (process.stderr.isTTY) process.stderr.write(`\r${results.length}/${CASES}`);
      else if (results.length % 50 === 0) process.stderr.write(`fuzz: ${results.length} of ${CASES} cases\n`);
    }
  }),
);
if (process.stderr.isTTY) process.stderr.write('\n');

const tally = (values) => Object.entries(values.reduce((t, v) => ({ ...t, [v]: (t[v] ?? 0) + 1 }), {})).sort(([a], [b]) => String(a).localeCompare(String(b), 'en', { numeric: true })).map(([k, n]) => `${k}: ${n}`).join(', ');
const failed = results.filter((r) => r.broken.length);
console.log(`fuzz: ${CASES} cases (seed ${SEED}, ${JOBS} at a time) in ${((Date.now() - started) / 1000).toFixed(0)} s; ${results.filter((r) => r.c.keeping).length} of them keep the rows as they were`);
console.log(`  validate exits  ${tally(results.map((r) => r.exits.validate))}`);
console.log(`  generate exits  ${tally(results.map((r) => r.exits.generate))}`);
console.log(`  mutations       ${tally(results.flatMap((r) => r.c.applied.map((a) => a.mutation)))}`);
console.log(`  invariants broken in ${failed.length} cases`);
for (const r of failed.sort((a, b) => a.c.seed - b.c.seed)) {
  console.log(`  case ${r.c.seed} (${r.c.applied.map((a) => `${a.mutation} in ${a.file}`).join(', ')}); again: node scripts/fuzz.mjs --case ${r.c.seed}`);
  for (const b of r.broken) console.log(`    ${b}`);
}
process.exit(failed.length ? 1 : 0);
