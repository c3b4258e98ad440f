/**
 * Which config a run uses: --config, else LAGESBILD_CONFIG, else the nearest
 * lagesbild.config.* in the working folder or a folder above it — as git,
 * ESLint and Prettier find theirs — up to the root of the git repository the
 * folder is in, or of the file system.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';

export const CONFIG_NAMES = ['lagesbild.config.json', 'lagesbild.config.yaml', 'lagesbild.config.yml'];

export interface ConfigLocation {
  /** As given (--config, LAGESBILD_CONFIG) or found (absolute); null for the defaults. */
  file: string | null;
  source: 'option' | 'environment' | 'found' | 'none';
  /** The folders looked in, nearest first; empty when the file was given. */
  searched: string[];
}

export interface FindOptions {
  env?: NodeJS.ProcessEnv;
  /** False: the working folder only, and no LAGESBILD_CONFIG (a test case carries its own config). */
  parents?: boolean;
}

export function findConfig(explicit: string | undefined, cwd: string, { env = process.env, parents = true }: FindOptions = {}): ConfigLocation {
  if (explicit !== undefined) return { file: explicit, source: 'option', searched: [] };
  const named = parents ? env.LAGESBILD_CONFIG : undefined;
  // Empty is unset, as a shell's `LAGESBILD_CONFIG= lagesbild …` means.
  if (named) return { file: named, source: 'environment', searched: [] };
  const searched: string[] = [];
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    searched.push(dir);
    const here = CONFIG_NAMES.map((name) => join(dir, name)).filter((p) => existsSync(p));
    if (here.length > 1) {
      throw new ConfigError(`${dir}: holds ${here.map((p) => p.slice(dir.length + 1)).join(' and ')}: keep one, or say which with --config`);
    }
    if (here.length === 1) return { file: foundFile(here[0]!), source: 'found', searched };
    // A repository's config is in the repository: a run in CI, on a fresh checkout, finds the same.
    if (!parents || existsSync(join(dir, '.git')) || dirname(dir) === dir) return { file: null, source: 'none', searched };
  }
}

/**
 * A config may name a program to run (chromium): one found by looking is used only
 * if it is the user's own or root's, as git refuses a repository someone else owns
 * above a folder (/tmp, a shared drive). --config says it is trusted.
 */
function foundFile(file: string): string {
  const uid = process.getuid?.();
  const owner = statSync(file).uid;
  if (uid !== undefined && owner !== uid && owner !== 0) {
    throw new ConfigError(`${file}: owned by another user (uid ${owner}); a config found by looking is used only if it is yours: give it with --config to use it`);
  }
  return file;
}

/** The log line that says where the run's settings come from. */
export function describeLocation({ file, source, searched }: ConfigLocation): string {
  if (source === 'none') return `no config found (looked in ${searched.join(', ')}); using the defaults`;
  return source === 'environment' ? `config: ${file} (from LAGESBILD_CONFIG)` : `config: ${file}`;
}
