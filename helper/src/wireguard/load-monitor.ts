// Decides when the device is "under load" and must demand cookies (wireguard-go IsUnderLoad, adapted to a sans-IO device).
import { UNDER_LOAD_AFTER_MS, UNDER_LOAD_HANDSHAKES } from './constants.js';

// wireguard-go is under load when its handshake queue is 1/8 full (128 messages). We process handshakes
// synchronously, so the analogue is the number of handshake messages seen within one window of this length.
const WINDOW_MS = 1_000;

export class LoadMonitor {
  private windowStartMs = -Infinity;
  private countInWindow = 0;
  private underLoadUntilMs = -Infinity;

  constructor(private readonly threshold: number = UNDER_LOAD_HANDSHAKES) {}

  /** Call for each incoming handshake message (initiation or response) before its macs are checked. */
  noteHandshake(nowMs: number): void {
    if (nowMs - this.windowStartMs >= WINDOW_MS) {
      this.windowStartMs = nowMs;
      this.countInWindow = 0;
    }
    this.countInWindow++;
    if (this.countInWindow > this.threshold) this.underLoadUntilMs = nowMs + UNDER_LOAD_AFTER_MS;
  }

  /** True while overloaded and for UNDER_LOAD_AFTER_MS after. */
  isUnderLoad(nowMs: number): boolean {
    return nowMs < this.underLoadUntilMs;
  }
}
