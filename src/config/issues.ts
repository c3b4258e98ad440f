/**
 * What zod found wrong, in a coordinator's words: the key, where it is in the
 * file, and for a misspelt key the one meant ("did you mean", as the command
 * line says of options) and the keys that may stand there.
 */
import { z } from 'zod';
import { formatPosition } from '../errors.js';
import { editDistance } from '../text.js';
import type { ConfigText, Place } from './parse-text.js';

/** The message for a file's first problem: `file:line:column: …`, the place when the file shows it. */
export function describeProblem(file: string, error: z.ZodError, schema: z.ZodType, text?: ConfigText): string {
  const issue = firstIssue(error);
  const place = text && placeOf(issue, text);
  return `${formatPosition({ file, ...place })}: ${words(issue, schema)}`;
}

/** The first problem zod found, naming the key: `key "period.days": …` or `unknown key "perod"; …`. */
export function describeIssue(error: z.ZodError, schema?: z.ZodType): string {
  return words(firstIssue(error), schema);
}

/** A misspelt key first: it is often why another key seems missing. */
const firstIssue = (error: z.ZodError) => error.issues.find((i) => i.code === 'unrecognized_keys') ?? error.issues[0]!;

function words(issue: z.core.$ZodIssue, schema: z.ZodType | undefined): string {
  if (issue.code !== 'unrecognized_keys') return `key "${issue.path.join('.') || '(top level)'}": ${issue.message}`;
  const valid = schema ? keysAt(schema, issue.path) : [];
  const named = issue.keys.map((key) => {
    const like = similar(key, valid).map((k) => `"${[...issue.path, k].join('.')}"`);
    return { key: `"${[...issue.path, key].join('.')}"`, like: like.length > 0 ? `did you mean ${like.join(' or ')}?` : '' };
  });
  const list =
    named.length === 1
      ? `unknown key ${named[0]!.key}${named[0]!.like && `; ${named[0]!.like}`}`
      : `unknown keys ${named.map((n) => (n.like ? `${n.key} (${n.like})` : n.key)).join(', ')}`;
  if (valid.length === 0) return list;
  return `${list}${list.endsWith('?') ? ' ' : '; '}valid keys here: ${valid.join(', ')}`;
}

/** An unknown key where it is written; a wrong value where it is, or else the key above it that is there. */
function placeOf(issue: z.core.$ZodIssue, text: ConfigText): Place | undefined {
  if (issue.code === 'unrecognized_keys') return text.locate([...issue.path, issue.keys[0]!], 'key');
  const value = text.locate(issue.path, 'value');
  if (value) return value;
  for (let n = issue.path.length; n > 0; n--) {
    const key = text.locate(issue.path.slice(0, n), 'key');
    if (key) return key;
  }
  return undefined;
}

/** The keys the schema allows at `path`: an object's, or a record's when its keys are a fixed list. */
export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let at: z.ZodType | undefined = unwrap(schema);
  for (const step of path) {
    if (at instanceof z.ZodObject) at = (at.shape as Record<string, z.ZodType>)[String(step)];
    else if (at instanceof z.ZodArray) at = at.element as z.ZodType;
    else if (at instanceof z.ZodRecord) at = at.valueType as z.ZodType;
    else return [];
    if (at === undefined) return [];
    at = unwrap(at);
  }
  if (at instanceof z.ZodObject) return Object.keys(at.shape);
  if (at instanceof z.ZodRecord && at.keyType instanceof z.ZodEnum) return at.keyType.options.map(String);
  return [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodDefault || s instanceof z.ZodPrefault || s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s;
}

/**
 * The valid keys nearest to `word`, by commander's rule for options: at most two
 * edits, more alike than not, the nearest only. Case does not count: "dateorder".
 */
export function similar(word: string, candidates: readonly string[]): string[] {
  let best: string[] = [];
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    const length = Math.max(word.length, candidate.length);
    if ((length - distance) / length <= 0.4) continue;
    if (distance < bestDistance) [best, bestDistance] = [[candidate], distance];
    else if (distance === bestDistance) best.push(candidate);
  }
  return best;
}
