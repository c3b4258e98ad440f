/** The direct split of a plain line: what csv-parse would give for it, at a fifth of its time. */

/**
 * A line whose quotes all enclose whole fields, `""` for a quote inside: its
 * fields, as csv-parse gives them. Null for any other use of quotes (a quote
 * inside an unquoted field, text after a closing quote, a field that runs on
 * past the line), which csv-parse reads with its own rules.
 */
export function splitQuoted(text: string, delimiter: string): string[] | null {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    if (text.charCodeAt(at) === 0x22) {
      let value = '';
      let from = at + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) return null;
        if (text.charCodeAt(quote + 1) === 0x22) {
          value += text.slice(from, quote + 1);
          from = quote + 2;
          continue;
        }
        value += text.slice(from, quote);
        at = quote + 1;
        break;
      }
      fields.push(value);
      if (at === text.length) return fields;
      if (!text.startsWith(delimiter, at)) return null;
      at += delimiter.length;
    } else {
      const next = text.indexOf(delimiter, at);
      const end = next === -1 ? text.length : next;
      const quote = text.indexOf('"', at);
      if (quote !== -1 && quote < end) return null;
      fields.push(text.slice(at, end));
      if (next === -1) return fields;
      at = next + delimiter.length;
    }
  }
}

export function isEmptyRow(record: string[]): boolean {
  for (const f of record) if (f !== '' && f.trim() !== '') return false;
  return true;
}
