// Tests for profile file names: safe for any valid profile name, distinct for distinct names.
import { describe, expect, it } from 'vitest';
import { profileFileName } from './profile-file-name.js';

describe('profileFileName', () => {
  it.each([
    ['home', 'home.json'],
    ['Home-2_b', 'Home-2_b.json'],
    ['work (2)', 'work%20%282%29.json'],
    ['a.b', 'a%2Eb.json'],
    ['..', '%2E%2E.json'],
    ['../etc/passwd', '%2E%2E%2Fetc%2Fpasswd.json'],
    ['é', '%C3%A9.json'],
  ])('%s → %s', (name, fileName) => {
    expect(profileFileName(name)).toBe(fileName);
  });

  it('never yields a separator, a leading dot or an over-long name', () => {
    const long = 'ü'.repeat(64);
    for (const name of ['.hidden', 'a/b', long, `${long}x`]) {
      const fileName = profileFileName(name);
      expect(fileName).not.toMatch(/[/\\]/);
      expect(fileName.startsWith('.')).toBe(false);
      expect(fileName.length).toBeLessThanOrEqual(255);
    }
    expect(profileFileName(long)).not.toBe(profileFileName(`${long}x`));
  });
});
