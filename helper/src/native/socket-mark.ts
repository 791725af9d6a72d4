// SO_MARK on a Node socket (socket(7), needs CAP_NET_ADMIN): lets policy routing send it around the tunnel.
import type { Socket as DgramSocket } from 'node:dgram';
import type { Socket as NetSocket } from 'node:net';
import { nativeAddon } from './addon.js';
import { socketFd } from './socket-fd.js';

/** Marks an open (for dgram: bound) socket; throws EPERM without CAP_NET_ADMIN. */
export function setSocketMark(socket: NetSocket | DgramSocket, mark: number): void {
  nativeAddon().setSocketMark(socketFd(socket), mark);
}
