// Per-peer protocol timers as deadlines checked by Device.tick() (hooks and expiries of wireguard-go timers.go, whitepaper §6).
import type { Clock } from '../time/clock.js';
import type { Random } from './random.js';
import { KEEPALIVE_TIMEOUT_MS, REKEY_TIMEOUT_JITTER_MAX_MS, REKEY_TIMEOUT_MS, ZERO_KEY_MATERIAL_AFTER_MS } from './constants.js';

/*
 * What arms and clears what (a timer is "pending" while its deadline is finite):
 *
 *   DataSent ─────────────► newHandshake = 15 s + jitter (if not pending)
 *   DataReceived ─────────► sendKeepalive = 10 s (if not pending, else needAnotherKeepalive)
 *   AnyAuthenticatedSent ─► sendKeepalive cleared
 *   AnyAuthenticatedRecv ─► newHandshake cleared
 *   HandshakeInitiated ───► retransmitHandshake = 5 s + jitter
 *   HandshakeComplete ────► retransmitHandshake cleared, attempts = 0
 *   SessionDerived ───────► zeroKeyMaterial = 540 s
 *   AnyAuthTraversal ─────► persistentKeepalive = N s (when configured)
 */
export type TimerName = 'retransmitHandshake' | 'sendKeepalive' | 'newHandshake' | 'zeroKeyMaterial' | 'persistentKeepalive';

const TIMER_NAMES: readonly TimerName[] = ['retransmitHandshake', 'sendKeepalive', 'newHandshake', 'zeroKeyMaterial', 'persistentKeepalive'];

export class PeerTimers {
  /** Monotonic deadline per timer; Infinity when not pending. */
  readonly deadlineMs: Record<TimerName, number> = {
    retransmitHandshake: Infinity, sendKeepalive: Infinity, newHandshake: Infinity,
    zeroKeyMaterial: Infinity, persistentKeepalive: Infinity,
  };
  handshakeAttempts = 0;
  needAnotherKeepalive = false;
  sentLastMinuteHandshake = false;
  /** False while the device is down: hooks then arm nothing (wireguard-go's timersActive). */
  active = false;

  constructor(private readonly clock: Clock, private readonly random: Random, public persistentKeepaliveMs: number) {}

  /** Call after an authenticated data (non-keepalive) batch is sent. */
  timersDataSent(): void {
    if (this.active && !this.isPending('newHandshake')) {
      this.arm('newHandshake', KEEPALIVE_TIMEOUT_MS + REKEY_TIMEOUT_MS + this.jitterMs());
    }
  }

  /** Call after an authenticated, non-empty data packet is received. */
  timersDataReceived(): void {
    if (!this.active) return;
    if (!this.isPending('sendKeepalive')) this.arm('sendKeepalive', KEEPALIVE_TIMEOUT_MS);
    else this.needAnotherKeepalive = true;
  }

  /** Call after any authenticated packet is sent: data, keepalive, initiation or response. */
  timersAnyAuthenticatedPacketSent(): void {
    if (this.active) this.clear('sendKeepalive');
  }

  /** Call after any authenticated packet is received: data, keepalive, initiation or response. */
  timersAnyAuthenticatedPacketReceived(): void {
    if (this.active) this.clear('newHandshake');
  }

  /** Call after a handshake initiation is sent. */
  timersHandshakeInitiated(): void {
    if (this.active) this.arm('retransmitHandshake', REKEY_TIMEOUT_MS + this.jitterMs());
  }

  /** Call after a response is consumed (initiator) or the first data arrives on a new keypair (responder). */
  timersHandshakeComplete(): void {
    if (this.active) this.clear('retransmitHandshake');
    this.handshakeAttempts = 0;
    this.sentLastMinuteHandshake = false;
  }

  /** Call after a keypair is derived: when sending a response or after consuming one. */
  timersSessionDerived(): void {
    if (this.active) this.arm('zeroKeyMaterial', ZERO_KEY_MATERIAL_AFTER_MS);
  }

  /** Call before sending or after receiving any authenticated packet. */
  timersAnyAuthenticatedPacketTraversal(): void {
    if (this.active && this.persistentKeepaliveMs > 0) this.arm('persistentKeepalive', this.persistentKeepaliveMs);
  }

  isPending(name: TimerName): boolean {
    return this.deadlineMs[name] !== Infinity;
  }

  arm(name: TimerName, delayMs: number): void {
    this.deadlineMs[name] = this.clock.nowMs() + delayMs;
  }

  clear(name: TimerName): void {
    this.deadlineMs[name] = Infinity;
  }

  /** Starts the timers afresh (device up). */
  start(): void {
    this.stop();
    this.active = true;
    this.handshakeAttempts = 0;
    this.needAnotherKeepalive = false;
    this.sentLastMinuteHandshake = false;
  }

  /** Clears every deadline and disarms the hooks (device down). */
  stop(): void {
    this.active = false;
    for (const name of TIMER_NAMES) this.deadlineMs[name] = Infinity;
  }

  nextDeadlineMs(): number {
    let next = Infinity;
    for (const name of TIMER_NAMES) next = Math.min(next, this.deadlineMs[name]);
    return next;
  }

  /** The earliest timer due at `nowMs`, now cleared so the caller can run its expiry; null if none. */
  takeExpired(nowMs: number): TimerName | null {
    let due: TimerName | null = null;
    for (const name of TIMER_NAMES) {
      if (this.deadlineMs[name] <= nowMs && (due === null || this.deadlineMs[name] < this.deadlineMs[due])) due = name;
    }
    if (due !== null) this.clear(due);
    return due;
  }

  /** Uniform integer jitter in [0, REKEY_TIMEOUT_JITTER_MAX_MS). */
  private jitterMs(): number {
    return Math.floor(this.random.float() * REKEY_TIMEOUT_JITTER_MAX_MS);
  }
}
