/** The package's own name and version, read from package.json (one place to bump). */
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const VERSION = pkg.version;
export const GENERATOR = `lagesbild ${VERSION}`;
