/** The run's config, and the line of the log that says which file it is, or where none was found. */
import { describeLocation } from '../config/find.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import type { Logger } from './log.js';

export async function runConfig(explicit: string | undefined, log: Logger, cwd: string): Promise<LoadedConfig> {
  // Known before it is read, for the messages of a config that cannot be.
  log.paths([explicit ?? process.env.LAGESBILD_CONFIG ?? '']);
  const loaded = await loadConfig(explicit, cwd);
  // Shown as file names are: a folder may be named like a registration number.
  log.paths([...loaded.searched, ...(loaded.file === null ? [] : [loaded.file])]);
  log.info(describeLocation(loaded), { config: loaded.file });
  return loaded;
}
