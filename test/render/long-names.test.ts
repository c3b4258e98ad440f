/** Long names on the page: which may break anywhere, and how one is cut where it cannot wrap. */
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { makeModel } from '../../src/pipeline/make-model.js';
import { reportPeriod } from '../../src/period.js';
import { renderHtml } from '../../src/render/html.js';
import { cutName, hasLongRun, UNBROKEN_RUN } from '../../src/render/long-names.js';
import { tempDir } from '../support/tmp.js';

describe('long names', () => {
  it('lets only a run longer than a long Swedish compound break anywhere', () => {
    expect(hasLongRun('Kontroll mot arbetslivskriminalitet')).toBe(false);
    expect(hasLongRun('[registreringsnummer]')).toBe(false);
    expect(hasLongRun('x'.repeat(UNBROKEN_RUN))).toBe(false);
    expect(hasLongRun(`Kvarter ${'x'.repeat(UNBROKEN_RUN + 1)}`)).toBe(true);
    // Counted in characters as read: a decomposed ö is one.
    expect(hasLongRun('o\u0308'.repeat(UNBROKEN_RUN))).toBe(false);
  });

  it('cuts a name to at most the length given, keeping its start and end', () => {
    expect(cutName('Stadsparken', 28)).toBe('Stadsparken');
    const cut = cutName(`Norra industriområdet ${'M'.repeat(80)} kvarter 12`, 28);
    expect([...cut]).toHaveLength(28);
    expect(cut).toMatch(/^Norra industriområ…varter 12$/);
    // Two names that differ at the end still differ when cut.
    expect(cutName(`${'A'.repeat(60)}1`, 20)).not.toBe(cutName(`${'A'.repeat(60)}2`, 20));
    expect(cutName('o\u0308'.repeat(50), 10).normalize('NFC')).toBe('öööööö…ööö');
  });

  it('puts a long name in a table as escaped text that may break, and leaves the others as they were', async () => {
    const tmp = tempDir();
    const name = `<b>${'Å'.repeat(40)}</b>`;
    const file = tmp.write('incidents.csv', `Datum;Tid;Område;Kategori\n2024-04-16;10:00;${name};stöld\n2024-04-16;11:00;Centrum;stöld\n`);
    const config = configSchema.parse({ municipality: 'Strandviks kommun' });
    const { model } = await makeModel([{ file, kind: 'incidents' }], reportPeriod('2024-04-15', 14, config.timezone, config.period.history), config, { language: 'sv' });
    const { html } = await renderHtml(model);
    expect(html).toContain(`<tr><td><span class="long-name">&lt;b&gt;${'Å'.repeat(40)}&lt;/b&gt;</span></td>`);
    expect(html).toContain('<tr><td>Centrum</td>');
    expect(html).not.toContain('<b>Å');
  });
});
