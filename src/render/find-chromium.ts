/**
 * Which Chromium to print with: --chromium, then LAGESBILD_CHROMIUM or
 * PUPPETEER_EXECUTABLE_PATH, then the config, then the usual install paths.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { RenderError } from '../errors.js';

/** Debian's real binary first: /usr/bin/chromium is a wrapper script that prints noise. */
export const KNOWN_PATHS = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/lib/chromium-browser/chromium-browser',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export interface ChromiumChoice {
  flag?: string;
  config?: string;
  env?: NodeJS.ProcessEnv;
  candidates?: readonly string[];
}

export function findChromium({ flag, config, env = process.env, candidates = KNOWN_PATHS }: ChromiumChoice = {}): string {
  const explicit: [string | undefined, string][] = [
    [flag, '--chromium'],
    [env.LAGESBILD_CHROMIUM, 'LAGESBILD_CHROMIUM'],
    [env.PUPPETEER_EXECUTABLE_PATH, 'PUPPETEER_EXECUTABLE_PATH'],
    [config, 'the config key "chromium"'],
  ];
  for (const [path, source] of explicit) {
    if (!path) continue;
    if (!isExecutable(path)) throw new RenderError(`Chromium given by ${source} is not an executable file: ${path}`);
    return path;
  }
  const found = candidates.find(isExecutable);
  if (found) return found;
  throw new RenderError(
    'No Chromium found to print the PDF. Install one (Debian/Ubuntu: sudo apt-get install -y chromium) ' +
      'or point to it with --chromium PATH or LAGESBILD_CHROMIUM. --format html or json needs no browser.',
  );
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
