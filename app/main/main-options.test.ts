import { describe, expect, it } from 'vitest';
import { mainOptions } from './main-options.js';

describe('mainOptions', () => {
  it('starts hidden only when launched at login (--hidden)', () => {
    expect(mainOptions(['/opt/Ferry/ferry-desktop', '--hidden'], {}).startHidden).toBe(true);
    expect(mainOptions(['/opt/Ferry/ferry-desktop'], {}).startHidden).toBe(false);
  });

  it('takes the socket from --socket, then FERRY_SOCKET', () => {
    expect(mainOptions(['electron', 'main.js', '--socket', '/tmp/a.sock'], { FERRY_SOCKET: '/tmp/b.sock' }).socketPath).toBe('/tmp/a.sock');
    expect(mainOptions(['electron', 'main.js', '--socket=/tmp/c.sock'], {}).socketPath).toBe('/tmp/c.sock');
    expect(mainOptions(['electron', 'main.js'], { FERRY_SOCKET: '/tmp/b.sock' }).socketPath).toBe('/tmp/b.sock');
  });
});
