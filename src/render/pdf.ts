/**
 * HTML → A4 PDF in headless Chromium. The page runs with JavaScript disabled,
 * under a policy that lets it load nothing but inline data and the template's
 * own files, in a browser that resolves no host (report-page.ts, chromium.ts):
 * nothing in the data or a template can fetch, run or leak anything. Puppeteer
 * is loaded only here, only when a PDF is asked for.
 *
 * One browser serves a whole run (a batch prints many reports). A browser that
 * crashes or hangs while printing is killed with all its processes and started
 * once more; a second failure is a BrowserFailedError. A program that will not
 * start as a browser is told at once (chromium.ts); a page that fails because of
 * its template is a TemplateError naming the template.
 */
import type { Browser, Page } from 'puppeteer-core';
import { BrowserFailedError, LagesbildError, TemplateError } from '../errors.js';
import { BrowserFailure, ChromiumProcess, firstLine, within } from './chromium.js';
import type { RenderedHtml } from './html.js';
import { DOCUMENT_URL, serveReport } from './report-page.js';

export { CHROMIUM_ARGS, sandboxArgs } from './chromium.js';

export interface PdfOptions {
  executablePath: string;
  /** Milliseconds for launch and for printing each (default 60 s). */
  timeout?: number;
  /** Called with each address the page was refused. */
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

/** A browser and the process it runs in. */
interface Running {
  browser: Browser;
  chromium: ChromiumProcess;
}

/** Prints with one browser, started on the first print; `close()` leaves no process and no file behind. */
export class PdfPrinter {
  private running: Running | undefined;
  private launching: Promise<Running> | undefined;
  /** A page opened ahead, while the caller makes the next document: the print need not wait for one. */
  private spare: Promise<Page> | undefined;
  /** False once the caller says the next print is its last: no page is opened after it. */
  private more = true;
  private readonly timeout: number;
  /** Every browser this printer started, so that each can be killed, and its folder removed, whatever happens. */
  private readonly processes = new Set<ChromiumProcess>();

  constructor(private readonly options: PdfOptions) {
    this.timeout = options.timeout ?? 60_000;
  }

  /** The browser's process id while one runs (for tests that kill it). */
  get pid(): number | undefined {
    return this.running?.chromium.pid;
  }

  /**
   * Starts the browser now, while the caller reads the exports: Chromium starts on the other
   * core, and is up by the time the first report is ready to print. A failure shows at print.
   */
  warmUp(): void {
    if (this.running || this.launching) return;
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
      if (!(error instanceof BrowserFailure)) throw error;
      this.options.onRetry?.(error.message);
      this.kill();
      try {
        return await this.attempt(doc);
      } catch (second) {
        this.kill();
        if (!(second instanceof BrowserFailure)) throw second;
        throw new BrowserFailedError(`Chromium failed twice: ${error.message}; then ${second.message}`, { cause: second });
      }
    }
  }

  /** Closes the browser; kills it and its children if it does not close in time. */
  async close(): Promise<void> {
    // A browser still starting (the run failed before its first print) is closed too, once up.
    if (this.launching && !this.running) this.running = await within(this.launching, this.timeout, 'starting').catch(() => undefined);
    this.launching = undefined;
    const running = this.running;
    this.running = undefined;
    if (running) await running.chromium.close(running.browser);
    this.kill();
  }

  /** SIGKILL to every process group this printer started, and their folders removed: no Chromium outlives the run. */
  kill(): void {
    this.running = undefined;
    this.launching = undefined;
    this.spare = undefined;
    for (const chromium of this.processes) chromium.kill();
    this.processes.clear();
  }

  private async attempt(doc: RenderedHtml): Promise<Uint8Array> {
    if (!this.running) {
      const launching = this.launching ?? this.launch();
      this.launching = undefined;
      this.running = await launching;
    }
    const running = this.running;
    const spare = this.spare;
    this.spare = undefined;
    try {
      // A page opened ahead that failed is no failure yet: a new one is opened.
      const page = await within(spare?.catch(() => openPage(running)) ?? openPage(running), this.timeout, 'opening a page');
      try {
        return await within(this.render(page, doc), this.timeout, 'printing');
      } finally {
        // Closed while the next report is printed: nothing waits for a page to go.
        void within(page.close(), 5_000, 'closing the page').catch(() => undefined);
        // The next report of a batch finds its page open.
        if (this.running === running && this.more) this.openSpare(Promise.resolve(running));
      }
    } catch (error) {
      if (error instanceof BrowserFailure || error instanceof LagesbildError) throw error;
      throw new BrowserFailure(`stopped while printing (${firstLine(error)})`);
    }
  }

  private async launch(): Promise<Running> {
    const puppeteer = await import('puppeteer-core');
    const chromium = new ChromiumProcess(this.options.executablePath, puppeteer);
    this.processes.add(chromium);
    return { browser: await chromium.connect(puppeteer, this.timeout), chromium };
  }

  private openSpare(running: Promise<Running>): void {
    this.spare = running.then(openPage);
    this.spare.catch(() => undefined);
  }

  private async render(page: Page, doc: RenderedHtml): Promise<Uint8Array> {
    const watch = serveReport(page, doc, this.options.onBlocked);
    try {
      await page.goto(DOCUMENT_URL, { waitUntil: 'load', timeout: this.timeout });
      const pdf = await page.pdf({ ...PDF_OPTIONS, headerTemplate: doc.headerTemplate, footerTemplate: doc.footerTemplate, timeout: this.timeout });
      if (watch.leftFor) throw leftPage(doc, watch.leftFor);
      return pdf;
    } catch (error) {
      if (watch.leftFor) throw leftPage(doc, watch.leftFor);
      // Chromium answered, with an error: the page it was given cannot be printed, and would not be on a second try.
      if (doc.template && (await refusedByChromium(error))) {
        throw new TemplateError(
          `template ${doc.template}: Chromium cannot print the page it makes (${firstLine(error)}); ` +
            'look for what it loads that a printed page cannot, such as an @import or <link rel="stylesheet"> in header.hbs or footer.hbs',
          { cause: error },
        );
      }
      throw error;
    }
  }
}

/** The page went elsewhere during the print: whatever was printed is not the report. */
function leftPage(doc: RenderedHtml, url: string): TemplateError {
  const what = url === DOCUMENT_URL ? 'reloads itself' : `goes to ${url}`;
  return new TemplateError(`template ${doc.template ?? '(default)'}: its page ${what} (a <meta http-equiv="refresh">?) instead of staying to be printed; remove that from the template`);
}

/** An error Chromium answered with ("Printing failed"), rather than a browser that closed or a time that ran out: those have no message of Chromium's own. */
async function refusedByChromium(error: unknown): Promise<boolean> {
  const { ProtocolError } = await import('puppeteer-core');
  return error instanceof ProtocolError && error.originalMessage !== '';
}

/** Browsers whose first tab has been taken for a report. */
const tabTaken = new WeakSet<Browser>();

/**
 * A page that runs no script and asks the printer for everything it loads. The tab
 * Chromium opens as it starts serves the first report: a new one costs a tenth of a second.
 */
async function openPage({ browser }: Running): Promise<Page> {
  const first = tabTaken.has(browser) ? undefined : (tabTaken.add(browser), (await browser.pages())[0]);
  const page = first ?? (await browser.newPage());
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  return page;
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
