/** The package's own name and version, read from package.json (one place to bump). */
import { existsSync, readFileSync } from 'node:fs';

/** package.json above this module: one folder up from dist/, two from the bundle in dist/bundle/. */
function packageJson(): { version: string } {
  for (let dir = new URL('./', import.meta.url); ; dir = new URL('../', dir)) {
    const file = new URL('package.json', dir);
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as { version: string };
    if (dir.pathname === '/') throw new Error('lagesbild: no package.json above the program');
  }
}

const pkg = packageJson();

export const VERSION = pkg.version;
export const GENERATOR = `lagesbild ${VERSION}`;
