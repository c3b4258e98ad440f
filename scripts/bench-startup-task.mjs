// The "real work" of a command for npm run bench:render's start-up figures: the command run twice in
// one process after its entry module has loaded. The first run is the work as a user's run does it
// (what it loads for the work, and a cold JIT); the second, with everything loaded and warm, the least it can be.
// Usage: bench-startup-task.mjs OUT.json ARGS… (the command's own output is dropped).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [out, ...args] = process.argv.slice(2);
const root = fileURLToPath(new URL('..', import.meta.url));
const { main } = await import(`${root}dist/bundle/main.js`);
process.stdout.write = (_chunk, encoding, done) => {
  (typeof encoding === 'function' ? encoding : done)?.();
  return true;
};
const argv = ['node', 'lagesbild', ...args];
let start = performance.now();
await main(argv);
const cold = (performance.now() - start) / 1000;
start = performance.now();
await main(argv);
writeFileSync(out, JSON.stringify({ cold, work: (performance.now() - start) / 1000 }));
