/** Finds and reads the config file (JSON or YAML); every problem names the file and the key. */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';
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
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot read the config file (${describeFsError(error)})`, { cause: error });
  }
  return { config: await parseConfig(text, file), file };
}

export async function parseConfig(text: string, file: string): Promise<Config> {
  let raw: unknown;
  try {
    // YAML is loaded only for YAML files: most runs need no YAML parser.
    raw = extname(file).toLowerCase() === '.json' ? JSON.parse(text.replace(/^\uFEFF/, '')) : parseYaml(text);
  } catch (error) {
    const first = (error as Error).message.split('\n')[0]!;
    throw new ConfigError(`${file}: not valid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${first}`, { cause: error });
  }
  const result = configSchema.safeParse(raw ?? {});
  if (!result.success) throw new ConfigError(`${file}: ${describeIssue(result.error)}`);
  const config = result.data;
  // A template folder and a map are where the config says, wherever the command runs.
  if (config.template !== undefined) config.template = resolve(dirname(file), config.template);
  if (config.map !== undefined) config.map.areas = resolve(dirname(file), config.map.areas);
  return config;
}

/** The first problem zod found, naming the key: `key "period.days": …` or `unknown key "perod"`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = issue.path.join('.');
  return issue.code === 'unrecognized_keys'
    ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${[...issue.path, k].join('.')}"`).join(', ')}`
    : `key "${path || '(top level)'}": ${issue.message}`;
}
