/** How a file was read, as validate and the JSON say it in English ("UTF-8 with BOM"), in the report's language. */
import type { Language } from './index.js';

/** "UTF-8 with BOM" → "UTF-8 med BOM", "Windows-1252 (guessed, 62 % sure)" → "Windows-1252 (gissad, 62 % säker)". */
export function encodingText(language: Language, description: string): string {
  if (language === 'en') return description;
  return description
    .replace(' with BOM', ' med BOM')
    .replace('(given)', '(angiven)')
    .replace('(only ASCII seen)', '(bara ASCII)')
    .replace('(from its åäö)', '(utifrån åäö)')
    .replace(/\(guessed, (\d+) % sure\)/, '(gissad, $1 % säker)')
    .replace('(guessed)', '(gissad)');
}
