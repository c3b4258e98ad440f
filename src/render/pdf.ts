/**
 * HTML → A4 PDF in headless Chromium. The page runs with JavaScript disabled and
 * every request but the report document itself is blocked, so nothing in the
 * data can fetch, run or leak anything. Puppeteer is loaded only here, only when
 * a PDF is asked for.
 */
import { RenderError } from '../errors.js';
import type { RenderedHtml } from './html.js';

/** The report is served to the page from memory under this address; nothing else loads. */
const DOCUMENT_URL = 'https://lagesbild.invalid/report.html';

export interface PdfOptions {
  executablePath: string;
  /** Milliseconds for launch and for printing each. */
  timeout?: number;
  /** Called with each request that was blocked. */
  onBlocked?: (url: string) => void;
}

const CHROMIUM_ARGS = [
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

export async function printPdf(doc: RenderedHtml, options: PdfOptions): Promise<Uint8Array> {
  const { default: puppeteer } = await import('puppeteer-core');
  const timeout = options.timeout ?? 60_000;
  // Chromium's sandbox cannot start as root; as any other user it stays on.
  const sandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  let browser;
  try {
    browser = await puppeteer.launch({
      executablePath: options.executablePath,
      headless: true,
      pipe: true,
      args: [...CHROMIUM_ARGS, ...sandbox],
      timeout,
    });
  } catch (error) {
    throw new RenderError(`could not start Chromium (${options.executablePath}): ${firstLine(error)}`, { cause: error });
  }
  try {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url === DOCUMENT_URL) {
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: doc.html });
      } else if (url.startsWith('data:')) {
        // Inline data (an embedded font or image) reaches nothing outside the page.
        void request.continue();
      } else {
        options.onBlocked?.(url);
        void request.abort('blockedbyclient');
      }
    });
    await page.goto(DOCUMENT_URL, { waitUntil: 'load', timeout });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: doc.headerTemplate,
      footerTemplate: doc.footerTemplate,
      margin: { top: '20mm', bottom: '16mm', left: '16mm', right: '16mm' },
      // Bookmarks from the section headings, for a reader's side panel.
      outline: true,
      tagged: true,
      timeout,
    });
  } catch (error) {
    throw new RenderError(`Chromium failed to print the PDF: ${firstLine(error)}`, { cause: error });
  } finally {
    await browser.close().catch(() => undefined);
  }
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}
