// The file descriptor behind a Node socket, for the socket options Node has no API for.
import { Socket as DgramSocket } from 'node:dgram';
import type { Socket as NetSocket } from 'node:net';

interface LibuvHandle {
  fd?: unknown;
}

/**
 * Node has no public API for a socket's descriptor; it sits on the libuv wrap (Pipe, TCP or UDP) as `fd`.
 * net.Socket keeps the wrap in `_handle`. dgram.Socket keeps it in its `state symbol` object, and its
 * `_handle` getter only adds a deprecation warning (DEP0112). Both are internal, so this is the one place
 * that reads them. Throws when there is no descriptor (closed, or a dgram socket not yet bound).
 */
export function socketFd(socket: NetSocket | DgramSocket): number {
  const fd = libuvHandle(socket)?.fd;
  if (typeof fd !== 'number' || fd < 0) throw new Error('socket has no file descriptor (closed or not yet bound)');
  return fd;
}

function libuvHandle(socket: NetSocket | DgramSocket): LibuvHandle | null | undefined {
  if (!(socket instanceof DgramSocket)) return (socket as unknown as { _handle?: LibuvHandle | null })._handle;
  const stateKey = Object.getOwnPropertySymbols(socket).find((symbol) => symbol.description === 'state symbol');
  if (stateKey === undefined) return undefined;
  return (socket as unknown as Record<symbol, { handle?: LibuvHandle | null } | undefined>)[stateKey]?.handle;
}
