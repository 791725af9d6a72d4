// Who may do what (DESIGN.md §1): root and members of the `ferry` group may write, every other local user may read.
import type { Access } from '../../../shared/src/protocol/methods.js';
import type { GroupDatabase } from './group-database.js';

export const FERRY_GROUP = 'ferry';

/** The peer of a Unix socket as SO_PEERCRED reports it (helper/src/native/peer-credentials.ts). */
export interface PeerCredentials {
  pid: number;
  uid: number;
  gid: number;
}

/** How the server learns a connection's peer; injected so tests can fake it. Throws when it cannot tell. */
export type CredentialsOf = (socket: import('node:net').Socket) => PeerCredentials;

/**
 * SO_PEERCRED gives the peer's uid and primary gid only, so supplementary membership is read from the group
 * file: the user's name (from passwd) listed in the group, or the group being the user's primary group there.
 */
export function accessFor(credentials: PeerCredentials | null, groups: GroupDatabase, groupName = FERRY_GROUP): Access {
  if (!credentials) return 'read';
  if (credentials.uid === 0) return 'write';
  const group = groups.group(groupName);
  if (!group) return 'read';
  if (credentials.gid === group.gid) return 'write';
  const user = groups.user(credentials.uid);
  if (user && (user.gid === group.gid || group.members.includes(user.name))) return 'write';
  return 'read';
}
