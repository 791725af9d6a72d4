// Tests of the XDG data directories the app process adds to the UI's split.apps calls.
import { describe, expect, it } from 'vitest';
import { userDataDirs, withUserDataDirs } from './split-data-dirs.js';

describe('split.apps data directories', () => {
  it('takes XDG_DATA_HOME then XDG_DATA_DIRS, absolute and unique, at most 32', () => {
    expect(userDataDirs({ XDG_DATA_HOME: '/home/u/.data', XDG_DATA_DIRS: '/usr/share:relative::/opt/share:/usr/share' }))
      .toEqual(['/home/u/.data', '/usr/share', '/opt/share']);
    expect(userDataDirs({ XDG_DATA_DIRS: Array.from({ length: 40 }, (_, i) => `/d${i}`).join(':') })).toHaveLength(32);
  });

  it('sends nothing without XDG_DATA_DIRS, so ferryd keeps its system defaults', () => {
    expect(userDataDirs({ XDG_DATA_HOME: '/home/u/.data' })).toEqual([]);
    expect(withUserDataDirs('split.apps', {}, { XDG_DATA_HOME: '/home/u/.data' })).toEqual({});
  });

  it('adds them to split.apps only, and never over dataDirs the UI gave', () => {
    const env = { XDG_DATA_DIRS: '/fixture/share' };
    expect(withUserDataDirs('split.apps', {}, env)).toEqual({ dataDirs: ['/fixture/share'] });
    expect(withUserDataDirs('split.apps', undefined, env)).toEqual({ dataDirs: ['/fixture/share'] });
    expect(withUserDataDirs('split.apps', { dataDirs: ['/mine'] }, env)).toEqual({ dataDirs: ['/mine'] });
    expect(withUserDataDirs('split.list', {}, env)).toEqual({});
    expect(withUserDataDirs('split.apps', 'bad', env)).toBe('bad');
  });
});
