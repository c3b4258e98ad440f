import { describe, expect, it } from 'vitest';
import { findChromium } from '../../src/render/find-chromium.js';
import { printPdf } from '../../src/render/pdf.js';
import { pdfPages } from '../support/pdf-text.js';

describe('printing in a locked-down page', () => {
  it('runs no script and lets no request leave the page, printing the rest', async () => {
    const blocked: string[] = [];
    const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
      <link rel="stylesheet" href="https://198.51.100.7/evil.css">
      <style>body { background: url("https://example.org/track.png"); }</style></head>
      <body><p id="p">Skriptet körde inte.</p>
      <script>document.getElementById('p').textContent = 'Skriptet körde.';</script>
      <img src="file:///etc/passwd"><iframe src="https://example.org/"></iframe>
      </body></html>`;
    const pdf = await printPdf(
      { html, headerTemplate: '<span></span>', footerTemplate: '<span></span>' },
      { executablePath: findChromium(), onBlocked: (url) => blocked.push(url) },
    );
    const [page] = await pdfPages(pdf);
    expect(page).toContain('Skriptet körde inte.');
    expect(page).not.toContain('Skriptet körde.');
    // file:// from this https page, and plain http, Chromium refuses before any request is made.
    expect(blocked).toEqual(expect.arrayContaining(['https://198.51.100.7/evil.css', 'https://example.org/track.png', 'https://example.org/']));
  });
});
