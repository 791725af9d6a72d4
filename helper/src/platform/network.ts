// The network contract of the platform layer: the plan ferryd wants while a tunnel is up, and who applies it (DESIGN.md §6).
import type { FerryResult } from '../../../shared/src/protocol/errors.js';

/** wg-quick's policy routing for the families whose AllowedIPs contain a /0 (wireguard.md §5.1). */
export interface FullTunnelPlan {
  ipv4: boolean;
  ipv6: boolean;
  /** The mark the engine sets on its UDP socket (SO_MARK), so its own packets skip `table`. */
  fwmark: number;
  /** The routing table holding the default route into the tunnel (wg-quick uses the same number as the mark). */
  table: number;
}

export interface DnsPlan {
  /** IP literals. */
  servers: string[];
  /** Search domains; with systemd-resolved the tunnel also gets `~.` so it answers every query. */
  search: string[];
}

export interface TunnelNetworkPlan {
  interfaceName: string;
  /** Interface addresses with their prefix (`10.64.0.2/32`, `fd00::2/128`); no prefix means a single host. */
  addresses: string[];
  mtuBytes: number;
  /** CIDRs other than /0 to route into the interface through the main table. */
  routes: string[];
  fullTunnel: FullTunnelPlan | null;
  dns: DnsPlan | null;
}

/**
 * Puts the system into the state a plan describes and takes it back out. Every change is written to a
 * journal before it is made, so `revert()` (or `recover()` after a crash) restores exactly what was there.
 */
export interface NetworkConfigurator {
  /** Applies `plan` (after undoing any earlier one); on failure undoes what it did and returns SYSTEM_ERROR. */
  apply(plan: TunnelNetworkPlan): Promise<FerryResult<void>>;
  /** Undoes everything in the journal, newest first; the journal is cleared only when all of it was undone. */
  revert(): Promise<FerryResult<void>>;
  /** At start-up: undoes a journal left on disk by a ferryd that died with a tunnel up. */
  recover(): Promise<FerryResult<void>>;
}

/** Interface names Ferry accepts: short enough for IFNAMSIZ and safe inside nft identifiers and `ip` arguments. */
export const INTERFACE_NAME_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}$/;

/** Minimal logger the platform writes to; any structured logger with these two methods fits. */
export interface PlatformLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: PlatformLogger = { info: () => undefined, warn: () => undefined };
