// Who is at the other end of a Unix socket connection (SO_PEERCRED, unix(7)), for the helper's authorisation.
import type { Socket } from 'node:net';
import { nativeAddon } from './addon.js';
import { socketFd } from './socket-fd.js';

export interface PeerCredentials {
  pid: number;
  uid: number;
  gid: number;
}

/** The credentials the kernel recorded when the peer connected; they cannot be forged by the peer. */
export function peerCredentials(socket: Socket): PeerCredentials {
  return nativeAddon().peerCredentials(socketFd(socket));
}
