// `ferry profile import FILE [--name NAME]`, `create NAME …`, `rename OLD NEW`, `remove NAME`.
import { basename } from 'node:path';
import { profileNameSchema } from '../../../../shared/src/profile/profile-schema.js';
import { UsageError, type CommandSpec } from '../command-spec.js';
import { emit } from './emit.js';
import { profileBodyFromOptions } from './profile-input.js';

/** `/etc/wireguard/home.conf` → `home`; a name the file cannot give needs --name. */
export function nameFromFile(path: string): string {
  const derived = profileNameSchema.safeParse(basename(path).replace(/\.conf$/i, ''));
  if (path === '-' || !derived.success) throw new UsageError(`cannot derive a profile name from "${path}"; use --name NAME`);
  return derived.data;
}

export const profileImportCommand: CommandSpec = {
  path: ['profile', 'import'],
  synopsis: 'FILE [--name NAME]',
  summary: 'import a wg-quick configuration file ("-" reads standard input)',
  options: { name: { type: 'string' } },
  positionals: { names: ['FILE'], min: 1 },
  check: (options, [file = '']) => void ((options.name as string | undefined) ?? nameFromFile(file)),
  run: async (context) => {
    const file = context.positionals[0] ?? '';
    const name = (context.options.name as string | undefined) ?? nameFromFile(file);
    // The CLI reads the file as the calling user: ferryd (root) never opens a path a user names.
    const text = await context.io.readInput(file);
    const result = await context.client.call('profile.import', { name, text });
    if (!context.json) for (const notice of result.ignored) context.io.stderr(`ferry: note: line ${notice.line}: ${notice.message}\n`);
    return emit(context, result, () => `imported profile "${result.profile.name}" (public key ${result.profile.interface.publicKey})\n`);
  },
};

export const profileCreateCommand: CommandSpec = {
  path: ['profile', 'create'],
  synopsis: 'NAME [--address CIDR]… [--dns IP]… [--endpoint HOST:PORT --peer-public-key KEY --allowed-ips CIDR,…]',
  summary: 'create a profile with a new key pair and print its public key',
  options: {
    address: { type: 'string', multiple: true },
    dns: { type: 'string', multiple: true },
    endpoint: { type: 'string' },
    'peer-public-key': { type: 'string' },
    'allowed-ips': { type: 'string', multiple: true },
  },
  positionals: { names: ['NAME'], min: 1 },
  check: (options) => void profileBodyFromOptions(options),
  run: async (context) => {
    const input = profileBodyFromOptions(context.options);
    const result = await context.client.call('profile.create', { name: context.positionals[0] ?? '', input });
    return emit(context, result, () => `${result.profile.interface.publicKey}\n`);
  },
};

export const profileRenameCommand: CommandSpec = {
  path: ['profile', 'rename'],
  synopsis: 'OLD NEW',
  summary: 'rename a profile',
  options: {},
  positionals: { names: ['OLD', 'NEW'], min: 2 },
  run: async (context) => {
    const [name = '', newName = ''] = context.positionals;
    const result = await context.client.call('profile.rename', { name, newName });
    return emit(context, result, () => `renamed profile "${name}" to "${result.profile.name}"\n`);
  },
};

export const profileRemoveCommand: CommandSpec = {
  path: ['profile', 'remove'],
  synopsis: 'NAME',
  summary: 'remove a profile and its keys',
  options: {},
  positionals: { names: ['NAME'], min: 1 },
  run: async (context) => {
    const name = context.positionals[0] ?? '';
    const result = await context.client.call('profile.remove', { name });
    return emit(context, result, () => `removed profile "${name}"\n`);
  },
};
