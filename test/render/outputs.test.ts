/** The output formats' list: what chooses a format, and what each is given to render. */
import { describe, expect, it } from 'vitest';
import { resolveFormat } from '../../src/cli/generate.js';
import { collectReport } from '../../src/collect/index.js';
import { configSchema } from '../../src/config/schema.js';
import { UsageError } from '../../src/errors.js';
import { reportPeriod } from '../../src/period.js';
import { renderHtml } from '../../src/render/html.js';
import { DEFAULT_FORMAT, FORMATS, formatOfExtension, OUTPUTS } from '../../src/render/outputs/index.js';
import { renderReport } from '../../src/render/outputs/render.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
const config = configSchema.parse({ municipality: 'Strandviks kommun' });
const period = reportPeriod('2024-04-15', 14, config.timezone, config.period.history);
const file = tmp.write('incidents.csv', 'Datum;Tid;Område;Kategori\n2024-04-16;10:00;Centrum;stöld\n');
const date = new Date('2024-04-29T12:00:00Z');

describe('the output formats', () => {
  it('are listed in the order --help shows them, pdf the default', () => {
    expect(FORMATS).toEqual(['pdf', 'html', 'json']);
    expect(DEFAULT_FORMAT).toBe('pdf');
  });

  it('each own the extension its name is, and no extension belongs to two formats', () => {
    const all = FORMATS.flatMap((f) => OUTPUTS[f].extensions);
    expect(new Set(all).size).toBe(all.length);
    for (const f of FORMATS) {
      expect(OUTPUTS[f].extensions[0]).toBe(f);
      for (const ext of OUTPUTS[f].extensions) expect(formatOfExtension(ext)).toBe(f);
    }
    expect(formatOfExtension('')).toBeUndefined();
    expect(formatOfExtension('docx')).toBeUndefined();
  });

  it('is chosen by the output file name, else --format, else pdf', () => {
    expect(resolveFormat({ output: 'r.HTM' })).toBe('html');
    expect(resolveFormat({ output: 'r.json' })).toBe('json');
    expect(resolveFormat({ output: 'r.txt' })).toBe('pdf');
    expect(resolveFormat({ output: '-' })).toBe('pdf');
    expect(resolveFormat({ output: '-', format: 'html' })).toBe('html');
    expect(resolveFormat({ output: 'r.txt', format: 'json' })).toBe('json');
    expect(() => resolveFormat({ output: 'r.html', format: 'pdf' })).toThrow(UsageError);
  });

  it('render what they need: JSON the model alone, HTML the template made here or handed in, PDF a printer', async () => {
    const { model } = await collectReport([{ file, kind: 'incidents' }], period, config);
    expect(await renderReport(model, 'json', { date })).toBe(JSON.stringify(model, null, 2) + '\n');
    const doc = await renderHtml(model);
    expect(await renderReport(model, 'html', { date })).toBe(doc.html);
    expect(await renderReport(model, 'html', { date, doc: { ...doc, html: '<p>made before</p>' } })).toBe('<p>made before</p>');
    await expect(renderReport(model, 'pdf', { date, doc })).rejects.toThrow('a PDF needs a printer');
  });
});
