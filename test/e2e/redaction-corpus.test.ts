/**
 * The corpus of test/redact/corpus.ts through the real command: every written form of personal
 * data is masked in the JSON, the HTML, the PDF's text (real Chromium) and both log formats, and
 * every look-alike reaches them all as it was written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEGATIVES, POSITIVES } from '../redact/corpus.js';
import { runCli } from '../support/cli.js';
import { pdfPages } from '../support/pdf-text.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();

/** Each form between markers of its own, so that its place can be found in any output, masked or not. */
const positives = POSITIVES.map(([form, kind], i) => ({ text: `p${i}» ${form} «p${i}`, masked: `p${i}»[${kind}]«p${i}`, form }));
const negatives = NEGATIVES.map((form, i) => ({ text: `n${i}» ${form} «n${i}`, kept: `n${i}»${compact(form)}«n${i}`, form }));
const all = [...positives, ...negatives].map((f) => f.text);

/** Whatever a line break, a table cell or a no-break space made of the spaces. */
function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

const chunks = (size: number) => Array.from({ length: Math.ceil(all.length / size) }, (_, i) => all.slice(i * size, (i + 1) * size).join(' sedan '));
const csv = (field: string) => `"${field.replace(/"/g, '""')}"`;
/** Serious incidents (at most 40 are listed with their descriptions), and rows whose date is the corpus (the warnings show the first 20). */
const described = chunks(3);
const rejected = chunks(6);
const file = tmp.write(
  'korpus.csv',
  [
    'Datum;Tid;Område;Kategori;Beskrivning',
    ...described.map((text, i) => `2024-04-${String(16 + (i % 10)).padStart(2, '0')};${String(8 + Math.floor(i / 10)).padStart(2, '0')}:00;Centrum;hot;${csv(text)}`),
    ...rejected.map((text) => `${csv(`obs: ${text}`)};10:00;Centrum;hot;x`),
  ].join('\n') + '\n',
);
const args = ['generate', '-i', file, '--from', '2024-04-15', '--config', tmp.write('tom.json', '{}')];

describe('the corpus of personal data and its look-alikes, in every output and log', () => {
  it('masks every form of personal data and leaves every look-alike, in the JSON, HTML, PDF and text and JSON logs', async () => {
    expect(described.length).toBeLessThanOrEqual(40);
    expect(rejected.length).toBeLessThanOrEqual(20);
    const pdfFile = join(tmp.dir, 'korpus.pdf');
    const [pdfRun, jsonRun, htmlRun] = await Promise.all([
      runCli([...args, '-o', pdfFile]),
      runCli([...args, '--format', 'json', '-o', '-', '--log-format', 'json']),
      runCli([...args, '--format', 'html', '-o', '-', '-q']),
    ]);
    for (const run of [pdfRun, jsonRun, htmlRun]) expect(run.code, run.stderr).toBe(0);
    const model = JSON.parse(jsonRun.stdout);
    expect(model.notable.items).toHaveLength(described.length);
    expect(model.rejected).toHaveLength(rejected.length);
    const outputs = {
      json: jsonRun.stdout,
      html: htmlRun.stdout,
      pdf: (await pdfPages(readFileSync(pdfFile))).join('\n'),
      'text log': pdfRun.stderr,
      'JSON log': jsonRun.stderr
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).message)
        .join('\n'),
    };
    for (const [name, output] of Object.entries(outputs)) {
      const text = compact(output);
      // In its place, each form is its kind in brackets, or itself.
      const notMasked = positives.filter((p) => !text.includes(p.masked)).map((p) => p.form);
      const notKept = negatives.filter((n) => !text.includes(n.kept)).map((n) => n.form);
      // And nowhere else, either: with the look-alikes taken out, no form of personal data is left.
      const rest = negatives.reduce((t, n) => t.split(compact(n.form)).join(''), text);
      const survived = positives.filter((p) => rest.includes(compact(p.form))).map((p) => p.form);
      expect({ output: name, notMasked, notKept, survived }).toEqual({ output: name, notMasked: [], notKept: [], survived: [] });
    }
  });
});
