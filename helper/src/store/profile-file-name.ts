// Safe, reversible-enough file names for profiles: the name is percent-encoded so it can never be a path.
import { createHash } from 'node:crypto';

export const PROFILE_FILE_SUFFIX = '.json';
const MAX_STEM_LENGTH = 200;
const KEPT = /[A-Za-z0-9_-]/;

/**
 * `home (2)` → `home%20%282%29.json`. Everything outside [A-Za-z0-9_-] is encoded as UTF-8 %XX, so no name can
 * produce `/`, `.`, `..` or a hidden file. Very long encodings are cut and made unique with a hash of the name.
 */
export function profileFileName(name: string): string {
  let stem = '';
  for (const char of name) {
    if (KEPT.test(char)) {
      stem += char;
      continue;
    }
    for (const byte of Buffer.from(char, 'utf8')) stem += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  if (stem.length > MAX_STEM_LENGTH) {
    const digest = createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 16);
    stem = `${stem.slice(0, 150).replace(/%[0-9A-F]?$/, '')}~${digest}`;
  }
  return `${stem}${PROFILE_FILE_SUFFIX}`;
}
