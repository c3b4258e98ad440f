/**
 * The page a report is printed in: it is served from memory under an address of
 * its own, with the page policy, and asks for nothing but the template folder's
 * own files. Whatever else it tries is blocked and told; a page that tries to go
 * elsewhere (a `<meta http-equiv="refresh">`) is the template's fault, not the
 * browser's, and is noted for the printer to say so.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { RenderedHtml } from './html.js';
import { CONTENT_SECURITY_POLICY } from './page-policy.js';
import { TemplateFiles } from './template-files.js';

/** No such host exists (.invalid), and none is looked up: every request from the page is answered here. */
const ORIGIN = 'https://lagesbild.invalid/';
export const DOCUMENT_URL = `${ORIGIN}report.html`;
const TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml', '.gif': 'image/gif', '.webp': 'image/webp', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf' };

/** What the page did that the printer must know of. */
export interface PageWatch {
  /** Where the page tried to go after the report was loaded, if it did. */
  leftFor?: string;
}

/** Answers every request of `page` for `doc`; `onBlocked` hears of each address refused, once. */
export function serveReport(page: Page, doc: RenderedHtml, onBlocked?: (url: string) => void): PageWatch {
  const watch: PageWatch = {};
  const told = new Set<string>();
  const blocked = (url: string) => {
    if (told.has(url)) return;
    told.add(url);
    onBlocked?.(url);
  };
  let served = false;
  page.on('request', (request) => {
    const url = request.url();
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      // The report itself, once; any later navigation (a refresh, to anywhere) leaves the report.
      if (url === DOCUMENT_URL && !served) {
        served = true;
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY }, body: doc.html }).catch(() => undefined);
      } else {
        watch.leftFor ??= url;
        void request.abort('blockedbyclient').catch(() => undefined);
      }
      return;
    }
    const asset = url.startsWith(ORIGIN) ? templateAsset(doc, url) : undefined;
    if (url.startsWith('data:')) {
      // Inline data (an embedded font or image) reaches nothing outside the page.
      void request.continue().catch(() => undefined);
    } else if (asset) {
      void request.respond({ status: 200, contentType: TYPES[extname(asset).toLowerCase()] ?? 'application/octet-stream', body: readFileSync(asset) }).catch(() => undefined);
    } else {
      blocked(url);
      void request.abort('blockedbyclient').catch(() => undefined);
    }
  });
  // What the policy refused never became a request: Chromium tells of it as an issue.
  page.on('issue', (issue) => {
    const url = issue.details.contentSecurityPolicyIssueDetails?.blockedURL;
    if (url) blocked(url);
  });
  return watch;
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
