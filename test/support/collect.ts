/** Runs the real ingest and model on files a test writes, as generate and validate do. */
import { makeModel, type MakeModelOptions, type MadeModel } from '../../src/pipeline/make-model.js';
import { configSchema, type Config } from '../../src/config/schema.js';
import { reportPeriod } from '../../src/period.js';
import { tempDir } from './tmp.js';

export interface TestFile {
  name: string;
  content: string | Uint8Array;
  kind?: 'incidents' | 'patrols';
  /** The days the export covers, as a config may declare them. */
  declared?: { from?: string; to?: string };
}

export function collector() {
  const tmp = tempDir();
  /** `from`: the report window's first day. */
  return async function collect(files: TestFile[], config: Partial<Config> = {}, options: MakeModelOptions = {}, from = '2024-04-15'): Promise<MadeModel> {
    const full = configSchema.parse(config);
    const inputs = files.map((f) => ({ file: tmp.write(f.name, f.content), kind: f.kind ?? ('incidents' as const), declared: f.declared }));
    return makeModel(inputs, reportPeriod(from, 14, full.timezone, full.period.history, full.signals.baselineWindows), full, options);
  };
}

/** The parts of a report that must not depend on how the exports were written. */
export function counts(c: MadeModel) {
  const { incidents, patrols } = c.model;
  return { incidents, patrols };
}
