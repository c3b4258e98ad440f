import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrowserFailedError } from '../../src/errors.js';
import { findChromium } from '../../src/render/find-chromium.js';
import { PdfPrinter } from '../../src/render/pdf.js';
import { pdfPages } from '../support/pdf-text.js';
import { commandLines, eventually, inGroup, sleep } from '../support/processes.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();

/** A document long enough that printing it takes a while. */
function longDoc(label: string) {
  const rows = Array.from({ length: 3000 }, (_, i) => `<tr><td>${label} rad ${i}</td><td>${'x'.repeat(40)}</td></tr>`).join('');
  return { html: `<!doctype html><meta charset="utf-8"><h1>${label}</h1><table>${rows}</table>`, headerTemplate: '<span></span>', footerTemplate: '<span></span>' };
}
const shortDoc = (label: string) => ({ html: `<!doctype html><meta charset="utf-8"><p>${label}</p>`, headerTemplate: '<span></span>', footerTemplate: '<span></span>' });

describe('a browser for a whole run', () => {
  it('prints several documents with one browser, and leaves no process when closed', async () => {
    const printer = new PdfPrinter({ executablePath: findChromium() });
    const [first] = await pdfPages(await printer.print(shortDoc('Första rapporten')));
    const pid = printer.pid!;
    const [second] = await pdfPages(await printer.print(shortDoc('Andra rapporten')));
    expect(printer.pid).toBe(pid);
    expect(first).toContain('Första rapporten');
    expect(second).toContain('Andra rapporten');
    expect(inGroup(pid).length).toBeGreaterThan(1); // the browser and its helpers
    await printer.close();
    expect(await eventually(() => inGroup(pid).length === 0)).toBe(true);
  });

  it('prints again with a new browser when the first is killed mid-print, and leaves none of the first behind', async () => {
    const retries: string[] = [];
    const printer = new PdfPrinter({ executablePath: findChromium(), onRetry: (r) => retries.push(r) });
    await printer.print(shortDoc('uppvärmning'));
    const first = printer.pid!;
    const printing = printer.print(longDoc('Efter kraschen'));
    await sleep(300);
    process.kill(-first, 'SIGKILL');
    const pages = await pdfPages(await printing);
    expect(pages[0]).toContain('Efter kraschen');
    expect(retries).toHaveLength(1);
    expect(printer.pid).not.toBe(first);
    expect(await eventually(() => inGroup(first).length === 0)).toBe(true);
    const second = printer.pid!;
    await printer.close();
    expect(await eventually(() => inGroup(second).length === 0)).toBe(true);
  });

  it('kills a browser that hangs and prints with a new one', async () => {
    const retries: string[] = [];
    const printer = new PdfPrinter({ executablePath: findChromium(), timeout: 3000, onRetry: (r) => retries.push(r) });
    await printer.print(shortDoc('uppvärmning'));
    const hung = printer.pid!;
    process.kill(hung, 'SIGSTOP');
    const [page] = await pdfPages(await printer.print(shortDoc('Efter hängningen')));
    expect(page).toContain('Efter hängningen');
    expect(retries[0]).toMatch(/no answer after 3 s/);
    expect(await eventually(() => inGroup(hung).length === 0)).toBe(true);
    await printer.close();
  });

  it('gives up after a second failure with its own error, and leaves no process behind', async () => {
    // A "browser" that starts and never answers.
    const fake = join(tmp.dir, 'hanging-chromium');
    writeFileSync(fake, '#!/bin/sh\nexec sleep 300\n');
    chmodSync(fake, 0o755);
    const printer = new PdfPrinter({ executablePath: fake, timeout: 1500 });
    const error = await printer.print(shortDoc('aldrig')).catch((e: unknown) => e);
    await printer.close();
    expect(error).toBeInstanceOf(BrowserFailedError);
    expect((error as Error).message).toMatch(/^Chromium failed twice: could not start/);
    // A browser that never started is puppeteer's to kill: it gives it 5 s to go by itself, then SIGKILL.
    expect(await eventually(() => !commandLines().some((c) => c === 'sleep 300'), 15_000)).toBe(true);
  });
});
