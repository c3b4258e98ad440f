/**
 * One Chromium process to print with, started by lagesbild itself rather than by
 * Puppeteer, so that how it ends is known: a program that ends at once without
 * answering is no browser (exit 6, at once), one that never answers is hung, one
 * killed by a signal crashed (worth one more try).
 *
 * It runs in a process group of its own, and everything it writes — profile,
 * crash reports, temporary files (TMPDIR) — is in one folder of its own, which
 * goes with it: `kill()` is synchronous, so a stopped run removes it too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Browser } from 'puppeteer-core';
import { BrowserFailedError, RenderError } from '../errors.js';
import { PipeTransport } from './pipe-transport.js';

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
  // No host name or address resolves, localhost and 127.0.0.1 included: the report is served from
  // memory, so the page needs none, and nothing a template says can open a connection or ask DNS.
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** The profile's settings: no preconnect, prefetch or DNS prefetch, no plugins. */
const PREFERENCES = { net: { network_prediction_options: 2 }, webkit: { webprefs: { plugins_enabled: false } } };

/** What of Puppeteer a browser of lagesbild's own needs. */
export type Puppeteer = Pick<typeof import('puppeteer-core'), 'connect' | 'defaultArgs'>;

/** A browser that crashed or hung: worth one more try. */
export class BrowserFailure extends Error {}

/** Chromium's sandbox cannot start as root; as any other user it stays on. */
export function sandboxArgs(): string[] {
  return process.getuid?.() === 0 ? ['--no-sandbox'] : [];
}

type End = { code: number | null; signal: NodeJS.Signals | null } | { error: NodeJS.ErrnoException };

export class ChromiumProcess {
  /** Profile, crash reports and temporary files: removed with the process. */
  readonly folder: string;
  private readonly child: ChildProcess;
  private readonly transport: PipeTransport;
  private readonly ended: Promise<End>;
  /** The end of what it printed, for the message when it will not start. */
  private said = '';

  constructor(
    private readonly executablePath: string,
    puppeteer: Puppeteer,
  ) {
    this.folder = mkdtempSync(join(temporaryFolder(), 'lagesbild-pdf-'));
    try {
      const profile = join(this.folder, 'profile');
      mkdirSync(join(profile, 'Default'), { recursive: true });
      writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify(PREFERENCES));
      const args = puppeteer.defaultArgs({
        headless: true,
        args: [...CHROMIUM_ARGS, ...sandboxArgs(), `--user-data-dir=${profile}`, `--crash-dumps-dir=${join(this.folder, 'crashes')}`, '--remote-debugging-pipe'],
      });
      this.child = spawn(executablePath, args, {
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'],
        // Chromium's own temporary files (org.chromium.Chromium.*) in the folder too.
        env: { ...process.env, TMPDIR: this.folder },
      });
    } catch (error) {
      this.removeFolder();
      throw error;
    }
    const keep = (chunk: Buffer) => (this.said = (this.said + chunk.toString('utf8')).slice(-2000));
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    this.ended = new Promise((resolve) => {
      this.child.once('error', (error) => resolve({ error }));
      this.child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    this.transport = new PipeTransport(this.child.stdio[3] as Writable, this.child.stdio[4] as Readable);
  }

  /** The process group's id (the browser's own pid) while it runs. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Puppeteer on the pipe, once the browser has its first tab; what went wrong, in lagesbild's words. */
  async connect(puppeteer: Puppeteer, timeout: number): Promise<Browser> {
    const connecting = (async () => {
      // Puppeteer's own timeout later than lagesbild's: a hang is told in lagesbild's words.
      const browser = await puppeteer.connect({ transport: this.transport, protocolTimeout: timeout + 5_000 });
      await browser.waitForTarget((t) => t.type() === 'page', { timeout });
      return browser;
    })();
    const first = await within(
      Promise.race([connecting.then((browser) => ({ browser }), (error: unknown) => ({ error })), this.ended.then((end) => ({ end }))]),
      timeout,
      'starting',
    ).catch((late: BrowserFailure) => ({ late }));
    if ('browser' in first) return first.browser;
    connecting.catch(() => undefined);
    // The pipe closes a moment before the exit is seen.
    const end = 'end' in first ? first.end : 'error' in first ? await within(this.ended, 2_000, 'ending').catch(() => undefined) : undefined;
    this.kill();
    throw this.failure(end, timeout, 'error' in first ? first.error : undefined);
  }

  /** Closes the browser, waits for its process to end, and removes its folder. */
  async close(browser: Browser | undefined): Promise<void> {
    if (browser) await within(browser.close(), 5_000, 'closing').catch(() => undefined);
    await within(this.ended, 5_000, 'closing').catch(() => undefined);
    this.kill();
  }

  /** SIGKILL to its whole process group, and its folder removed: synchronous, for a run that is being stopped. */
  kill(): void {
    this.transport.close();
    if (this.child.pid !== undefined) {
      try {
        process.kill(-this.child.pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
    this.removeFolder();
  }

  private removeFolder(): void {
    try {
      // Retried: a process just killed may still be closing a file in it.
      rmSync(this.folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    } catch {
      // Inside the system's temporary folder; nothing of the report is in it.
    }
  }

  private failure(end: End | undefined, timeout: number, error: unknown): Error {
    const path = this.executablePath;
    const answered = this.transport.answered;
    if (end && 'error' in end) return new RenderError(`could not start Chromium (${path}): ${end.error.code ?? firstLine(end.error)}`, { cause: end.error });
    if (end?.signal) return new BrowserFailure(`crashed as it started (${end.signal})`);
    if (end && !answered) {
      const last = this.said.split('\n').map((l) => l.trim()).filter(Boolean).pop();
      return new RenderError(
        `${path} cannot print: it ended at once (exit code ${end.code}) without answering as Chromium does${last ? `, and said: ${last.slice(0, 200)}` : ''}. ` +
          'Give a Chromium or Chrome browser with --chromium, LAGESBILD_CHROMIUM or the config key "chromium"',
      );
    }
    if (end) return new BrowserFailure(`ended as it started (exit code ${end.code})`);
    const seconds = Math.round(timeout / 1000);
    // A second try would wait as long again, for what is most likely no browser at all.
    if (!answered && error === undefined) {
      return new BrowserFailedError(`Chromium (${path}) gave no answer within ${seconds} s of being started (renderTimeout), and was stopped: it hangs, or it is not a browser`);
    }
    return new BrowserFailure(error === undefined ? `gave no answer within ${seconds} s of being started` : `could not start (${firstLine(error)})`);
  }
}

/**
 * Where the browser's folder is made: the system's temporary folder (TMPDIR), unless its path is so
 * long that Chromium's profile lock, a Unix socket at TMPDIR/lagesbild-pdf-XXXXXX/org.chromium.Chromium.XXXXXX/SingletonSocket,
 * would pass the 107 bytes a socket's path may have: Chromium stops at once on that.
 */
function temporaryFolder(): string {
  const system = tmpdir();
  return Buffer.byteLength(system) + SOCKET_PATH_TAIL > MAX_SOCKET_PATH && existsSync('/tmp') ? '/tmp' : system;
}
const SOCKET_PATH_TAIL = '/lagesbild-pdf-XXXXXX/org.chromium.Chromium.XXXXXX/SingletonSocket'.length;
const MAX_SOCKET_PATH = 107;

/** `promise`, or a BrowserFailure after `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BrowserFailure(`no answer after ${Math.round(ms / 1000)} s ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}
