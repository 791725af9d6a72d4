// Runs the latency prober on a live tunnel: one probe a second in, its replies taken out on the way back.
import type { LatencyReading } from '../stats/traffic-sampler.js';
import { LatencyProber, type ProbeAddresses } from '../stats/latency-prober.js';
import type { Clock } from '../time/clock.js';
import type { Random } from '../wireguard/random.js';
import type { TunnelHandle } from './tunnel-handle.js';

export const PROBE_INTERVAL_MS = 1_000;

export interface RunningProbe {
  reading(): LatencyReading;
  stop(): void;
}

export function startLatencyProbe(tunnel: TunnelHandle, addresses: ProbeAddresses, deps: { clock: Clock; random: Random }): RunningProbe {
  const prober = new LatencyProber(addresses, deps.clock, deps.random);
  tunnel.setInboundFilter((packet) => prober.takeReply(packet));
  const send = (): void => tunnel.injectPacket(prober.nextProbe());
  send();
  const timer = setInterval(send, PROBE_INTERVAL_MS);
  timer.unref();
  return {
    reading: () => prober.reading(),
    stop: () => {
      clearInterval(timer);
      tunnel.setInboundFilter(null);
    },
  };
}
