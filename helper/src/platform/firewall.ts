// The firewall contract of the platform layer: the kill switch / lockdown policy ferryd wants, and who enforces it (issue 4, DESIGN.md §6).
import type { FerryResult } from '../../../shared/src/protocol/errors.js';

/** Why traffic outside the tunnel is blocked; the same words as `Status.blockedBy`. */
export type FirewallReason = 'killSwitch' | 'lockdown';

export interface FirewallEndpoint {
  /** IP literal, no brackets, no zone; an IPv4-mapped IPv6 address counts as IPv4. */
  address: string;
  port: number;
}

/**
 * Per-app split tunnelling in force (issue 6), recognised by the mark its nft table gives split sockets' packets
 * (SPLIT_MARK under SPLIT_MARK_MASK). exclude: marked traffic passes, whatever its path (those apps chose to go
 * around the tunnel). include: unmarked traffic passes (only the listed apps are protected); marked traffic only
 * through the tunnel.
 */
export interface FirewallSplit {
  mode: 'exclude' | 'include';
}

/**
 * Everything that may pass while Ferry blocks; all else is dropped and counted. Loopback, DHCP (v4 67/68,
 * v6 546/547) and IPv6 neighbour discovery (ICMPv6 133–136, hop limit 255) always pass, and inbound replies
 * (`ct state established,related`) of what was let out.
 */
export interface FirewallPolicy {
  /** 'killSwitch' while a full-tunnel connection is wanted; 'lockdown' when lockdown mode holds (even disconnected). */
  reason: FirewallReason;
  /** Traffic in and out of it passes; null in lockdown while disconnected. */
  tunnelInterface: string | null;
  /** Ferry's own UDP to these passes, recognised by the socket's fwmark (not by a port any program could bind). */
  endpoints: FirewallEndpoint[];
  /** SO_MARK of Ferry's UDP socket; required when `endpoints` is not empty. */
  fwmark: number | null;
  /** RFC 1918, link-local, ULA (fc00::/7) and link/site-scope multicast pass only when true. */
  allowLan: boolean;
  /** False: all IPv6 is dropped except loopback, neighbour discovery, DHCPv6 and Ferry's own UDP. */
  tunnelsIpv6: boolean;
  /**
   * DNS leak protection: DNS (53 UDP/TCP) and DNS over TLS/QUIC (853) only to these, only through the tunnel
   * interface. Empty: DNS may go through the tunnel to any server, and nowhere else.
   */
  dnsServers: string[];
  /** Split tunnelling while it is enforced; absent or null: none. */
  split?: FirewallSplit | null;
}

export interface DropCount {
  packets: number;
  bytes: number;
}

/** What the block has dropped since its table was last written (each `set()` starts from zero). */
export interface FirewallCounters {
  outbound: DropCount;
  inbound: DropCount;
  forwarded: DropCount;
  /** Outbound DNS to a server other than the profile's, or not through the tunnel (not in `outbound`). */
  dns: DropCount;
}

/**
 * Declarative, Tailscale style: `set(policy)` makes the system's block exactly `policy`, replacing the
 * previous one atomically (there is never a moment without rules); `set(null)` removes everything of
 * Ferry's. The policy is persisted before it is enforced and the block outlives ferryd: a crash keeps
 * traffic blocked until the next ferryd decides (`adopt()` then `set()`).
 */
export interface Firewall {
  set(policy: FirewallPolicy | null): Promise<FerryResult<void>>;
  /** The policy in force as far as this process knows (after `set()` or `adopt()`). */
  current(): FirewallPolicy | null;
  /** Drop counters of the table in force; null when there is none. */
  counters(): Promise<FerryResult<FirewallCounters | null>>;
  /**
   * At start-up, before anything else: reads the policy a previous ferryd left in force without changing
   * anything, so the daemon can keep the block through recovery and then replace or remove it.
   */
  adopt(): Promise<FerryResult<FirewallPolicy | null>>;
}
