/**
 * The layout the README's Development section describes, held: modules small
 * enough to read at one sitting, no import cycles, and dependencies one way.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => relative(SRC, path));

/** Each module's imports of other modules of src/, static and dynamic, type-only included. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const found = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return found.map((spec) => relative(SRC, resolve(dirname(join(SRC, file)), spec)).replace(/\.js$/, '.ts'));
}

const graph = new Map(files.map((f) => [f, importsOf(f).filter((i) => files.includes(i))]));
const layer = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : file.replace(/\.ts$/, ''));

describe('the code layout', () => {
  it('keeps every module of src/ under 300 lines', () => {
    const long = files.map((f) => ({ f, lines: readFileSync(join(SRC, f), 'utf8').split('\n').length })).filter((x) => x.lines > 300);
    expect(long).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('lets dependencies run one way: the core never imports the command line, the renderers or the readers of files', () => {
    // Which layers each may not import; the CLI is the top and may import anything.
    const forbidden: Record<string, string[]> = {
      model: ['cli', 'collect', 'render', 'ingest', 'config', 'snapshot', 'init'],
      ingest: ['cli', 'collect', 'render', 'model', 'config', 'snapshot', 'init'],
      config: ['cli', 'collect', 'render', 'ingest', 'model', 'snapshot', 'init'],
      geo: ['cli', 'collect', 'render', 'ingest', 'model', 'config', 'snapshot', 'init'],
      render: ['cli', 'collect', 'ingest', 'config', 'snapshot', 'init'],
      collect: ['cli', 'render', 'snapshot', 'init'],
      // The statistics are numbers in, numbers out: they import nothing else of src/.
      stats: [...new Set(files.map(layer))].filter((l) => l !== 'stats'),
    };
    const wrong = [...graph].flatMap(([file, deps]) => deps.filter((d) => forbidden[layer(file)]?.includes(layer(d))).map((d) => `${file} → ${d}`));
    expect(wrong).toEqual([]);
  });
});
