// One browser page's WebSocket: forwards its calls to the bridge (shared method table only) and pushes events and link state.
import type { WebSocket } from 'ws';
import { LOSSY_EVENTS } from '../../shared/src/protocol/events.js';
import type { EventName } from '../../shared/src/protocol/methods.js';
import { hostRequestSchema, type HostMessage } from '../common/host-wire.js';
import type { UiRouter } from '../main/ui-router.js';

/** Beyond this much unsent data, stats and log events are dropped for this page (the next one supersedes them). */
const LOSSY_BACKLOG_BYTES = 1024 * 1024;

function send(socket: WebSocket, message: HostMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

async function onFrame(socket: WebSocket, bridge: UiRouter, text: string): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    socket.close(1007, 'not JSON');
    return;
  }
  const request = hostRequestSchema.safeParse(json);
  if (!request.success) {
    socket.close(1008, 'not a request');
    return;
  }
  const { id, method, params } = request.data;
  const outcome = await bridge.callByName(method, params);
  send(socket, outcome.ok ? { kind: 'result', id, result: outcome.value } : { kind: 'error', id, error: outcome.error });
}

/** Wires one accepted page to the bridge until the socket closes. */
export function servePage(socket: WebSocket, bridge: UiRouter): void {
  const stopEvents = bridge.onEvent((event) => {
    if (LOSSY_EVENTS.has(event.event as EventName) && socket.bufferedAmount > LOSSY_BACKLOG_BYTES) return;
    send(socket, { kind: 'event', event: event.event, data: event.data });
  });
  const stopConnection = bridge.onConnection((connection) => send(socket, { kind: 'connection', connection }));
  socket.on('message', (data, isBinary) => {
    if (isBinary) socket.close(1003, 'text frames only');
    else void onFrame(socket, bridge, data.toString());
  });
  socket.on('close', () => {
    stopEvents();
    stopConnection();
  });
}
