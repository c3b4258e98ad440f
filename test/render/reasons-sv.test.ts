import { describe, expect, it } from 'vitest';
import { reasonInSwedish } from '../../src/render/reasons-sv.js';
import { collector } from '../support/collect.js';

const collect = collector();

describe('rejection reasons in the Swedish report', () => {
  it('has Swedish for every reason the ingest gives', async () => {
    const incidents = [
      'Datum;Tid;Område;Kategori;Extra',
      '2024-04-3x;10:00;Centrum;stöld;', '2024-04-16;25:61;Centrum;stöld;', '2024-04-16;kl;Centrum;stöld;', '2024-02-30;10:00;Centrum;stöld;',
      '2024-04-16;10:00;;stöld;', '2024-04-16;10:00;Centrum;;', '2024-04-16;10:00;Centrum;stöld;;extra', ';10:00;Centrum;stöld;',
      '2024-04-16;10:00;Centrum',
    ].join('\n');
    const single = 'Tidpunkt;Område;Kategori\nigår;Centrum;stöld\n;Centrum;stöld\n';
    const slashed = 'Datum;Område;Kategori\n29/4/2024;Centrum;stöld\n4/29/2024;Centrum;stöld\n';
    const patrols = [
      'Datum;Starttid;Sluttid;Varaktighet;Område',
      '2024-04-16;;;45;Centrum', '2024-04-16;21:00;2024-04-16 20:00;;Centrum', '2024-04-16;21:00;20:00;;Centrum', '2024-04-16;21:00;2024-04-18 22:00;;Centrum',
      '2024-04-16;21:00;;;Centrum', '2024-04-16;21:00;;-5;Centrum', '2024-04-16;21:00;;lång;Centrum', '2024-04-16;21:00;;3000;Centrum',
    ].join('\n');
    const c = await collect([
      { name: 'i.csv', content: incidents },
      { name: 's.csv', content: single },
      { name: 'd.csv', content: slashed },
      { name: 'p.csv', content: patrols, kind: 'patrols' },
    ]);
    const reasons = c.model.rejected.map((r) => r.reason);
    expect(reasons.length).toBeGreaterThanOrEqual(18);
    for (const reason of reasons) {
      const swedish = reasonInSwedish(reason);
      expect(swedish, reason).not.toBe(reason);
      expect(swedish, reason).not.toMatch(/\b(is|are|the|not|empty|expected|has|would|given)\b/);
    }
  });
});
