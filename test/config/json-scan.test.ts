import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathKey, scanJson } from '../../src/config/json-scan.js';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('the JSON scan', () => {
  it('finds every key and value where it is written', () => {
    const text = '{\n  "output": { "dir": "r" },\n  "reports": [ { "name": "a.b" } ]\n}';
    const { keys, values, error } = scanJson(text);
    expect(error).toBeUndefined();
    expect(text.slice(keys.get(pathKey(['output', 'dir']))!)).toMatch(/^"dir"/);
    expect(text.slice(values.get(pathKey(['reports', 0, 'name']))!)).toMatch(/^"a\.b"/);
    expect(values.get(pathKey([]))).toBe(0);
  });

  it('agrees with JSON.parse on what is JSON, whatever is cut out of or put into a JSON text', () => {
    const mangled = fc
      .tuple(fc.json({ depthSize: 'small' }), fc.nat(), fc.nat(3), fc.constantFrom('', ',', '}', ']', '"', ':', '\n', '\t', 'x', '0', '-', '\\', '\u0001', ' '))
      .map(([json, at, cut, put]) => {
        const i = at % (json.length + 1);
        return json.slice(0, i) + put + json.slice(i + cut);
      });
    fc.assert(
      fc.property(mangled, (text) => {
        expect(scanJson(text).error === undefined).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives up, rather than overflow, on a text nested deeper than any config', () => {
    expect(scanJson('['.repeat(100_000)).error).toBeUndefined();
  });
});
