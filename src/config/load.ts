/** Finds and reads the config file (JSON or YAML); every problem names the file, the place and the key. */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';
import { describeProblem } from './issues.js';
import { parseConfigText } from './parse-text.js';
import { type Config, configSchema, defaultConfig } from './schema.js';

export const CONFIG_NAMES = ['lagesbild.config.json', 'lagesbild.config.yaml', 'lagesbild.config.yml'];

export interface LoadedConfig {
  config: Config;
  /** The file it came from, or null for the defaults. */
  file: string | null;
}

/** `explicit` from --config; otherwise the first of CONFIG_NAMES in `cwd`, otherwise the defaults. */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<LoadedConfig> {
  const file = explicit ?? CONFIG_NAMES.map((n) => join(cwd, n)).find((p) => existsSync(p));
  if (file === undefined) return { config: defaultConfig, file: null };
  if (!['.json', '.yaml', '.yml'].includes(extname(file).toLowerCase())) {
    throw new ConfigError(`${file}: a config file is JSON (.json) or YAML (.yaml, .yml)`);
  }
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot read the config file (${describeFsError(error)})`, { cause: error });
  }
  return { config: await parseConfig(text, file, resolve(cwd, file)), file };
}

/** `file` as messages name it; `path` where it is, for the paths inside it (default: `file` from the working folder). */
export async function parseConfig(text: string, file: string, path = resolve(file)): Promise<Config> {
  const parsed = parseConfigText(text, file);
  const result = configSchema.safeParse(parsed.raw ?? {});
  if (!result.success) throw new ConfigError(describeProblem(file, result.error, configSchema, parsed));
  const config = result.data;
  // The paths a config names are where the config says, wherever the command runs (inputs and output.dir: cli/jobs.ts).
  const dir = dirname(path);
  if (config.template !== undefined) config.template = resolve(dir, config.template);
  if (config.map !== undefined) config.map.areas = resolve(dir, config.map.areas);
  if (config.chromium !== undefined) config.chromium = resolve(dir, config.chromium);
  return config;
}
