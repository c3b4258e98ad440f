/**
 * The input sources, in the order they are asked whether a file is theirs; the
 * last one, CSV, takes any file. A new source is one module and a line here.
 */
import { csvSource } from './csv/source.js';
import type { InputFile } from './input-file.js';
import { readSample } from './sample.js';
import type { InputSource, SourceLayout } from './source.js';

const SOURCES: readonly InputSource[] = [csvSource];

/** The source that laid a file out: any part of the ingest reads the file through it. */
export function sourceOf<L extends SourceLayout>(layout: L): InputSource<L> {
  const source = SOURCES.find((s) => s.name === layout.source);
  if (!source) throw new Error(`no input source named ${layout.source}`);
  return source as unknown as InputSource<L>;
}

/** The source whose `inputs[].format` this is. */
export function sourceOfFormat(format: object): InputSource {
  return SOURCES.find((s) => s.made(format)) ?? csvSource;
}

/** Reads the file's first bytes and lays it out with the first source that recognises them. */
export async function layOut(input: InputFile, options: { encoding?: string } = {}): Promise<SourceLayout> {
  const sample = await readSample(input);
  const source = SOURCES.find((s) => s.recognises(sample, input.file))!;
  return source.lay(input, sample, options);
}
