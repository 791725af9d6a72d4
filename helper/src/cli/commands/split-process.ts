// `ferry split pid add|remove PID` and `ferry split launch -- COMMAND…`: single processes in and out of split tunnelling (issue 6).
import { ok } from '../../../../shared/src/protocol/errors.js';
import { launchInSplitCgroup } from '../../split/split-launch.js';
import { UsageError, type CommandSpec } from '../command-spec.js';
import { emit } from './emit.js';

function parsePid(text: string | undefined): number {
  const pid = Number(text);
  if (text === undefined || !/^[1-9][0-9]{0,6}$/.test(text) || pid > 4_194_304) throw new UsageError(`not a process id: "${text ?? ''}"`);
  return pid;
}

function pidCommand(word: 'add' | 'remove'): CommandSpec {
  return {
    path: ['split', 'pid', word],
    synopsis: 'PID',
    summary: word === 'add' ? 'put a running process (and its future children) into split tunnelling' : 'take a process out of split tunnelling',
    options: {},
    positionals: { names: ['PID'], min: 1 },
    check: (_options, [pid]) => void parsePid(pid),
    run: async (context) => {
      const pid = parsePid(context.positionals[0]);
      const result = await context.client.call(word === 'add' ? 'split.pidAdd' : 'split.pidRemove', { pid });
      return emit(context, result, () => `${word === 'add' ? 'added' : 'removed'} process ${pid}\n`);
    },
  };
}

export const splitPidAddCommand = pidCommand('add');
export const splitPidRemoveCommand = pidCommand('remove');

/**
 * ferryd moves this CLI process into the split cgroup (by its SO_PEERCRED pid), then the command starts as its
 * child, as the calling user, and inherits the cgroup before it can open a socket. Exits with the command's code.
 */
export const splitLaunchCommand: CommandSpec = {
  path: ['split', 'launch'],
  synopsis: '-- COMMAND [ARG...]',
  summary: 'run a command with split tunnelling applied to it (and its children); exits with its code',
  options: {},
  positionals: { names: ['COMMAND'], min: 1, rest: true },
  run: async (context) => {
    const launched = await launchInSplitCgroup(async () => ok(await context.client.call('split.launch', {})), context.positionals);
    if (!launched.ok) throw new Error(launched.error.message);
    // The command's own output is all that is printed, even with --json: its exit code is ours.
    return launched.value.exitCode;
  },
};
