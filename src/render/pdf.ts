/**
 * HTML → A4 PDF in headless Chromium. The page runs with JavaScript disabled and
 * every request but the report document itself is blocked, so nothing in the
 * data can fetch, run or leak anything. Puppeteer is loaded only here, only when
 * a PDF is asked for.
 *
 * One browser serves a whole run (a batch prints many reports). A browser that
 * crashes or hangs, on launch or while printing, is killed with all its
 * processes and started once more; a second failure is a BrowserFailedError.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { BrowserFailedError, RenderError } from '../errors.js';
import type { RenderedHtml } from './html.js';
import { TemplateFiles } from './template-files.js';

/** The report is served to the page from memory under this address; only it and the template's own files load. */
const ORIGIN = 'https://lagesbild.invalid/';
const DOCUMENT_URL = `${ORIGIN}report.html`;
const TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml', '.gif': 'image/gif', '.webp': 'image/webp', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf' };

export interface PdfOptions {
  executablePath: string;
  /** Milliseconds for launch and for printing each (default 60 s). */
  timeout?: number;
  /** Called with each request that was blocked. */
  onBlocked?: (url: string) => void;
  /** Called when a browser failed and is started again. */
  onRetry?: (reason: string) => void;
}

/** How every report is printed (the render benchmark's floor prints with these too). */
export const PDF_OPTIONS = {
  format: 'A4',
  printBackground: true,
  displayHeaderFooter: true,
  margin: { top: '20mm', bottom: '16mm', left: '16mm', right: '16mm' },
  // Bookmarks from the section headings, for a reader's side panel.
  outline: true,
  tagged: true,
} as const;

export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  '--font-render-hinting=none',
];

/** Prints with one browser, started on the first print; `close()` leaves no process behind. */
export class PdfPrinter {
  private browser: Browser | undefined;
  private launching: Promise<Browser> | undefined;
  /** A page opened ahead, while the caller makes the next document: the print need not wait for one. */
  private spare: Promise<Page> | undefined;
  /** False once the caller says the next print is its last: no page is opened after it. */
  private more = true;
  private readonly timeout: number;
  /** Every browser this printer started, so that each can be killed whatever happens. */
  private readonly groups = new Set<number>();

  constructor(private readonly options: PdfOptions) {
    this.timeout = options.timeout ?? 60_000;
  }

  /** The browser's process id while one runs (for tests that kill it). */
  get pid(): number | undefined {
    return this.browser?.process()?.pid;
  }

  /**
   * Starts the browser now, while the caller reads the exports: Chromium starts on the other
   * core, and is up by the time the first report is ready to print. A failure shows at print.
   */
  warmUp(): void {
    if (this.browser || this.launching) return;
    this.launching = this.launch();
    this.launching.catch(() => undefined);
    this.openSpare(this.launching);
  }

  /** The next print is the last: a page opened after it would only slow the browser's close. */
  lastPrint(): void {
    this.more = false;
  }

  async print(doc: RenderedHtml): Promise<Uint8Array> {
    try {
      return await this.attempt(doc);
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      this.options.onRetry?.(error.message);
      this.kill();
      try {
        return await this.attempt(doc);
      } catch (second) {
        this.kill();
        if (!(second instanceof Failure)) throw second;
        throw new BrowserFailedError(`Chromium failed twice: ${error.message}; then ${second.message}`, { cause: second });
      }
    }
  }

  /** Closes the browser; kills it and its children if it does not close in time. */
  async close(): Promise<void> {
    // A browser still starting (the run failed before its first print) is closed too, once up.
    if (this.launching && !this.browser) this.browser = await within(this.launching, this.timeout, 'starting').catch(() => undefined);
    this.launching = undefined;
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await within(browser.close(), 5_000, 'closing').catch(() => undefined);
    this.kill();
  }

  /** SIGKILL to every process group this printer started: no Chromium outlives the run. */
  kill(): void {
    this.browser = undefined;
    this.launching = undefined;
    this.spare = undefined;
    for (const group of this.groups) {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // gone already
      }
    }
    this.groups.clear();
  }

  private async attempt(doc: RenderedHtml): Promise<Uint8Array> {
    if (!this.browser) {
      const launching = this.launching ?? this.launch();
      this.launching = undefined;
      this.browser = await launching;
    }
    const browser = this.browser;
    const spare = this.spare;
    this.spare = undefined;
    try {
      // A page opened ahead that failed is no failure yet: a new one is opened.
      const page = await within(spare?.catch(() => openPage(browser)) ?? openPage(browser), this.timeout, 'opening a page');
      try {
        return await within(this.render(page, doc), this.timeout, 'printing');
      } finally {
        // Closed while the next report is printed: nothing waits for a page to go.
        void within(page.close(), 5_000, 'closing the page').catch(() => undefined);
        // The next report of a batch finds its page open.
        if (this.browser === browser && this.more) this.openSpare(Promise.resolve(browser));
      }
    } catch (error) {
      throw error instanceof Failure ? error : new Failure(`stopped while printing (${firstLine(error)})`);
    }
  }

  private async launch(): Promise<Browser> {
    const { default: puppeteer } = await import('puppeteer-core');
    const sandbox = sandboxArgs();
    try {
      const browser = await puppeteer.launch({
        executablePath: this.options.executablePath,
        headless: true,
        pipe: true,
        args: [...CHROMIUM_ARGS, ...sandbox],
        timeout: this.timeout,
        protocolTimeout: this.timeout,
        // The CLI handles signals itself and calls kill(); puppeteer's handlers would exit without cleaning up.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      const pid = browser.process()?.pid;
      if (pid !== undefined) this.groups.add(pid);
      return browser;
    } catch (error) {
      // Puppeteer kills a browser that did not start in time; a missing or broken binary fails at once.
      if (/ENOENT|EACCES|spawn/.test(firstLine(error))) {
        throw new RenderError(`could not start Chromium (${this.options.executablePath}): ${firstLine(error)}`, { cause: error });
      }
      throw new Failure(`could not start (${firstLine(error)})`);
    }
  }

  private openSpare(browser: Promise<Browser>): void {
    this.spare = browser.then(openPage);
    this.spare.catch(() => undefined);
  }

  private async render(page: Page, doc: RenderedHtml): Promise<Uint8Array> {
    page.on('request', (request) => {
      const url = request.url();
      if (url === DOCUMENT_URL) {
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: doc.html });
      } else if (url.startsWith('data:')) {
        // Inline data (an embedded font or image) reaches nothing outside the page.
        void request.continue();
      } else if (url.startsWith(ORIGIN) && templateAsset(doc, url)) {
        const path = templateAsset(doc, url)!;
        void request.respond({ status: 200, contentType: TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream', body: readFileSync(path) }).catch(() => undefined);
      } else {
        this.options.onBlocked?.(url);
        void request.abort('blockedbyclient');
      }
    });
    await page.goto(DOCUMENT_URL, { waitUntil: 'load', timeout: this.timeout });
    return await page.pdf({ ...PDF_OPTIONS, headerTemplate: doc.headerTemplate, footerTemplate: doc.footerTemplate, timeout: this.timeout });
  }
}

/** Browsers whose first tab has been taken for a report. */
const tabTaken = new WeakSet<Browser>();

/**
 * A page that runs no script and asks the printer for everything it loads. The tab
 * Chromium opens as it starts serves the first report: a new one costs a tenth of a second.
 */
async function openPage(browser: Browser): Promise<Page> {
  const first = tabTaken.has(browser) ? undefined : (tabTaken.add(browser), (await browser.pages())[0]);
  const page = first ?? (await browser.newPage());
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  return page;
}

/** A file of the template's own folders that the page asks for (`<img src="logo.png">`); never one outside them. */
function templateAsset(doc: RenderedHtml, url: string): string | undefined {
  if (!doc.assets) return undefined;
  try {
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    const path = name === '' ? undefined : new TemplateFiles(doc.assets).find(name);
    // A folder, a device, a socket: not an asset.
    return path !== undefined && statSync(path).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Prints one document with a browser of its own. */
export async function printPdf(doc: RenderedHtml, options: PdfOptions): Promise<Uint8Array> {
  const printer = new PdfPrinter(options);
  try {
    return await printer.print(doc);
  } finally {
    await printer.close();
  }
}

/** A browser that crashed or hung: worth one more try. */
class Failure extends Error {}

/** Chromium's sandbox cannot start as root; as any other user it stays on. */
export function sandboxArgs(): string[] {
  return process.getuid?.() === 0 ? ['--no-sandbox'] : [];
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Failure(`no answer after ${Math.round(ms / 1000)} s ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}
