// Client profiles for the lab server in wg-quick format (wg-quick(8)), with the matching server-side peer.
import { LAB, endpointString } from './addressing.js';
import { generateKeyPair, generatePresharedKey, type WgKeyPair } from './keys.js';
import type { WgPeerConfig } from './wireguard-go.js';

export interface ClientProfileOptions {
  /** AllowedIPs = 0.0.0.0/0, ::/0 (overrides `allowedIps`). */
  fullTunnel?: boolean;
  /** Give the client an IPv6 tunnel address and route the IPv6 tunnel network (default true). */
  ipv6?: boolean;
  /** Use a PresharedKey (generated; both sides get it). */
  psk?: boolean;
  persistentKeepaliveSec?: number;
  /** Which server address the Endpoint names (default 'v4'). */
  endpoint?: 'v4' | 'v6';
  /** AllowedIPs of the server peer (default: the tunnel networks). */
  allowedIps?: string[];
  /** A fixed client ListenPort, so the server can be given the client's endpoint and start handshakes itself. */
  listenPort?: number;
  dns?: string[];
  mtuBytes?: number;
  /** Tunnel addresses for the client (default 10.66.0.2/32 and fd66::2/128). */
  addresses?: string[];
}

export interface ClientProfile {
  /** The wg-quick text, as a user would save it to NAME.conf. */
  text: string;
  keys: WgKeyPair;
  presharedKey: string | undefined;
  allowedIps: string[];
  /** The peer entry the server needs for this client. */
  serverPeer: WgPeerConfig;
}

function clientAddresses(options: ClientProfileOptions): string[] {
  if (options.addresses !== undefined) return options.addresses;
  return options.ipv6 === false ? [`${LAB.tunnel.clientV4}/32`] : [`${LAB.tunnel.clientV4}/32`, `${LAB.tunnel.clientV6}/128`];
}

function clientAllowedIps(options: ClientProfileOptions): string[] {
  if (options.fullTunnel === true) return options.ipv6 === false ? ['0.0.0.0/0'] : ['0.0.0.0/0', '::/0'];
  if (options.allowedIps !== undefined) return options.allowedIps;
  return options.ipv6 === false ? [LAB.tunnel.networkV4] : [LAB.tunnel.networkV4, LAB.tunnel.networkV6];
}

function interfaceLines(options: ClientProfileOptions, keys: WgKeyPair): string[] {
  const lines = ['[Interface]', `PrivateKey = ${keys.privateKey}`, `Address = ${clientAddresses(options).join(', ')}`];
  if (options.listenPort !== undefined) lines.push(`ListenPort = ${options.listenPort}`);
  if (options.dns !== undefined) lines.push(`DNS = ${options.dns.join(', ')}`);
  if (options.mtuBytes !== undefined) lines.push(`MTU = ${options.mtuBytes}`);
  return lines;
}

/** Renders the profile and the server's view of this client. Nothing is applied to the server here. */
export function buildClientProfile(serverPublicKey: string, options: ClientProfileOptions = {}): ClientProfile {
  const keys = generateKeyPair();
  const presharedKey = options.psk === true ? generatePresharedKey() : undefined;
  const allowedIps = clientAllowedIps(options);
  const serverAddress = options.endpoint === 'v6' ? LAB.server.v6 : LAB.server.v4;
  const lines = [...interfaceLines(options, keys), '', '[Peer]', `PublicKey = ${serverPublicKey}`];
  if (presharedKey !== undefined) lines.push(`PresharedKey = ${presharedKey}`);
  lines.push(`AllowedIPs = ${allowedIps.join(', ')}`, `Endpoint = ${endpointString(serverAddress, LAB.wireguardPort)}`);
  if (options.persistentKeepaliveSec !== undefined) lines.push(`PersistentKeepalive = ${options.persistentKeepaliveSec}`);
  const tunnelHosts = clientAddresses(options).map((cidr) => `${cidr.split('/')[0] ?? ''}/${cidr.includes(':') ? 128 : 32}`);
  const serverPeer: WgPeerConfig = { publicKey: keys.publicKey, allowedIps: tunnelHosts };
  if (presharedKey !== undefined) serverPeer.presharedKey = presharedKey;
  if (options.listenPort !== undefined) serverPeer.endpoint = endpointString(LAB.client.v4, options.listenPort);
  return { text: `${lines.join('\n')}\n`, keys, presharedKey, allowedIps, serverPeer };
}
