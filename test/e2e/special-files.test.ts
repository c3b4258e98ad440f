/** Outputs and inputs that are not regular files: pipes, devices, sockets, links, files that change while read. */
import { execFileSync, spawn } from 'node:child_process';
import { lstatSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_CONFIG, runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
const JSON_ARGS = ['generate', '-i', 'fixtures/incidents-kommun.csv', '--from', '2024-04-15', '--format', 'json', '-q'];
const fifo = (name: string) => {
  const path = join(tmp.dir, name);
  execFileSync('mkfifo', [path]);
  return path;
};
/** What a reader of the pipe got, read by a program of its own as `cat pipe > file` would. */
const readPipe = (pipe: string) => {
  const reader = spawn('cat', [pipe]);
  const out: Buffer[] = [];
  reader.stdout.on('data', (d: Buffer) => out.push(d));
  return new Promise<string>((resolve) => reader.on('close', () => resolve(Buffer.concat(out).toString('utf8'))));
};

describe('an output that is no regular file', () => {
  it('writes into a named pipe as it is, --force or not, and leaves it a pipe', async () => {
    const expected = await runCli([...JSON_ARGS, '-o', '-']);
    const pipe = fifo('out.pipe');
    for (const force of [[], ['--force']]) {
      const got = readPipe(pipe);
      const r = await runCli([...JSON_ARGS, '-o', pipe, ...force]);
      expect(r.code).toBe(0);
      expect(await got).toBe(expected.stdout);
      expect(lstatSync(pipe).isFIFO()).toBe(true);
    }
  });

  it('refuses a named pipe no program reads from (exit 5) at once, instead of waiting for ever', async () => {
    const pipe = fifo('unread.pipe');
    const r = await runCli([...JSON_ARGS, '-o', pipe, '--force']);
    expect(r.code).toBe(5);
    // After the rows' warnings: the pipe is opened when the report is ready, so a reader may start meanwhile.
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(`error: ${pipe}: no program reads from this named pipe; start the reader first`);
    expect(lstatSync(pipe).isFIFO()).toBe(true);
  });

  it('writes into a character device through a link, never replacing the link or the device', async () => {
    // A link to /dev/null: were the device replaced by a file, it would be the link that is replaced, not /dev/null.
    const link = join(tmp.dir, 'null-link');
    symlinkSync('/dev/null', link);
    const r = await runCli([...JSON_ARGS, '-o', link, '--force']);
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('/dev/null');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    // Without --force too: a device has nothing in it to lose.
    expect((await runCli([...JSON_ARGS, '-o', link])).code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('refuses a socket with exit 5, --force or not', async () => {
    const socket = join(tmp.dir, 'out.sock');
    execFileSync('python3', ['-c', `import socket; socket.socket(socket.AF_UNIX).bind(${JSON.stringify(socket)})`]);
    const r = await runCli([...JSON_ARGS, '-o', socket, '--force']);
    expect(r.code).toBe(5);
    expect(r.stderr).toBe(`error: ${socket}: is a socket, not a file; a report goes to a file, a named pipe or a character device such as /dev/null\n`);
    expect(lstatSync(socket).isSocket()).toBe(true);
  });

  it('keeps refusing a link to a report without --force, and replaces the link, not its target, with it', async () => {
    const target = tmp.write('target.json', 'the previous report');
    const link = join(tmp.dir, 'link.json');
    symlinkSync(target, link);
    const refused = await runCli([...JSON_ARGS, '-o', link]);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toBe(`error: ${link}: exists already; use --force to replace it\n`);
    expect((await runCli([...JSON_ARGS, '-o', link, '--force'])).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('the previous report');
    expect(lstatSync(link).isFile()).toBe(true);
  });
});
