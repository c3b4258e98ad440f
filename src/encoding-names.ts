/** Whether an encoding name is one lagesbild can decode: for the config and --encoding, before any file is read. */
import iconv from 'iconv-lite';

export function isKnownEncoding(name: string): boolean {
  return iconv.encodingExists(name);
}
