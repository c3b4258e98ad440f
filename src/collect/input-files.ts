/**
 * The inputs of a run, each opened once. A pipe (`-` for standard input, a
 * named pipe, a process substitution) can be read only once: it is copied
 * the first time into a private folder of the run (0700, its files 0600),
 * removed when the run ends however it ends, and every report of a batch
 * reads that copy.
 */
import { closeSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assertUnchanged, STDIN, openInput, shownName, type InputFile } from '../ingest/input-file.js';
import { InputError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';
import { copyPipe } from './pipe-copy.js';

export interface InputFilesOptions {
  /** Has `remove` run if the run is stopped by a signal; gives back a function that stops it being run (the CLI's onStop). */
  onStop?: (remove: () => void) => () => void;
  /** Where the private folder is made (default: the system's temporary folder). */
  under?: string;
  /** Told of the private folder when it is made: on the model's thread, so that the command's thread can remove it on a signal. */
  onFolder?: (folder: string) => void;
}

export class InputFiles {
  private folder: string | undefined;
  private release: (() => void) | undefined;
  /** Each pipe's copy, by the path the pipe was given as. */
  private readonly copies = new Map<string, Promise<string>>();

  constructor(private readonly options: InputFilesOptions = {}) {}

  /** The file open for reading; a pipe is read to its end first. Fails naming the file as messages name it (`shownName`). */
  async input(path: string): Promise<InputFile> {
    const file = shownName(path);
    const key = path === STDIN ? STDIN : resolve(path);
    let copy = this.copies.get(key);
    if (!copy) {
      const opened = await openInput(path);
      if (!('pipe' in opened)) return opened;
      copy = this.copyOf(key, opened.pipe, file);
    }
    const read = await openInput(await copy);
    if ('pipe' in read) throw new Error(`the copy of a pipe is a pipe: ${await copy}`);
    return { ...read, file };
  }

  /** A small input read whole as UTF-8 text (the map's areas, the notes), from one descriptor, checked unchanged at the end. */
  async text(path: string): Promise<string> {
    const input = await this.input(path);
    try {
      const text = readFileSync(input.fd, 'utf8');
      assertUnchanged(input);
      return text;
    } finally {
      closeSync(input.fd);
    }
  }

  /** The run is over: every copy removed. */
  dispose(): void {
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.release?.();
    this.folder = undefined;
  }

  private copyOf(key: string, pipe: number, file: string): Promise<string> {
    const n = this.copies.size;
    const copy = (async () => {
      try {
        const to = join(this.privateFolder(file), `input-${n}`);
        await copyPipe(pipe, file, to);
        return to;
      } finally {
        closeSync(pipe);
      }
    })();
    this.copies.set(key, copy);
    return copy;
  }

  private privateFolder(file: string): string {
    if (this.folder) return this.folder;
    const under = this.options.under ?? tmpdir();
    try {
      // mkdtemp makes the folder 0700; the copies in it are 0600.
      this.folder = mkdtempSync(join(under, 'lagesbild-input-'));
    } catch (error) {
      throw new InputError({ file }, `cannot keep a copy of what it carries in ${under}: ${describeFsError(error)} (TMPDIR chooses the folder)`, { cause: error });
    }
    const folder = this.folder;
    this.options.onFolder?.(folder);
    this.release = this.options.onStop?.(() => rmSync(folder, { recursive: true, force: true }));
    return folder;
  }
}
