/**
 * One export quirk per test, each as a file the test writes, with the exact
 * accounting and the exact messages a coordinator sees.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { collector, counts } from '../support/collect.js';

const collect = collector();

/** The same five incidents every encoding and shape below must read alike. */
const ROWS = [
  ['2024-04-15 08:30', 'Inre hamnen', 'skadegörelse', 'Krossad ruta vid kajen'],
  ['2024-04-16 22:10', 'Stationsområdet', 'ordningsstörning', 'Högljudd grupp, "fest" vid perrongen'],
  ['2024-04-20 01:05', 'Norrskolan', 'brand', 'Brand i papperskorg; släckt av personal'],
  ['2024-04-03 14:00', 'Inre hamnen', 'stöld', 'Cykel stulen från ställ'],
  ['2024-05-20 12:00', 'Centrum', 'klotter', 'Utanför perioden'],
];

function csv(delimiter: string, newline = '\n', rows = ROWS): string {
  const quote = (f: string) => (/[";,\t|\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return [['Tidpunkt', 'Område', 'Kategori', 'Beskrivning'], ...rows].map((r) => r.map(quote).join(delimiter)).join(newline) + newline;
}

describe('encodings', async () => {
  const reference = await collect([{ name: 'ref.csv', content: csv(',') }]);

  it('reads Windows-1252 with semicolons and CRLF (Swedish Excel) as the UTF-8 export reads', async () => {
    const c = await collect([{ name: 'excel.csv', content: iconv.encode(csv(';', '\r\n'), 'windows-1252') }]);
    expect(counts(c)).toEqual(counts(reference));
    expect(c.model.inputs[0]!.format).toMatchObject({ delimiter: ';', encodingUnsure: false });
    expect(c.model.inputs[0]!.format.encoding).toBe('Windows-1252 (from its åäö)');
    expect(c.model.incidents.byArea.map((a) => a.name)).toContain('Stationsområdet');
  });

  it('reads UTF-16 with BOM, tab-separated (Excel "Unicode text")', async () => {
    const c = await collect([{ name: 'unicode.txt', content: iconv.encode(csv('\t', '\r\n'), 'utf-16le', { addBOM: true }) }]);
    expect(counts(c)).toEqual(counts(reference));
    expect(c.model.inputs[0]!.format).toMatchObject({ encoding: 'UTF-16LE with BOM', delimiter: 'tab' });
  });

  it('reads UTF-8 with a BOM', async () => {
    const c = await collect([{ name: 'bom.csv', content: '\uFEFF' + csv(';') }]);
    expect(counts(c)).toEqual(counts(reference));
    expect(c.model.inputs[0]!.format.encoding).toBe('UTF-8 with BOM');
  });

  it('takes an encoding given per file in the config, or for all inputs', async () => {
    const latin1 = iconv.encode(csv(';'), 'latin1');
    const byConfig = await collect([{ name: 'skolan.csv', content: latin1 }], { encodings: { 'skolan.csv': 'iso-8859-1' } });
    expect(counts(byConfig)).toEqual(counts(reference));
    expect(byConfig.model.inputs[0]!.format.encoding).toBe('iso-8859-1 (given)');
    const byOption = await collect([{ name: 'skolan2.csv', content: latin1 }], {}, { encoding: 'latin1' });
    expect(counts(byOption)).toEqual(counts(reference));
  });

  it('stops at bytes that are not UTF-8 far into a file that began as UTF-8, naming the line and the fix', async () => {
    const filler = Array.from({ length: 6000 }, (_, i) => `2024-04-16 10:00,Centrum,stöld,rad ${i} med ASCII-text för att fylla ut`).join('\n');
    const tail = iconv.encode('\n2024-04-17 10:00,Stationsområdet,stöld,x\n', 'windows-1252');
    const content = Buffer.concat([Buffer.from('Tidpunkt,Område,Kategori,Beskrivning\n' + filler), tail]);
    await expect(collect([{ name: 'mixed.csv', content }])).rejects.toThrow(
      /mixed\.csv:6002: not valid UTF-8 on this line, though the file reads as UTF-8 before it: the line may come from another program; correct it, or give the encoding, e\.g\. --encoding windows-1252$/,
    );
  });

  it('names the line of a UTF-8 file where one line came from a Windows program, small file or not', async () => {
    const content = Buffer.concat([Buffer.from('Tidpunkt;Område;Kategori\n2024-04-16 10:00;Stationsområdet;stöld\n'), iconv.encode('2024-04-17 10:00;Norrköping;stöld\n', 'windows-1252')]);
    await expect(collect([{ name: 'small-mixed.csv', content }])).rejects.toThrow(/small-mixed\.csv:3: not valid UTF-8 on this line/);
  });

  it('says of a first line that is not UTF-8 that the file is not, and what it probably is', async () => {
    // A header of UTF-8 letters and Windows-1252 ones: nothing before it read as UTF-8.
    const content = Buffer.concat([Buffer.from('Tidpunkt;Område;Kategori;'), iconv.encode('Händelsebeskrivning\n2024-04-16 10:00;Norrköping;stöld;x\n', 'windows-1252')]);
    await expect(collect([{ name: 'first-line.csv', content }])).rejects.toThrow(
      /first-line\.csv:1: not UTF-8 from the first line on, though some of its letters are: the file is probably Windows-1252 \(from its åäö\); give its encoding, e\.g\. --encoding windows-1252, or the config's "encodings"$/,
    );
  });

  it('is sure of Windows-1252 from its åäö, and says when it only guessed', async () => {
    const sure = await collect([{ name: 'sv1252.csv', content: iconv.encode('Tidpunkt;Område;Kategori\n2024-04-16 10:00;Norrköping;stöld\n', 'windows-1252') }]);
    expect(sure.model.inputs[0]!.format).toMatchObject({ encoding: 'Windows-1252 (from its åäö)', encodingUnsure: false });
    const guess = await collect([{ name: 'other.csv', content: Buffer.from('Tidpunkt;Område;Kategori\n2024-04-16 10:00;Centrum \xa4\xa4\xa6;stöld\n', 'latin1') }]);
    expect(guess.model.inputs[0]!.format.encoding).toMatch(/\(guessed/);
  });
});

describe('shapes', () => {
  it("honours Excel's sep= line and keeps physical line numbers", async () => {
    const c = await collect([{ name: 'sep.csv', content: 'sep=;\nTidpunkt;Område;Kategori\n2024-04-16 10:00;Centrum;stöld\nigår;Centrum;stöld\n' }]);
    expect(c.model.inputs[0]).toMatchObject({ rows: 2, inPeriod: 1, rejected: 1, format: { delimiter: ';' } });
    expect(c.model.rejected).toEqual([{ file: expect.stringMatching(/sep\.csv$/), line: 4, column: 1, code: 'dateTime.invalid', reason: 'Tidpunkt: "igår" is not a date and time (expected e.g. 2024-04-29 13:58)' }]);
  });

  it('detects pipe and tab delimiters', async () => {
    for (const d of ['|', '\t']) {
      const c = await collect([{ name: `d${d === '|' ? 'pipe' : 'tab'}.csv`, content: csv(d) }]);
      expect(c.model.incidents.total).toBe(3);
    }
  });

  it('keeps line numbers right past quoted delimiters, doubled quotes and line breaks in a field', async () => {
    const content =
      'Tidpunkt;Område;Kategori;Beskrivning\r\n' +
      '2024-04-16 10:00;Centrum;stöld;"Sa ""stopp""; sprang\r\nmot torget\r\nsedan bort"\r\n' +
      '2024-04-16 11:00;Centrum;;tom kategori\r\n';
    const c = await collect([{ name: 'quoted.csv', content }]);
    expect(c.model.rejected).toEqual([{ file: expect.stringMatching(/quoted\.csv$/), line: 5, column: 3, code: 'category.empty', reason: 'Kategori: category is empty' }]);
  });

  it('keeps line numbers when the line endings change halfway, as in a file appended to elsewhere', async () => {
    const content = 'Tidpunkt;Område;Kategori\n2024-04-16 10:00;Centrum;stöld\r\n2024-04-16 11:00;Centrum;stöld\r\nigår;Centrum;stöld\n';
    const c = await collect([{ name: 'mixed-endings.csv', content }]);
    expect(c.model.inputs[0]).toMatchObject({ rows: 3, inPeriod: 2, rejected: 1 });
    expect(c.model.rejected[0]).toMatchObject({ line: 4 });
    expect(c.model.incidents.byCategory.map((x) => x.name)).toEqual(['stöld']);
  });

  it('reads old Mac line ends (CR alone), line breaks inside quotes too', async () => {
    const content = 'Tidpunkt;Område;Kategori;Beskrivning\r2024-04-16 10:00;Centrum;stöld;"rad ett\rrad två"\rigår;Centrum;stöld;x\r';
    const c = await collect([{ name: 'mac.csv', content }]);
    expect(c.model.inputs[0]).toMatchObject({ rows: 2, inPeriod: 1, rejected: 1 });
    expect(c.model.rejected[0]).toMatchObject({ line: 4 });
  });

  it('takes a quote inside an unquoted field as text, as Excel writes it', async () => {
    const c = await collect([{ name: 'stray.csv', content: 'Tidpunkt;Område;Kategori;Beskrivning\n2024-04-16 10:00;Centrum;hot;Han sa "hej" och gick\n' }]);
    expect(c.model.inputs[0]).toMatchObject({ rows: 1, inPeriod: 1, rejected: 0 });
  });

  it('ignores trailing empty columns and blank lines, and says when a row is short', async () => {
    const content = 'Tidpunkt;Område;Kategori;;\n\n2024-04-16 10:00;Centrum;stöld;;\n\n;;;;\n2024-04-16 11:00;Centrum\n';
    const c = await collect([{ name: 'trailing.csv', content }]);
    expect(c.model.inputs[0]).toMatchObject({ rows: 2, inPeriod: 1, rejected: 1 });
    expect(c.model.rejected[0]).toMatchObject({ line: 6, column: 3, reason: 'row has 2 fields but the header has 5' });
  });

  it('reports and skips a totals row, not counting it as an incident', async () => {
    const content = 'Datum;Tid;Område;Kategori\n2024-04-16;10:00;Centrum;stöld\n2024-04-17;11:00;Centrum;stöld\nSumma;;;2\n';
    const c = await collect([{ name: 'summa.csv', content }]);
    expect(c.model.inputs[0]).toMatchObject({ rows: 3, inPeriod: 2, rejected: 0, skipped: 1 });
    expect(c.model.skipped).toEqual([{ file: expect.stringMatching(/summa\.csv$/), line: 4, reason: 'totals row ("Summa")' }]);
  });
});

describe('dates and times', () => {
  it('reads every Swedish form to the same instant', async () => {
    const forms = ['2024-04-29 13:58', '2024-04-29 13.58', '2024-04-29 kl. 13:58', '2024-04-29T13:58:00', '2024-04-29T11:58:00Z', '2024-04-29T13:58:00+02:00'];
    const content = 'Tidpunkt;Område;Kategori\n' + forms.map((f, i) => `${f};Område ${i};stöld`).join('\n') + '\n';
    const c = await collect([{ name: 'forms.csv', content }], {}, {});
    // The window is 15–28 April: 29 April 13:58 local is just outside, every form alike.
    expect(c.model.inputs[0]).toMatchObject({ rows: 6, outside: 6, rejected: 0 });
    const dates = ['29/4/2024', '29.04.2024', '20240429'];
    const d = await collect([{ name: 'dates.csv', content: 'Datum;Tid;Område;Kategori\n' + dates.map((x) => `${x};24:00;Centrum;stöld`).join('\n') + '\n' }]);
    expect(d.model.inputs[0]!.format.dateFormats).toEqual(['D.M.YYYY + HH:MM', 'D/M/YYYY + HH:MM', 'YYYYMMDD + HH:MM']);
    expect(d.model.inputs[0]).toMatchObject({ rows: 3, outside: 3 }); // 24:00 on the 29th is the 30th
  });

  it('reads Excel\'s "2024-04-16 00:00:00" date cell beside a time column', async () => {
    const c = await collect([{ name: 'excel-date.csv', content: 'Datum;Tid;Område;Kategori\n2024-04-16 00:00:00;10:00;Centrum;stöld\n' }]);
    expect(c.model.inputs[0]).toMatchObject({ inPeriod: 1, rejected: 0 });
  });

  it('learns the day/month order from a later row and counts the rows held back until then', async () => {
    const content = 'Datum;Område;Kategori\n04/04/2024;Centrum;stöld\n05/04/2024;Centrum;stöld\n16/04/2024;Centrum;stöld\n12/04/2024;Centrum;hot\n';
    const c = await collect([{ name: 'dmy.csv', content }]);
    expect(c.model.inputs[0]).toMatchObject({ rows: 4, inPeriod: 1, inPrevious: 3, rejected: 0 });
    expect(c.model.inputs[0]!.format.dateFormats).toEqual(['D/M/YYYY']);
  });

  it('does not guess when no row shows the order, and names the config key that settles it', async () => {
    const content = 'Datum;Område;Kategori\n04/04/2024;Centrum;stöld\n05/04/2024;Centrum;stöld\n';
    await expect(collect([{ name: 'ambiguous.csv', content }])).rejects.toThrow(
      /ambiguous\.csv:2: dates such as 04\/05\/2024 can be read as day\/month or as month\/day, and no row of the file shows which; set "dateOrder": "dmy" \(day first, as in Sweden\) or "mdy" in the config$/,
    );
    const settled = await collect([{ name: 'ambiguous2.csv', content }], { dateOrder: 'mdy' });
    expect(settled.model.inputs[0]).toMatchObject({ rows: 2, inPrevious: 1, outside: 1 }); // month first: 4 April, 4 May
  });

  it('refuses a file whose only time column holds times of day', async () => {
    await expect(collect([{ name: 'tid.csv', content: 'Tid;Plats;Typ\n10:00;Centrum;stöld\n' }])).rejects.toThrow(
      /tid\.csv:2:1: the column "Tid" holds times of day, and there is no date column to go with them$/,
    );
  });

  it('reads durations in minutes, h:mm and decimal hours, and rejects a round that wraps to nearly a day', async () => {
    const content = 'Datum,Starttid,Sluttid,Varaktighet,Plats\n' +
      '2024-04-16,21:00,,45,Centrum\n2024-04-16,22:00,,1:30,Centrum\n2024-04-16,23:00,,"1,5 h",Centrum\n2024-04-17,08:00,07:55,,Centrum\n';
    const c = await collect([{ name: 'durations.csv', content, kind: 'patrols' }]);
    expect(c.model.patrols).toMatchObject({ total: 3, minutes: 45 + 90 + 90 });
    expect(c.model.rejected[0]).toMatchObject({ line: 5, column: 3, reason: 'Sluttid: end time "07:55" is before the start time; as a round over midnight it would last 23 h 55 min' });
  });
});

describe('duplicates across exports', () => {
  it('counts the same incident in two overlapping exports once and names both places', async () => {
    const kommun = 'Ärendenummer;Tidpunkt;Område;Kategori;Beskrivning\nK-1;2024-04-16 10:00;Centrum;stöld;Väska\nK-2;2024-04-17 10:00;Centrum;hot;Hot mot personal\n';
    const export2 = 'Ärendenummer;Tidpunkt;Område;Kategori;Beskrivning\nK-2;2024-04-17 10:00;Centrum;hot;Hot mot personal\nK-3;2024-04-18 10:00;Centrum;hot;Nytt\n';
    const web = 'Tidpunkt,Plats,Typ,Beskrivning\n2024-04-16 10:00,centrum,Stöld,väska\n';
    const c = await collect([{ name: 'k1.csv', content: kommun }, { name: 'k2.csv', content: export2 }, { name: 'web.csv', content: web }]);
    expect(c.model.incidents.total).toBe(3);
    expect(c.model.inputs.map((i) => [i.rows, i.inPeriod, i.duplicates])).toEqual([[2, 2, 0], [2, 1, 1], [1, 0, 1]]);
    expect(c.model.duplicates.map((d) => `${d.file.split('/').pop()}:${d.line} = ${d.duplicateOf.file.split('/').pop()}:${d.duplicateOf.line} (${d.reason})`)).toEqual([
      'k2.csv:2 = k1.csv:3 (same id)',
      'web.csv:2 = k1.csv:2 (same time, area, category and description)',
    ]);
  });
});
