/**
 * Why a row was rejected, in Swedish for the report. The reasons are made in
 * English (for the command line, logs and scripts); each known wording is
 * rewritten here, the quoted values and header names kept as they are.
 */
const RULES: [RegExp, string][] = [
  [/area is empty$/, 'området saknas'],
  [/category is empty$/, 'kategorin saknas'],
  [/date and time are empty$/, 'datum och tid saknas'],
  [/date is empty$/, 'datum saknas'],
  [/start time is empty$/, 'starttid saknas'],
  [/end time (".*") is before the start time; as a round over midnight it would last (\d+) h (\d+) min$/, 'sluttiden $1 är före starttiden; som runda över midnatt skulle den vara $2 h $3 min'],
  [/end time (".*") is before the start$/, 'sluttiden $1 är före starttiden'],
  [/the round would last (\d+) h (\d+) min, more than 24 hours$/, 'rundan skulle vara $1 h $2 min, mer än ett dygn'],
  [/neither an end time nor a duration is given$/, 'varken sluttid eller varaktighet anges'],
  [/duration (".*") is more than 24 hours$/, 'varaktigheten $1 är mer än ett dygn'],
  [/duration (".*") is negative$/, 'varaktigheten $1 är negativ'],
  [/duration (".*") is not a length of time \(expected minutes, 1:30 or 1,5 h\)$/, 'varaktigheten $1 är ingen tidslängd (väntat minuter, 1:30 eller 1,5 h)'],
  [/(".*") is not a date and time \(expected e\.g\. 2024-04-29 13:58\)$/, '$1 är inte datum och tid (väntat t.ex. 2024-04-29 13:58)'],
  [/(".*") is not a real date in the file's D\/M\/YYYY order$/, '$1 är inget verkligt datum med dag före månad, som i resten av filen'],
  [/(".*") is not a real date in the file's M\/D\/YYYY order$/, '$1 är inget verkligt datum med månad före dag, som i resten av filen'],
  [/(".*") is not a real date$/, '$1 är inget verkligt datum'],
  [/(".*") is not a date \(expected e\.g\. 2024-04-29\)$/, '$1 är inget datum (väntat t.ex. 2024-04-29)'],
  [/(".*") is not a time of day \(expected e\.g\. 13:58\)$/, '$1 är inget klockslag (väntat t.ex. 13:58)'],
  [/(".*") is not a valid time of day$/, '$1 är inget giltigt klockslag'],
  [/^row has (\d+) fields but the header has (\d+)$/, 'raden har $1 fält men rubrikraden $2'],
];

export function reasonInSwedish(reason: string): string {
  for (const [pattern, swedish] of RULES) if (pattern.test(reason)) return reason.replace(pattern, swedish);
  return reason;
}

/** "UTF-8 with BOM" → "UTF-8 med BOM", "Windows-1252 (guessed, 62 % sure)" → "Windows-1252 (gissad, 62 % säker)". */
export function encodingInSwedish(description: string): string {
  return description
    .replace(' with BOM', ' med BOM')
    .replace('(given)', '(angiven)')
    .replace('(only ASCII seen)', '(bara ASCII)')
    .replace('(from its åäö)', '(utifrån åäö)')
    .replace(/\(guessed, (\d+) % sure\)/, '(gissad, $1 % säker)')
    .replace('(guessed)', '(gissad)');
}
