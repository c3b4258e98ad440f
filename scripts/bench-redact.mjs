#!/usr/bin/env node
// npm run bench:redact: how fast personal data is masked in free text, the work that runs over
// every text of a report (descriptions, remarks, names, rejected values). Seeded texts as exports
// write them: most are words only, many have times, dates, counts or case numbers, a few hold a
// personnummer, a phone number, an e-mail address or a plate. Prints medians and asserts nothing.
// --texts N (default 200,000); --compare DIR: also a build's dist/ folder of before (its
// redact/redactor.js), measured in the same run, interleaved, with the ratio of the two.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const count = Number(arg('--texts') ?? 200_000);
const compare = arg('--compare');

let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (list) => list[Math.floor(random() * list.length)];
const WORDS = ['krossad', 'ruta', 'vid', 'kajen', 'grupp', 'ungdomar', 'samlade', 'brand', 'i', 'container', 'cykel', 'stulen', 'från', 'ställ', 'klotter', 'på', 'fasad', 'hot', 'mot', 'personal', 'polis', 'tillkallad', 'väktare', 'rond'];
const NUMBERS = ['kl. 22:15', '2024-04-16 12:30', '240416-1230', 'ca 15 personer', 'ärende SK-2024-0311', 'faktura 0701234567', 'OCR 0123456789', 'BUP 123', 'rum 123', '1 500 kr', 'vecka 16', '16/4', '0800-1600', 'LSS 2024'];
const PERSONAL = ['850709-9805', '850709 9805', '070-123 45 67', '070/123 45 67', 'anna.berg@example.se', 'ABC 123', 'abc 123', '46701234567'];
const texts = Array.from({ length: count }, () => {
  const words = Array.from({ length: 3 + Math.floor(random() * 8) }, () => pick(WORDS));
  const odd = random();
  if (odd < 0.35) words.splice(Math.floor(random() * words.length), 0, pick(NUMBERS));
  if (odd < 0.05) words.splice(Math.floor(random() * words.length), 0, pick(PERSONAL));
  return words.join(' ');
});
const chars = texts.reduce((n, t) => n + t.length, 0);

async function load(dist) {
  const { Redactor } = await import(pathToFileURL(join(dist, 'redact/redactor.js')).href);
  return Redactor;
}
const builds = [['this build', await load(join(root, 'dist'))]];
if (compare) builds.push([`before (${compare})`, await load(resolve(compare))]);

const ROUNDS = 5;
const times = builds.map(() => []);
const masked = builds.map(() => 0);
for (let round = 0; round < ROUNDS; round++) {
  // Each build first in turn: what runs second in a round runs on a warmer, or a busier, machine.
  const order = builds.map((_, b) => (b + round) % builds.length);
  order.forEach((b) => {
    const Redactor = builds[b][1];
    const redactor = new Redactor({ names: ['Kim Berg'] });
    const start = process.hrtime.bigint();
    let changed = 0;
    for (const text of texts) if (redactor.text(text) !== text) changed++;
    times[b].push(Number(process.hrtime.bigint() - start) / 1e9);
    masked[b] = changed;
  });
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
console.log(`lagesbild masking benchmark: ${count.toLocaleString('en')} texts (${(chars / 1e6).toFixed(1)} M characters), Node ${process.version}; medians of ${ROUNDS}\n`);
const medians = builds.map((_, b) => median(times[b]));
builds.forEach(([label], b) => {
  const s = medians[b];
  console.log(`${label.padEnd(40)} ${s.toFixed(3)} s  ${Math.round(count / s).toLocaleString('en').padStart(11)} texts/s  ${(chars / s / 1e6).toFixed(1).padStart(6)} M chars/s  ${masked[b].toLocaleString('en')} texts changed`);
});
if (compare) console.log(`\nthis build's time / before's time = ${(medians[0] / medians[1]).toFixed(2)}`);
