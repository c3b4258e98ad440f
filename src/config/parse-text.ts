/**
 * A config file's text as plain data, and the way back from a key's path to its
 * line and column, so that a message can point at the place to fix.
 */
import { isMap, isNode, isScalar, isSeq, parseDocument } from 'yaml';
import { ConfigError, formatPosition } from '../errors.js';
import { pathKey, scanJson, type JsonScan } from './json-scan.js';

export interface Place {
  line: number;
  column: number;
}

export interface ConfigText {
  raw: unknown;
  /** Where the key at `path` is written, or its value; undefined when it is not in the file. */
  locate(path: readonly PropertyKey[], what: 'key' | 'value'): Place | undefined;
}

const isJsonFile = (file: string): boolean => file.toLowerCase().endsWith('.json');

/** Syntax errors are ConfigErrors naming `file:line:column`. */
export function parseConfigText(text: string, file: string): ConfigText {
  // Editors on Windows write a byte-order mark; it is no column of the first line.
  const body = text.replace(/^\uFEFF/, '');
  return isJsonFile(file) ? parseJson(body, file) : parseYaml(body, file);
}

function parseJson(body: string, file: string): ConfigText {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    const { error: found } = scanJson(body);
    // Node's own words as the last resort, without the text it quotes.
    const why = found?.message ?? (error as Error).message.replace(/, ".*" is not valid JSON$/s, '');
    throw new ConfigError(`${formatPosition({ file, ...(found ? positionAt(body, found.offset) : {}) })}: not valid JSON: ${why}`, { cause: error });
  }
  // Scanned only when a message needs a place: a config that is right costs no second pass.
  let scan: JsonScan | undefined;
  return {
    raw,
    locate(path, what) {
      scan ??= scanJson(body);
      const offset = (what === 'key' ? scan.keys : scan.values).get(pathKey(path));
      return offset === undefined ? undefined : positionAt(body, offset);
    },
  };
}

function parseYaml(body: string, file: string): ConfigText {
  const doc = parseDocument(body, { prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    throw new ConfigError(`${formatPosition({ file, ...positionAt(body, error.pos[0]) })}: not valid YAML: ${error.message.split('\n')[0]}`, { cause: error });
  }
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch (error) {
    // An alias that expands too far: the document as a whole, no one place.
    throw new ConfigError(`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  return {
    raw,
    locate(path, what) {
      let node: unknown = doc.contents;
      let key: unknown;
      for (const step of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(step));
          if (!pair) return undefined;
          [key, node] = [pair.key, pair.value];
        } else if (isSeq(node)) {
          [key, node] = [undefined, node.items[Number(step)]];
        } else {
          return undefined;
        }
      }
      const target = what === 'key' ? key : node;
      const range = isNode(target) ? target.range : undefined;
      return range ? positionAt(body, range[0]!) : undefined;
    },
  };
}

/** 1-based line and column of a character, counted in characters as an editor shows them. */
export function positionAt(text: string, offset: number): Place {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
