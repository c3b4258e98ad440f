// Times the look-alike pass (findLookAlikes) over 2,000, 10,000 and 50,000 distinct
// area names in one run, on the built code (npm run build first). Asserts nothing.
//   node scripts/bench-lookalikes.mjs [--sizes 2000,10000,50000]
import { fileURLToPath } from 'node:url';
import { FIRST, STEMS, seeded } from './bench-place-names.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { NameBook } = await import(`${root}dist/model/names.js`);
const { findLookAlikes } = await import(`${root}dist/model/similar-names.js`);

const arg = process.argv.indexOf('--sizes');
const sizes = arg > 0 ? process.argv[arg + 1].split(',').map(Number) : [2000, 10000, 50000];

// Seeded, so every run measures the same names.
const { random, pick } = seeded(7);
const QUALIFIER = ['norra', 'södra', 'centrum', 'skola', 'gata', 'plan', 'västra', 'östra'];

/** Distinct names, a tenth of them misspelt (a letter dropped, åäö as a/o), as exports have them. */
function areas(n) {
  const names = new Set();
  while (names.size < n) {
    let name = pick(FIRST) + pick(STEMS) + pick(STEMS) + (random() < 0.5 ? ` ${pick(QUALIFIER)}` : '') + (random() < 0.2 ? ` ${1 + Math.floor(random() * 40)}` : '');
    if (random() < 0.1) {
      const at = 1 + Math.floor(random() * (name.length - 1));
      name = random() < 0.5 ? name.slice(0, at) + name.slice(at + 1) : name.replace(/[åä]/g, 'a').replace(/ö/g, 'o');
    }
    names.add(name);
  }
  return [...names];
}

console.log('look-alike names (findLookAlikes), distinct area names:');
for (const n of sizes) {
  const book = new NameBook();
  for (const a of areas(n)) book.see(a, 1 + Math.floor(random() * 20), 'incidents');
  const start = process.hrtime.bigint();
  const found = findLookAlikes(book);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const heap = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  console.log(`  ${String(n).padStart(6)} names: ${seconds.toFixed(2)} s, ${found.length} look-alikes, heap ${heap} MB`);
}
