import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TemplateError } from '../../src/errors.js';
import { findChromium } from '../../src/render/find-chromium.js';
import { printPdf } from '../../src/render/pdf.js';
import { pdfPages } from '../support/pdf-text.js';

/** A listener on the loopback: every connection the page opens is counted, whether or not it asks for anything. */
let server: Server;
let port: number;
const connections: string[] = [];
beforeAll(async () => {
  server = createServer((socket) => {
    connections.push(`${socket.remoteAddress}:${socket.remotePort}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const doc = (html: string) => ({ html, headerTemplate: '<span></span>', footerTemplate: '<span></span>' });

describe('printing in a locked-down page', () => {
  it('runs no script, opens no connection, not even to 127.0.0.1 or localhost, and prints the rest', async () => {
    const blocked: string[] = [];
    const at = (host: string) => `http://${host}:${port}`;
    const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
      <link rel="stylesheet" href="${at('127.0.0.1')}/evil.css">
      <link rel="preconnect" href="${at('127.0.0.1')}"><link rel="preconnect" href="${at('localhost')}"><link rel="dns-prefetch" href="${at('probe.localhost')}">
      <link rel="prefetch" href="${at('127.0.0.1')}/next.html">
      <style>body { background: url("${at('localhost')}/track.png"); }</style></head>
      <body><p id="p">Skriptet körde inte.</p>
      <script>document.getElementById('p').textContent = 'Skriptet körde.'; fetch('${at('127.0.0.1')}/fetch');</script>
      <img src="${at('127.0.0.1')}/img.png"><img src="file:///etc/passwd">
      <iframe src="${at('probe.localhost')}/frame"></iframe><object data="${at('127.0.0.1')}/object"></object><embed src="${at('localhost')}/embed">
      </body></html>`;
    const pdf = await printPdf(doc(html), { executablePath: findChromium(), onBlocked: (url) => blocked.push(url) });
    const [page] = await pdfPages(pdf);
    expect(page).toContain('Skriptet körde inte.');
    expect(page).not.toContain('Skriptet körde.');
    expect(connections).toEqual([]);
    // Refused by the page's policy before any request was made, and told.
    expect(blocked).toEqual(expect.arrayContaining([`${at('127.0.0.1')}/evil.css`, `${at('127.0.0.1')}/img.png`]));
  });

  it('fails a page that goes elsewhere as the template’s fault, naming it, and opens no connection', async () => {
    const html = `<!doctype html><meta http-equiv="refresh" content="0;url=http://127.0.0.1:${port}/away"><p>Rapporten</p>`;
    const error = await printPdf({ ...doc(html), template: '/mallar/kommunen' }, { executablePath: findChromium() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as Error).message).toBe(
      `template /mallar/kommunen: its page goes to http://127.0.0.1:${port}/away (a <meta http-equiv="refresh">?) instead of staying to be printed; remove that from the template`,
    );
    expect(connections).toEqual([]);
  });

  it('fails a page that reloads itself the same way', async () => {
    const error = await printPdf({ ...doc('<!doctype html><meta http-equiv="refresh" content="0"><p>Rapporten</p>'), template: '/mallar/kommunen' }, { executablePath: findChromium() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as Error).message).toContain('template /mallar/kommunen: its page reloads itself');
  });
});
