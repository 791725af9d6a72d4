// Which block ferryd wants for a connection state, the user's settings and the profile: a pure function, no I/O (issue 4).
import type { WgQuickConfig } from '../../../shared/src/config/wg-config.js';
import { makeCidr, parseCidr, type Cidr } from '../../../shared/src/net/cidr.js';
import { parseIp } from '../../../shared/src/net/ip-address.js';
import { coversPublicAddressSpace } from '../../../shared/src/net/public-address-space.js';
import type { Settings } from '../../../shared/src/protocol/settings.js';
import type { ConnectionState } from '../../../shared/src/protocol/state.js';
import type { FirewallEndpoint, FirewallPolicy, FirewallSplit } from '../platform/firewall.js';

export type FirewallSettings = Pick<Settings, 'killSwitch' | 'lockdown' | 'allowLan'>;

/** What the block needs to know of the connection being made; see `profileFirewallFacts`. */
export interface ProfileFirewallFacts {
  interfaceName: string;
  /**
   * The profile routes all public addresses of IPv4 or IPv6 into the tunnel (what killSwitch 'auto' keys on): 0.0.0.0/0
   * or ::/0, but also "everything but private networks" (and the server's own address).
   */
  fullTunnel: boolean;
  /** The profile has IPv6 AllowedIPs; otherwise IPv6 stays blocked while protected. */
  tunnelsIpv6: boolean;
  /** Resolved peer endpoints (IP literals). */
  endpoints: FirewallEndpoint[];
  /** SO_MARK of the engine's UDP socket; null when it has none (then no endpoint can be let through). */
  fwmark: number | null;
  /** The profile's DNS servers (IP literals). */
  dnsServers: string[];
}

/*
 *  state                                   lockdown off                 lockdown on
 *  disconnected                            none                         'lockdown', nothing but LAN/link
 *  connecting, connected, reconnecting,    'killSwitch' if it applies,  'lockdown', tunnel + endpoints
 *  disconnecting, error (with facts)       else none                    + DNS of the profile
 * The block stays through `disconnecting` (the tunnel is still being torn down) and `error` (the user
 * asked for protection and did not get it: like Mullvad's blocked state, lifted by disconnecting).
 */
const TUNNEL_STATES: ReadonlySet<ConnectionState> = new Set(['connecting', 'connected', 'reconnecting', 'disconnecting', 'error']);

/** Whether the kill switch setting blocks traffic for this profile (lockdown aside). */
export function killSwitchApplies(settings: FirewallSettings, facts: Pick<ProfileFirewallFacts, 'fullTunnel'>): boolean {
  if (settings.killSwitch === 'auto') return facts.fullTunnel;
  return settings.killSwitch === 'on';
}

/**
 * Whether the engine's UDP socket needs a fwmark for the block to let it out: always when a block may
 * apply, even for a split tunnel with no policy routing (the mark then only serves the firewall).
 */
export function needsFirewallMark(settings: FirewallSettings, facts: Pick<ProfileFirewallFacts, 'fullTunnel'>): boolean {
  return settings.lockdown || killSwitchApplies(settings, facts);
}

/** The block to be in force; null means no Ferry table at all. */
export function firewallPolicy(state: ConnectionState, settings: FirewallSettings, facts: ProfileFirewallFacts | null): FirewallPolicy | null {
  const withTunnel = facts !== null && TUNNEL_STATES.has(state);
  if (withTunnel && (settings.lockdown || killSwitchApplies(settings, facts))) {
    return {
      reason: settings.lockdown ? 'lockdown' : 'killSwitch',
      tunnelInterface: facts.interfaceName,
      endpoints: facts.fwmark === null ? [] : facts.endpoints.map(({ address, port }) => ({ address, port })),
      fwmark: facts.fwmark,
      allowLan: settings.allowLan,
      tunnelsIpv6: facts.tunnelsIpv6,
      dnsServers: [...facts.dnsServers],
    };
  }
  if (!settings.lockdown) return null;
  return { reason: 'lockdown', tunnelInterface: null, endpoints: [], fwmark: null, allowLan: settings.allowLan, tunnelsIpv6: false, dnsServers: [] };
}

/** The block with split tunnelling's exception (issue 6); no block stays no block. */
export function withSplit(policy: FirewallPolicy | null, split: FirewallSplit | null): FirewallPolicy | null {
  return policy === null || split === null ? policy : { ...policy, split: { mode: split.mode } };
}

/** The facts of a profile once its endpoints are resolved and its socket mark chosen. */
export function profileFirewallFacts(
  config: WgQuickConfig,
  connection: { interfaceName: string; endpoints: FirewallEndpoint[]; fwmark: number | null },
): ProfileFirewallFacts {
  const routesOff = config.interface.table?.kind === 'off';
  const allowed: Cidr[] = config.peers.flatMap((peer) => peer.allowedIps.flatMap((text) => {
    const parsed = parseCidr(text);
    return parsed.ok ? [parsed.cidr] : [];
  }));
  const servers = connection.endpoints.flatMap(({ address }) => {
    const bytes = parseIp(address);
    return bytes ? [makeCidr(bytes, bytes.length * 8)] : [];
  });
  const tunnelsIpv6 = allowed.some((cidr) => cidr.family === 6);
  return {
    interfaceName: connection.interfaceName,
    fullTunnel: !routesOff && (coversPublicAddressSpace(allowed, 4, servers) || coversPublicAddressSpace(allowed, 6, servers)),
    tunnelsIpv6,
    endpoints: connection.endpoints.map(({ address, port }) => ({ address, port })),
    fwmark: connection.fwmark,
    dnsServers: [...config.interface.dns],
  };
}

/** Whether two policies are the same block (so a state change that keeps it need not rewrite the table). */
export function samePolicy(a: FirewallPolicy | null, b: FirewallPolicy | null): boolean {
  if (a === null || b === null) return a === b;
  const endpoints = (policy: FirewallPolicy): string => policy.endpoints.map((e) => `${e.address} ${e.port}`).join(',');
  return (
    a.reason === b.reason &&
    a.tunnelInterface === b.tunnelInterface &&
    a.fwmark === b.fwmark &&
    a.allowLan === b.allowLan &&
    a.tunnelsIpv6 === b.tunnelsIpv6 &&
    endpoints(a) === endpoints(b) &&
    a.dnsServers.join(',') === b.dnsServers.join(',') &&
    (a.split?.mode ?? null) === (b.split?.mode ?? null)
  );
}
