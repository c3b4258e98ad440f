/** Finds and reads the config file (JSON or YAML); every problem names the file, the place and the key. */
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';
import { findConfig, type ConfigLocation, type FindOptions } from './find.js';
import { describeProblem } from './issues.js';
import { parseConfigText } from './parse-text.js';
import { type Config, configSchema, defaultConfig } from './schema.js';

export interface LoadedConfig extends ConfigLocation {
  config: Config;
}

/** `explicit` from --config; otherwise as findConfig() looks, from `cwd`; otherwise the defaults. */
export async function loadConfig(explicit: string | undefined, cwd: string, options: FindOptions = {}): Promise<LoadedConfig> {
  const location = findConfig(explicit, cwd, options);
  const { file } = location;
  if (file === null) return { ...location, config: defaultConfig };
  if (!['.json', '.yaml', '.yml'].includes(extname(file).toLowerCase())) {
    throw new ConfigError(`${file}: a config file is JSON (.json) or YAML (.yaml, .yml)`);
  }
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    const which = location.source === 'environment' ? 'the config file that LAGESBILD_CONFIG names' : 'the config file';
    throw new ConfigError(`${file}: cannot read ${which} (${describeFsError(error)})`, { cause: error });
  }
  return { ...location, config: await parseConfig(text, file, resolve(cwd, file)) };
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
