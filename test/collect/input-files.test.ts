/**
 * The run's inputs, each opened once: a pipe read once into a private copy that every report of a
 * batch reads, a pipe nobody writes to given up after a second, a device refused at once.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFiles } from '../../src/collect/input-files.js';
import { InputError } from '../../src/errors.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
const fifo = (name: string) => {
  const path = join(tmp.dir, name);
  execFileSync('mkfifo', [path]);
  return path;
};
const CSV = 'Datum;Område;Kategori\n2024-04-16;Centrum;klotter\n'.repeat(50_000);
const under = (name: string) => {
  const dir = join(tmp.dir, name);
  execFileSync('mkdir', [dir]);
  return dir;
};
const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const outcome = await work().then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error: error as InputError }),
  );
  return { ...outcome, ms: performance.now() - started };
};

describe("the run's inputs", () => {
  it('copies a pipe once, 0600 in a 0700 folder, and gives every later report that copy', async () => {
    const pipe = fifo('batch.pipe');
    const writer = spawn('bash', ['-c', `cat > ${pipe}`]);
    writer.stdin.end(CSV);
    const folder = under('batch-tmp');
    const files = new InputFiles({ under: folder });
    const first = await files.input(pipe);
    expect(first.file).toBe(pipe);
    expect(first.size).toBe(Buffer.byteLength(CSV));
    expect(readFileSync(first.fd, 'utf8')).toBe(CSV);
    const [own] = readdirSync(folder);
    expect(statSync(join(folder, own!)).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, own!, readdirSync(join(folder, own!))[0]!)).mode & 0o777).toBe(0o600);
    // The pipe is empty now, and no one writes to it: the second report reads the copy, at once.
    const second = await timed(() => files.input(pipe));
    expect(second.error).toBeUndefined();
    expect(second.ms).toBeLessThan(500);
    expect(second.value!.stamp).toEqual(first.stamp);
    files.dispose();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('gives up a pipe that no process writes to after about a second', async () => {
    const pipe = fifo('nobody.pipe');
    const { error, ms } = await timed(() => new InputFiles({ under: under('nobody-tmp') }).input(pipe));
    expect(error).toBeInstanceOf(InputError);
    expect(error!.message).toBe(`${pipe}: no process is writing to it (waited 1 s); start the program that writes the export first`);
    expect(ms).toBeGreaterThanOrEqual(1000);
    expect(ms).toBeLessThan(2000);
  });

  it('waits for a writer that is slow to write, as long as it has the pipe open', async () => {
    const pipe = fifo('slow.pipe');
    const writer = spawn('bash', ['-c', `exec 3>${pipe}; sleep 1.5; printf 'Datum;Område;Kategori\\n' >&3`]);
    const ended = new Promise((r) => writer.on('close', r));
    const files = new InputFiles({ under: under('slow-tmp') });
    const input = await files.input(pipe);
    expect(readFileSync(input.fd, 'utf8')).toBe('Datum;Område;Kategori\n');
    await ended;
    files.dispose();
  });

  it('refuses a device at once, reading nothing of it', async () => {
    for (const device of ['/dev/zero', '/dev/urandom']) {
      const { error, ms } = await timed(() => new InputFiles().input(device));
      expect(error?.message).toBe(`${device}: is not a regular file but a character device; an export is read from a file, a named pipe or standard input (-)`);
      expect(ms).toBeLessThan(200);
    }
  });

  it('refuses a folder, as before', async () => {
    const { error } = await timed(() => new InputFiles().input(tmp.dir));
    expect(error?.message).toBe(`${tmp.dir}: cannot read the file: is a folder, not a file`);
  });
});
