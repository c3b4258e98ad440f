/**
 * Reads every input file through the one ingest path and folds its rows into
 * the report model. Each file is streamed once; nothing is held but the counts.
 */
import type { Config } from './config/schema.js';
import type { InputKind } from './domain.js';
import { readInput } from './ingest/read-input.js';
import { ReportBuilder } from './model/build-report.js';
import type { ReportModel } from './model/report.js';
import type { ReportPeriod } from './period.js';

export interface InputSpec {
  file: string;
  kind: InputKind;
}

export const GENERATOR = 'lagesbild 0.1.0';

export async function collectReport(inputs: readonly InputSpec[], period: ReportPeriod, config: Config): Promise<ReportModel> {
  const builder = new ReportBuilder(period, { areas: config.areaAliases, categories: config.categoryAliases });
  for (const { file, kind } of inputs) {
    const input = await readInput(file, kind, { timeZone: config.timezone, columns: config.columns[kind] });
    const account = builder.addFile(file, kind);
    for await (const event of input.events) {
      if (event.type === 'incident') builder.addIncident(account, event.incident);
      else if (event.type === 'patrol') builder.addPatrol(account, event.round);
      else builder.reject(account, event.rejection);
    }
  }
  return builder.build({
    municipality: config.municipality,
    recipient: config.recipient ?? null,
    marking: config.marking ?? null,
    timeZone: config.timezone,
    generator: GENERATOR,
  });
}
