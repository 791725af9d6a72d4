// `ferry profile list`, `profile show NAME`, `profile export NAME [--include-private-key]`.
import type { CommandSpec } from '../command-spec.js';
import { formatProfile, formatProfileList } from '../format/profile-text.js';
import { emit } from './emit.js';

export const profileListCommand: CommandSpec = {
  path: ['profile', 'list'],
  synopsis: '',
  summary: 'list profiles',
  options: {},
  positionals: { names: [], min: 0 },
  run: async (context) => {
    const result = await context.client.call('profile.list');
    return emit(context, result, () => formatProfileList(result.profiles));
  },
};

export const profileShowCommand: CommandSpec = {
  path: ['profile', 'show'],
  synopsis: 'NAME',
  summary: 'show a profile (public key, addresses, peers; never a secret)',
  options: {},
  positionals: { names: ['NAME'], min: 1 },
  run: async (context) => {
    const result = await context.client.call('profile.show', { name: context.positionals[0] ?? '' });
    return emit(context, result, () => formatProfile(result.profile));
  },
};

export const profileExportCommand: CommandSpec = {
  path: ['profile', 'export'],
  synopsis: 'NAME [--include-private-key]',
  summary: 'print the profile as a wg-quick file; keys only for root with --include-private-key',
  options: { 'include-private-key': { type: 'boolean' } },
  positionals: { names: ['NAME'], min: 1 },
  run: async (context) => {
    const includePrivateKey = context.options['include-private-key'] === true;
    const result = await context.client.call('profile.export', { name: context.positionals[0] ?? '', includePrivateKey });
    return emit(context, result, () => result.text);
  },
};
