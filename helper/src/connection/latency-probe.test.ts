import { describe, expect, it } from 'vitest';
import { buildEchoRequest } from '../stats/icmp-echo.js';
import { KEY_B, profileConfig, setupConnection } from './connection-test-setup.js';

/** The far end's answer to one of our probes: addresses swapped, echo reply type. */
function replyTo(probe: Uint8Array): Uint8Array {
  const reply = Uint8Array.from(probe);
  reply.set(probe.subarray(16, 20), 12);
  reply.set(probe.subarray(12, 16), 16);
  reply[20] = 0;
  return reply;
}

describe('latency probing on a live connection', () => {
  it('sends a probe into the tunnel, takes its reply out, and reports the round trip in stats', async () => {
    const { manager, tunnels, clock } = setupConnection({ work: profileConfig(['0.0.0.0/0']) });
    await manager.connect('work');
    const tunnel = tunnels.last;
    tunnel.emit({ type: 'handshake-complete', peer: KEY_B, role: 'initiator' });
    expect(tunnel.injected).toHaveLength(1);
    const probe = tunnel.injected[0]!;
    expect([...probe.subarray(12, 20)]).toEqual([10, 66, 0, 2, 10, 66, 0, 1]);
    clock.advance(42);
    expect(tunnel.receive(replyTo(probe))).toBe(true);
    expect(manager.statsNow()).toMatchObject({ latencyMs: 42, lossPercent: 0 });
    expect(manager.current().latencyMs).toBe(42);
    await manager.disconnect();
    expect(tunnel.inboundFilter).toBeNull();
  });

  it('lets every other inbound packet through to the TUN device', async () => {
    const { manager, tunnels } = setupConnection({ work: profileConfig(['0.0.0.0/0']) });
    await manager.connect('work');
    const someoneElsesPing = buildEchoRequest(Uint8Array.of(10, 66, 0, 1), Uint8Array.of(10, 66, 0, 2), 7, 1, new Uint8Array(8));
    expect(tunnels.last.receive(someoneElsesPing)).toBe(false);
    expect(tunnels.last.receive(replyTo(buildEchoRequest(Uint8Array.of(10, 66, 0, 2), Uint8Array.of(10, 66, 0, 1), 7, 1, new Uint8Array(8))))).toBe(false);
    await manager.disconnect();
  });
});
