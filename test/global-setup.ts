/** The end-to-end tests run the built command, so build it once before any test. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('../', import.meta.url));
  execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  // The default template compiled ahead, and what bin/lagesbild runs: the build bundled (as npm run build does).
  for (const step of ['precompile-templates.mjs', 'bundle.mjs']) {
    execFileSync(process.execPath, [fileURLToPath(new URL(`../scripts/${step}`, import.meta.url))], { cwd: root, stdio: 'inherit' });
  }
}
