import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BrowserFailedError, RenderError } from '../../src/errors.js';
import { findChromium } from '../../src/render/find-chromium.js';
import { PdfPrinter, printPdf } from '../../src/render/pdf.js';
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

  it('stops a program that starts and never answers within the timeout, says so in its own words, and tries no second time', async () => {
    // A "browser" that starts and never answers.
    const fake = join(tmp.dir, 'hanging-chromium');
    writeFileSync(fake, '#!/bin/sh\nexec sleep 300\n');
    chmodSync(fake, 0o755);
    const retries: string[] = [];
    const printer = new PdfPrinter({ executablePath: fake, timeout: 1000, onRetry: (r) => retries.push(r) });
    const started = Date.now();
    const error = await printer.print(shortDoc('aldrig')).catch((e: unknown) => e);
    const took = Date.now() - started;
    await printer.close();
    expect(error).toBeInstanceOf(BrowserFailedError);
    expect((error as Error).message).toBe(`Chromium (${fake}) gave no answer within 1 s of being started (renderTimeout), and was stopped: it hangs, or it is not a browser`);
    expect(retries).toEqual([]);
    expect(took).toBeLessThan(1000 + 1000);
    // Its process group is killed: nothing of it is left.
    expect(await eventually(() => !commandLines().some((c) => c === 'sleep 300'), 2_000)).toBe(true);
  });

  it('refuses at once, without a second try, a program that ends without answering: it is no browser', async () => {
    const fake = join(tmp.dir, 'talking-chromium');
    writeFileSync(fake, '#!/bin/sh\necho "usage: not-a-browser [options]" >&2\nexit 2\n');
    chmodSync(fake, 0o755);
    for (const [program, said] of [['/bin/false', ''], ['/bin/true', ''], [fake, ', and said: usage: not-a-browser [options]']] as const) {
      const retries: string[] = [];
      const started = Date.now();
      const error = await printPdf(shortDoc('aldrig'), { executablePath: program, onRetry: (r) => retries.push(r) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RenderError);
      const code = program === '/bin/true' ? 0 : program === fake ? 2 : 1;
      expect((error as Error).message).toBe(
        `${program} cannot print: it ended at once (exit code ${code}) without answering as Chromium does${said}. Give a Chromium or Chrome browser with --chromium, LAGESBILD_CHROMIUM or the config key "chromium"`,
      );
      expect(retries).toEqual([]);
      expect(Date.now() - started).toBeLessThan(3000);
    }
  });

  it('tries once more when the browser crashes as it starts, and then gives up with its own error', async () => {
    const fake = join(tmp.dir, 'crashing-chromium');
    writeFileSync(fake, '#!/bin/sh\nkill -SEGV $$\n');
    chmodSync(fake, 0o755);
    const retries: string[] = [];
    const error = await printPdf(shortDoc('aldrig'), { executablePath: fake, onRetry: (r) => retries.push(r) }).catch((e: unknown) => e);
    expect(retries).toEqual(['crashed as it started (SIGSEGV)']);
    expect(error).toBeInstanceOf(BrowserFailedError);
    expect((error as Error).message).toBe('Chromium failed twice: crashed as it started (SIGSEGV); then crashed as it started (SIGSEGV)');
  });
});

describe("the browser's files", () => {
  const tmpdirBefore = process.env.TMPDIR;
  afterEach(() => {
    process.env.TMPDIR = tmpdirBefore;
  });

  /** A fresh TMPDIR for the browser; what is in it, to the depth of the browser's own folder. */
  function freshTmp(name: string) {
    const dir = join(tmp.dir, name);
    mkdirSync(dir);
    process.env.TMPDIR = dir;
    return () => readdirSync(dir);
  }

  it('keeps profile, crash reports and temporary files in one folder of the browser, gone when the printer closes', async () => {
    const left = freshTmp('closed');
    const printer = new PdfPrinter({ executablePath: findChromium() });
    await printer.print(shortDoc('en rapport'));
    const [folder, ...more] = left();
    expect(folder).toMatch(/^lagesbild-pdf-/);
    expect(more).toEqual([]);
    // Chromium's own temporary files (org.chromium.Chromium.*) are made in it too, as its TMPDIR.
    const inside = readdirSync(join(tmp.dir, 'closed', folder!));
    expect(inside).toContain('profile');
    expect(inside.some((f) => f.startsWith('org.chromium.Chromium.'))).toBe(true);
    expect(readdirSync(join(tmp.dir, 'closed', folder!, 'profile'))).toContain('Default');
    await printer.close();
    expect(left()).toEqual([]);
  });

  it('removes the folder when the run is stopped and the browser killed', async () => {
    const left = freshTmp('killed');
    const printer = new PdfPrinter({ executablePath: findChromium() });
    await printer.print(shortDoc('en rapport'));
    const pid = printer.pid!;
    expect(left()).toHaveLength(1);
    // What a signal's handler calls: synchronous, nothing awaited.
    printer.kill();
    expect(left()).toEqual([]);
    expect(await eventually(() => inGroup(pid).length === 0)).toBe(true);
  });
});
