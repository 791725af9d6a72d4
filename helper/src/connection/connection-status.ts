// The connection's state and the facts shown with it; every change is announced to listeners.
import type { ConnectionState, Status } from '../../../shared/src/protocol/state.js';
import type { FerryError } from '../../../shared/src/protocol/errors.js';
import type { StatsSample } from '../../../shared/src/protocol/stats.js';
import type { Clock } from '../time/clock.js';
import type { BlockInfo } from './firewall-sync.js';

export interface TunnelFacts {
  profile: string | null;
  interfaceName: string | null;
  addresses: string[];
  endpoint: string | null;
}

const NO_TUNNEL: TunnelFacts = { profile: null, interfaceName: null, addresses: [], endpoint: null };

export class ConnectionStatus {
  private state: ConnectionState = 'disconnected';
  private sinceWallMs: number;
  private error: FerryError | null = null;
  private facts: TunnelFacts = NO_TUNNEL;
  private readonly listeners = new Set<(status: Status) => void>();

  constructor(
    private readonly clock: Clock,
    private readonly latestSample: () => StatsSample | null,
    private readonly currentBlock: () => BlockInfo | null = () => null,
  ) {
    this.sinceWallMs = clock.wallMs();
  }

  get current(): ConnectionState {
    return this.state;
  }

  get profile(): string | null {
    return this.facts.profile;
  }

  /** Moves to `state`; `facts` replaces what is known about the tunnel (kept when omitted). */
  enter(state: ConnectionState, facts?: Partial<TunnelFacts>, error: FerryError | null = null): void {
    const changed = state !== this.state || error !== this.error;
    if (state !== this.state) this.sinceWallMs = this.clock.wallMs();
    this.state = state;
    this.error = error;
    if (facts) this.facts = { ...this.facts, ...facts };
    if (state === 'disconnected') this.facts = NO_TUNNEL;
    if (changed || facts) this.announce();
  }

  /** Announces the status again when something shown with it changed (the firewall block). */
  refresh(): void {
    this.announce();
  }

  onChange(listener: (status: Status) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): Status {
    const sample = this.latestSample();
    const block = this.currentBlock();
    const lastHandshakeAt =
      sample?.handshakeAgeSeconds == null ? null : new Date(Date.parse(sample.at) - sample.handshakeAgeSeconds * 1000).toISOString();
    return {
      state: this.state,
      since: new Date(this.sinceWallMs).toISOString(),
      ...this.facts,
      addresses: [...this.facts.addresses],
      lastHandshakeAt,
      handshakeAgeSeconds: sample?.handshakeAgeSeconds ?? null,
      rxBytes: sample?.rxBytes ?? 0,
      txBytes: sample?.txBytes ?? 0,
      rxRateBps: sample?.rxRateBps ?? 0,
      txRateBps: sample?.txRateBps ?? 0,
      latencyMs: sample?.latencyMs ?? null,
      error: this.error ? { code: this.error.code, message: this.error.message } : null,
      blockedBy: block?.reason ?? null,
      blockedSince: block ? new Date(block.sinceWallMs).toISOString() : null,
    };
  }

  private announce(): void {
    const status = this.snapshot();
    for (const listener of this.listeners) listener(status);
  }
}
