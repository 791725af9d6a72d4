// The lab's fixed addressing plan (RFC 2544 benchmark range 198.18.0.0/15 and ULAs): used only inside lab namespaces.
import { randomBytes } from 'node:crypto';

/** One host's link to the `internet` hub: its own side and the hub's side (the host's gateway). */
export interface LinkPlan {
  v4: string;
  gatewayV4: string;
  v6: string;
  gatewayV6: string;
}

export const PREFIX_V4 = 24;
export const PREFIX_V6 = 64;

export const LAB = {
  /** The whoami service on the internet host, reachable through the tunnel and directly. */
  serviceV4: '198.18.0.1',
  serviceV6: 'fd18::1',
  /** A second internet address, for split tunnels that list only the first one. */
  otherV4: '198.18.0.2',
  otherV6: 'fd18::2',
  client: { v4: '198.18.1.2', gatewayV4: '198.18.1.1', v6: 'fd18:1::2', gatewayV6: 'fd18:1::1' } satisfies LinkPlan,
  server: { v4: '198.18.2.2', gatewayV4: '198.18.2.1', v6: 'fd18:2::2', gatewayV6: 'fd18:2::1' } satisfies LinkPlan,
  reference: { v4: '198.18.3.2', gatewayV4: '198.18.3.1', v6: 'fd18:3::2', gatewayV6: 'fd18:3::1' } satisfies LinkPlan,
  tunnel: {
    serverV4: '10.66.0.1',
    clientV4: '10.66.0.2',
    referenceV4: '10.66.0.3',
    serverV6: 'fd66::1',
    clientV6: 'fd66::2',
    referenceV6: 'fd66::3',
    networkV4: '10.66.0.0/24',
    networkV6: 'fd66::/64',
  },
  wireguardPort: 51820,
  whoamiPort: 7000,
  transferPort: 7001,
  /** What the client namespace's resolv.conf says before Ferry changes it (nothing answers there). */
  resolvConf: '# Ferry lab: the client namespace resolv.conf (lab-only, nothing answers there)\nnameserver 198.18.0.53\n',
} as const;

/** Physical interface names: per namespace, so they can repeat across namespaces. */
export const WAN_IFNAME = 'eth0';

/** Names of one lab instance: unique per instance, since /run/netns and /var/run/wireguard are shared. */
export interface LabNames {
  id: string;
  prefix: string;
  client: string;
  server: string;
  internet: string;
  reference: string;
  /** wireguard-go interfaces (at most 15 characters; their control sockets share /var/run/wireguard). */
  serverWg: string;
  referenceWg: string;
}

export function labNames(name: string): LabNames {
  const id = randomBytes(3).toString('hex');
  const prefix = `${name}-${id}`;
  return {
    id,
    prefix,
    client: `${prefix}-client`,
    server: `${prefix}-server`,
    internet: `${prefix}-internet`,
    reference: `${prefix}-ref`,
    serverWg: `wgs-${id}`,
    referenceWg: `wgr-${id}`,
  };
}

/** host:port with IPv6 literals in brackets, as wg and wg-quick write endpoints. */
export function endpointString(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}
