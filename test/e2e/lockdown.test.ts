/**
 * A municipality's template, however hostile, makes the printing page reach nothing; what fails
 * because of the template is named as the template's; a program that is no browser, or hangs, is
 * told in lagesbild's words; and the browser leaves nothing in TMPDIR. All through the real command
 * and a real Chromium.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/render/find-chromium.js';
import { FIXTURE_ARGS, runCli, spawnCli } from '../support/cli.js';
import { pdfPages } from '../support/pdf-text.js';
import { descendants, eventually } from '../support/processes.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();

/** A listener on the loopback, open before the first run: it counts every connection, even one that never asks for anything. */
const connections: string[] = [];
const server: Server = createServer((socket) => {
  connections.push(`${socket.remoteAddress}:${socket.remotePort}`);
  socket.destroy();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A template folder of the given files. */
function template(name: string, files: Record<string, string>): string {
  const dir = join(tmp.dir, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

/** An executable script in the test's folder. */
function script(name: string, body: string): string {
  const path = join(tmp.dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Host names no DNS knows (.example), and names and addresses that would reach the listener without DNS. */
const DNS = 'lagesbild-probe.example';
const at = (host: string) => `http://${host}:${port}`;

/** Every way the probe found, and more, for a page to reach out: in a section, in the head and in the running header. */
const hostile = () => `<header><h1>Fientlig mall</h1>
<iframe src="${at('127.0.0.1')}/iframe"></iframe><iframe srcdoc="<img src='${at('127.0.0.1')}/srcdoc.png'>"></iframe>
<object data="${at('127.0.0.1')}/object"></object><object data="${at('localhost')}/object.html" type="text/html"></object><embed src="${at('probe.localhost')}/embed">
<link rel="preconnect" href="${at('127.0.0.1')}"><link rel="preconnect" href="${at(`preconnect.${DNS}`)}">
<link rel="dns-prefetch" href="${at(`dns-prefetch.${DNS}`)}"><link rel="prefetch" href="${at('127.0.0.1')}/prefetch"><link rel="preload" as="image" href="${at('localhost')}/preload.png">
<link rel="stylesheet" href="${at('127.0.0.1')}/link.css">
<img src="${at('127.0.0.1')}/img.png"><img src="${at(`img.${DNS}`)}/img.png"><svg><image href="${at('127.0.0.1')}/svg.png" width="1" height="1"/></svg>
<video poster="${at('127.0.0.1')}/poster.png" src="${at('127.0.0.1')}/video.mp4"></video>
<style>@import url("${at('127.0.0.1')}/import.css"); h1 { background: url("${at('localhost')}/url.png"); }</style>
<script src="${at('127.0.0.1')}/script.js"></script><script>fetch("${at('127.0.0.1')}/fetch"); new Image().src = "${at('127.0.0.1')}/script-img.png";</script>
<form action="${at('127.0.0.1')}/form" method="post"><input type="image" src="${at('127.0.0.1')}/input.png"></form>
<base href="${at('127.0.0.1')}/base/"><img src="relative-after-base.png">
</header>`;

/** Chromium as lagesbild starts it, writing a log of its network stack: what it looked up and connected to. */
const netLog = join(tmp.dir, 'netlog.json');
const loggingChromium = () => script('logging-chromium', `exec "${findChromium()}" --log-net-log="${netLog}" "$@"`);

interface NetEvent {
  type: number;
  phase: number;
  params?: Record<string, unknown>;
}

describe('a template that tries every way to reach out', async () => {
  const dir = template('hostile', {
    'partials/title.hbs': hostile(),
    'header.hbs': `{{fontFace}}<div style="font-size:8pt"><img src="${at('127.0.0.1')}/header.png"><iframe src="${at('127.0.0.1')}/header-frame"></iframe><object data="${at(`header.${DNS}`)}/o"></object> {{meta.municipality}}</div>`,
    'style.css': `body { background-image: url("${at('127.0.0.1')}/style.png"); } @font-face { font-family: x; src: url("${at('127.0.0.1')}/font.woff2"); } p { font-family: x; }`,
  });
  const output = join(tmp.dir, 'hostile.pdf');
  const run = await runCli([...FIXTURE_ARGS, '--template', dir, '--chromium', loggingChromium(), '--output', output]);

  it('prints the report as it would without them', async () => {
    expect(run.code).toBe(0);
    const text = (await pdfPages(readFileSync(output))).join('\n');
    expect(text).toContain('Fientlig mall');
    expect(text).toMatch(/Händelser\s+75\s+↑ \+27/);
  });

  it('opens no connection, not to 127.0.0.1, not to localhost, not to a name under .localhost', () => {
    expect(connections).toEqual([]);
  });

  it('looks up no host name and opens no TCP connection: Chromium resolves nothing', () => {
    const log = JSON.parse(readFileSync(netLog, 'utf8')) as { constants: { logEventTypes: Record<string, number> }; events: NetEvent[] };
    const type = log.constants.logEventTypes;
    const kinds = ['HOST_RESOLVER_MANAGER_REQUEST', 'HOST_RESOLVER_DNS_TASK', 'HOST_RESOLVER_SYSTEM_TASK', 'TCP_CONNECT', 'TCP_CONNECT_ATTEMPT'] as const;
    for (const kind of kinds) expect(type[kind]).toBeTypeOf('number');
    expect(log.events.length).toBeGreaterThan(100);
    const of = (kind: (typeof kinds)[number]) => log.events.filter((e) => e.type === type[kind]);
    // Every name asked for, Chromium's own included, was mapped to none before any lookup.
    const asked = of('HOST_RESOLVER_MANAGER_REQUEST').flatMap((e) => (e.params?.host ? [String(e.params.host).replace(/^https?:\/\//, '')] : []));
    expect(asked.filter((host) => host !== '~notfound')).toEqual([]);
    expect([...of('HOST_RESOLVER_DNS_TASK'), ...of('HOST_RESOLVER_SYSTEM_TASK'), ...of('TCP_CONNECT'), ...of('TCP_CONNECT_ATTEMPT')]).toEqual([]);
    expect(readFileSync(netLog, 'utf8')).not.toContain(DNS);
  });

  it('says what the page was refused', () => {
    expect(run.stderr).toContain(`warning: the report page tried to load ${at('127.0.0.1')}/img.png; blocked`);
    expect(run.stderr).toContain(`warning: the report page tried to load ${at('127.0.0.1')}/link.css; blocked`);
  });
});

describe('a print that fails because of the template', () => {
  it('is exit 3 naming the template when its page goes elsewhere, with nothing written and no connection', async () => {
    const dir = template('refresh', { 'partials/title.hbs': `<header><meta http-equiv="refresh" content="0;url=${at('127.0.0.1')}/away"><h1>Rapport</h1></header>` });
    const output = join(tmp.dir, 'refresh.pdf');
    const r = await runCli([...FIXTURE_ARGS, '--template', dir, '--output', output, '--quiet']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      `error: template ${dir}: its page goes to ${at('127.0.0.1')}/away (a <meta http-equiv="refresh">?) instead of staying to be printed; remove that from the template\n`,
    );
    expect(r.stderr).not.toContain('Chromium failed');
    expect(existsSync(output)).toBe(false);
    expect(connections).toEqual([]);
  });

  it('is exit 3 naming the template when Chromium cannot print what its running header loads', async () => {
    const dir = template('header-import', { 'header.hbs': `<style>@import url("${at('127.0.0.1')}/header.css");</style><div>{{meta.municipality}}</div>` });
    const r = await runCli([...FIXTURE_ARGS, '--template', dir, '--output', join(tmp.dir, 'header.pdf'), '--quiet']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      `error: template ${dir}: Chromium cannot print the page it makes (Protocol error (Page.printToPDF): Printing failed); look for what it loads that a printed page cannot, such as an @import or <link rel="stylesheet"> in header.hbs or footer.hbs\n`,
    );
    expect(r.stderr).not.toContain('starting it again');
  });
});

describe('a --chromium that is no browser', () => {
  it('is exit 6 at once, in lagesbild’s words, without a second try', async () => {
    const chatty = script('chatty', 'echo "this is not a browser"');
    for (const [program, code, said] of [['/bin/false', 1, ''], ['/bin/true', 0, ''], [chatty, 0, ', and said: this is not a browser']] as const) {
      const started = Date.now();
      const r = await runCli([...FIXTURE_ARGS, '--chromium', program, '--output', join(tmp.dir, 'none.pdf'), '--quiet']);
      expect(r.code).toBe(6);
      // The rows' warnings, then this, the last word.
      expect(r.stderr.split('\n').at(-2)).toBe(
        `error: ${program} cannot print: it ended at once (exit code ${code}) without answering as Chromium does${said}. Give a Chromium or Chrome browser with --chromium, LAGESBILD_CHROMIUM or the config key "chromium"`,
      );
      expect(r.stderr).not.toContain('starting it again');
      expect(Date.now() - started).toBeLessThan(15_000);
    }
  });

  it('that starts and hangs is stopped after renderTimeout, and says so', async () => {
    const config = join(tmp.dir, 'timeout.json');
    writeFileSync(config, JSON.stringify({ renderTimeout: 2 }));
    const hanging = script('hanging', 'exec sleep 300');
    const started = Date.now();
    const r = await runCli(['generate', '--config', config, '--incidents', 'fixtures/incidents-kommun.csv', '--from', '2024-04-15', '--chromium', hanging, '--output', join(tmp.dir, 'hung.pdf'), '--quiet']);
    expect(r.code).toBe(7);
    expect(r.stderr).toContain(`error: Chromium (${hanging}) gave no answer within 2 s of being started (renderTimeout), and was stopped: it hangs, or it is not a browser\n`);
    expect(r.stderr).not.toContain('protocolTimeout');
    expect(Date.now() - started).toBeLessThan(2_000 + 10_000);
  });
});

describe("Chromium's files", () => {
  it('are all in TMPDIR while it prints, and gone when the run is stopped with SIGTERM', async () => {
    const tmpdir = join(tmp.dir, 'TMPDIR-stopped');
    mkdirSync(tmpdir);
    const child = spawnCli([...FIXTURE_ARGS, '--output', join(tmp.dir, 'stopped.pdf')], { env: { TMPDIR: tmpdir } });
    // Stopped while Chromium runs, once it has made its files.
    expect(await eventually(() => descendants(child.pid).some((p) => /chrom/i.test(p.command)) && readdirSync(tmpdir).length > 0, 20_000)).toBe(true);
    const [folder] = readdirSync(tmpdir);
    expect(folder).toMatch(/^lagesbild-pdf-/);
    expect(readdirSync(join(tmpdir, folder!))).toContain('profile');
    child.kill('SIGTERM');
    const { code, stderr } = await child.done;
    expect(code).toBe(128 + 15);
    expect(stderr).toContain('stopped by SIGTERM');
    expect(readdirSync(tmpdir)).toEqual([]);
  });

  it('are gone after a run that ends as it should', async () => {
    const tmpdir = join(tmp.dir, 'TMPDIR-done');
    mkdirSync(tmpdir);
    const r = await runCli([...FIXTURE_ARGS, '--output', join(tmp.dir, 'done.pdf'), '--quiet'], { env: { TMPDIR: tmpdir } });
    expect(r.code).toBe(0);
    expect(readdirSync(tmpdir)).toEqual([]);
  });
});
