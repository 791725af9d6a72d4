// The profile model's conversions: the secret-free public view the IPC sends, and applying create/update input.
import { encodeKey, parseKey } from '../keys/base64-key.js';
import type { WgInterfaceSection, WgPeerSection, WgQuickConfig } from '../config/wg-config.js';
import type { ProfileInput, PublicPeer, PublicProfile } from './profile-schema.js';

export { validateProfile, type ProfileFieldError, type ValidateOptions } from './profile-validation.js';

/** Drops properties whose value is undefined, so optional fields are absent rather than present-and-undefined. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function copyInterface(section: Omit<WgInterfaceSection, 'privateKey'>): Omit<WgInterfaceSection, 'privateKey'> {
  return compact({
    addresses: [...section.addresses],
    dns: [...section.dns],
    dnsSearch: [...section.dnsSearch],
    mtu: section.mtu,
    listenPort: section.listenPort,
    fwMark: section.fwMark,
    table: section.table && { ...section.table },
    preUp: [...section.preUp],
    postUp: [...section.postUp],
    preDown: [...section.preDown],
    postDown: [...section.postDown],
    saveConfig: section.saveConfig,
  });
}

function publicPeer(peer: WgPeerSection): PublicPeer {
  return compact({
    publicKey: peer.publicKey,
    hasPresharedKey: peer.presharedKey !== undefined,
    allowedIps: [...peer.allowedIps],
    endpoint: peer.endpoint && { ...peer.endpoint },
    persistentKeepalive: peer.persistentKeepalive,
  });
}

/**
 * The view of a stored profile that may leave the helper: the interface's public key replaces its private key and
 * peers only say whether they have a PSK. The caller injects X25519. A stored profile always has a valid private
 * key, so a missing or invalid one is a bug and throws.
 */
export function toPublicProfile(
  name: string, config: WgQuickConfig, publicKeyOf: (privateKey: Uint8Array) => Uint8Array,
): PublicProfile {
  const privateKey = config.interface.privateKey === undefined ? null : parseKey(config.interface.privateKey);
  if (!privateKey) throw new Error(`profile '${name}' has no valid private key`);
  return {
    name,
    interface: { ...copyInterface(config.interface), publicKey: encodeKey(publicKeyOf(privateKey)) },
    peers: config.peers.map(publicPeer),
  };
}

/**
 * Builds the configuration to store from create/update input. An absent private key keeps `previous`'s (or stays
 * absent: the helper generates one). A peer's absent PSK keeps the PSK of the previous peer with the same public
 * key; `null` removes it.
 */
export function applyProfileInput(input: ProfileInput, previous?: WgQuickConfig): WgQuickConfig {
  const { privateKey, ...rest } = input.interface;
  const previousPsk = new Map(previous?.peers.map((peer) => [peer.publicKey, peer.presharedKey]) ?? []);
  const peers = input.peers.map((peer): WgPeerSection => {
    const presharedKey = peer.presharedKey === null ? undefined : (peer.presharedKey ?? previousPsk.get(peer.publicKey));
    return compact({
      publicKey: peer.publicKey,
      presharedKey,
      allowedIps: [...peer.allowedIps],
      endpoint: peer.endpoint && { ...peer.endpoint },
      persistentKeepalive: peer.persistentKeepalive,
    });
  });
  const section = compact({ ...copyInterface(rest), privateKey: privateKey ?? previous?.interface.privateKey });
  return { interface: section, peers };
}
