/**
 * An error made on a worker thread, across to the thread that asked: a
 * structured clone keeps an error's message but not its class or fields, and
 * the command tells a missing file (exit 2) from a bug (exit 70) by both.
 */
import * as errors from '../errors.js';

export interface SentError {
  /** The class and its ancestors, nearest first: the first one known here is made. */
  classes: string[];
  message: string;
  stack?: string;
  /** Its own fields (exitCode, position, detail …), as data. */
  fields: Record<string, unknown>;
  cause?: string;
}

export function sendError(error: unknown): SentError {
  if (!(error instanceof Error)) return { classes: ['Error'], message: String(error), fields: {} };
  const classes: string[] = [];
  for (let p = Object.getPrototypeOf(error) as object | null; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) classes.push(p.constructor.name);
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) if (key !== 'cause') fields[key] = data(value);
  const cause = error.cause === undefined ? undefined : error.cause instanceof Error ? (error.cause.stack ?? error.cause.message) : String(error.cause);
  return { classes, message: error.message, stack: error.stack, fields, cause };
}

/** The error again, of the nearest class src/errors.ts has (an AmbiguousDatesError is an InputError here). */
export function receivedError(sent: SentError): Error {
  const known = errors as unknown as Record<string, (new (...args: never[]) => Error) | undefined>;
  const name = sent.classes.find((c) => typeof known[c] === 'function' && known[c]!.prototype instanceof Error);
  const error: Error = Object.create(name ? known[name]!.prototype : Error.prototype);
  Object.defineProperty(error, 'message', { value: sent.message, writable: true, configurable: true });
  Object.defineProperty(error, 'stack', { value: sent.stack, writable: true, configurable: true });
  Object.assign(error, sent.fields);
  if (sent.cause !== undefined) Object.defineProperty(error, 'cause', { value: sent.cause, writable: true, configurable: true });
  return error;
}

/** A field as it can cross: JSON's view of it when a clone would refuse it. */
function data(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return JSON.parse(JSON.stringify(value) ?? 'null');
  }
}
