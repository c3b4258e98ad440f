import { describe, expect, it } from 'vitest';
import { findChromium } from '../../src/render/find-chromium.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();

describe('finding Chromium', () => {
  it('prefers --chromium, then the environment, then the config, then the usual paths', () => {
    const node = process.execPath; // any executable will do for choosing
    expect(findChromium({ flag: node, env: { LAGESBILD_CHROMIUM: '/no/such' }, config: '/no/such', candidates: [] })).toBe(node);
    expect(findChromium({ env: { LAGESBILD_CHROMIUM: node }, config: '/nope', candidates: [] })).toBe(node);
    expect(findChromium({ env: {}, config: node, candidates: [] })).toBe(node);
    expect(findChromium({ env: {}, candidates: ['/no/such/chromium', node] })).toBe(node);
  });

  it('says which setting points at something that is not a browser', () => {
    const text = tmp.write('not-executable', 'x');
    expect(() => findChromium({ flag: text, env: {} })).toThrow(`Chromium given by --chromium is not an executable file: ${text}`);
    expect(() => findChromium({ env: { LAGESBILD_CHROMIUM: '/no/such' } })).toThrow('Chromium given by LAGESBILD_CHROMIUM is not an executable file: /no/such');
  });

  it('tells how to install one when there is none', () => {
    expect(() => findChromium({ env: {}, candidates: ['/no/such/chromium'] })).toThrow(/No Chromium found.*apt-get install -y chromium.*--chromium PATH/);
  });
});
