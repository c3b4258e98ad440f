// One measurement of npm run bench, in its own process so that its peak RSS is its own.
// Prints {"seconds": …, "rssMB": …} as its last line.
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';

const [task, file, extra] = process.argv.slice(2);
const root = fileURLToPath(new URL('..', import.meta.url));
const start = process.hrtime.bigint();

if (task === 'raw') {
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) bytes += chunk.length;
} else if (task === 'csv-parse') {
  let records = 0;
  for await (const _ of createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(parse({ delimiter: extra ?? ';' }))) records++;
} else if (task === 'lagesbild') {
  const { makeModel } = await import(`${root}dist/pipeline/make-model.js`);
  const { configSchema } = await import(`${root}dist/config/schema.js`);
  const { reportPeriod } = await import(`${root}dist/period.js`);
  const config = configSchema.parse({});
  await makeModel([{ file, kind: 'incidents' }], reportPeriod('2024-06-03', 14, config.timezone), config, extra ? { threads: Number(extra) } : {});
} else if (task === 'generate') {
  // The whole command as a user runs it, in this process so that the peak RSS is the command's.
  const { main } = await import(`${root}dist/cli/main.js`);
  const code = await main(['node', 'lagesbild', 'generate', '-i', file, '-p', extra, '--from', '2024-02-05', '--format', 'json', '-o', '/dev/null', '--force', '-q']);
  if (code !== 0) throw new Error(`generate exited with ${code}`);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const rssMB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ seconds, rssMB }));
