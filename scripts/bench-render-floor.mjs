// The floor of npm run bench:render: a bare script that launches the same Chromium with the same
// arguments, loads the exact HTML lagesbild made, and prints it with the same options — nothing
// else. Usage: bench-render-floor.mjs DOC.json OUT.pdf [TIMES]. Prints {"seconds", "printSeconds"}
// (the page load and print alone, per print) as its last line.
import { readFileSync, writeFileSync } from 'node:fs';

const start = performance.now();
const [docFile, out, timesArg = '1'] = process.argv.slice(2);
const doc = JSON.parse(readFileSync(docFile, 'utf8'));
const { default: puppeteer } = await import('puppeteer-core');
const browser = await puppeteer.launch({ executablePath: doc.executablePath, headless: true, pipe: true, args: doc.args });
const prints = [];
for (let i = 0; i < Number(timesArg); i++) {
  const t = performance.now();
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setContent(doc.html, { waitUntil: 'load' });
  const pdf = await page.pdf(doc.pdfOptions);
  await page.close();
  prints.push((performance.now() - t) / 1000);
  writeFileSync(out, pdf);
}
await browser.close();
console.log(JSON.stringify({ seconds: (performance.now() - start) / 1000, printSeconds: prints.reduce((a, b) => a + b, 0) / prints.length }));
