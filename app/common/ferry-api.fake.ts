// A FerryApi double for store and UI tests: scripted replies per method, and hooks to push events and link changes.
import type { FerryResult } from '../../shared/src/protocol/errors.js';
import type { FerryEvent } from '../../shared/src/protocol/events.js';
import type { UiMethodName } from './app-methods.js';
import { CONNECTING, type BridgeConnection } from './bridge-connection.js';
import type { FerryApi } from './ferry-api.js';

export class FakeFerryApi implements FerryApi {
  readonly calls: { method: UiMethodName; params: unknown }[] = [];
  readonly replies = new Map<UiMethodName, (params: unknown) => FerryResult<unknown>>();
  private readonly eventListeners = new Set<(event: FerryEvent) => void>();
  private readonly connectionListeners = new Set<(connection: BridgeConnection) => void>();
  private link: BridgeConnection = CONNECTING;

  call = ((method: UiMethodName, params?: unknown) => {
    this.calls.push({ method, params });
    const reply = this.replies.get(method);
    return Promise.resolve(reply ? reply(params) : { ok: false, error: { code: 'UNKNOWN_METHOD', message: `no reply scripted for ${method}` } });
  }) as FerryApi['call'];

  onEvent(listener: (event: FerryEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onConnection(listener: (connection: BridgeConnection) => void): () => void {
    this.connectionListeners.add(listener);
    listener(this.link);
    return () => this.connectionListeners.delete(listener);
  }

  emit(event: FerryEvent): void {
    for (const listener of this.eventListeners) listener(event);
  }

  setLink(link: BridgeConnection): void {
    this.link = link;
    for (const listener of this.connectionListeners) listener(link);
  }
}
