// The help text of the ferry CLI, generated from the command table so it cannot drift from what is parsed.
import { DEFAULT_SOCKET_PATH } from '../../../shared/src/protocol/version.js';
import type { CommandSpec } from './command-spec.js';

function commandLine(command: CommandSpec): string {
  return [command.path.join(' '), command.synopsis].filter((part) => part !== '').join(' ');
}

export function usage(commands: readonly CommandSpec[]): string {
  const lines = commands.map((command) => `  ${commandLine(command)}`);
  return [
    'usage: ferry [--socket PATH] [--json] COMMAND',
    '',
    'commands:',
    ...lines,
    '',
    'options:',
    `  --socket PATH   ferryd's socket (default: FERRY_SOCKET, else ${DEFAULT_SOCKET_PATH})`,
    '  --json          print one JSON document (one per line with --follow)',
    '  -h, --help      show this help, or a command\'s',
    '',
    'exit status: 0 success, 1 failure, 2 usage error, 3 ferryd unreachable',
    '',
  ].join('\n');
}

export function commandUsage(command: CommandSpec): string {
  return `usage: ferry [--socket PATH] [--json] ${commandLine(command)}\n\n  ${command.summary}\n`;
}
