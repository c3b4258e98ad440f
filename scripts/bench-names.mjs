// Times the matching of patrol area names to incident area names (suggestions across kinds)
// for 1,000 and 10,000 names of each, on the built code (npm run build first). Asserts nothing.
//   node scripts/bench-names.mjs [--sizes 1000,10000]
import { fileURLToPath } from 'node:url';
import { FIRST, STEMS, seeded } from './bench-place-names.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { NameBook } = await import(`${root}dist/model/names.js`);
const { areaMatches } = await import(`${root}dist/model/name-matches.js`);
const { relate, words } = await import(`${root}dist/model/name-words.js`);

const arg = process.argv.indexOf('--sizes');
const sizes = arg > 0 ? process.argv[arg + 1].split(',').map(Number) : [1000, 10000];

// Seeded, so every run measures the same names.
const { random, pick } = seeded(42);
const QUALIFIER = ['norra', 'södra', 'centrum', 'skola', 'gata', 'plan'];

function incidentAreas(n) {
  const names = new Set();
  while (names.size < n) {
    const word = pick(FIRST) + pick(STEMS) + (random() < 0.5 ? pick(STEMS) : '');
    names.add(random() < 0.3 ? `${word} ${pick(QUALIFIER)}` : random() < 0.2 ? `${word} ${1 + Math.floor(random() * 30)}` : word);
  }
  return [...names];
}

/** What a guard company writes: the name with a part added, cut short, in brackets, or a place of its own. */
function patrolAreas(areas) {
  return areas.map((a, i) => {
    const other = areas[(i * 7919) % areas.length];
    switch (i % 5) {
      case 0: return `${a}/${other.split(' ')[0]}`;
      case 1: return a.length > 8 ? `${a.slice(0, 6)}.` : `${a} ${pick(QUALIFIER)}`;
      case 2: return `${pick(FIRST)} (${a})`;
      case 3: return `${a} ${pick(['västra', 'östra', 'entré'])}`;
      default: return `Objekt ${i}`;
    }
  });
}

for (const n of sizes) {
  const areas = incidentAreas(n);
  const patrols = patrolAreas(areas);
  const book = new NameBook();
  for (const a of areas) book.see(a, 3, 'incidents');
  for (const p of patrols) book.see(p, 2, 'patrols');
  const start = process.hrtime.bigint();
  const found = areaMatches(book, new Set(), new Set());
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const two = found.filter((m) => m.candidates.length > 1).length;
  console.log(`${n.toLocaleString('en')} incident areas × ${n.toLocaleString('en')} patrol areas: ${seconds.toFixed(3)} s, ${found.length.toLocaleString('en')} matched (${two.toLocaleString('en')} to more than one)`);
}

// Against every pair, at the smallest size only: what the index saves.
{
  const n = sizes[0];
  const areas = incidentAreas(n).map(words);
  const patrols = patrolAreas(incidentAreas(n)).map(words);
  const start = process.hrtime.bigint();
  let related = 0;
  for (const p of patrols) for (const a of areas) if (relate(p, a)) related++;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`every pair instead, ${n.toLocaleString('en')} × ${n.toLocaleString('en')}: ${seconds.toFixed(3)} s (${related.toLocaleString('en')} related pairs); it grows with the square of the names`);
}
