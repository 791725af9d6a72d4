// `ferry split [status]`, `split mode`, `split add`, `split remove`, `split list`, `split apps`: per-app split tunnelling rules (issue 6).
import { splitModeSchema, splitRuleIdSchema } from '../../../../shared/src/protocol/split.js';
import { UsageError, type CommandContext, type CommandSpec } from '../command-spec.js';
import { formatDesktopApps, formatSplitList, formatSplitStatus } from '../format/split-text.js';
import { emit } from './emit.js';

async function showStatus(context: CommandContext): Promise<number> {
  const status = await context.client.call('split.get');
  return emit(context, status, () => formatSplitStatus(status));
}

export const splitCommand: CommandSpec = {
  path: ['split'],
  synopsis: '',
  summary: 'split tunnelling: mode, whether it is enforced, and any problem',
  options: {},
  positionals: { names: [], min: 0 },
  run: showStatus,
};

export const splitStatusCommand: CommandSpec = { ...splitCommand, path: ['split', 'status'] };

function checkMode(mode: string | undefined): void {
  if (!splitModeSchema.safeParse(mode).success) throw new UsageError(`unknown mode "${mode ?? ''}" (expected off, exclude or include)`);
}

export const splitModeCommand: CommandSpec = {
  path: ['split', 'mode'],
  synopsis: 'off|exclude|include',
  summary: 'exclude: listed apps bypass the tunnel; include: only listed apps use it',
  options: {},
  positionals: { names: ['MODE'], min: 1 },
  check: (_options, [mode]) => checkMode(mode),
  run: async (context) => {
    const mode = splitModeSchema.parse(context.positionals[0]);
    const status = await context.client.call('split.setMode', { mode });
    return emit(context, status, () => formatSplitStatus(status));
  },
};

export const splitAddCommand: CommandSpec = {
  path: ['split', 'add'],
  synopsis: 'PATH [--name NAME]',
  summary: 'add an application by the absolute path of its executable (kept across restarts)',
  options: { name: { type: 'string' } },
  positionals: { names: ['PATH'], min: 1 },
  run: async (context) => {
    const name = context.options.name as string | undefined;
    const { rule } = await context.client.call('split.addRule', { path: context.positionals[0] ?? '', ...(name === undefined ? {} : { name }) });
    const given = rule.requestedPath === rule.path ? '' : ` (added as ${rule.requestedPath})`;
    return emit(context, { rule }, () => `added rule ${rule.id}: ${rule.path}${given}\n`);
  },
};

export const splitRemoveCommand: CommandSpec = {
  path: ['split', 'remove'],
  synopsis: 'PATH|ID',
  summary: 'remove a rule by its path (as added or resolved) or its id',
  options: {},
  positionals: { names: ['PATH|ID'], min: 1 },
  run: async (context) => {
    const key = context.positionals[0] ?? '';
    const result = await context.client.call('split.removeRule', splitRuleIdSchema.safeParse(key).success ? { id: key } : { path: key });
    return emit(context, result, () => `removed rule ${key}\n`);
  },
};

export const splitListCommand: CommandSpec = {
  path: ['split', 'list'],
  synopsis: '',
  summary: 'rules, the processes they caught, and bytes through and around the tunnel',
  options: {},
  positionals: { names: [], min: 0 },
  run: async (context) => {
    const list = await context.client.call('split.list');
    return emit(context, list, () => formatSplitList(list));
  },
};

export const splitAppsCommand: CommandSpec = {
  path: ['split', 'apps'],
  synopsis: '',
  summary: 'installed applications (from .desktop entries) and their executables; * marks those with a rule',
  options: {},
  positionals: { names: [], min: 0 },
  run: async (context) => {
    const dataDirs = context.io.env.XDG_DATA_DIRS?.split(':').filter((dir) => dir.startsWith('/'));
    const { apps } = await context.client.call('split.apps', dataDirs && dataDirs.length > 0 ? { dataDirs } : {});
    return emit(context, { apps }, () => formatDesktopApps(apps));
  },
};
