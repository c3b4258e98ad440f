/**
 * Templates compiled when lagesbild is built (scripts/precompile-templates.mjs). Handlebars
 * turns a template into JavaScript on first use, which for the default template took half a
 * second of every run. A file is taken from here only when its text is exactly the text that
 * was compiled; any other (a municipality's own) is compiled as it is.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** In dist/, beside the built modules (dist/render/) and the bundle (dist/bundle/); absent when run from src/. */
const FILE = new URL('../precompiled-templates.json', import.meta.url);

let specs: Record<string, string> | undefined;

function templateKey(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

/** The compiled form of this exact text, as `Handlebars.template` takes it; undefined when it was not compiled ahead. */
export function precompiled(source: string): object | undefined {
  specs ??= readSpecs();
  const spec = specs[templateKey(source)];
  // What Handlebars.compile itself does with the JavaScript it makes, done for the build's.
  return spec === undefined ? undefined : (new Function(`return ${spec};`)() as object);
}

function readSpecs(): Record<string, string> {
  try {
    return JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}
