/**
 * Each page of a PDF as a PNG, drawn by Poppler's pdftoppm (Debian's
 * poppler-utils): a renderer of its own, so the images show the PDF as a
 * reader's viewer draws it, not as Chromium meant it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RenderError } from '../errors.js';

/** Enough to see a changed character; small enough to keep expected images in version control. */
export const PAGE_DPI = 60;

export async function pageImages(pdf: Uint8Array, { pdftoppm = 'pdftoppm', dpi = PAGE_DPI } = {}): Promise<Buffer[]> {
  const dir = await mkdtemp(join(tmpdir(), 'lagesbild-pages-'));
  try {
    await writeFile(join(dir, 'report.pdf'), pdf, { mode: 0o600 }); // in a 0700 folder of mkdtemp's, and private too
    try {
      await promisify(execFile)(pdftoppm, ['-png', '-r', String(dpi), join(dir, 'report.pdf'), join(dir, 'page')], { timeout: 120_000 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new RenderError(`${pdftoppm} is needed to compare pages as images: install Poppler (Debian/Ubuntu: sudo apt-get install -y poppler-utils)`, { cause: error });
      }
      throw new RenderError(`pdftoppm could not draw the PDF's pages: ${String((error as Error).message).split('\n')[0]}`, { cause: error });
    }
    // page-1.png … page-10.png, padded to the page count's digits: sort by number.
    const names = (await readdir(dir)).filter((f) => /^page-\d+\.png$/.test(f)).sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
    return Promise.all(names.map((n) => readFile(join(dir, n))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
