import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ARGS, runCli } from '../support/cli.js';
import { pdfInfo, pdfPages } from '../support/pdf-text.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();

describe('--language en: the same report in English', async () => {
  const output = join(tmp.dir, 'situation-report.pdf');
  const run = await runCli([...FIXTURE_ARGS, '--activities', 'fixtures/aktiviteter.csv', '--language', 'en', '--output', output, '--quiet']);
  const pdf = readFileSync(output);
  const pages = await pdfPages(pdf);
  const text = pages.join('\n');
  const json = JSON.parse((await runCli([...FIXTURE_ARGS, '--language', 'en', '--format', 'json', '-o', '-', '--quiet'])).stdout);

  it('speaks English throughout, with English dates and numbers', () => {
    expect(run.code).toBe(0);
    expect(pages[0]).toContain('Situation report weeks 16–17');
    expect(pages[0]).toContain('15–28 April 2024 · compared with 1–14 April 2024 (weeks 14–15)');
    expect(pages[0]).toMatch(/Incidents\s+75\s+↑ \+27 \(\+56\.3 %\) against 48/);
    for (const heading of ['Summary', 'Hot-spots', 'Incidents by area', 'Area × category', 'Time and weekday', 'Patrols against incidents', 'Notable incidents', 'Citizen promises', 'Appendix – the data']) {
      expect(text).toContain(heading);
    }
    expect(text).toMatch(/Inre hamnen\s+29\s+11\s+↑ \+18\s+\+163\.6 %/);
    expect(text).toContain('Datum: "2024-04-3x" is not a date (expected e.g. 2024-04-29)');
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
    expect(text).not.toMatch(/Sammanfattning|Händelser per|Bilaga|Sida \d/);
  });

  it('has the same numbers as the Swedish one, and says its language in the JSON and the PDF', async () => {
    expect(json.meta.language).toBe('en');
    expect(json.incidents.total).toBe(75);
    expect((await pdfInfo(pdf)).Title).toBe('Situation report weeks 16–17, 15–28 April 2024 – Strandviks kommun');
  });
});
