// Checks a SplitTunnelConfig before anything is changed: group names, interface name and resolver addresses end up inside nft scripts.
import { ipFamily } from '../../../shared/src/net/ip-address.js';
import { INTERFACE_NAME_PATTERN } from './network.js';
import { MAX_SPLIT_GROUPS, SPLIT_GROUP_PATTERN, type SplitTunnelConfig } from './split-tunnel.js';

/** The problems found, empty when the config is fine. */
export function checkSplitConfig(config: SplitTunnelConfig): string[] {
  const problems: string[] = [];
  if (config.mode !== 'exclude' && config.mode !== 'include') problems.push(`unknown mode "${String(config.mode)}"`);
  if (config.groups.length > MAX_SPLIT_GROUPS) problems.push(`more than ${MAX_SPLIT_GROUPS} groups`);
  if (new Set(config.groups).size !== config.groups.length) problems.push('a group is listed twice');
  for (const group of config.groups.filter((name) => !SPLIT_GROUP_PATTERN.test(name))) problems.push(`bad group name "${group}"`);
  if (config.tunnel) {
    if (!INTERFACE_NAME_PATTERN.test(config.tunnel.interfaceName)) problems.push(`bad interface name "${config.tunnel.interfaceName}"`);
    for (const server of config.tunnel.dnsServers.filter((text) => ipFamily(text) === null)) problems.push(`"${server}" is not an IP address`);
  }
  return problems;
}
