// profile.update input from what the app knows of a profile (its public view): no private key or PSK, so ferryd keeps both.
import type { WgQuickConfig } from '../../../../../shared/src/config/wg-config.js';
import type { ProfileBody } from '../../../../../shared/src/protocol/methods.js';
import type { PublicProfile } from '../../../../../shared/src/profile/profile-schema.js';

/** The profile unchanged, as update input: absent privateKey and presharedKey mean "keep the stored ones". */
export function bodyFromProfile(profile: PublicProfile): ProfileBody {
  const { publicKey: _publicKey, ...iface } = profile.interface;
  return {
    interface: { ...iface },
    peers: profile.peers.map(({ hasPresharedKey: _psk, ...peer }) => ({ ...peer })),
  };
}

/** The profile as wg-quick config without secrets (what the text editor shows; the same as profile.export's text). */
export function configFromProfile(profile: PublicProfile): WgQuickConfig {
  const body = bodyFromProfile(profile);
  return { interface: body.interface, peers: body.peers.map(({ presharedKey: _psk, ...peer }) => peer) };
}
