// The second step of `npm run build`: tsc's output in dist/ bundled, with the dependencies, into
// dist/bundle/ (esbuild), which bin/lagesbild runs. Node 20 loads a module graph of hundreds of
// files (zod alone is 95) file by file, which cost a command more time than its work; a few bundled
// files load in a fraction of it. What only a PDF or `lagesbild test` needs stays in chunks of its
// own, loaded when asked for; Puppeteer and pdf.js stay outside, as they find files of their own.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
rmSync(`${dist}bundle`, { recursive: true, force: true });
await build({
  // main: the command as a function, for the start-up benchmark.
  entryPoints: { run: `${dist}cli/run.js`, main: `${dist}cli/main.js`, worker: `${dist}collect/worker.js`, 'model-worker': `${dist}pipeline/model-worker.js` },
  outdir: `${dist}bundle`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['pdfjs-dist'],
  // CommonJS dependencies call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __lagesbildRequire } from 'node:module'; const require = __lagesbildRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
});
