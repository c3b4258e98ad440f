/** The report's HTML from its template: what a batch of reports, each in its language, and an edited template get. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeModel } from '../../src/pipeline/make-model.js';
import { configSchema } from '../../src/config/schema.js';
import { reportPeriod } from '../../src/period.js';
import { renderHtml } from '../../src/render/html.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
const config = configSchema.parse({ municipality: 'Strandviks kommun' });
const period = reportPeriod('2024-04-15', 14, config.timezone, config.period.history);
const file = tmp.write('incidents.csv', 'Datum;Tid;Område;Kategori\n2024-04-16;10:00;Centrum;stöld\n');
const model = async (language: 'sv' | 'en') => (await makeModel([{ file, kind: 'incidents' }], period, config, { language })).model;

describe('rendering the HTML', () => {
  it('gives each report of a batch its own language, however the renders alternate', async () => {
    const [sv, en] = [await model('sv'), await model('en')];
    for (let i = 0; i < 2; i++) {
      expect((await renderHtml(sv)).html).toContain('Lägesbild v. 16–17');
      expect((await renderHtml(en)).html).toContain('Situation report weeks 16–17');
    }
  });

  it('uses a template file as it is now, when it was edited after an earlier render', async () => {
    const dir = join(tmp.dir, 'template');
    mkdirSync(join(dir, 'partials'), { recursive: true });
    const title = (words: string) => tmp.write('template/partials/title.hbs', `<h1>${words} {{meta.municipality}}</h1>`);
    const sv = await model('sv');
    title('Första utgåvan för');
    expect((await renderHtml(sv, dir)).html).toContain('<h1>Första utgåvan för Strandviks kommun</h1>');
    title('Andra utgåvan för');
    expect((await renderHtml(sv, dir)).html).toContain('<h1>Andra utgåvan för Strandviks kommun</h1>');
    tmp.write('template/style.css', 'h1 { color: teal; }');
    expect((await renderHtml(sv, dir)).html).toContain('h1 { color: teal; }');
  });
});
