/** The sections put together: the model's keys in the order of its JSON, whichever section gives them. */
import { describe, expect, it } from 'vitest';
import { ReportBuilder } from '../../src/model/build-report.js';
import { MODEL_ORDER } from '../../src/model/sections/index.js';
import { reportPeriod } from '../../src/period.js';

describe('the sections', () => {
  it('give a model whose keys stand in the JSON order, the builder’s own and the sections’ interleaved', () => {
    const m = new ReportBuilder(reportPeriod('2024-04-15', 14, 'Europe/Stockholm')).build({
      language: 'sv', municipality: 'Testby kommun', recipient: null, marking: null, timeZone: 'Europe/Stockholm', generator: 'test',
    });
    expect(Object.keys(m)).toEqual([
      'schemaVersion', 'meta', 'period', 'incidents', 'patrols', 'summary', 'signals', 'signalMethod', 'hotspots', 'focus', 'timePatterns', 'coverage', 'notable',
      'commitments', 'assessment', 'inputs', 'rejected', 'duplicates', 'skipped', 'suggestions', 'redaction', 'map',
    ]);
    expect(Object.keys(m)).toEqual([...MODEL_ORDER]);
    expect(m.map).toBeNull();
  });
});
