// Every command of the ferry CLI, in the order the help lists them (DESIGN.md §5).
import type { CommandSpec } from './command-spec.js';
import { connectCommand, disconnectCommand } from './commands/connection.js';
import { logsCommand } from './commands/logs.js';
import { profileExportCommand, profileListCommand, profileShowCommand } from './commands/profile-read.js';
import { profileCreateCommand, profileImportCommand, profileRemoveCommand, profileRenameCommand } from './commands/profile-write.js';
import { settingsGetCommand, settingsSetCommand } from './commands/settings.js';
import { statsCommand } from './commands/stats.js';
import { splitLaunchCommand, splitPidAddCommand, splitPidRemoveCommand } from './commands/split-process.js';
import {
  splitAddCommand,
  splitAppsCommand,
  splitCommand,
  splitListCommand,
  splitModeCommand,
  splitRemoveCommand,
  splitStatusCommand,
} from './commands/split.js';
import { statusCommand } from './commands/status.js';

export const COMMANDS: readonly CommandSpec[] = [
  statusCommand,
  profileImportCommand,
  profileListCommand,
  profileShowCommand,
  profileCreateCommand,
  profileExportCommand,
  profileRenameCommand,
  profileRemoveCommand,
  connectCommand,
  disconnectCommand,
  statsCommand,
  settingsGetCommand,
  settingsSetCommand,
  logsCommand,
  splitCommand,
  splitStatusCommand,
  splitModeCommand,
  splitAddCommand,
  splitRemoveCommand,
  splitListCommand,
  splitAppsCommand,
  splitPidAddCommand,
  splitPidRemoveCommand,
  splitLaunchCommand,
];
