// An in-memory FerryService for tests: records calls, changes state on connect/disconnect, emits what tests ask.
import { EventEmitter } from 'node:events';
import { fail, ok, type FerryResult } from '../../../shared/src/protocol/errors.js';
import type { Settings } from '../../../shared/src/protocol/settings.js';
import { disconnectedStatus, type Status } from '../../../shared/src/protocol/state.js';
import { emptyStatsSample, type StatsSample } from '../../../shared/src/protocol/stats.js';
import type { ConnectOptions, FerryService, FerryServiceEvents } from './service.js';

export const FAKE_TIME = '2026-01-01T00:00:00.000Z';

export class FakeFerryService implements FerryService {
  readonly events = new EventEmitter<FerryServiceEvents>();
  current: Status = disconnectedStatus(FAKE_TIME);
  sample: StatsSample = emptyStatsSample(FAKE_TIME);
  history: StatsSample[] = [];
  readonly connectCalls: { name: string; options: ConnectOptions }[] = [];
  readonly settingsChanges: { settings: Settings; previous: Settings }[] = [];
  /** When set, the next connect fails with this result. */
  connectFailure: FerryResult<Status> | null = null;

  status(): Status {
    return this.current;
  }

  async connect(name: string, options: ConnectOptions): Promise<FerryResult<Status>> {
    this.connectCalls.push({ name, options });
    if (this.connectFailure) return this.connectFailure;
    if (this.current.state !== 'disconnected') return fail('ALREADY_CONNECTED');
    this.setStatus({
      ...this.current,
      state: options.wait ? 'connected' : 'connecting',
      profile: name,
      interfaceName: 'ferry0',
      addresses: ['10.0.0.2/32'],
      endpoint: '192.0.2.1:51820',
    });
    return ok(this.current);
  }

  async disconnect(): Promise<FerryResult<Status>> {
    if (this.current.state === 'disconnected') return fail('NOT_CONNECTED');
    this.setStatus(disconnectedStatus(FAKE_TIME));
    return ok(this.current);
  }

  statsNow(): StatsSample {
    return this.sample;
  }

  statsHistory(seconds: number): StatsSample[] {
    return this.history.slice(-seconds);
  }

  onSettingsChanged(settings: Settings, previous: Settings): void {
    this.settingsChanges.push({ settings, previous });
  }

  setStatus(status: Status): void {
    this.current = status;
    this.events.emit('state', status);
  }

  emitStats(sample: StatsSample): void {
    this.sample = sample;
    this.events.emit('stats', sample);
  }
}
