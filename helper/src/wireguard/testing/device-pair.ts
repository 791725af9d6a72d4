// Two Ferry devices wired through an InMemoryNetwork: the fixture of the two-device tests.
import { FakeClock } from '../../time/fake-clock.js';
import { generatePrivateKey, publicKeyOf } from '../crypto.js';
import { Device } from '../device.js';
import type { DeviceEvent, Endpoint, PeerConfig } from '../device-types.js';
import { InMemoryNetwork, type InMemoryNode, type NetworkConditions } from './in-memory-network.js';
import { ip } from './ip-packets.js';
import { SeededRandom } from './seeded-random.js';

export interface PairSide {
  node: InMemoryNode;
  device: Device;
  events: DeviceEvent[];
  privateKey: Uint8Array;
  publicKey: Uint8Array;
  tunnelIpv4: Uint8Array;
  tunnelIpv6: Uint8Array;
  endpoint: Endpoint;
}

export interface PairOptions {
  presharedKey?: Uint8Array;
  /** b's PSK for a when it should differ from a's (a misconfiguration). */
  bPresharedKey?: Uint8Array;
  mtuBytes?: number;
  /** Persistent keepalive a → b, in seconds. */
  aPersistentKeepaliveSeconds?: number;
  /** Whether b starts out knowing a's endpoint (a always knows b's). */
  bKnowsA?: boolean;
  network?: NetworkConditions;
  seed?: number;
}

export interface DevicePair {
  clock: FakeClock;
  network: InMemoryNetwork;
  a: PairSide;
  b: PairSide;
}

const A_ENDPOINT: Endpoint = { address: '192.0.2.1', port: 51820 };
const B_ENDPOINT: Endpoint = { address: '2001:db8::2', port: 51821 };

/** Builds a (the client, 10.0.0.1 / fd00::1) and b (the server, 10.0.0.2 / fd00::2), both up. */
export function createDevicePair(options: PairOptions = {}): DevicePair {
  const clock = new FakeClock();
  const network = new InMemoryNetwork(clock, options.network);
  const random = new SeededRandom(options.seed ?? 42);
  const aKey = generatePrivateKey(random);
  const bKey = generatePrivateKey(random);
  const aInfo = { key: aKey, v4: ip('10.0.0.1'), v6: ip('fd00::1'), endpoint: A_ENDPOINT };
  const bInfo = { key: bKey, v4: ip('10.0.0.2'), v6: ip('fd00::2'), endpoint: B_ENDPOINT };
  const peerOf = (other: typeof aInfo, withEndpoint: boolean, keepalive?: number, psk = options.presharedKey): PeerConfig => ({
    publicKey: publicKeyOf(other.key),
    ...(psk ? { presharedKey: psk } : {}),
    ...(withEndpoint ? { endpoint: other.endpoint } : {}),
    allowedIps: [{ address: other.v4, prefixLength: 32 }, { address: other.v6, prefixLength: 128 }],
    ...(keepalive ? { persistentKeepaliveSeconds: keepalive } : {}),
  });
  const side = (info: typeof aInfo, peer: PeerConfig, seed: number): PairSide => {
    const node = network.addNode(info.endpoint);
    const events: DeviceEvent[] = [];
    const device = node.attach(new Device({ privateKey: info.key, peers: [peer], mtuBytes: options.mtuBytes ?? 1420 },
      node.io, { clock, random: new SeededRandom(seed), onEvent: (e) => events.push(e) }));
    return { node, device, events, privateKey: info.key, publicKey: publicKeyOf(info.key), tunnelIpv4: info.v4, tunnelIpv6: info.v6, endpoint: info.endpoint };
  };
  const a = side(aInfo, peerOf(bInfo, true, options.aPersistentKeepaliveSeconds), (options.seed ?? 42) + 1);
  const b = side(bInfo, peerOf(aInfo, options.bKnowsA ?? false, undefined, options.bPresharedKey ?? options.presharedKey), (options.seed ?? 42) + 2);
  a.device.up();
  b.device.up();
  return { clock, network, a, b };
}

/** Datagrams of one message type (1–4) sent so far from `from`. */
export function sentOfType(pair: DevicePair, from: PairSide, type: number): number {
  return pair.network.sent.filter((d) => d.sender === from.node && d.data[0] === type).length;
}
