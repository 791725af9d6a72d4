// `ferry split launch` on the CLI side: the command starts only after ferryd confirmed the move, and its exit code comes back.
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../shared/src/protocol/errors.js';
import { launchInSplitCgroup } from './split-launch.js';

describe('launchInSplitCgroup', () => {
  it('asks for the move first, then runs the command and returns its exit code', async () => {
    const order: string[] = [];
    const result = await launchInSplitCgroup(
      async () => {
        order.push('move');
        return ok({ pid: process.pid });
      },
      ['/bin/sh', '-c', 'exit 3'],
    );
    order.push('done');
    expect(order).toEqual(['move', 'done']);
    expect(result).toEqual({ ok: true, value: { exitCode: 3 } });
  });

  it('runs nothing when ferryd refuses', async () => {
    let spawned = false;
    const refused = fail('INVALID_PARAMS', 'split tunnelling is off: set the mode to exclude or include first', { reason: 'split-off' });
    const result = await launchInSplitCgroup(async () => refused, ['/bin/true'], () => {
      spawned = true;
      throw new Error('must not spawn');
    });
    expect(result).toBe(refused);
    expect(spawned).toBe(false);
  });

  it('reports 127 for a command that cannot be started and 128+n for a signal', async () => {
    const moved = async () => ok({ pid: process.pid });
    expect(await launchInSplitCgroup(moved, ['/nonexistent/ferry-test-command'])).toEqual({ ok: true, value: { exitCode: 127 } });
    expect(await launchInSplitCgroup(moved, ['/bin/sh', '-c', 'kill -TERM $$'])).toEqual({ ok: true, value: { exitCode: 143 } });
  });
});
