// The one place the OS is chosen: createPlatform() returns the implementation for this machine (Linux only for now).
import type { Clock } from '../time/clock.js';
import type { CommandRunner } from './command-runner.js';
import type { Firewall } from './firewall.js';
import { LinuxFirewall } from './firewall.linux.js';
import { chooseFwmarkTable } from './fwmark-table.linux.js';
import type { DnsBackendChoice, HostProbe, LinuxPaths } from './linux-context.js';
import { defaultMtuFor } from './mtu.linux.js';
import type { NetworkConfigurator, PlatformLogger } from './network.js';
import { LinuxNetworkConfigurator } from './network.linux.js';
import { DEFAULT_MTU_BYTES } from '../wireguard/constants.js';

export interface Platform {
  readonly network: NetworkConfigurator;
  /** Kill switch / lockdown: Ferry's own nftables table, kept apart from the network journal (a crash keeps it). */
  readonly firewall: Firewall;
  /** Tunnel MTU for an endpoint (route MTU − 80); 1420 when there is no endpoint or nothing is known. */
  defaultMtuFor(endpointAddress: string | null): Promise<number>;
  /** The fwmark = table number for a full tunnel: 51820 upward while that table has routes. */
  chooseFwmarkTable(): Promise<number>;
}

export interface PlatformOptions {
  runner: CommandRunner;
  stateDir: string;
  clock: Clock;
  logger?: PlatformLogger;
  /** Defaults to `process.platform`; tests pass another to check the refusal. */
  os?: NodeJS.Platform;
  /** Linux only: system paths, host probe and DNS backend to use instead of the detected ones. */
  linux?: { paths?: Partial<LinuxPaths>; probe?: HostProbe; dnsBackend?: DnsBackendChoice };
}

export function createPlatform(options: PlatformOptions): Platform {
  const os = options.os ?? process.platform;
  if (os !== 'linux') throw new Error(`Ferry's helper supports Linux only for now (this is ${os})`);
  const { runner, stateDir, clock, logger, linux } = options;
  return {
    network: new LinuxNetworkConfigurator({ runner, stateDir, clock, ...(logger ? { logger } : {}), ...linux }),
    firewall: new LinuxFirewall({ runner, stateDir, clock, ...(logger ? { logger } : {}) }),
    defaultMtuFor: (endpointAddress) => (endpointAddress === null ? Promise.resolve(DEFAULT_MTU_BYTES) : defaultMtuFor(endpointAddress, runner)),
    chooseFwmarkTable: () => chooseFwmarkTable(runner),
  };
}
