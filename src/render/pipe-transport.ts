/**
 * Chromium's DevTools protocol over the pipe `--remote-debugging-pipe` opens
 * (file descriptors 3 and 4), one JSON message per NUL-ended chunk: the
 * transport Puppeteer is given for a browser lagesbild starts itself.
 */
import type { Readable, Writable } from 'node:stream';
import type { ConnectionTransport } from 'puppeteer-core';

export class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  /** True once the browser has said anything at all: a process that never does is no browser that hung later. */
  answered = false;
  private pending: Buffer[] = [];
  private closed = false;

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    fromBrowser.on('data', (chunk: Buffer) => this.receive(chunk));
    fromBrowser.on('close', () => this.onclose?.());
    // A browser that died mid-message: its close says so.
    fromBrowser.on('error', () => undefined);
    toBrowser.on('error', () => undefined);
  }

  send(message: string): void {
    if (this.closed || this.toBrowser.destroyed) return;
    this.toBrowser.write(message);
    this.toBrowser.write('\0');
  }

  close(): void {
    this.closed = true;
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return;
    this.answered = true;
    this.pending.push(chunk);
    if (!chunk.includes(0)) return;
    const all = Buffer.concat(this.pending);
    let start = 0;
    for (let end = all.indexOf(0); end !== -1; start = end + 1, end = all.indexOf(0, start)) {
      const message = all.toString('utf8', start, end);
      // As Puppeteer's own pipe does: a message is handled after this chunk, never inside another's handler.
      setImmediate(() => this.onmessage?.(message));
    }
    this.pending = start < all.length ? [all.subarray(start)] : [];
  }
}
