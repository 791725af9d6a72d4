// FerryApi over the browser host's WebSocket: requests by id, pushed events and link state, reconnecting if the host goes away.
import { ferryError, type FerryResult } from '../../../../shared/src/protocol/errors.js';
import type { FerryEvent } from '../../../../shared/src/protocol/events.js';
import { CONNECTING, type BridgeConnection } from '../../../common/bridge-connection.js';
import type { FerryApi } from '../../../common/ferry-api.js';
import { hostMessageSchema, HOST_SOCKET_PATH, type HostMessage } from '../../../common/host-wire.js';

const RETRY_DELAYS_MS = [250, 500, 1000, 2000];
const HOST_GONE_MESSAGE = 'This page lost its Ferry host. If you stopped `npm run host`, start it again and open the address it prints.';
/** What a call gets while the page has no host: the host, not ferryd, is what is missing. */
const HOST_GONE_ERROR = ferryError('SERVICE_UNAVAILABLE', HOST_GONE_MESSAGE);
const HOST_GONE: BridgeConnection = {
  status: 'service-unavailable',
  reason: 'host-gone',
  message: HOST_GONE_MESSAGE,
};

export function createWebSocketApi(origin: string, token: string): FerryApi {
  const pending = new Map<number, (result: FerryResult<unknown>) => void>();
  const eventListeners = new Set<(event: FerryEvent) => void>();
  const connectionListeners = new Set<(connection: BridgeConnection) => void>();
  let link: BridgeConnection = CONNECTING;
  let socket: WebSocket | null = null;
  let nextId = 1;
  let failures = 0;

  const setLink = (next: BridgeConnection): void => {
    link = next;
    for (const listener of connectionListeners) listener(next);
  };

  const onMessage = (message: HostMessage): void => {
    if (message.kind === 'connection') setLink(message.connection);
    else if (message.kind === 'event') for (const listener of eventListeners) listener({ event: message.event, data: message.data } as FerryEvent);
    else {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(message.kind === 'result' ? { ok: true, value: message.result } : { ok: false, error: message.error });
    }
  };

  const open = (): void => {
    const url = `${origin.replace(/^http/, 'ws')}${HOST_SOCKET_PATH}?token=${encodeURIComponent(token)}`;
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      failures = 0;
    };
    ws.onmessage = (frame) => {
      let json: unknown;
      try {
        json = JSON.parse(String(frame.data));
      } catch {
        return;
      }
      const parsed = hostMessageSchema.safeParse(json);
      if (parsed.success) onMessage(parsed.data);
    };
    ws.onclose = () => {
      socket = null;
      for (const resolve of pending.values()) resolve({ ok: false, error: HOST_GONE_ERROR });
      pending.clear();
      if (link.status !== 'service-unavailable' || link.reason !== 'host-gone') setLink(HOST_GONE);
      setTimeout(open, RETRY_DELAYS_MS[Math.min(failures++, RETRY_DELAYS_MS.length - 1)]);
    };
  };
  open();

  return {
    call: ((method: string, params?: unknown) => {
      if (socket === null || socket.readyState !== WebSocket.OPEN) {
        return Promise.resolve({ ok: false, error: HOST_GONE_ERROR });
      }
      const id = nextId++;
      const sent = socket;
      return new Promise<FerryResult<unknown>>((resolve) => {
        pending.set(id, resolve);
        sent.send(JSON.stringify(params === undefined ? { id, method } : { id, method, params }));
      });
    }) as FerryApi['call'],
    onEvent: (listener) => {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnection: (listener) => {
      connectionListeners.add(listener);
      listener(link);
      return () => connectionListeners.delete(listener);
    },
  };
}
