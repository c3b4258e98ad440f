import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { pdfPages } from '../support/pdf-text.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();

describe('CSV content is data, never markup', async () => {
  const incidents = tmp.write(
    'elak.csv',
    'Tidpunkt;Plats;Kategori;Beskrivning\n' +
      '2024-04-16 10:00;<script>alert(1)</script>;<img src=file:///etc/passwd>;x\n' +
      '2024-04-17 10:00;{{meta.municipality}};"<iframe src=""https://example.org""></iframe>";x\n',
  );
  const args = ['generate', '--incidents', incidents, '--from', '2024-04-15', '--quiet'];
  const html = (await runCli([...args, '--format', 'html', '--output', '-'])).stdout;
  const pdfRun = await runCli([...args, '--output', join(tmp.dir, 'elak.pdf')]);

  it('escapes it in the HTML', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src&#x3D;file:///etc/passwd&gt;');
    expect(html).not.toMatch(/<script|<img|<iframe/i);
    expect(html).toContain('{{meta.municipality}}');
  });

  it('prints it as text in the PDF, with nothing blocked because nothing was asked for', async () => {
    expect(pdfRun.code).toBe(0);
    expect(pdfRun.stderr).toBe('');
    const text = (await pdfPages(readFileSync(join(tmp.dir, 'elak.pdf')))).join('\n');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=file:///etc/passwd>');
    expect(text).toContain('{{meta.municipality}}');
  });
});
