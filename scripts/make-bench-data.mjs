#!/usr/bin/env node
// Writes a large municipality's exports for the ingest benchmark: N incident rows (default
// 1,000,000, ~90 MB) and N/5 patrol rounds spread evenly over DAYS days from 2024-01-01 (default
// a year), seeded so every run is alike. Descriptions are quoted as exports quote them: about one
// in fifty holds the delimiter, one in two hundred quotes someone, one in a thousand runs over two
// lines. With --comma, the layout "Save as CSV" in Excel gives a comma export: one date-time
// column, and every description that holds a comma quoted (about a third of the rows).
// Usage: make-bench-data.mjs DIR [N] [DAYS] [ROUNDS] [--comma]
import { createWriteStream } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const comma = process.argv.includes('--comma');
const [dir = 'bench-data', rowsArg = '1000000', daysArg = '366', roundsArg] = process.argv.slice(2).filter((a) => a !== '--comma');
const rows = Number(rowsArg);
const days = Number(daysArg);
mkdirSync(dir, { recursive: true });

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
const pad = (n) => String(n).padStart(2, '0');

const AREAS = Array.from({ length: 30 }, (_, i) => ['Inre hamnen', 'Centrum', 'Stationsområdet', 'Norrskolan', 'Solbacken', 'Stadsparken'][i] ?? `Område ${i + 1}`);
const CATEGORIES = ['skadegörelse', 'klotter', 'brand', 'stöld', 'inbrott', 'hot', 'våld', 'narkotika', 'ordningsstörning', 'otrygghet', 'buskörning', 'nedskräpning'];
const WORDS = ['krossad', 'ruta', 'vid', 'kajen', 'grupp', 'ungdomar', 'samlade', 'brand', 'i', 'container', 'cykel', 'stulen', 'från', 'ställ', 'klotter', 'på', 'fasad', 'hot', 'mot', 'personal'];
const SOURCES = ['Fastighetsvärd', 'Skolan', 'Kommunvakt', 'Medborgare', 'Räddningstjänsten'];

async function write(path, header, count, line) {
  const out = createWriteStream(path);
  out.write(header + '\n');
  let buffer = '';
  for (let i = 0; i < count; i++) {
    buffer += line(i) + '\n';
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await new Promise((r) => out.once('drain', r));
      buffer = '';
    }
  }
  out.write(buffer);
  await new Promise((r) => out.end(r));
}

const day = (i, count) => new Date(Date.UTC(2024, 0, 1) + Math.floor((i / count) * days) * 86_400_000).toISOString().slice(0, 10);

function description() {
  const words = Array.from({ length: 3 + Math.floor(random() * 5) }, () => pick(WORDS)).join(' ');
  const odd = random();
  if (odd < 0.001) return `"${words}\nPolis tillkallad."`;
  if (odd < 0.006) return `"${words}, sa ""flytta på dig"""`;
  if (odd < 0.026) return `"${words}; polis tillkallad"`;
  return words;
}

/** A description as Excel quotes it in a comma export: only when it holds a comma, a quote or a line break. */
function commaDescription() {
  const words = Array.from({ length: 3 + Math.floor(random() * 5) }, () => pick(WORDS)).join(' ');
  const odd = random();
  if (odd < 0.001) return `"${words}\nPolis tillkallad."`;
  if (odd < 0.006) return `"${words}, sa ""flytta på dig"""`;
  if (odd < 0.33) return `"${words}, polis tillkallad"`;
  return words;
}

if (comma) {
  await write(join(dir, 'incidents.csv'), 'Ärendenummer,Tidpunkt,Område,Kategori,Beskrivning,Källa', rows, (i) =>
    [`K-${i}`, `${day(i, rows)} ${pad(Math.floor(random() * 24))}:${pad(Math.floor(random() * 60))}`, pick(AREAS), pick(CATEGORIES), commaDescription(), pick(SOURCES)].join(','));
} else await write(join(dir, 'incidents.csv'), 'Ärendenummer;Datum;Tid;Område;Kategori;Beskrivning;Källa', rows, (i) =>
  [`K-${i}`, day(i, rows), `${pad(Math.floor(random() * 24))}:${pad(Math.floor(random() * 60))}`, pick(AREAS), pick(CATEGORIES), description(), pick(SOURCES)].join(';'));

const rounds = roundsArg === undefined ? Math.round(rows / 5) : Number(roundsArg);
await write(join(dir, 'patrols.csv'), 'Starttid;Sluttid;Område;Väktare;Avvikelse', rounds, (i) => {
  const start = `${day(i, rounds)} ${pad(18 + Math.floor(random() * 5))}:${pad(Math.floor(random() * 60))}`;
  const end = `${day(i, rounds)} 23:${pad(Math.floor(random() * 60))}`;
  return [start, end, pick(AREAS), `Väktare ${1 + Math.floor(random() * 20)}`, random() < 0.1 ? 'Krossad ruta vid entré' : ''].join(';');
});
console.log(`wrote ${rows} incidents and ${rounds} patrol rounds to ${dir}/`);
