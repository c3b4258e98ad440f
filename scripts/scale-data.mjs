// Incident exports of many names, seeded, for the at-scale benchmark (bench-scale.mjs) and the
// end-to-end tests that stop a run on them: every area and every category occurs at least once,
// the other rows fall on areas of uneven weight (a few busy ones, a long tail) and on any category,
// over the report window and the one before it, so that most rows are pairs of their own.
//   writeScaleExport(file, { areas: 8000, categories: 500, rows: 300_000 })
import { writeFileSync } from 'node:fs';
import { FIRST, STEMS, seeded } from './bench-place-names.mjs';

/** The report window the rows fall in (and the one before it, from 2024-04-01). */
export const WINDOW = { from: '2024-04-15', to: '2024-04-28' };

const CATEGORY_WORDS = ['Skadegörelse', 'Klotter', 'Stöld', 'Inbrott', 'Brand', 'Hot', 'Ordningsstörning', 'Nedskräpning', 'Vandalisering', 'Olovligt intrång', 'Misshandel', 'Rån', 'Narkotika', 'Fylleri', 'Bråk', 'Trakasserier', 'Larm', 'Vattenskada', 'Fordonsbrand', 'Cykelstöld'];
const PLACES = ['skola', 'förskola', 'fritidsgård', 'bibliotek', 'idrottshall', 'park', 'parkering', 'busshållplats', 'badplats', 'gata', 'torg', 'butik', 'trappuppgång', 'källare', 'garage', 'lekplats', 'station', 'kyrkogård', 'simhall', 'vårdcentral', 'kontor', 'förråd', 'hamn', 'strand', 'skog'];

/** `n` distinct area names as a municipality's exports have them: a place name, often a number. */
export function areaNames(n, seed = 16) {
  const { random, pick } = seeded(seed);
  const names = new Set();
  while (names.size < n) names.add(`${pick(FIRST)}${pick(STEMS)}${pick(STEMS)} ${1 + Math.floor(random() * 400)}`);
  return [...names];
}

/** `n` distinct category names: what happened, and where (`Klotter, skola 3`). */
export function categoryNames(n) {
  const names = [];
  for (let i = 0; names.length < n; i++) {
    const what = CATEGORY_WORDS[i % CATEGORY_WORDS.length];
    const where = PLACES[Math.floor(i / CATEGORY_WORDS.length) % PLACES.length];
    const round = Math.floor(i / (CATEGORY_WORDS.length * PLACES.length));
    names.push(`${what}, ${where}${round > 0 ? ` ${round + 1}` : ''}`);
  }
  return names;
}

/** Writes the export; gives what it holds. `rows` at least `areas` and `categories`. */
export function writeScaleExport(file, { areas: areaCount, categories: categoryCount = 1, rows = areaCount, seed = 16 }) {
  const areas = areaNames(areaCount, seed);
  const categories = categoryNames(categoryCount);
  const { random } = seeded(seed + 1);
  const lines = ['Datum;Tid;Område;Kategori'];
  const start = Date.UTC(2024, 3, 1);
  const line = (area, category) => {
    const at = new Date(start + Math.floor(random() * 28) * 86_400_000);
    const time = `${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`;
    lines.push(`${at.toISOString().slice(0, 10)};${time};${area};${category}`);
  };
  const total = Math.max(rows, areaCount, categoryCount);
  for (let i = 0; i < total; i++) {
    // First each name once; then a busy head and a long tail (the square of a uniform draw).
    const area = i < areaCount ? areas[i] : areas[Math.floor(random() ** 2 * areaCount)];
    const category = i < categoryCount ? categories[i] : categories[Math.floor(random() * categoryCount)];
    line(area, category);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { rows: total, areas: areaCount, categories: categoryCount, bytes: lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0) };
}

// As a command, for the tests that need such an export: node scripts/scale-data.mjs FILE --areas N [--categories N] [--rows N] [--seed N]
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const [file, ...flags] = process.argv.slice(2);
  const arg = (name, fallback) => (flags.includes(`--${name}`) ? Number(flags[flags.indexOf(`--${name}`) + 1]) : fallback);
  const areas = arg('areas', 1000);
  console.log(JSON.stringify(writeScaleExport(file, { areas, categories: arg('categories', 1), rows: arg('rows', areas), seed: arg('seed', 16) })));
}
