// Measures packets per second through two back-to-back devices with real crypto (a smoke benchmark, loosely asserted).
import { describe, it, expect } from 'vitest';
import { FakeClock } from '../time/fake-clock.js';
import { aeadBackendName, generatePrivateKey, publicKeyOf } from './crypto.js';
import { Device } from './device.js';
import { DirectLink } from './testing/direct-link.js';
import { ip, ipv4Packet } from './testing/ip-packets.js';
import { SeededRandom } from './testing/seeded-random.js';

const BATCH = 64;

function linkedPair(): { a: Device; link: DirectLink } {
  const clock = new FakeClock();
  const random = new SeededRandom(5);
  const [keyA, keyB] = [generatePrivateKey(random), generatePrivateKey(random)];
  const endpointB = { address: '192.0.2.2', port: 51820 };
  const link = new DirectLink({ address: '192.0.2.1', port: 51820 }, endpointB);
  const a = link.attach(0, new Device({ privateKey: keyA, mtuBytes: 1420, peers: [{
    publicKey: publicKeyOf(keyB), endpoint: endpointB, allowedIps: [{ address: ip('10.0.0.2'), prefixLength: 32 }],
  }] }, link.io(0), { clock, random }));
  const b = link.attach(1, new Device({ privateKey: keyB, mtuBytes: 1420, peers: [{
    publicKey: publicKeyOf(keyA), allowedIps: [{ address: ip('10.0.0.1'), prefixLength: 32 }],
  }] }, link.io(1), { clock, random }));
  a.up();
  b.up();
  return { a, link };
}

describe('in-memory throughput', () => {
  it.each([1420, 64])('moves %i-byte packets a → b (route, pad, seal, open, replay, AllowedIPs)', (innerBytes) => {
    const { a, link } = linkedPair();
    const packet = ipv4Packet({ source: ip('10.0.0.1'), destination: ip('10.0.0.2'), payloadBytes: innerBytes - 20 });
    a.handleTunPackets([packet]); // handshake, then the staged packet
    const batch = new Array<Uint8Array>(BATCH).fill(packet);
    const total = BATCH * 1000;
    const startNs = process.hrtime.bigint();
    for (let sent = 0; sent < total; sent += BATCH) a.handleTunPackets(batch);
    const seconds = Number(process.hrtime.bigint() - startNs) / 1e9;
    const packetsPerSecond = Math.round(total / seconds);
    console.info(`[throughput] ${innerBytes} B: ${packetsPerSecond} packets/s through two devices on one core `
      + `(${((packetsPerSecond * innerBytes * 8) / 1e9).toFixed(2)} Gbit/s of inner packets, AEAD ${aeadBackendName})`);
    expect(link.tunPackets(1)).toBe(total + 1);
    expect(packetsPerSecond).toBeGreaterThan(2_000);
  });
});
