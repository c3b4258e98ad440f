/** The run's config, and the line of the log that says which file it is, or where none was found. */
import { describeLocation } from '../config/find.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import type { Logger } from './log.js';

export async function runConfig(explicit: string | undefined, log: Logger, cwd: string): Promise<LoadedConfig> {
  const loaded = await loadConfig(explicit, cwd);
  // Said as they are: a folder may be named like a registration number.
  log.keep([...loaded.searched, ...(loaded.file === null ? [] : [loaded.file])]);
  log.info(describeLocation(loaded), { config: loaded.file });
  return loaded;
}
